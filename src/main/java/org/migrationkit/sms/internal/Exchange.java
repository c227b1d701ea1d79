package org.migrationkit.sms.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.AttemptOutcome;
import org.migrationkit.sms.CallInfo;
import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.SmsClientException;
import org.migrationkit.sms.SmsConnectionException;
import org.migrationkit.sms.SmsEventListener;
import org.migrationkit.sms.SmsException;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.SmsTimeoutException;
import org.migrationkit.sms.auth.AkSkSigner;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.internal.json.JsonReadException;
import org.migrationkit.sms.internal.json.JsonValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call: its attempts, the decision after each failure, and its events. The synchronous path
 * loops on the caller's thread; the asynchronous path chains OkHttp callbacks and scheduled
 * retries, never blocking a thread. Both share every decision, so they fail the same way.
 *
 * <p>State: {@code attempt} counts HTTP attempts; {@code policyRetries} only those the retry policy
 * allowed (a fail-over or a skew correction is not charged to it). The per-attempt fields are
 * written by the thread running the attempt and read after it, one attempt at a time.
 */
final class Exchange<Q, R> {
  private static final Logger log = LoggerFactory.getLogger("org.migrationkit.sms.SmsClient");
  private static final long SKEW_LIMIT_MILLIS = TimeUnit.MINUTES.toMillis(5);

  private final Transport transport;
  private final Operation<Q, R> operation;
  private final String encodedPath;
  private final @Nullable CallInfo info;
  private final SmsEventListener listener;
  private final RetryPolicy policy;
  private final long startNanos;
  private final long deadlineNanos;
  private final List<SmsException> earlierFailures = new ArrayList<>(0);

  private int attempt;
  private int policyRetries;
  private int failovers;
  private boolean skewCorrected;

  // per attempt
  private long attemptStartNanos;
  private @Nullable HttpUrl attemptEndpoint;
  private @Nullable Instant signedAt;
  private int status;
  private @Nullable String requestId;
  private long responseBytes;
  private @Nullable Date serverDate;
  private long retryAfterNanos = -1;

  // links in the client's InFlightCalls, guarded by its lock
  final int stripe = InFlightCalls.stripeForCurrentThread();
  @Nullable Exchange<?, ?> previous;
  @Nullable Exchange<?, ?> next;

  // read by close() and the DeadlineWatchdog on other threads
  private volatile @Nullable Call currentCall;
  private volatile boolean deadlineExpired;

  // asynchronous path only
  private @Nullable CompletableFuture<R> future;
  private volatile @Nullable Future<?> scheduledRetry;
  private final AtomicBoolean ended = new AtomicBoolean();

  /**
   * Set from attemptStart to attemptEnd: a cancellation ends the call only once no attempt is open.
   */
  private final AtomicBoolean attemptOpen = new AtomicBoolean();

  Exchange(Transport transport, Operation<Q, R> operation, Q request) {
    this.transport = transport;
    this.operation = operation;
    this.encodedPath = operation.encodedPath(request);
    this.listener = transport.listener;
    this.policy = transport.retryPolicy;
    this.startNanos = System.nanoTime();
    this.deadlineNanos = startNanos + transport.callTimeoutNanos;
    this.info =
        listener == SmsEventListener.NONE
            ? null
            : new CallInfo(
                operation.name(), operation.method(), url(transport.endpoints.first()).toString());
  }

  // ---- synchronous path ----

  R runSync() {
    transport.track(this);
    try {
      return attemptsSync();
    } finally {
      transport.untrack(this);
    }
  }

  private R attemptsSync() {
    callStart();
    while (true) {
      beginAttempt();
      SmsException failure;
      Call call = null;
      try {
        checkOpenAndInTime();
        call = newCall(resolveCredentials());
        if (transport.isClosed()) {
          call.cancel(); // close() looked at this call before it had one
        }
        try (Response response = call.execute()) {
          R result = read(response);
          attemptEnd(null);
          succeed();
          return result;
        }
      } catch (SmsException e) {
        failure = e;
      } catch (IOException e) {
        failure = mapIoException(e, call);
      } catch (RuntimeException e) {
        failure = new SmsClientException(prefix() + " failed: " + e.getClass().getName(), e);
      }
      attemptEnd(failure);
      long delay = nextDelayNanos(failure);
      if (delay < 0) {
        throw fail(failure);
      }
      retryScheduled(failure, delay);
      if (delay > 0) {
        waitBeforeRetry(delay);
      }
    }
  }

