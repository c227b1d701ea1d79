package org.migrationkit.sms.internal;

import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * Marks where an attempt's connection set-up starts and ends, on OkHttp 4 and 5 alike and for
 * blocking and asynchronous calls: an application interceptor, last in line, runs when the call
 * leaves the dispatcher's queue and before OkHttp looks for a connection; a network interceptor,
 * first in line, runs once a connection (TCP, proxy {@code CONNECT}, TLS) is ready and before the
 * request is written. The {@link DeadlineWatchdog} holds the time between the two to the connect
 * timeout, and the retry rules read it as proof that nothing was sent. Interceptors, not an {@code
 * EventListener}, so that an application's own listener on its own client stays as it is.
 *
 * <pre>{@code
 * OkHttpClient.Builder http = base.newBuilder();
 * ConnectionSetupWatch.install(http);
 * }</pre>
 */
public final class ConnectionSetupWatch {
  private static final Interceptor START =
      chain -> {
        Exchange<?, ?> exchange = ownExchange(chain);
        if (exchange != null) {
          exchange.setupStartNanos = System.nanoTime();
          exchange.setupStarted = true;
        }
        return chain.proceed(chain.request());
      };

  private static final Interceptor READY =
      chain -> {
        Exchange<?, ?> exchange = ownExchange(chain);
        if (exchange != null) {
          exchange.requestStarted = true;
        }
        return chain.proceed(chain.request());
      };

  private ConnectionSetupWatch() {}

  /** Adds the two interceptors to {@code http}: the start last, the end first in line. */
  public static void install(OkHttpClient.Builder http) {
    http.addInterceptor(START);
    http.networkInterceptors().add(0, READY);
  }

  /** Returns the exchange whose current attempt this chain runs, or null (an IAM request, say). */
  private static @Nullable Exchange<?, ?> ownExchange(Interceptor.Chain chain) {
    Exchange<?, ?> exchange = chain.request().tag(Exchange.class);
    return exchange != null && exchange.currentCall == chain.call() ? exchange : null;
  }
}
