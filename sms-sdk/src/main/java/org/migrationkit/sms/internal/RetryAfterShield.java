package org.migrationkit.sms.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Moves {@code Retry-After} to a private header before OkHttp sees it: OkHttp silently re-sends a
 * request answered {@code 503} with {@code Retry-After: 0}, replaying the old signature outside the
 * retry policy, its budget and its events. The transport reads the value from {@link #HEADER}.
 */
public final class RetryAfterShield implements Interceptor {
  /** The header that carries the service's {@code Retry-After} to the transport. */
  public static final String HEADER = "X-MigrationKit-Retry-After";

  /** The one instance; stateless. */
  public static final RetryAfterShield INSTANCE = new RetryAfterShield();

  private RetryAfterShield() {}

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    String retryAfter = response.header("Retry-After");
    if (retryAfter == null) {
      return response;
    }
    return response.newBuilder().removeHeader("Retry-After").header(HEADER, retryAfter).build();
  }
}
