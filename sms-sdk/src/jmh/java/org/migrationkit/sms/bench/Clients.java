package org.migrationkit.sms.bench;

import com.huaweicloud.sdk.core.auth.GlobalCredentials;
import com.huaweicloud.sdk.core.http.HttpConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.auth.SignatureVerifier;

/**
 * Builds the three clients under comparison the way a user would, and checks each once, outside any
 * measurement, so that no benchmark times a client that answers wrongly or signs badly.
 */
public final class Clients {
  private Clients() {}

  /** Returns our client, sending to {@code endpoint}. */
  public static SmsClient ours(String endpoint) {
    return SmsClient.builder()
        .endpoint(endpoint)
        .credentials(Credentials.akSk(Fixtures.AK, Fixtures.SK).withDomainId(Fixtures.DOMAIN_ID))
        .build();
  }

  /**
   * Returns the official SDK's client with its default HTTP settings, sending to {@code endpoint}.
   */
  public static com.huaweicloud.sdk.sms.v3.SmsClient official(String endpoint) {
    return com.huaweicloud.sdk.sms.v3.SmsClient.newBuilder()
        .withCredential(officialCredentials())
        .withHttpConfig(HttpConfig.getDefaultHttpConfig())
        .withEndpoints(List.of(endpoint))
        .build();
  }

  /**
   * Returns the official SDK's credentials for the bench key; with a domain id, so no IAM lookup.
   */
  public static GlobalCredentials officialCredentials() {
    return new GlobalCredentials()
        .withAk(Fixtures.AK)
        .withSk(Fixtures.SK)
        .withDomainId(Fixtures.DOMAIN_ID);
  }

  /** Returns the floor client, sending to {@code endpoint}. */
  public static FloorClient floor(String endpoint) {
    return new FloorClient(endpoint, Fixtures.AK, Fixtures.SK, Fixtures.DOMAIN_ID);
  }

  /** Returns an official {@code ShowTask} request for the bench task. */
  public static com.huaweicloud.sdk.sms.v3.model.ShowTaskRequest officialRequest() {
    return new com.huaweicloud.sdk.sms.v3.model.ShowTaskRequest().withTaskId(Fixtures.TASK_ID);
  }

  /**
   * Calls each client once through {@code server} and checks the answer's shape and the request's
   * signature (with our verifier, which the signing vectors pin to the official signer).
   *
   * @param disks how many disks the served body has
   */
  static void check(
      LoopbackServer server,
      SmsClient ours,
      com.huaweicloud.sdk.sms.v3.SmsClient official,
      FloorClient floor,
      int disks)
      throws InterruptedException {
    verifySignature(
        "ours",
        server.captureNextRequest(
            () ->
                expectDisks(
                    "ours",
                    disks,
                    ours.showTask(Fixtures.TASK_ID).getTargetServer().getDisks().size())));
    verifySignature(
        "official",
        server.captureNextRequest(
            () ->
                expectDisks(
                    "official",
                    disks,
                    official.showTask(officialRequest()).getTargetServer().getDisks().size())));
    verifySignature(
        "floor",
        server.captureNextRequest(
            () -> {
              try {
                Map<?, ?> target =
                    (Map<?, ?>) floor.showTask(Fixtures.TASK_ID).get("target_server");
                expectDisks("floor", disks, ((List<?>) target.get("disks")).size());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }));
  }

  static void expectDisks(String client, int expected, int actual) {
    if (expected != actual) {
      throw new IllegalStateException(client + " read " + actual + " disks, expected " + expected);
    }
  }

  private static void verifySignature(String client, String head) {
    String[] lines = head.split("\r\n");
    String[] requestLine = lines[0].split(" ");
    Map<String, String> headers = new HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
    }
    String target = requestLine[1];
    int q = target.indexOf('?');
    SignatureVerifier.Result result =
        SignatureVerifier.create(
                List.of(
                    Credentials.akSk(Fixtures.AK, Fixtures.SK).withDomainId(Fixtures.DOMAIN_ID)),
                Clock.systemUTC())
            .verify(
                requestLine[0],
                q < 0 ? target : target.substring(0, q),
                q < 0 ? null : target.substring(q + 1),
                name -> headers.get(name.toLowerCase(Locale.ROOT)),
                null);
    if (!result.isValid()) {
      throw new IllegalStateException(
          client
              + " sent a request whose signature does not verify: "
              + result.reason()
              + "\n"
              + head);
    }
  }
}
