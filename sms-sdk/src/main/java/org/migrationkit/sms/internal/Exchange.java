package org.migrationkit.sms.internal;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.CallInfo;
import org.migrationkit.sms.SmsEventListener;
import org.migrationkit.sms.SmsException;
import org.migrationkit.sms.auth.Credentials;

/**
 * One call: the state its stages share, and the steps of one attempt that the blocking and the
 * asynchronous call have in common. Each concern is a stage of its own, working on the call through
 * the fields here:
 *
 * <ol>
 *   <li>{@link RequestStage}: builds and signs the HTTP request of an attempt;
 *   <li>the exchange itself, in {@link BlockingExchange} (on the caller's thread) or {@link
 *       AsyncExchange} (OkHttp callbacks and scheduled retries, never blocking a thread);
 *   <li>{@link ReadStage}: reads the answer into the result, or into the service's error;
 *   <li>{@link FailureMapper}: maps whatever else went wrong to one {@code SmsException};
 *   <li>{@link RetryStage}: decides, after a failure, whether and when to try again;
 *   <li>{@link CallEvents}: the listener's events and the debug log, start and end paired;
 *   <li>{@link DeadlineWatchdog}: ends the calls that outlive their deadline (see {@link #sweep}).
 * </ol>
 *
 * <p>State: {@code attempt} counts HTTP attempts; {@code policyRetries} only those the retry policy
 * allowed (a fail-over or a skew correction is not charged to it). The per-attempt fields are
 * written by the thread running the attempt and read after it, one attempt at a time.
 */
abstract class Exchange<Q, R> {
  private static final VarHandle ENDED;

