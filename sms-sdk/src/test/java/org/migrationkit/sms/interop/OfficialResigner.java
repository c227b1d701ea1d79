package org.migrationkit.sms.interop;

import com.huaweicloud.sdk.core.auth.AKSKSigner;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Signs a request that has already been received once more, with Huawei Cloud's own {@code
 * AKSKSigner}: the headers its {@code Authorization} names, with their values as received, and the
 * path we choose to hand the official signer (as received, or decoded).
 *
 * <pre>{@code
 * String expected = OfficialResigner.authorization(ak, sk, "GET", endpoint, rawPath, headers::get);
 * assertThat(expected).isEqualTo(headers.get("authorization"));
 * }</pre>
 */
final class OfficialResigner {
  private OfficialResigner() {}

  /**
   * Returns the official signer's {@code Authorization} for the request.
   *
   * @param endpoint scheme and authority, such as {@code http://127.0.0.1:8080}
   * @param path the path to give the official signer, which re-encodes each segment of it as is
   * @param header looks a received header up by lower-case name
   */
  static String authorization(
      String accessKey,
      String secretKey,
      String method,
      String endpoint,
      String path,
      Function<String, @Nullable String> header) {
    return authorization(accessKey, secretKey, method, endpoint, path, List.of(), "", header);
  }

  /**
   * Returns the official signer's {@code Authorization} for a request with a query and a body.
   *
   * @param query the decoded query parameters, name and value each, in the order received
   * @param body the body as received, empty for none
   */
  static String authorization(
      String accessKey,
      String secretKey,
      String method,
      String endpoint,
      String path,
      List<Map.Entry<String, String>> query,
      String body,
      Function<String, @Nullable String> header) {
    String authorization = header.apply("authorization");
    int start = authorization.indexOf("SignedHeaders=") + "SignedHeaders=".length();
    String[] signed = authorization.substring(start, authorization.indexOf(',', start)).split(";");
    HttpRequest.HttpRequestBuilder request =
        HttpRequest.newBuilder()
            .withEndpoint(endpoint)
            .withPath(path)
            .withMethod(HttpMethod.valueOf(method));
    for (Map.Entry<String, String> parameter : query) {
      request.addQueryParam(parameter.getKey(), List.of(parameter.getValue()));
    }
    if (!body.isEmpty()) {
      request.withBodyAsString(body);
    }
    for (String name : signed) {
      if (name.equals("x-sdk-date")) {
        // The official request looks this one up by its exact spelling; any other would be
        // re-dated.
        request.addHeader("X-Sdk-Date", header.apply(name));
      } else if (!name.equals("host")) { // the official signer takes host from the endpoint
        request.addHeader(name, header.apply(name));
      }
    }
    BasicCredentials credentials = new BasicCredentials().withAk(accessKey).withSk(secretKey);
    return AKSKSigner.getInstance().sign(request.build(), credentials).get("Authorization");
  }
}
