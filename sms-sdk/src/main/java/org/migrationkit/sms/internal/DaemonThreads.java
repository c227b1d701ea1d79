package org.migrationkit.sms.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread pools of daemon threads: a script that used the SDK must exit when its {@code main}
 * returns, so no thread the SDK starts may keep the JVM up.
 */
final class DaemonThreads {
  private DaemonThreads() {}

  /**
   * Returns a pool that starts a thread per task when none is idle (no queue, no limit) and lets a
   * thread go after {@code keepAliveSeconds} idle; threads are named {@code prefix-1}, {@code
   * prefix-2}, ...
   */
  static ExecutorService elastic(String prefix, long keepAliveSeconds) {
    AtomicInteger count = new AtomicInteger();
    return new ThreadPoolExecutor(
        0,
        Integer.MAX_VALUE,
        keepAliveSeconds,
        TimeUnit.SECONDS,
        new SynchronousQueue<>(),
        r -> {
          Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }
}
