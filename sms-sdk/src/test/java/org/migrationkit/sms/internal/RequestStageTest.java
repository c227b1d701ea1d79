package org.migrationkit.sms.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.auth.Credentials;

/**
 * The request stage's URL and {@code Host} header, which the signature covers: what is worked out
 * once per endpoint must be what OkHttp sends on every call.
 */
class RequestStageTest {
  private static final Operation<String, Void> SHOW =
      Operation.<String>builder("ShowThing", "GET", "/v3/things/{id}")
          .path(List::of)
          .readsNothing(() -> null);

  @Test
  void hostHeader_nonDefaultPort_keepsPort() {
    assertThat(endpoint("http://127.0.0.1:8080").hostHeader).isEqualTo("127.0.0.1:8080");
  }

  @Test
  void hostHeader_defaultPort_omitsPort() {
    assertThat(endpoint("https://sms.example.com").hostHeader).isEqualTo("sms.example.com");
    assertThat(endpoint("http://sms.example.com:80").hostHeader).isEqualTo("sms.example.com");
  }

  @Test
  void hostHeader_ipv6Literal_inBrackets() {
    assertThat(endpoint("http://[::1]:9000").hostHeader).isEqualTo("[::1]:9000");
  }

  @Test
  void url_endpointWithBasePath_putsOperationPathBelowIt() {
    Exchange<String, Void> exchange = exchange("http://127.0.0.1:8080/gateway/", "abc");
    HttpUrl url = RequestStage.url(exchange, endpoint("http://127.0.0.1:8080/gateway/"));
    assertThat(url.encodedPath()).isEqualTo("/gateway/v3/things/abc");
  }

  @Test
  void url_rootEndpoint_isOperationPath() {
    Exchange<String, Void> exchange = exchange("http://127.0.0.1:8080", "abc");
    HttpUrl url = RequestStage.url(exchange, endpoint("http://127.0.0.1:8080"));
    assertThat(url.toString()).isEqualTo("http://127.0.0.1:8080/v3/things/abc");
  }

  @Test
  void signedRequest_hostHeaderAsOkHttpSendsIt() {
    Exchange<String, Void> exchange = exchange("http://[::1]:9000", "abc");
    okhttp3.Request request =
        RequestStage.signedRequest(exchange, Credentials.akSk("AK0000000000000000001", "sk"));
    assertThat(EndpointSelector.Endpoint.hostHeader(request.url())).isEqualTo("[::1]:9000");
    assertThat(request.header("Authorization")).contains("SignedHeaders=host;x-sdk-date");
    assertThat(exchange.attemptEndpoint).isNotNull();
    assertThat(exchange.signedAt).isNotNull();
  }

  private static EndpointSelector.Endpoint endpoint(String url) {
    return new EndpointSelector.Endpoint(HttpUrl.get(url));
  }

  private static Exchange<String, Void> exchange(String endpoint, String id) {
    TransportSettings settings =
        new TransportSettings(
            new OkHttpClient(),
            List.of(HttpUrl.get(endpoint)),
            new CredentialsSource() {
              @Override
              public Credentials immediate() {
                return Credentials.akSk("AK0000000000000000001", "sk");
              }

              @Override
              public CompletableFuture<Credentials> resolve() {
                return CompletableFuture.completedFuture(immediate());
              }
            });
    settings.callTimeout = Duration.ofSeconds(5);
    Transport transport = new Transport(settings);
    transport.close(); // nothing is sent: the stages are called directly
    return new BlockingExchange<>(transport, SHOW, id);
  }
}
