package org.migrationkit.sms.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends calls that outlive their whole-call deadline: one daemon thread for the process looks at
 * every client's calls in flight each {@link #TICK_MILLIS} ms and cancels the late ones.
 *
 * <p>Why not OkHttp's per-call timeout: it enters every call into Okio's one timeout queue under
 * one lock, and wakes Okio's watchdog thread whenever the call becomes the earliest deadline - for
 * a sequential caller, on every call. On a 2-core machine that cost 30 µs, a third of a loopback
 * call. A deadline of seconds needs no per-call timer: this one is enforced within a tick, costs a
 * call one volatile read, and its thread parks when no call has run for a second.
 */
final class DeadlineWatchdog implements Runnable {
  private static final long TICK_MILLIS = 20;
  private static final Logger log = LoggerFactory.getLogger(DeadlineWatchdog.class);
  private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final DeadlineWatchdog INSTANCE = new DeadlineWatchdog();

  private final Set<Transport> transports = Collections.newSetFromMap(new WeakHashMap<>());
  private volatile boolean sleeping = true;
  private @Nullable Thread thread; // guarded by this

  private DeadlineWatchdog() {}

  static DeadlineWatchdog get() {
    return INSTANCE;
  }

  synchronized void watch(Transport transport) {
    transports.add(transport);
  }

  synchronized void unwatch(Transport transport) {
    transports.remove(transport);
  }

  /**
   * Makes sure the watchdog runs; a call calls this after adding itself to its in-flight calls, so
   * that either the watchdog's last look before parking sees the call, or the call sees it parked.
   */
  void callStarted() {
    if (sleeping) {
      wake();
    }
  }

  private synchronized void wake() {
    if (!sleeping) {
      return;
    }
    sleeping = false;
    if (thread == null) {
      Thread t = new Thread(this, "migrationkit-sms-deadlines");
      t.setDaemon(true);
      thread = t;
      t.start();
    } else {
      LockSupport.unpark(thread);
    }
  }

  @Override
  public void run() {
    long lastBusy = System.nanoTime();
    while (true) {
      // a stray interrupt (exec:java interrupts daemon threads at its end) would make every park
      // return at once: this thread would spin instead of ticking
      Thread.interrupted();
      if (sweep()) {
        lastBusy = System.nanoTime();
      } else if (System.nanoTime() - lastBusy > IDLE_NANOS) {
        sleeping = true;
        if (sweep()) {
          sleeping = false; // a call started as we were about to park
        } else {
          while (sleeping) {
            LockSupport.park(this);
          }
        }
        lastBusy = System.nanoTime();
        continue;
      }
      LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS));
    }
  }

  /**
   * Cancels the late calls; returns whether any call is in flight. Never throws: the thread must
   * outlive anything one call does, or no later deadline would be enforced.
   */
  private boolean sweep() {
    try {
      return sweepOnce();
    } catch (RuntimeException e) {
      log.warn("deadline watchdog: a sweep failed; carrying on", e);
      return true;
    }
  }

  private boolean sweepOnce() {
    List<Transport> watched;
    synchronized (this) {
      watched = new ArrayList<>(transports);
    }
    long now = System.nanoTime();
    boolean busy = false;
    for (Transport transport : watched) {
      busy |= transport.inFlight.forEach(exchange -> exchange.sweep(now));
    }
    return busy;
  }
}
