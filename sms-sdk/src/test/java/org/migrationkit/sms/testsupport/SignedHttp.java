package org.migrationkit.sms.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.migrationkit.sms.auth.AkSkSigner;
import org.migrationkit.sms.auth.Credentials;

/**
 * Sends a JSON request signed with our public {@link AkSkSigner} as is, over {@code java.net.http}:
 * for bodies our client refuses to send (missing required members, values out of range).
 */
public final class SignedHttp {
  private SignedHttp() {}

  /**
   * Signs and sends {@code method endpoint+pathAndQuery} with {@code json} as the body.
   *
   * @return the answer, whatever its status
   */
  public static HttpResponse<String> send(
      String endpoint, Credentials credentials, String method, String pathAndQuery, String json)
      throws Exception {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    URI uri = URI.create(endpoint + pathAndQuery);
    Map<String, String> headers =
        AkSkSigner.sign(
            method,
            uri,
            Map.of("Content-Type", "application/json"),
            body,
            credentials,
            Clock.systemUTC());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Content-Type", "application/json");
    headers.forEach(request::header);
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
