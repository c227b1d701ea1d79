package org.migrationkit.sms.migration.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The fleet's threads: daemons named {@code sms-fleet-<n>...}, so a tool exits when done. */
final class FleetThreads {
  private static final AtomicInteger FLEETS = new AtomicInteger();

  private FleetThreads() {}

  /** Returns the next fleet's name prefix, {@code sms-fleet-1}, {@code sms-fleet-2}, ... */
  static String nextPrefix() {
    return "sms-fleet-" + FLEETS.incrementAndGet();
  }

  static ScheduledThreadPoolExecutor scheduler(String name) {
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> daemon(r, name));
    executor.setRemoveOnCancelPolicy(true);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    return executor;
  }

  static ExecutorService single(String name) {
    return new ThreadPoolExecutor(
        1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> daemon(r, name));
  }

  static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
