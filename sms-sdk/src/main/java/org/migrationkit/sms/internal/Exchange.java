package org.migrationkit.sms.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
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
  private static final MediaType JSON = MediaType.get("application/json;charset=UTF-8");
  private static final RequestBody EMPTY_BODY = RequestBody.create(new byte[0], null);

  private final Transport transport;
  private final Operation<Q, R> operation;
  private final String encodedPath;
  private final @Nullable String encodedQuery;

  /** The JSON body, written once for every attempt; null for an operation without one. */
  private final byte @Nullable [] requestBytes;

  private final @Nullable RequestBody requestBody;
  private final @Nullable CallInfo info;
  private final SmsEventListener listener;
  private final RetryPolicy policy;
  private final long startNanos;
  private final long deadlineNanos;

  /** The failures of earlier attempts; guarded by itself (close() may end the call). */
  private final List<SmsException> earlierFailures = new ArrayList<>(0);

  private int attempt;
  private int policyRetries;
  private int failovers;
  private boolean skewCorrected;

  /** Set when a synchronous call was interrupted: it ends, whatever the retry policy says. */
  private boolean interruptedCall;

  /** The caller's thread of a synchronous call, watched for interrupts; null when asynchronous. */
  private final @Nullable Thread syncCaller;

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
  private volatile @Nullable CompletableFuture<Credentials> credentialsWait;
  private volatile boolean deadlineExpired;
  private volatile boolean interruptSeen;

  // asynchronous path only
  private @Nullable CompletableFuture<R> future;
  private volatile @Nullable Future<?> scheduledRetry;

  /** Set once by whoever ends an asynchronous call: its answer, its failure, close() or cancel. */
  private final AtomicBoolean finished = new AtomicBoolean();

  /** Set once when callEnd or callFailed has been reported. */
  private final AtomicBoolean ended = new AtomicBoolean();

  /**
   * Set from attemptStart to attemptEnd: a cancellation or close() ends the call itself only while
   * no attempt is open; otherwise the attempt's end does, so attemptEnd comes before callFailed.
   */
  private final AtomicBoolean attemptOpen = new AtomicBoolean();

  Exchange(Transport transport, Operation<Q, R> operation, Q request, boolean sync) {
    this.transport = transport;
    this.syncCaller = sync ? Thread.currentThread() : null;
    this.operation = operation;
    this.encodedPath = operation.encodedPath(request);
    this.encodedQuery = operation.encodedQuery(request);
    this.requestBytes = writeBody(operation, request);
    this.requestBody = requestBody(operation, requestBytes);
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

  /**
   * Writes the request's body once for all attempts.
   *
   * @throws SmsClientException when the body writer fails
   */
  private byte @Nullable [] writeBody(Operation<Q, R> operation, Q request) {
    if (!operation.hasBody()) {
      return null;
    }
    try {
      return operation.body(request);
    } catch (IOException | RuntimeException e) {
      throw new SmsClientException(
          prefix()
              + " failed: the request body cannot be written: "
              + JsonValues.oneLine(
                  e.getMessage() == null ? e.getClass().getName() : e.getMessage()),
          e);
    }
  }

  private static @Nullable RequestBody requestBody(
      Operation<?, ?> operation, byte @Nullable [] bytes) {
    if (bytes != null) {
      return RequestBody.create(bytes, JSON);
    }
    // OkHttp refuses POST, PUT and PATCH without a body; an empty one is signed as no body
    return operation.needsEmptyBody() ? EMPTY_BODY : null;
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

  @SuppressWarnings("java:S1181") // OkHttp may throw a checked InterruptedException undeclared
  private R attemptsSync() {
    callStart();
    while (true) {
      beginAttempt();
      SmsException failure;
      Call call = null;
      try {
        checkOpenAndInTime();
        call = newCall(credentialsSync());
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
      } catch (Exception e) {
        failure =
            e instanceof InterruptedException
                ? interrupted(e)
                : new SmsClientException(prefix() + " failed: " + e.getClass().getName(), e);
      }
      if (!interruptedCall && callerInterrupted()) {
        failure = interrupted(failure);
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

  /** Returns whether the synchronous caller was interrupted during this attempt. */
  private boolean callerInterrupted() {
    return interruptSeen || Thread.currentThread().isInterrupted();
  }

  private Credentials credentialsSync() {
    Credentials immediate = transport.credentials.immediate();
    if (immediate != null) {
      return immediate;
    }
    CompletableFuture<Credentials> wait = awaitCredentials();
    try {
      return wait.get();
    } catch (InterruptedException e) {
      throw interrupted(e);
    } catch (ExecutionException e) {
      throw credentialsFailure(e.getCause());
    } finally {
      credentialsWait = null;
    }
  }

  /**
   * Returns this attempt's own wait for the credentials, which close(), the deadline and (for an
   * asynchronous call) cancellation end early without touching the resolution other calls share.
   */
  private CompletableFuture<Credentials> awaitCredentials() {
    CompletableFuture<Credentials> wait = new CompletableFuture<>();
    credentialsWait = wait;
    transport
        .credentials
        .resolve()
        .whenComplete(
            (c, error) -> {
              if (error != null) {
                wait.completeExceptionally(error);
              } else {
                wait.complete(c);
              }
            });
    // close() or the watchdog may have looked before this wait was published
    if (transport.isClosed()) {
      wait.completeExceptionally(new StopWaiting(closedException()));
    } else if (deadlineNanos - System.nanoTime() <= 0) {
      wait.completeExceptionally(new StopWaiting(callTimeout(null)));
    }
    return wait;
  }

  private void waitBeforeRetry(long delayNanos) {
    try {
      if (transport.awaitClose(delayNanos)) {
        throw fail(closedException());
      }
    } catch (InterruptedException e) {
      throw fail(interrupted(e));
    }
  }

  /**
   * Returns the failure of an interrupted synchronous call, and sets the thread's interrupt flag
   * again (OkHttp, or the wait that threw, may have cleared it).
   */
  private SmsClientException interrupted(Throwable cause) {
    interruptedCall = true;
    Thread.currentThread().interrupt();
    return new SmsClientException(prefix() + " interrupted", cause);
  }

  /** Ends a wait for credentials early with this call's own failure. */
  private static final class StopWaiting extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final SmsException reason;

    StopWaiting(SmsException reason) {
      super(null, null, false, false);
      this.reason = reason;
    }
  }

  // ---- asynchronous path ----

  /**
   * Starts the call and returns at once; whatever happens, the future completes (exactly once) and
   * the call stops being tracked.
   */
  CompletableFuture<R> runAsync() {
    CompletableFuture<R> f = new CompletableFuture<>();
    future = f;
    try {
      f.whenComplete(
          (result, failure) -> {
            if (f.isCancelled() && finished.compareAndSet(false, true)) {
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
    } catch (Throwable e) {
      finishAsync(null, unexpected(e));
    }
    return f;
  }

  /** Starts the next attempt; runs on the caller's thread, then on the retry scheduler's. */
  private void startAttemptAsync() {
    CompletableFuture<R> f = future;
    if (f == null || f.isDone()) {
      return;
    }
    try {
      beginAttempt();
      checkOpenAndInTime();
      Credentials immediate = transport.credentials.immediate();
      if (immediate != null) {
        sendAsync(f, immediate);
        return;
      }
      awaitCredentials()
          .whenComplete(
              (c, error) -> {
                credentialsWait = null;
                if (error != null) {
                  onAsyncFailure(credentialsFailure(error));
                } else {
                  sendAsync(f, c);
                }
              });
    } catch (Throwable e) {
      onAsyncFailure(unexpected(e));
    }
  }

  private void sendAsync(CompletableFuture<R> f, Credentials credentials) {
    Call call;
    try {
      call = newCall(credentials);
    } catch (Throwable e) {
      onAsyncFailure(unexpected(e));
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
            } catch (IOException e) {
              onAsyncFailure(mapIoException(e, c));
              return;
            } catch (Throwable e) {
              onAsyncFailure(unexpected(e));
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
    finishAsync(result, null);
  }

  private void onAsyncFailure(SmsException failure) {
    attemptEnd(failure);
    CompletableFuture<R> f = future;
    if (f.isDone() || finished.get()) {
      if (f.isCancelled()) {
        endFailed(cancelled()); // the attempt has ended, so now the call may
      }
      return;
    }
    long delay = nextDelayNanos(failure);
    if (delay < 0) {
      finishAsync(null, failure);
      return;
    }
    retryScheduled(failure, delay);
    try {
      scheduledRetry =
          RetryScheduler.get().schedule(this::startAttemptAsync, delay, TimeUnit.NANOSECONDS);
    } catch (RuntimeException e) {
      finishAsync(null, unexpected(e));
      return;
    }
    if (f.isCancelled()) {
      cancelInFlight();
      endFailed(cancelled());
    } else if (f.isDone() || transport.isClosed()) {
      cancelInFlight(); // close() ended the call while this retry was being scheduled
      finishAsync(null, closedException());
    }
  }

  /** Ends the asynchronous call once: reports it, stops tracking it, completes the future. */
  private void finishAsync(@Nullable R result, @Nullable SmsException failure) {
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    CompletableFuture<R> f = future;
    transport.untrack(this);
    if (failure == null) {
      succeed();
      complete(() -> f.complete(result));
    } else {
      SmsException finalFailure = fail(failure);
      complete(() -> f.completeExceptionally(finalFailure));
    }
  }

  /**
   * Completes the future on the completion executor, or on this thread when there is none or it
   * refuses (full or shut down): a future is never left pending.
   */
  private void complete(Runnable completion) {
    Executor executor = transport.completionExecutor;
    if (executor != null) {
      try {
        executor.execute(completion);
        return;
      } catch (RuntimeException e) {
        log.debug("{} completion executor refused ({}); completing on this thread", prefix(), e);
      }
    }
    completion.run();
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
    CompletableFuture<Credentials> wait = credentialsWait;
    if (wait != null) {
      wait.completeExceptionally(
          new StopWaiting(transport.isClosed() ? closedException() : cancelled()));
    }
  }

  /** Ends this call because its client was closed; runs on the thread calling close(). */
  void abortClosed() {
    CompletableFuture<R> f = future;
    if (f == null) {
      // the caller's thread sees the failure and maps it
      Call call = currentCall;
      if (call != null) {
        call.cancel();
      }
      CompletableFuture<Credentials> wait = credentialsWait;
      if (wait != null) {
        wait.completeExceptionally(new StopWaiting(closedException()));
      }
    } else if (!f.isDone()) {
      cancelInFlight();
      if (!attemptOpen.get()) {
        finishAsync(null, closedException());
      } // else the attempt ends as cancelled, sees the client closed, and ends the call
    }
  }

  /**
   * Looks at this call for the DeadlineWatchdog: cancels what it waits for once the whole-call
   * deadline has passed or its synchronous caller was interrupted. Runs on every sweep while that
   * holds (cancelling twice is harmless), so an attempt that starts just after a sweep is caught by
   * the next one or by its own check after publishing its call.
   */
  void sweep(long nowNanos) {
    boolean late = nowNanos - deadlineNanos >= 0;
    if (late) {
      deadlineExpired = true;
    } else if (syncCaller != null && syncCaller.isInterrupted()) {
      interruptSeen = true; // the caller's thread maps the cancelled call to its interruption
    } else {
      return;
    }
    Call call = currentCall;
    if (call != null) {
      call.cancel();
    }
    CompletableFuture<Credentials> wait = credentialsWait;
    if (late && wait != null && !wait.isDone()) {
      wait.completeExceptionally(new StopWaiting(callTimeout(null)));
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
    if (syncCaller != null && Thread.currentThread().isInterrupted()) {
      throw interrupted(new InterruptedException("interrupted before the attempt"));
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
            url.encodedPath(),
            url.encodedQuery(),
            Map.of(),
            requestBytes,
            credentials,
            now);
    Request.Builder builder =
        new Request.Builder()
            .url(url)
            .method(operation.method(), requestBody)
            .addHeader("User-Agent", transport.userAgent)
            .addHeader("Accept", "application/json");
    for (Map.Entry<String, String> h : auth.entrySet()) {
      builder.addHeader(h.getKey(), h.getValue()); // add, not header(): no search for duplicates
    }
    // No call.timeout(): the DeadlineWatchdog ends late calls without a timer per call.
    Call call = transport.http.newCall(builder.build());
    currentCall = call;
    // close() or a sweep may have looked just before the call was published
    if (transport.isClosed() || deadlineExpired || interruptSeen) {
      call.cancel();
    }
    return call;
  }

  /** Maps a failure to get credentials to this call's own exception (the source is shared). */
  private SmsException credentialsFailure(Throwable error) {
    Throwable e =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (e instanceof StopWaiting) {
      return ((StopWaiting) e).reason;
    }
    if (deadlineNanos - System.nanoTime() <= 0) {
      return callTimeout(e); // what gave up (an IAM request, say) did so at the call's deadline
    }
    String problem =
        e instanceof SmsException
            ? e.getMessage()
            : "the credentials provider threw " + e.getClass().getName();
    return new SmsClientException(prefix() + " failed: " + problem, e);
  }

  /** Maps anything thrown inside the call path to one SmsException, so a future always ends. */
  private SmsException unexpected(Throwable e) {
    if (e instanceof SmsException) {
      return (SmsException) e;
    }
    if (e instanceof StopWaiting) {
      return ((StopWaiting) e).reason;
    }
    return new SmsClientException(prefix() + " failed: " + e.getClass().getName(), e);
  }

  private HttpUrl url(HttpUrl endpoint) {
    String base = endpoint.encodedPath();
    String path = base.length() <= 1 ? encodedPath : stripSlash(base) + encodedPath;
    HttpUrl.Builder url = endpoint.newBuilder().encodedPath(path);
    if (encodedQuery != null) {
      url.encodedQuery(encodedQuery); // only unreserved characters and %XX: OkHttp keeps it as is
    }
    return url.build();
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
      if (operation.responseKind() == Operation.ResponseKind.MODEL) {
        throw unreadable("the body is empty", null);
      }
      return operation.responseKind() == Operation.ResponseKind.TEXT
          ? operation.fromText("", requestId)
          : operation.emptyAnswer(requestId);
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
      if (operation.responseKind() == Operation.ResponseKind.MODEL) {
        return JsonValues.readObjectDocument(in, operation.responseReader());
      }
      if (operation.responseKind() == Operation.ResponseKind.TEXT) {
        MediaType type = body.contentType();
        Charset charset =
            type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
        return operation.fromText(new String(in.readAllBytes(), charset), requestId);
      }
      in.transferTo(OutputStream.nullOutputStream()); // read to the end: the connection is reused
      return operation.emptyAnswer(requestId);
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
    if (transport.isClosed() || interruptedCall) {
      return -1;
    }
    if (shouldCorrectSkew(failure)) {
      return 0;
    }
    if (RequestDelivery.neverConnected(failure) && failovers < transport.endpoints.size() - 1) {
      failovers++;
      transport.endpoints.markUnreachable(attemptEndpoint);
      return 0;
    }
    if (!RequestDelivery.mayRepeat(operation, failure)) {
      log.debug("{} not repeated: it is not idempotent and may have reached the service", prefix());
      return -1;
    }
    if (policyRetries + 1 >= policy.maxAttempts() || !policyAllowsRetry(failure)) {
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
    if (!transport.retryBudget.tryAcquire(failure instanceof SmsTimeoutException)) {
      log.debug("{} retry budget exhausted ({}); not retrying", prefix(), transport.retryBudget);
      return -1;
    }
    policyRetries++;
    return delay;
  }

  /** Asks the caller's retry predicate; one that throws means no retry, and is kept. */
  private boolean policyAllowsRetry(SmsException failure) {
    try {
      return policy.shouldRetry(failure);
    } catch (Throwable e) {
      failure.addSuppressed(e);
      return false;
    }
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
    // absolute, not added: concurrent calls refused for the same skew must not add it up
    transport.signingClock.syncTo(serverDate.getTime());
    log.debug(
        "{} clock skew of {} ms learned from the gateway's Date header; re-signing",
        prefix(),
        skew);
    return true;
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
    if (syncCaller != null
        && (callerInterrupted()
            || e instanceof ClosedByInterruptException
            || (e instanceof InterruptedIOException
                && !(e instanceof SocketTimeoutException)
                && "interrupted".equals(e.getMessage())))) {
      return interrupted(e);
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
    synchronized (earlierFailures) {
      earlierFailures.add(failure);
    }
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
    transport.retryBudget.onSuccess();
    if (info != null && ended.compareAndSet(false, true)) {
      listener.callEnd(info, Duration.ofNanos(System.nanoTime() - startNanos));
    }
  }

  private SmsException fail(SmsException failure) {
    Attempts.record(failure, attempt);
    synchronized (earlierFailures) {
      for (SmsException earlier : earlierFailures) {
        if (earlier != failure) {
          failure.addSuppressed(earlier);
        }
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
