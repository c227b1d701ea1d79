package org.migrationkit.sms.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The one daemon thread that fires delayed retries and waiter polls. It only enqueues the next
 * attempt on OkHttp's dispatcher, so one thread serves any number of calls.
 */
public final class RetryScheduler {
  private RetryScheduler() {}

  private static final class Holder {
    static final ScheduledExecutorService SCHEDULER = create();
  }

  /** Returns the shared scheduler. */
  public static ScheduledExecutorService get() {
    return Holder.SCHEDULER;
  }

  private static ScheduledExecutorService create() {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = Executors.defaultThreadFactory().newThread(r);
              t.setName("migrationkit-sms-retry");
              t.setDaemon(true);
              return t;
            });
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }
}