  private void waitBeforeRetry(long delayNanos) {
    try {
      if (transport.awaitClose(delayNanos)) {
        throw fail(closedException());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw fail(new SmsClientException(prefix() + " interrupted while waiting to retry", e));
    }
  }

  // ---- asynchronous path ----

  CompletableFuture<R> runAsync() {
    CompletableFuture<R> f = new CompletableFuture<>();
    future = f;
    f.whenComplete(
        (result, failure) -> {
          if (f.isCancelled()) {
            cancelInFlight();
            transport.untrack(this);
            if (!attemptOpen.get()) {
              endFailed(cancelled());
            }
          }
        });
    transport.track(this);
    callStart();
    startAttemptAsync();
    return f;
  }

  private void startAttemptAsync() {
    CompletableFuture<R> f = future;
    if (f == null || f.isDone()) {
      return;
    }
    beginAttempt();
    CompletableFuture<Credentials> credentials;
    try {
      checkOpenAndInTime();
      credentials = transport.credentials.getAsync();
    } catch (SmsException e) {
      onAsyncFailure(e);
      return;
    }
    credentials.whenComplete(
        (c, error) -> {
          if (error != null) {
            onAsyncFailure(credentialsFailure(error));
          } else {
            sendAsync(f, c);
          }
        });
  }

  private void sendAsync(CompletableFuture<R> f, Credentials credentials) {
    Call call;
    try {
      call = newCall(credentials);
    } catch (SmsException e) {
      onAsyncFailure(e);
      return;
    } catch (RuntimeException e) {
      onAsyncFailure(new SmsClientException(prefix() + " failed: " + e.getClass().getName(), e));
      return;
    }
    if (f.isDone()) {
      call.cancel();
    }
    call.enqueue(
        new Callback() {
          @Override
          public void onResponse(Call c, Response response) {
            R result;
            try (response) {
              result = read(response);
            } catch (SmsException e) {
              onAsyncFailure(e);
              return;
            } catch (IOException e) {
              onAsyncFailure(mapIoException(e, c));
              return;
            } catch (RuntimeException e) {
              onAsyncFailure(
                  new SmsClientException(prefix() + " failed: " + e.getClass().getName(), e));
              return;
            }
            attemptEnd(null);
            onAsyncSuccess(result);
          }

          @Override
          public void onFailure(Call c, IOException e) {
            onAsyncFailure(mapIoException(e, c));
          }
        });
  }

  private void onAsyncSuccess(R result) {
    CompletableFuture<R> f = future;
    if (f.isCancelled()) {
      endFailed(cancelled());
      return;
    }
    succeed();
    transport.untrack(this);
    complete(() -> f.complete(result));
  }

  private void onAsyncFailure(SmsException failure) {
    attemptEnd(failure);
    CompletableFuture<R> f = future;
    if (f.isDone()) {
      if (f.isCancelled()) {
        endFailed(cancelled()); // the attempt has ended, so now the call may
      }
      return;
    }
    long delay = nextDelayNanos(failure);
    if (delay < 0) {
      SmsException finalFailure = fail(failure);
      transport.untrack(this);
      complete(() -> f.completeExceptionally(finalFailure));
      return;
    }
    retryScheduled(failure, delay);
    scheduledRetry =
        RetryScheduler.get().schedule(this::startAttemptAsync, delay, TimeUnit.NANOSECONDS);
    if (f.isDone()) {
      scheduledRetry.cancel(false);
    }
  }

  private void complete(Runnable completion) {
    if (transport.completionExecutor == null) {
      completion.run();
    } else {
      transport.completionExecutor.execute(completion);
    }
  }

  private void cancelInFlight() {
    Future<?> scheduled = scheduledRetry;
    if (scheduled != null) {
      scheduled.cancel(false);
    }
    Call call = currentCall;
    if (call != null) {
      call.cancel();
    }
  }

  /** Ends this call because its client was closed. */
  void abortClosed() {
    CompletableFuture<R> f = future;
    if (f == null) {
      Call call = currentCall;
      if (call != null) {
        call.cancel(); // the caller's thread sees the failure and maps it
      }
    } else if (!f.isDone()) {
      cancelInFlight();
      SmsException failure = fail(closedException());
      transport.untrack(this);
      complete(() -> f.completeExceptionally(failure));
    }
  }

  /**
   * Cancels the attempt in flight once the whole-call deadline has passed; see DeadlineWatchdog.
   */
  void expireIfLate(long nowNanos) {
    if (nowNanos - deadlineNanos < 0 || deadlineExpired) {
      return;
    }
    deadlineExpired = true;
    Call call = currentCall;
    if (call != null) {
      call.cancel();
    }
  }

  // ---- one attempt ----

  private void beginAttempt() {
    attemptOpen.set(true);
    attempt++;
    attemptStartNanos = System.nanoTime();
    status = 0;
    requestId = null;
    responseBytes = 0;
    serverDate = null;
    retryAfterNanos = -1;
    if (info != null) {
      listener.attemptStart(info, attempt);
    }
  }

  private void checkOpenAndInTime() {
    if (transport.isClosed()) {
      throw closedException();
    }
    if (deadlineNanos - System.nanoTime() <= 0) {
      throw callTimeout(null);
    }
  }

  private Call newCall(Credentials credentials) {
    if (deadlineNanos - System.nanoTime() <= 0) { // credentials may have taken the rest
      throw callTimeout(null);
    }
    HttpUrl endpoint = transport.endpoints.current();
    attemptEndpoint = endpoint;
    HttpUrl url = url(endpoint);
    Instant now = transport.signingClock.instant();
    signedAt = now;
    Map<String, String> auth =
        AkSkSigner.sign(
            operation.method(),
            hostHeader(url),
            signedPath(url),
            url.encodedQuery(),
            Map.of(),
            null,
            credentials,
            now);
    Request.Builder builder =
        new Request.Builder()
            .url(url)
            .method(operation.method(), null)
            .addHeader("User-Agent", transport.userAgent)
            .addHeader("Accept", "application/json");
    for (Map.Entry<String, String> h : auth.entrySet()) {
      builder.addHeader(h.getKey(), h.getValue()); // add, not header(): no search for duplicates
    }
    // No call.timeout(): the DeadlineWatchdog ends late calls without a timer per call.
    Call call = transport.http.newCall(builder.build());
    currentCall = call;
    return call;
  }

  private Credentials resolveCredentials() {
    try {
      Credentials credentials = transport.credentials.get();
      if (credentials == null) {
        throw new SmsClientException(prefix() + " failed: the credentials provider returned null");
      }
      return credentials;
    } catch (RuntimeException e) {
      throw credentialsFailure(e);
    }
  }

  private SmsException credentialsFailure(Throwable error) {
    Throwable e =
        error instanceof java.util.concurrent.CompletionException && error.getCause() != null
            ? error.getCause()
            : error;
    if (e instanceof SmsException) {
      return (SmsException) e;
    }
    return new SmsClientException(
        prefix() + " failed: the credentials provider threw " + e.getClass().getName(), e);
  }

  private HttpUrl url(HttpUrl endpoint) {
    String base = endpoint.encodedPath();
    String path = base.length() <= 1 ? encodedPath : stripSlash(base) + encodedPath;
    return endpoint.newBuilder().encodedPath(path).build();
  }

  /**
   * Returns the path to sign: the path as sent, decoded. The official client signs path parameters
   * before encoding them and the gateway's reference signer canonicalises the decoded path, so a
   * task id such as {@code a b} is signed as {@code a%20b}, not as the wire's {@code a%20b} encoded
   * again. For ids the service issues (UUIDs) both forms are the same.
   */
  static String signedPath(HttpUrl url) {
    return PercentEncoding.decode(url.encodedPath());
  }

  /** Returns the {@code Host} header OkHttp sends for {@code url}. */
  static String hostHeader(HttpUrl url) {
    String host = url.host().indexOf(':') >= 0 ? "[" + url.host() + "]" : url.host();
    return url.port() == HttpUrl.defaultPort(url.scheme()) ? host : host + ":" + url.port();
  }

  private static String stripSlash(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private R read(Response response) throws IOException {
    status = response.code();
    requestId = response.header("X-Request-Id");
    ResponseBody body = response.body();
    if (status < 200 || status > 299) {
      if (status == 401 || status == 403) {
        serverDate = response.headers().getDate("Date");
      }
      retryAfterNanos = retryAfterNanos(response);
      SmsServiceException error =
          ErrorResponses.fromBody(status, requestId, body == null ? null : body.byteStream());
      responseBytes = body == null ? 0 : Math.max(0, body.contentLength());
      throw error;
    }
    if (body == null) {
      throw unreadable("the body is empty", null);
    }
    if (body.contentLength() > transport.maxResponseBytes) {
      throw unreadable(
          "the answer declares "
              + body.contentLength()
              + " bytes, over the limit of "
              + transport.maxResponseBytes,
          null);
    }
    LimitedInputStream in = new LimitedInputStream(body.byteStream(), transport.maxResponseBytes);
    try {
      return JsonValues.readObjectDocument(in, operation.responseReader());
    } catch (JsonReadException e) {
      throw unreadable(e.getMessage(), e);
    } catch (JsonProcessingException e) {
      throw unreadable("malformed or truncated JSON: " + e.getOriginalMessage(), e);
    } catch (LimitedInputStream.TooLargeException e) {
      throw unreadable(e.getMessage(), e);
    } finally {
      responseBytes = in.count();
    }
  }

  private long retryAfterNanos(Response response) {
    String value = response.header(RetryAfterShield.HEADER);
    if (value == null) {
      return -1;
    }
    value = value.trim();
    try {
      return TimeUnit.SECONDS.toNanos(Math.max(0, Long.parseLong(value)));
    } catch (NumberFormatException e) {
      Date date = response.headers().getDate(RetryAfterShield.HEADER);
      if (date == null) {
        return -1;
      }
      long millis = date.getTime() - transport.clock.millis();
      return TimeUnit.MILLISECONDS.toNanos(Math.max(0, millis));
    }
  }

  private SmsClientException unreadable(String problem, @Nullable Throwable cause) {
    return new SmsClientException(
        JsonValues.oneLine(
            operation.name()
                + " answer cannot be read (HTTP "
                + status
                + (requestId != null ? ", request id " + requestId : "")
                + "): "
                + problem),
        cause);
  }

  // ---- decisions ----

  /** Returns the wait before the next attempt, or -1 to give up with {@code failure}. */
  private long nextDelayNanos(SmsException failure) {
    if (transport.isClosed()) {
      return -1;
    }
    if (shouldCorrectSkew(failure)) {
      return 0;
    }
    if (neverReachedService(failure) && failovers < transport.endpoints.size() - 1) {
      failovers++;
      transport.endpoints.markUnreachable(attemptEndpoint);
      return 0;
    }
    if (policyRetries + 1 >= policy.maxAttempts() || !policy.shouldRetry(failure)) {
      return -1;
    }
    boolean throttled =
        failure instanceof SmsServiceException && ((SmsServiceException) failure).isThrottling();
    long delay =
        policy
            .backoff(policyRetries + 1, throttled, ThreadLocalRandom.current().nextDouble())
            .toNanos();
    if (retryAfterNanos >= 0) {
      delay = Math.min(retryAfterNanos, policy.maxDelay().toNanos());
    }
    if (System.nanoTime() + delay >= deadlineNanos) {
      return -1;
    }
    if (!policy.retryBudget().tryAcquire(failure instanceof SmsTimeoutException)) {
      log.debug("{} retry budget exhausted ({}); not retrying", prefix(), policy.retryBudget());
      return -1;
    }
    policyRetries++;
    return delay;
  }

  private boolean shouldCorrectSkew(SmsException failure) {
    if (skewCorrected
        || serverDate == null
        || signedAt == null
        || !(failure instanceof SmsServiceException)) {
      return false;
    }
    int code = ((SmsServiceException) failure).getStatusCode();
    long skew = serverDate.getTime() - signedAt.toEpochMilli();
    if ((code != 401 && code != 403) || Math.abs(skew) <= SKEW_LIMIT_MILLIS) {
      return false;
    }
    skewCorrected = true;
    transport.signingClock.adjust(skew);
    log.debug(
        "{} clock skew of {} ms learned from the gateway's Date header; re-signing",
        prefix(),
        skew);
    return true;
  }

  private static boolean neverReachedService(SmsException failure) {
    if (!(failure instanceof SmsConnectionException)) {
      return false;
    }
    Throwable cause = failure.getCause();
    return cause instanceof ConnectException
        || cause instanceof UnknownHostException
        || cause instanceof NoRouteToHostException
        || cause instanceof SSLHandshakeException;
  }

  // ---- failures ----

  private SmsClientException mapIoException(IOException e, @Nullable Call call) {
    String detail =
        JsonValues.oneLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    if (status != 0) {
      // the status line arrived and the body broke off: keep what the caller needs to report it
      detail =
          "the answer (HTTP "
              + status
              + (requestId != null ? ", request id " + requestId : "")
              + ") broke off: "
              + detail;
    }
    if (transport.isClosed()) {
      return closedException(e);
    }
    if (future != null && future.isCancelled()) {
      return new SmsClientException(prefix() + " cancelled by the caller", e);
    }
    if (deadlineExpired) {
      return callTimeout(e);
    }
    if (e instanceof SocketTimeoutException) {
      boolean connect = detail.toLowerCase(Locale.ROOT).contains("connect");
      return connect
          ? new SmsTimeoutException(
              SmsTimeoutException.Timeout.CONNECT,
              prefix()
                  + " failed: connect timed out after "
                  + transport.http.connectTimeoutMillis()
                  + " ms",
              e)
          : new SmsTimeoutException(
              SmsTimeoutException.Timeout.READ,
              prefix()
                  + " failed: read timed out after "
                  + transport.http.readTimeoutMillis()
                  + " ms"
                  + (status != 0
                      ? " (HTTP "
                          + status
                          + (requestId != null ? ", request id " + requestId : "")
                          + ")"
                      : ""),
              e);
    }
    if (e instanceof InterruptedIOException
        && ((call != null && call.isCanceled()) || "timeout".equals(e.getMessage()))) {
      return callTimeout(e);
    }
    if (e instanceof ConnectException
        || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException
        || e instanceof SSLException
        || e instanceof SocketException
        || e instanceof EOFException
        || e instanceof ProtocolException) {
      return new SmsConnectionException(prefix() + " failed: " + detail, e);
    }
    if ("Canceled".equals(e.getMessage())) {
      return new SmsClientException(prefix() + " cancelled", e);
    }
    return new SmsConnectionException(prefix() + " failed: " + detail, e);
  }

  private SmsTimeoutException callTimeout(@Nullable Throwable cause) {
    return new SmsTimeoutException(
        SmsTimeoutException.Timeout.CALL,
        prefix()
            + " failed: the call timed out after "
            + TimeUnit.NANOSECONDS.toMillis(transport.callTimeoutNanos)
            + " ms",
        cause);
  }

  private SmsClientException cancelled() {
    return new SmsClientException(prefix() + " cancelled by the caller");
  }

  private SmsClientException closedException() {
    return closedException(null);
  }

  private SmsClientException closedException(@Nullable Throwable cause) {
    return new SmsClientException(prefix() + " cancelled: the client was closed", cause);
  }

  private String prefix() {
    HttpUrl endpoint = attemptEndpoint != null ? attemptEndpoint : transport.endpoints.first();
    return operation.name()
        + " "
        + operation.method()
        + " "
        + endpoint.host()
        + ":"
        + endpoint.port();
  }

  // ---- events and logs ----

  private void callStart() {
    if (info != null) {
      listener.callStart(info);
    }
  }

  private void attemptEnd(@Nullable SmsException failure) {
    long nanos = System.nanoTime() - attemptStartNanos;
    if (log.isDebugEnabled()) {
      log.debug(
          "{} {} {} attempt {} of {} -> {} in {} ms (request id {})",
          operation.name(),
          operation.method(),
          encodedPath,
          attempt,
          policy.maxAttempts(),
          failure == null ? String.valueOf(status) : failure.getMessage(),
          TimeUnit.NANOSECONDS.toMillis(nanos),
          requestId);
    }
    if (info != null) {
      listener.attemptEnd(
          info,
          new AttemptOutcome(
              attempt, status, requestId, Duration.ofNanos(nanos), responseBytes, failure));
    }
    attemptOpen.set(false);
  }

  private void retryScheduled(SmsException failure, long delayNanos) {
    earlierFailures.add(failure);
    if (log.isDebugEnabled()) {
      log.debug(
          "{} {} retrying in {} ms",
          operation.name(),
          encodedPath,
          TimeUnit.NANOSECONDS.toMillis(delayNanos));
    }
    if (info != null) {
      listener.retryScheduled(info, attempt + 1, Duration.ofNanos(delayNanos), failure);
    }
  }

  private void succeed() {
    policy.retryBudget().onSuccess();
    if (info != null && ended.compareAndSet(false, true)) {
      listener.callEnd(info, Duration.ofNanos(System.nanoTime() - startNanos));
    }
  }

  private SmsException fail(SmsException failure) {
    Attempts.record(failure, attempt);
    for (SmsException earlier : earlierFailures) {
      if (earlier != failure) {
        failure.addSuppressed(earlier);
      }
    }
    endFailed(failure);
    return failure;
  }

  private void endFailed(SmsException failure) {
    if (info != null && ended.compareAndSet(false, true)) {
      listener.callFailed(info, Duration.ofNanos(System.nanoTime() - startNanos), failure);
    }
  }
}
