package org.migrationkit.sms.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The floor: what a careful hand-written caller costs. A raw OkHttp GET, the minimal {@link
 * FloorSigner}, and Jackson's {@code readValue} into a {@code Map}; no model, no error mapping, no
 * validation. A typed client is measured against this.
 *
 * <pre>{@code
 * FloorClient floor = new FloorClient("http://127.0.0.1:8080", ak, sk, domainId);
 * Map<String, Object> task = floor.showTask("ef3b9722-07a0-40ae-89b0-889ee96dfc56");
 * }</pre>
 */
public final class FloorClient {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final OkHttpClient http = new OkHttpClient();
  private final ObjectMapper mapper = new ObjectMapper();
  private final String endpoint;
  private final String host;
  private final String ak;
  private final String sk;
  private final String domainId;

  public FloorClient(String endpoint, String ak, String sk, String domainId) {
    HttpUrl url = HttpUrl.get(endpoint);
    this.endpoint = endpoint;
    this.host =
        url.port() == HttpUrl.defaultPort(url.scheme())
            ? url.host()
            : url.host() + ":" + url.port();
    this.ak = ak;
    this.sk = sk;
    this.domainId = domainId;
  }

  /** Returns the task as Jackson's untyped tree of maps, lists, strings, numbers and booleans. */
  public Map<String, Object> showTask(String taskId) throws IOException {
    String path = "/v3/tasks/" + taskId;
    FloorSigner.Signed signed = FloorSigner.signGet(host, path, ak, sk, domainId);
    Request request =
        new Request.Builder()
            .url(endpoint + path)
            .header("X-Domain-Id", domainId)
            .header("X-Sdk-Date", signed.date())
            .header("Authorization", signed.authorization())
            .build();
    try (Response response = http.newCall(request).execute()) {
      ResponseBody body = response.body();
      if (!response.isSuccessful()) {
        throw new IOException("ShowTask failed: HTTP " + response.code());
      }
      return mapper.readValue(body.byteStream(), MAP);
    }
  }

  /** Releases the connection pool's idle connections. */
  public void close() {
    http.connectionPool().evictAll();
    http.dispatcher().executorService().shutdown();
  }
}
