package org.migrationkit.sms.cli;

import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsClientException;
import org.migrationkit.sms.auth.DefaultCredentialsProvider;

/**
 * Builds the {@link SmsClient} of one command from the global options, reading credentials with the
 * SDK's own {@link DefaultCredentialsProvider} over the command's environment (what {@code
 * SmsClient.create()} reads), so the CLI finds keys exactly where the SDK does.
 */
final class ClientFactory {
  /** The environment variable {@code SmsClient.create()} takes the region from. */
  static final String REGION_VARIABLE = "HUAWEICLOUD_SDK_REGION";

  /**
   * The global options that shape the client.
   *
   * @param endpoint the base URL, or {@code null} for the region's
   * @param region the region id, or {@code null} for {@code HUAWEICLOUD_SDK_REGION}
   * @param profile the profile file section, or {@code null} for the SDK's default
   * @param verbose whether every call is printed on standard error
   */
  record Options(
      @Nullable String endpoint,
      @Nullable String region,
      @Nullable String profile,
      boolean verbose) {}

  private ClientFactory() {}

  /**
   * Opens a client.
   *
   * @throws UsageException when options conflict, no region or endpoint is known, or no credentials
   *     are found (the message lists where the SDK looked)
   */
  static SmsClient open(Options options, CliEnvironment environment, PrintWriter err) {
    SmsClient.Builder builder =
        SmsClient.builder().userAgentSuffix("sms-cli/" + CliVersion.VERSION);
    try {
      if (options.endpoint() != null && options.region() != null) {
        throw new UsageException("--endpoint conflicts with --region: give one of them");
      }
      if (options.endpoint() != null) {
        builder.endpoint(options.endpoint());
      } else {
        String region = options.region();
        if (region == null) {
          region = environment.variables().get(REGION_VARIABLE);
        }
        if (region == null || region.isBlank()) {
          throw new UsageException(
              "no region: give --region ID or --endpoint URL, or set " + REGION_VARIABLE);
        }
        builder.region(region);
      }
      DefaultCredentialsProvider.Builder chain =
          DefaultCredentialsProvider.builder()
              .environment(environment.variables())
              .homeDirectory(environment.home());
      if (options.profile() != null) {
        chain.profile(options.profile());
      }
      DefaultCredentialsProvider credentials = chain.build();
      // missing credentials are a configuration error, reported before any call
      credentials.resolveCredentials();
      credentials.iamEndpoint().ifPresent(builder::iamEndpoint);
      builder.credentialsProvider(credentials);
      if (options.verbose()) {
        builder.eventListener(new VerboseCalls(err));
      }
      return builder.build();
    } catch (SmsClientException | IllegalArgumentException | IllegalStateException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }
}
