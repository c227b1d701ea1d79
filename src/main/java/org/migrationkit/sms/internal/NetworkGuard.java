package org.migrationkit.sms.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The network interceptor every request of a client passes, just before its bytes are sent.
 *
 * <ul>
 *   <li>It refuses a request whose {@link Transport} is closed. {@link Transport#close()} cancels
 *       the calls OkHttp's dispatcher is running; a call that reached the dispatcher a moment after
 *       that look is stopped here instead, so no request of a closed client is sent and the
 *       transport needs no registry of its own calls.
 *   <li>It moves {@code Retry-After} to a private header before OkHttp sees it: OkHttp silently
 *       re-sends a request answered {@code 503} with {@code Retry-After: 0}, replaying the old
 *       signature outside the retry policy, its budget and its events. The transport reads the
 *       value from {@link #RETRY_AFTER}.
 * </ul>
 */
public final class NetworkGuard implements Interceptor {
  /** The header that carries the service's {@code Retry-After} to the transport. */
  public static final String RETRY_AFTER = "X-MigrationKit-Retry-After";

  /** The one instance; stateless. */
  public static final NetworkGuard INSTANCE = new NetworkGuard();

  private NetworkGuard() {}

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Transport transport = request.tag(Transport.class);
    if (transport != null && transport.isClosed()) {
      chain.call().cancel();
      throw new IOException("Canceled");
    }
    Response response = chain.proceed(request);
    String retryAfter = response.header("Retry-After");
    if (retryAfter == null) {
      return response;
    }
    return response
        .newBuilder()
        .removeHeader("Retry-After")
        .header(RETRY_AFTER, retryAfter)
        .build();
  }
}
