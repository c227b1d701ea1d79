package org.migrationkit.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.auth.AkSkSigner;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.auth.SignatureVerifier;

/**
 * One canonicalisation everywhere: the public signer, the client and the verifier treat a path with
 * escapes ({@code /v3/tasks/a%20b}) the same way.
 */
class SigningEntryPointsAgreeTest {
  private static final Credentials CREDENTIALS =
      Credentials.akSk("HPUA6QWERTYASDF1234Z", "s3cr3tK3yExample0123456789abcdefghijklmno")
          .withDomainId("0970dd7a1300f5672ff2c003c60ae115");
  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void publicSign_encodedPath_acceptedBySignatureVerifier() {
    URI url = URI.create("https://sms.example.com/v3/tasks/a%20b");
    Map<String, String> auth = AkSkSigner.sign("GET", url, Map.of(), null, CREDENTIALS, NOW);
    Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(auth);
    headers.put("Host", "sms.example.com");

    SignatureVerifier.Result result =
        SignatureVerifier.create(List.of(CREDENTIALS), NOW)
            .verify("GET", url.getRawPath(), null, headers::get, null);

    assertThat(result.isValid()).as(result.reason()).isTrue();
  }

  @Test
  void publicSign_sameAuthorizationAsTheClientSends() throws Exception {
    AtomicReference<Headers> received = new AtomicReference<>();
    AtomicReference<String> rawPath = new AtomicReference<>();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          received.set(exchange.getRequestHeaders());
          rawPath.set(exchange.getRequestURI().getRawPath());
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    try (SmsClient sms =
        SmsClient.builder()
            .endpoint(base)
            .credentials(CREDENTIALS)
            .retryPolicy(RetryPolicy.none())
            .clock(NOW)
            .build()) {
      try {
        sms.showTask("a b");
      } catch (SmsServiceException expected) {
        // only the request matters
      }
    } finally {
      server.stop(0);
    }

    Map<String, String> auth =
        AkSkSigner.sign("GET", URI.create(base + rawPath.get()), Map.of(), null, CREDENTIALS, NOW);

    assertThat(rawPath.get()).isEqualTo("/v3/tasks/a%20b");
    assertThat(auth.get("Authorization")).isEqualTo(received.get().getFirst("Authorization"));
  }
}
