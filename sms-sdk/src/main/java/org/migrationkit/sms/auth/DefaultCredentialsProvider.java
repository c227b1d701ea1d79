package org.migrationkit.sms.auth;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.SmsClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds credentials where Huawei Cloud users already keep them; the first step that has some wins.
 *
 * <pre>{@code
 * CredentialsProvider credentials = DefaultCredentialsProvider.create();
 * CredentialsProvider onEcs = DefaultCredentialsProvider.builder().metadataEnabled(true).build();
 * }</pre>
 *
 * <ol>
 *   <li>Environment: {@code HUAWEICLOUD_SDK_AK} and {@code HUAWEICLOUD_SDK_SK}, else {@code
 *       CLOUD_SDK_AK} and {@code CLOUD_SDK_SK}; with {@code HUAWEICLOUD_SDK_SECURITY_TOKEN} and
 *       {@code HUAWEICLOUD_SDK_DOMAIN_ID} when set.
 *   <li>Profile file: {@code $HUAWEICLOUD_SDK_CREDENTIALS_FILE}, else {@code
 *       ~/.huaweicloud/credentials}; section {@code [global]}, else {@code [globalcredentials]}, or
 *       only the profile named by {@link Builder#profile} or {@code HUAWEICLOUD_SDK_PROFILE}; keys
 *       {@code ak}, {@code sk}, {@code security_token}, {@code domain_id}, {@code iam_endpoint}.
 *       Logs one WARN per file when group or others may access it, and uses it all the same.
 *   <li>ECS/BMS metadata (IMDSv2) temporary credentials, only when {@code
 *       HUAWEICLOUD_SDK_METADATA_ENABLED=true} or {@link Builder#metadataEnabled}; refreshed when
 *       less than five minutes remain, by one caller while the others go on with the held ones.
 * </ol>
 *
 * <p>The chain runs on the first call that finds credentials, not in {@code build()}; later calls
 * return what that step gives, so a changed profile file is read again only by a new provider.
 * Failed calls are not remembered. Thread-safe.
 */
public final class DefaultCredentialsProvider implements CredentialsProvider {
  static final String IAM_ENDPOINT = "HUAWEICLOUD_SDK_IAM_ENDPOINT";
  private static final Logger LOG = LoggerFactory.getLogger(DefaultCredentialsProvider.class);

  private final Map<String, String> environment;
  private final Path homeDirectory;
  private final @Nullable String profile;
  private final @Nullable Boolean metadataEnabled;
  private final String metadataEndpoint;
  private final Clock clock;
  private final List<CredentialsStep> steps;

  /** The step that found credentials, once one has; {@code null} until then. */
  private volatile CredentialsStep.@Nullable Found found;

  private DefaultCredentialsProvider(Builder builder) {
    this.environment =
        builder.environment != null ? builder.environment : Map.copyOf(System.getenv());
    this.homeDirectory =
        builder.homeDirectory != null
            ? builder.homeDirectory
            : Path.of(System.getProperty("user.home", ""));
    this.profile = builder.profile;
    this.metadataEnabled = builder.metadataEnabled;
    this.metadataEndpoint = builder.metadataEndpoint;
    this.clock = builder.clock;
    String chosenProfile =
        profile != null ? profile : text(environment, ProfileCredentialsStep.PROFILE);
    boolean metadata =
        metadataEnabled != null
            ? metadataEnabled
            : "true".equalsIgnoreCase(text(environment, MetadataCredentialsStep.ENABLED));
    this.steps =
        List.of(
            new EnvironmentCredentialsStep(environment),
            new ProfileCredentialsStep(
                ProfileCredentialsStep.file(environment, homeDirectory), chosenProfile),
            new MetadataCredentialsStep(metadata, metadataEndpoint, clock));
  }

  /** {@return the chain over this process's environment and the {@code user.home} directory} */
  public static DefaultCredentialsProvider create() {
    return builder().build();
  }

  /** {@return a builder; whatever is not set comes from the process, as in {@link #create()}} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder with this provider's settings, and none of what it has found} */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.environment = environment;
    builder.homeDirectory = homeDirectory;
    builder.profile = profile;
    builder.metadataEnabled = metadataEnabled;
    builder.metadataEndpoint = metadataEndpoint;
    builder.clock = clock;
    return builder;
  }

  /**
   * Returns the credentials of the first step that has some.
   *
   * @throws SmsClientException when no step has credentials, with one line naming each step and why
   *     it had none; or when metadata credentials expired and could not be refreshed
   */
  @Override
  public Credentials resolveCredentials() {
    CredentialsStep.Found known = found;
    if (known != null) {
      return known.source().resolveCredentials();
    }
    List<String> whyNot = new ArrayList<>(steps.size());
    for (CredentialsStep step : steps) {
      CredentialsStep.Found hit = step.find(whyNot);
      if (hit != null) {
        LOG.debug("Using credentials from {}", hit.origin());
        found = hit;
        return hit.source().resolveCredentials();
      }
    }
    throw new SmsClientException("no credentials found: " + String.join("; ", whyNot));
  }

  /**
   * {@return the IAM endpoint to use with these credentials: {@code HUAWEICLOUD_SDK_IAM_ENDPOINT},
   * else the profile's {@code iam_endpoint} once {@link #resolveCredentials()} took them from the
   * profile file; empty otherwise, meaning the caller's default}
   */
  public Optional<String> iamEndpoint() {
    String configured = text(environment, IAM_ENDPOINT);
    if (configured != null) {
      return Optional.of(configured);
    }
    CredentialsStep.Found known = found;
    return known == null ? Optional.empty() : Optional.ofNullable(known.iamEndpoint());
  }

  /** Returns a variable's value stripped, or {@code null} when it is unset or blank. */
  static @Nullable String text(Map<String, String> environment, String name) {
    String value = environment.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  @Override
  public String toString() {
    CredentialsStep.Found known = found;
    return "DefaultCredentialsProvider{"
        + (known == null ? "not resolved" : "from " + known.origin())
        + "}";
  }

  /** Configures a {@link DefaultCredentialsProvider}; tests inject the environment and home. */
  public static final class Builder {
    private @Nullable Map<String, String> environment;
    private @Nullable Path homeDirectory;
    private @Nullable String profile;
    private @Nullable Boolean metadataEnabled;
    private String metadataEndpoint = MetadataClient.DEFAULT_ENDPOINT;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Reads variables from {@code environment} instead of {@link System#getenv()}; copied.
     *
     * @param environment the variables to read
     * @return this builder
     */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(environment);
      return this;
    }

    /**
     * Looks for {@code .huaweicloud/credentials} under this directory, not {@code user.home}.
     *
     * @param homeDirectory the directory that holds {@code .huaweicloud}
     * @return this builder
     */
    public Builder homeDirectory(Path homeDirectory) {
      this.homeDirectory = Objects.requireNonNull(homeDirectory, "homeDirectory");
      return this;
    }

    /**
     * Reads only section {@code [profile]} of the profile file, whatever {@code
     * HUAWEICLOUD_SDK_PROFILE} says; without it, that variable, else {@code [global]} and then
     * {@code [globalcredentials]}.
     *
     * @param profile the section name
     * @return this builder
     * @throws IllegalArgumentException when the name is blank
     */
    public Builder profile(String profile) {
      if (profile.isBlank()) {
        throw new IllegalArgumentException("profile must not be blank");
      }
      this.profile = profile.strip();
      return this;
    }

    /**
     * Turns the ECS/BMS metadata step on or off, whatever {@code HUAWEICLOUD_SDK_METADATA_ENABLED}
     * says; without it, that variable decides and the step is off unless it is {@code true}.
     *
     * @param metadataEnabled whether to ask the metadata service
     * @return this builder
     */
    public Builder metadataEnabled(boolean metadataEnabled) {
      this.metadataEnabled = metadataEnabled;
      return this;
    }

    /**
     * Sets the metadata service's base URL; {@code http://169.254.169.254} by default. Tests point
     * it at a local server.
     *
     * @param metadataEndpoint the base URL, such as {@code http://127.0.0.1:8080}
     * @return this builder
     * @throws IllegalArgumentException when it is not an http or https URL with a host
     */
    public Builder metadataEndpoint(String metadataEndpoint) {
      URI uri;
      try {
        uri = URI.create(metadataEndpoint.strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("metadataEndpoint is not a URL: " + metadataEndpoint, e);
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new IllegalArgumentException(
            "metadataEndpoint must be an http or https URL with a host: " + metadataEndpoint);
      }
      String text = uri.toString();
      this.metadataEndpoint = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
      return this;
    }

    /**
     * Sets the clock that metadata credentials' expiry is checked against; for tests.
     *
     * @param clock the clock to check expiry against
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** {@return the provider; it reads nothing and sends nothing until first asked} */
    public DefaultCredentialsProvider build() {
      return new DefaultCredentialsProvider(this);
    }
  }
}