  static {
    try {
      ENDED = MethodHandles.lookup().findVarHandle(Exchange.class, "ended", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final Transport transport;
  final Operation<Q, R> operation;
  final String encodedPath;
  final @Nullable String encodedQuery;

  /** The JSON body, written once for every attempt; null for an operation without one. */
  final byte @Nullable [] requestBytes;

  final @Nullable RequestBody requestBody;

  /** What the listener is told about the call; null when there is no listener, so no event. */
  final @Nullable CallInfo info;

  final long startNanos;
  final long deadlineNanos;

  int attempt;
  int policyRetries;
  int failovers;
  boolean skewCorrected;

  /** Set when a blocking call was interrupted: it ends, whatever the retry policy says. */
  boolean interruptedCall;

  // per attempt, reset by beginAttempt()
  long attemptStartNanos;

  /**
   * The attempt's connection set-up, a small state machine for the connect timeout and the
   * fail-over rule, written by {@link ConnectionSetupWatch} on the thread running the call and read
   * by the {@link DeadlineWatchdog}: {@code setupStarted} once OkHttp starts looking for a
   * connection (name lookup, TCP, proxy {@code CONNECT}, TLS handshake), {@code requestStarted}
   * once it has one and begins writing the request. An attempt that fails before {@code
   * requestStarted} provably sent nothing. {@code setupTimedOut} is set by the watchdog when the
   * set-up outlived the connect timeout, just before it cancels the call.
   */
  volatile boolean setupStarted;

  volatile long setupStartNanos;
  volatile boolean requestStarted;
  volatile boolean setupTimedOut;

  /** Set while the body is written, cleared once all of it was flushed: a stall there is WRITE. */
  volatile boolean bodyWriting;

  /** What the attempt's request carried as credentials, hidden from any text the server sends. */
  SentSecrets sentSecrets = SentSecrets.NONE;

  EndpointSelector.@Nullable Endpoint attemptEndpoint;
  @Nullable Instant signedAt;
  int status;
  @Nullable String requestId;
  long responseBytes;
  @Nullable Date serverDate;
  long retryAfterNanos = -1;

  // links in the client's InFlightCalls, guarded by its lock
  final int stripe = InFlightCalls.stripeForCurrentThread();
  @Nullable Exchange<?, ?> previous;
  @Nullable Exchange<?, ?> next;

  // read by close() and the DeadlineWatchdog on other threads
  volatile @Nullable Call currentCall;
  volatile @Nullable CompletableFuture<Credentials> credentialsWait;
  volatile boolean deadlineExpired;

  /** The failures of earlier attempts, made on the first retry; guarded by this. */
  private @Nullable List<SmsException> earlierFailures;

  /** 1 once callEnd or callFailed has been reported (through {@link #ENDED}). */
  @SuppressWarnings("unused")
  private volatile int ended;

  /**
   * Prepares the call: the path, the query and the body, once for all attempts.
   *
   * @throws org.migrationkit.sms.SmsClientException when the body writer fails
   */
  Exchange(Transport transport, Operation<Q, R> operation, Q request) {
    this.transport = transport;
    this.operation = operation;
    this.encodedPath = operation.encodedPath(request);
    this.encodedQuery = operation.encodedQuery(request);
    this.requestBytes = RequestStage.writeBody(this, request);
    this.requestBody = RequestStage.requestBody(this, operation, requestBytes);
    this.startNanos = System.nanoTime();
    this.deadlineNanos = startNanos + transport.callTimeoutNanos;
    this.info =
        transport.listener == SmsEventListener.NONE
            ? null
            : new CallInfo(
                operation.name(),
                operation.method(),
                RequestStage.url(this, transport.endpoints.first()).toString(),
                transport.region);
  }

  // ---- the steps of one attempt ----

  /** Opens the next attempt: its per-attempt state is reset and attemptStart is reported. */
  void beginAttempt() {
    attempt++;
    attemptStartNanos = System.nanoTime();
    status = 0;
    requestId = null;
    responseBytes = 0;
    serverDate = null;
    retryAfterNanos = -1;
    setupStarted = false;
    requestStarted = false;
    setupTimedOut = false;
    bodyWriting = false;
    sentSecrets = SentSecrets.NONE;
    CallEvents.attemptStart(this);
  }

  /** Refuses to start an attempt of a closed client, an interrupted caller or a late call. */
  void checkOpenAndInTime() {
    if (transport.isClosed()) {
      throw FailureMapper.closed(this, null);
    }
    checkNotInterrupted();
    if (deadlineNanos - System.nanoTime() <= 0) {
      throw FailureMapper.callTimeout(this, null);
    }
  }

  /**
   * Returns the attempt's HTTP call, published for close() and the watchdog and cancelled at once
   * when either looked just before it was.
   */
  Call newCall(Credentials credentials) {
    if (deadlineNanos - System.nanoTime() <= 0) { // credentials may have taken the rest
      throw FailureMapper.callTimeout(this, null);
    }
    // No call.timeout(): the DeadlineWatchdog ends late calls without a timer per call.
    Call call = transport.calls.newCall(RequestStage.signedRequest(this, credentials));
    currentCall = call;
    // close() or a sweep may have looked just before the call was published
    if (transport.isClosed() || deadlineExpired || interruptNoticed()) {
      call.cancel();
    }
    return call;
  }

  /**
   * Returns this attempt's own wait for the credentials, which close(), the deadline and (for an
   * asynchronous call) cancellation end early without touching the resolution other calls share.
   */
  CompletableFuture<Credentials> awaitCredentials() {
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
      wait.completeExceptionally(new StopWaiting(FailureMapper.closed(this, null)));
    } else if (deadlineNanos - System.nanoTime() <= 0) {
      wait.completeExceptionally(new StopWaiting(FailureMapper.callTimeout(this, null)));
    }
    return wait;
  }

  /** Cancels the attempt's HTTP call, if it has one. */
  void cancelCall() {
    Call call = currentCall;
    if (call != null) {
      call.cancel();
    }
  }

  /** Ends the attempt's wait for credentials, if it waits, with {@code reason}. */
  void stopWaitingForCredentials(SmsException reason) {
    CompletableFuture<Credentials> wait = credentialsWait;
    if (wait != null) {
      wait.completeExceptionally(new StopWaiting(reason));
    }
  }

  // ---- what the blocking and the asynchronous call do differently ----

  /** Throws when a blocking caller's thread is interrupted; an asynchronous call has none. */
  abstract void checkNotInterrupted();

  /** Returns whether the watchdog saw the blocking caller interrupted. */
  abstract boolean interruptNoticed();

  /** Returns whether the caller cancelled its future; a blocking call cannot be cancelled. */
  abstract boolean cancelledByCaller();

  /**
   * Returns the failure of an interrupted blocking call when {@code e} (or the caller's interrupt
   * flag) shows the caller was interrupted, else null.
   */
  abstract @Nullable SmsException interruption(IOException e);

  /** Ends this call because its client was closed; runs on the thread calling close(). */
  abstract void abortClosed();

  /**
   * Looks at this call for the DeadlineWatchdog: cancels what it waits for once the whole-call
   * deadline has passed or its blocking caller was interrupted. Runs on every sweep while that
   * holds (cancelling twice is harmless), so an attempt that starts just after a sweep is caught by
   * the next one or by its own check after publishing its call.
   */
  void sweep(long nowNanos) {
    checkSetupTime(nowNanos);
    boolean late = nowNanos - deadlineNanos >= 0;
    if (late) {
      deadlineExpired = true;
    } else if (!noticeInterrupt()) {
      return;
    } // else the caller's thread maps the cancelled call to its interruption
    cancelCall();
    CompletableFuture<Credentials> wait = credentialsWait;
    if (late && wait != null && !wait.isDone()) {
      wait.completeExceptionally(new StopWaiting(FailureMapper.callTimeout(this, null)));
    }
  }

  /**
   * Cancels the attempt whose connection set-up (TCP, proxy {@code CONNECT}, TLS handshake) has
   * taken longer than the connect timeout: OkHttp's own connect timeout covers the TCP connect
   * only, and a stalled handshake would otherwise wait for the read timeout.
   */
  private void checkSetupTime(long nowNanos) {
    long limit = transport.connectTimeoutNanos;
    if (limit > 0
        && setupStarted
        && !requestStarted
        && !setupTimedOut
        && nowNanos - setupStartNanos >= limit) {
      setupTimedOut = true;
      cancelCall();
    }
  }

  /**
   * Returns whether this attempt's request may have left the client: false only when the set-up
   * watch saw the attempt fail before a connection was ready.
   */
  boolean requestMayHaveBeenSent() {
    return !transport.watchesConnectionSetup || requestStarted;
  }

  /** Returns whether a blocking caller is interrupted now, and remembers that it was. */
  abstract boolean noticeInterrupt();

  // ---- what the events need ----

  /** Keeps the failure of an attempt that will be retried, for the final failure to carry. */
  synchronized void keepEarlierFailure(SmsException failure) {
    if (earlierFailures == null) {
      earlierFailures = new ArrayList<>(2);
    }
    earlierFailures.add(failure);
  }

  /** Adds the earlier attempts' failures to the final one as suppressed exceptions. */
  synchronized void suppressEarlierFailures(SmsException failure) {
    if (earlierFailures == null) {
      return;
    }
    for (SmsException earlier : earlierFailures) {
      if (earlier != failure) {
        failure.addSuppressed(earlier);
      }
    }
  }

  /** Returns true the first time only: the call's end is reported once. */
  boolean markEnded() {
    return ENDED.compareAndSet(this, 0, 1);
  }

  /** Ends a wait for credentials early with this call's own failure. */
  static final class StopWaiting extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final SmsException reason;

    StopWaiting(SmsException reason) {
      super(null, null, false, false);
      this.reason = reason;
    }
  }
}
