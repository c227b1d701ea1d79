package org.migrationkit.sms.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The calls of one client that have started and not yet ended, for {@code close()} and the {@link
 * DeadlineWatchdog}. Every call adds and removes itself, so this must cost next to nothing: the
 * calls are linked through their own {@link Exchange} fields (no node per call) in sixteen lists,
 * each with its own lock, chosen by the calling thread, so concurrent callers rarely share a lock.
 * Thread-safe.
 */
final class InFlightCalls {
  private static final int STRIPES = 16; // a power of two

  private final Stripe[] stripes = new Stripe[STRIPES];

  InFlightCalls() {
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Stripe();
    }
  }

  /** Returns the stripe the calling thread's calls use. */
  static int stripeForCurrentThread() {
    return (int) Thread.currentThread().getId() & (STRIPES - 1);
  }

  void add(Exchange<?, ?> exchange) {
    Stripe s = stripes[exchange.stripe];
    synchronized (s) {
      exchange.next = s.head;
      if (s.head != null) {
        s.head.previous = exchange;
      }
      s.head = exchange;
    }
  }

  void remove(Exchange<?, ?> exchange) {
    Stripe s = stripes[exchange.stripe];
    synchronized (s) {
      if (exchange.previous != null) {
        exchange.previous.next = exchange.next;
      } else if (s.head == exchange) {
        s.head = exchange.next;
      } else {
        return; // not linked: removed already
      }
      if (exchange.next != null) {
        exchange.next.previous = exchange.previous;
      }
      exchange.previous = null;
      exchange.next = null;
    }
  }

  /**
   * Runs {@code action} for each call in flight now, outside the locks (an action may end its call,
   * which removes it). Returns whether there was any.
   */
  boolean forEach(Consumer<Exchange<?, ?>> action) {
    List<Exchange<?, ?>> snapshot = new ArrayList<>();
    for (Stripe s : stripes) {
      synchronized (s) {
        for (Exchange<?, ?> e = s.head; e != null; e = e.next) {
          snapshot.add(e);
        }
      }
    }
    snapshot.forEach(action);
    return !snapshot.isEmpty();
  }

  private static final class Stripe {
    private Exchange<?, ?> head;
  }
}
