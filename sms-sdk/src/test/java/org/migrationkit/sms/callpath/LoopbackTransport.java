package org.migrationkit.sms.callpath;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.migrationkit.sms.RetryBudget;
import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.internal.ProviderCredentials;
import org.migrationkit.sms.internal.RetryAfterShield;
import org.migrationkit.sms.internal.Transport;
import org.migrationkit.sms.internal.TransportSettings;

/**
 * A {@link Transport} on loopback endpoints, with an OkHttp client configured as {@code
 * SmsClient.Builder} configures its own: no redirects, no silent retries, Retry-After shielded.
 */
final class LoopbackTransport {
  static final String AK = "HPUA6QWERTYASDF1234Z";
  static final String SK = "s3cr3tK3yExample0123456789abcdefghijklmno";
  static final String DOMAIN_ID = "0970dd7a1300f5672ff2c003c60ae115";

  private LoopbackTransport() {}

  /** Retries at once, up to 3 attempts, from a budget of its own. */
  static RetryPolicy fastRetries() {
    return RetryPolicy.builder()
        .baseDelay(Duration.ZERO)
        .throttlingBaseDelay(Duration.ZERO)
        .retryBudget(RetryBudget.unlimited())
        .build();
  }

  static Transport create(RetryPolicy policy, Duration readTimeout, String... endpoints) {
    OkHttpClient http =
        new OkHttpClient.Builder()
            .followRedirects(false)
            .retryOnConnectionFailure(false)
            .connectTimeout(2, TimeUnit.SECONDS)
            .readTimeout(readTimeout)
            .addNetworkInterceptor(RetryAfterShield.INSTANCE)
            .build();
    TransportSettings settings =
        new TransportSettings(
            http,
            Arrays.stream(endpoints).map(HttpUrl::get).toList(),
            ProviderCredentials.fixed(Credentials.akSk(AK, SK).withDomainId(DOMAIN_ID)));
    settings.retryPolicy = policy;
    settings.callTimeout = Duration.ofSeconds(20);
    return new Transport(settings);
  }

  static Transport create(String... endpoints) {
    return create(fastRetries(), Duration.ofSeconds(5), endpoints);
  }
}
