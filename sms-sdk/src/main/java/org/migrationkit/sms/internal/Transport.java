package org.migrationkit.sms.internal;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.RetryBudget;
import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.SmsEventListener;
import org.migrationkit.sms.SmsException;

/**
 * Sends operations for one client, synchronously or asynchronously, with retries, fail-over, clock
 * skew correction and events. Each call is an {@link Exchange} run through small stages (see
 * there); this class holds what the calls of one client share. Thread-safe.
 */
public final class Transport {
  final OkHttpClient http;

  /** Makes every attempt's call: the caller's {@code Call.Factory}, else {@link #http}. */
  final Call.Factory calls;

  final EndpointSelector endpoints;
  final CredentialsSource credentials;
  final SkewedClock signingClock;
  final Clock clock;
  final String userAgent;
  final RetryPolicy retryPolicy;
  final RetryBudget retryBudget;
  final SmsEventListener listener;
  final long maxResponseBytes;
  final long callTimeoutNanos;
  final @Nullable Executor completionExecutor;
  final @Nullable String region;

  /** The connect timeout, which bounds the whole connection set-up; 0 for none. */
  final long connectTimeoutNanos;

  /** Whether {@link ConnectionSetupWatch} is on {@link #http}, so set-up failures are known. */
  final boolean watchesConnectionSetup;

  final InFlightCalls inFlight = new InFlightCalls();
  private final CountDownLatch closedLatch = new CountDownLatch(1);
  private volatile boolean closed;

  /** Creates a transport from validated settings. */
  public Transport(TransportSettings settings) {
    this.http = settings.http;
    this.calls = settings.callFactory != null ? settings.callFactory : settings.http;
    this.endpoints = new EndpointSelector(settings.endpoints, settings.failback.toNanos());
    this.credentials = settings.credentials;
    this.clock = settings.clock;
    this.signingClock = new SkewedClock(settings.clock);
    this.userAgent = settings.userAgent;
    this.retryPolicy = settings.retryPolicy;
    RetryBudget shared = settings.retryPolicy.retryBudget();
    this.retryBudget = shared != null ? shared : RetryBudget.create(RetryBudget.DEFAULT_CAPACITY);
    this.listener = ListenerGuard.guard(settings.listener);
    this.maxResponseBytes = settings.maxResponseBytes;
    this.callTimeoutNanos = settings.callTimeout.toNanos();
    this.completionExecutor = settings.completionExecutor;
    this.connectTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(settings.http.connectTimeoutMillis());
    this.watchesConnectionSetup = settings.watchesConnectionSetup;
    this.region = settings.region;
    DeadlineWatchdog.get().watch(this);
  }

  /** Executes {@code operation} on the calling thread; the request has been validated. */
  public <Q, R> R execute(Operation<Q, R> operation, Q request) {
    return new BlockingExchange<>(this, operation, request).run();
  }

  /**
   * Executes {@code operation} without blocking; the future completes with the answer or the
   * failure, a request whose body cannot be written included.
   */
  public <Q, R> CompletableFuture<R> executeAsync(Operation<Q, R> operation, Q request) {
    AsyncExchange<Q, R> exchange;
    try {
      exchange = new AsyncExchange<>(this, operation, request);
    } catch (SmsException e) {
      return CompletableFuture.failedFuture(e);
    }
    return exchange.run();
  }

  /** Returns the first (preferred) endpoint, for display. */
  public String endpoint() {
    return endpoints.first().url.toString();
  }

  /**
   * Returns the HTTP proxy a request to {@code url} goes through, as {@code host:port} (never with
   * credentials), or null when it goes direct; for messages only.
   */
  @Nullable String proxyFor(HttpUrl url) {
    try {
      Proxy proxy = http.proxy();
      if (proxy == null) {
        List<Proxy> selected = http.proxySelector().select(url.uri());
        proxy = selected == null || selected.isEmpty() ? null : selected.get(0);
      }
      if (proxy == null
          || proxy.type() == Proxy.Type.DIRECT
          || !(proxy.address() instanceof InetSocketAddress)) {
        return null;
      }
      InetSocketAddress address = (InetSocketAddress) proxy.address();
      return address.getHostString() + ":" + address.getPort();
    } catch (RuntimeException e) {
      return null; // a message without the proxy's name beats no message
    }
  }

  boolean isClosed() {
    return closed;
  }

  /** Waits up to {@code nanos}; returns {@code true} when the client was closed meanwhile. */
  boolean awaitClose(long nanos) throws InterruptedException {
    return closedLatch.await(nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * Adds a call to those in flight; from here on {@link #close()} and the deadline reach it. The
   * caller checks {@link #isClosed()} after this, so a call racing with close() is ended either
   * way.
   */
  void track(Exchange<?, ?> exchange) {
    inFlight.add(exchange);
    DeadlineWatchdog.get().callStarted();
  }

  void untrack(Exchange<?, ?> exchange) {
    inFlight.remove(exchange);
  }

  /** Cancels the calls in flight and refuses new ones; shared pools stay open. Idempotent. */
  public void close() {
    closed = true;
    closedLatch.countDown();
    credentials.close();
    inFlight.forEach(Exchange::abortClosed);
    DeadlineWatchdog.get().unwatch(this);
  }
}
