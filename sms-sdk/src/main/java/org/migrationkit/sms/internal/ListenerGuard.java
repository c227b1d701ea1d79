package org.migrationkit.sms.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.migrationkit.sms.AttemptOutcome;
import org.migrationkit.sms.CallInfo;
import org.migrationkit.sms.SmsEventListener;
import org.migrationkit.sms.SmsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a caller's {@link SmsEventListener} so that nothing it throws can break a call. */
final class ListenerGuard implements SmsEventListener {
  private static final Logger log = LoggerFactory.getLogger(ListenerGuard.class);

  private final SmsEventListener delegate;
  private final AtomicBoolean logged = new AtomicBoolean();

  private ListenerGuard(SmsEventListener delegate) {
    this.delegate = delegate;
  }

  static SmsEventListener guard(SmsEventListener listener) {
    return listener == SmsEventListener.NONE || listener instanceof ListenerGuard
        ? listener
        : new ListenerGuard(listener);
  }

  private void failed(String event, Throwable e) {
    if (logged.compareAndSet(false, true)) {
      log.debug(
          "SmsEventListener {} threw {} in {}; further failures are not logged",
          delegate.getClass().getName(),
          e.toString(),
          event);
    }
  }

  @Override
  public void callStart(CallInfo call) {
    try {
      delegate.callStart(call);
    } catch (Throwable e) { // an Error too (an AssertionError in a test): isolated as promised
      failed("callStart", e);
    }
  }

  @Override
  public void attemptStart(CallInfo call, int attempt) {
    try {
      delegate.attemptStart(call, attempt);
    } catch (Throwable e) { // an Error too (an AssertionError in a test): isolated as promised
      failed("attemptStart", e);
    }
  }

  @Override
  public void attemptEnd(CallInfo call, AttemptOutcome outcome) {
    try {
      delegate.attemptEnd(call, outcome);
    } catch (Throwable e) { // an Error too (an AssertionError in a test): isolated as promised
      failed("attemptEnd", e);
    }
  }

  @Override
  public void retryScheduled(CallInfo call, int nextAttempt, Duration delay, SmsException reason) {
    try {
      delegate.retryScheduled(call, nextAttempt, delay, reason);
    } catch (Throwable e) { // an Error too (an AssertionError in a test): isolated as promised
      failed("retryScheduled", e);
    }
  }

  @Override
  public void callEnd(CallInfo call, Duration duration) {
    try {
      delegate.callEnd(call, duration);
    } catch (Throwable e) { // an Error too (an AssertionError in a test): isolated as promised
      failed("callEnd", e);
    }
  }

  @Override
  public void callFailed(CallInfo call, Duration duration, SmsException failure) {
    try {
      delegate.callFailed(call, duration, failure);
    } catch (Throwable e) { // an Error too (an AssertionError in a test): isolated as promised
      failed("callFailed", e);
    }
  }
}
