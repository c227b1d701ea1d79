package org.migrationkit.sms;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.internal.Durations;

/**
 * When and how long to wait before a failed call is tried again.
 *
 * <pre>{@code
 * SmsClient.builder().retryPolicy(RetryPolicy.builder().maxAttempts(5).build())...
 * SmsClient.builder().retryPolicy(RetryPolicy.none())...   // one attempt only
 * }</pre>
 *
 * <p>By default: at most 3 attempts; retried are connection failures, connect and read timeouts,
 * and the statuses 429, 500, 502, 503 and 504; never any other 4xx, and never an answer that
 * arrived but could not be read. Whatever the policy says, an operation that is not idempotent (a
 * {@code POST} that creates or acts) is repeated only when its request provably never reached the
 * service (the connection was refused or never made, the TLS handshake failed, or the answer was
 * 429), never after a read timeout, a broken connection or a 5xx. Waits use exponential backoff
 * with full jitter (base 100 ms, cap 20 s; throttling, 429, starts at 1 s); a {@code Retry-After}
 * header (seconds or HTTP date) is honoured up to the cap. Every retry draws from a {@link
 * RetryBudget}: by default each client has its own (500 tokens), so one client's outage never
 * throttles another's retries; share one on purpose with {@link Builder#retryBudget}. The client's
 * whole-call timeout bounds all attempts and waits together. Immutable and thread-safe.
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS = builder().build();
  private static final RetryPolicy NONE = builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration throttlingBaseDelay;
  private final Duration maxDelay;
  private final Predicate<SmsException> retryIf;
  private final @Nullable RetryBudget budget;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.baseDelay = b.baseDelay;
    this.throttlingBaseDelay = b.throttlingBaseDelay;
    this.maxDelay = b.maxDelay;
    this.retryIf = b.retryIf;
    this.budget = b.budget;
  }

  /**
   * {@return the default policy (see the class comment)}; each client using it draws from a budget
   * of its own.
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** {@return a policy that never retries} */
  public static RetryPolicy none() {
    return NONE;
  }

  /** {@return a builder starting from the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this policy's values} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxAttempts = maxAttempts;
    b.baseDelay = baseDelay;
    b.throttlingBaseDelay = throttlingBaseDelay;
    b.maxDelay = maxDelay;
    b.retryIf = retryIf;
    b.budget = budget;
    return b;
  }

  /**
   * The default condition: {@link SmsException#isRetryable()}.
   *
   * @param failure the failure of the last attempt
   * @return whether the failure is retryable by default
   */
  public static boolean isRetryableByDefault(SmsException failure) {
    return failure.isRetryable();
  }

  /** {@return the most attempts per call, the first included} */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** {@return the first backoff step for errors other than throttling} */
  public Duration baseDelay() {
    return baseDelay;
  }

  /** {@return the first backoff step after throttling (429)} */
  public Duration throttlingBaseDelay() {
    return throttlingBaseDelay;
  }

  /** {@return the longest single wait, {@code Retry-After} included} */
  public Duration maxDelay() {
    return maxDelay;
  }

  /**
   * {@return the budget set with {@link Builder#retryBudget}}, shared by every client using this
   * policy; {@code null} (the default) when each client draws from a budget of its own.
   */
  public @Nullable RetryBudget retryBudget() {
    return budget;
  }

  /**
   * {@return whether the policy allows retrying this failure (attempts and budget aside)}
   *
   * @param failure the failure of the last attempt
   */
  public boolean shouldRetry(SmsException failure) {
    return retryIf.test(failure);
  }

  /**
   * {@return the backoff before attempt {@code failedAttempt + 1}: a random wait in {@code [0,
   * min(cap, base * 2^(failedAttempt-1))]}, from the throttling base after a 429}
   *
   * @param failedAttempt the number of the attempt that failed, from 1
   * @param throttled whether that attempt was throttled (429)
   * @param random a number in {@code [0, 1)} that picks the wait within the range
   */
  public Duration backoff(int failedAttempt, boolean throttled, double random) {
    long base = (throttled ? throttlingBaseDelay : baseDelay).toNanos();
    long cap = maxDelay.toNanos();
    if (base == 0 || cap == 0) {
      return Duration.ZERO;
    }
    int shift = Math.min(Math.max(failedAttempt - 1, 0), 62);
    long ceiling = base > (cap >> shift) ? cap : base << shift;
    return Duration.ofNanos((long) (ceiling * random));
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts="
        + maxAttempts
        + ", baseDelay="
        + baseDelay
        + ", throttlingBaseDelay="
        + throttlingBaseDelay
        + ", maxDelay="
        + maxDelay
        + ", budget="
        + (budget == null ? "per client" : budget)
        + "}";
  }

  /** Builds {@link RetryPolicy} values; not thread-safe. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration baseDelay = Duration.ofMillis(100);
    private Duration throttlingBaseDelay = Duration.ofSeconds(1);
    private Duration maxDelay = Duration.ofSeconds(20);
    private Predicate<SmsException> retryIf = RetryPolicy::isRetryableByDefault;
    private @Nullable RetryBudget budget;

    private Builder() {}

    /**
     * Sets the most attempts per call, the first included; 1 turns retries off. Default 3.
     *
     * @param maxAttempts the most attempts, at least 1
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets the first backoff step; default 100 ms. Zero retries at once (useful in tests).
     *
     * @param baseDelay the first step; zero or positive
     * @return this builder
     */
    public Builder baseDelay(Duration baseDelay) {
      this.baseDelay = Durations.requireNotNegative(baseDelay, "baseDelay");
      return this;
    }

    /**
     * Sets the first backoff step after throttling (429); default 1 s.
     *
     * @param delay the first step after throttling; zero or positive
     * @return this builder
     */
    public Builder throttlingBaseDelay(Duration delay) {
      this.throttlingBaseDelay = Durations.requireNotNegative(delay, "throttlingBaseDelay");
      return this;
    }

    /**
     * Sets the longest single wait, capping backoff and {@code Retry-After}; default 20 s.
     *
     * @param maxDelay the longest wait; zero or positive
     * @return this builder
     */
    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = Durations.requireNotNegative(maxDelay, "maxDelay");
      return this;
    }

    /**
     * Sets which failures are retried, widening or narrowing the default; for example {@code e ->
     * RetryPolicy.isRetryableByDefault(e) && !(e instanceof SmsTimeoutException)}.
     *
     * @param retryIf the condition a failure must meet to be retried
     * @return this builder
     */
    public Builder retryIf(Predicate<SmsException> retryIf) {
      this.retryIf = Objects.requireNonNull(retryIf, "retryIf");
      return this;
    }

    /**
     * Sets a budget that every client using this policy draws from, such as {@link
     * RetryBudget#shared()} for the whole process; by default each client has its own budget of
     * {@value RetryBudget#DEFAULT_CAPACITY} tokens.
     *
     * @param budget the budget, shared by every client that is given it
     * @return this builder
     */
    public Builder retryBudget(RetryBudget budget) {
      this.budget = Objects.requireNonNull(budget, "budget");
      return this;
    }

    /** {@return the policy} */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }
  }
}
