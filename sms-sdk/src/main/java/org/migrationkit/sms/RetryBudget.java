package org.migrationkit.sms;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A token bucket that every retry draws from, so that an outage does not multiply traffic: when the
 * bucket is empty, failures are thrown at once instead of retried. Each retry costs {@link
 * #retryCost()} tokens (twice that after a timeout); each successful call returns one.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder().retryBudget(RetryBudget.create(100)).build();
 * }</pre>
 *
 * <p>Each client has a budget of its own unless its {@link RetryPolicy} names one; {@link
 * #shared()} is a process-wide bucket to share on purpose. Thread-safe.
 */
public final class RetryBudget {
  /** The tokens of a client's own budget, and of {@link #shared()}. */
  public static final int DEFAULT_CAPACITY = 500;

  private static final RetryBudget SHARED = new RetryBudget(DEFAULT_CAPACITY, 5);
  private static final RetryBudget UNLIMITED = new RetryBudget(Integer.MAX_VALUE, 0);

  private final int capacity;
  private final int retryCost;
  private final AtomicInteger tokens;

  private RetryBudget(int capacity, int retryCost) {
    this.capacity = capacity;
    this.retryCost = retryCost;
    this.tokens = new AtomicInteger(capacity);
  }

  /**
   * {@return a process-wide budget (500 tokens, 5 per retry, so 100 retries in a burst)} for
   * clients that should share one: {@code RetryPolicy.builder().retryBudget(RetryBudget.shared())}.
   */
  public static RetryBudget shared() {
    return SHARED;
  }

  /** {@return a budget that never runs out} */
  public static RetryBudget unlimited() {
    return UNLIMITED;
  }

  /**
   * {@return a new budget holding {@code capacity} tokens, at 5 tokens per retry}
   *
   * @param capacity the number of tokens, zero or more
   * @throws IllegalArgumentException when capacity is negative
   */
  public static RetryBudget create(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must not be negative, was " + capacity);
    }
    return new RetryBudget(capacity, 5);
  }

  /** {@return the tokens one retry costs (twice that after a timeout)} */
  public int retryCost() {
    return retryCost;
  }

  /** {@return the tokens left} */
  public int available() {
    return tokens.get();
  }

  /**
   * Takes the tokens for one retry; returns {@code false}, taking nothing, when too few are left.
   *
   * @param afterTimeout whether the failed attempt timed out (a retry after a timeout costs more)
   * @return whether the tokens were taken
   */
  public boolean tryAcquire(boolean afterTimeout) {
    int cost = afterTimeout ? 2 * retryCost : retryCost;
    if (cost == 0) {
      return true;
    }
    while (true) {
      int current = tokens.get();
      if (current < cost) {
        return false;
      }
      if (tokens.compareAndSet(current, current - cost)) {
        return true;
      }
    }
  }

  /** Returns one token after a successful call, up to the capacity. */
  public void onSuccess() {
    if (retryCost == 0) {
      return;
    }
    while (true) {
      int current = tokens.get();
      if (current >= capacity || tokens.compareAndSet(current, current + 1)) {
        return;
      }
    }
  }

  @Override
  public String toString() {
    return this == UNLIMITED
        ? "RetryBudget{unlimited}"
        : "RetryBudget{"
            + tokens.get()
            + " of "
            + capacity
            + " tokens, "
            + retryCost
            + " per retry}";
  }
}
