package org.migrationkit.sms;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.internal.Durations;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.model.TaskState;

/**
 * How {@link SmsClient#waitForTask} polls a task until it ends.
 *
 * <pre>{@code
 * ShowTaskResponse done = sms.waitForTask(taskId, WaitOptions.builder()
 *     .pollInterval(Duration.ofSeconds(10))
 *     .maxWait(Duration.ofHours(6))
 *     .progressListener(p -> System.out.println(p.overallPercent() + "% " + p.currentSubTask()))
 *     .build());
 * }</pre>
 *
 * <p>Defaults: no initial delay; polls every 5 s at first, growing by half each poll (with ±10 %
 * jitter) up to 60 s; gives up after 24 h with a {@link WaitTimeoutException}. The task ends
 * successfully in {@code MIGRATE_SUCCESS} or {@code SYNC_F_ROLLBACK_SUCCESS} (rolled back: the last
 * response tells which) and fails with a {@link TaskFailedException} in {@code MIGRATE_FAIL} or
 * {@code ABORT}. Immutable.
 */
public final class WaitOptions {
  private static final WaitOptions DEFAULTS = builder().build();

  /** The default success condition: {@code MIGRATE_SUCCESS} or {@code SYNC_F_ROLLBACK_SUCCESS}. */
  public static final Predicate<ShowTaskResponse> DEFAULT_SUCCESS =
      t ->
          TaskState.MIGRATE_SUCCESS.equals(t.getState())
              || TaskState.SYNC_F_ROLLBACK_SUCCESS.equals(t.getState());

  /** The default failure condition: {@code MIGRATE_FAIL} or {@code ABORT}. */
  public static final Predicate<ShowTaskResponse> DEFAULT_FAILURE =
      t -> TaskState.MIGRATE_FAIL.equals(t.getState()) || TaskState.ABORT.equals(t.getState());

  private final Duration initialDelay;
  private final Duration pollInterval;
  private final Duration maxPollInterval;
  private final Duration maxWait;
  private final @Nullable TaskProgressListener progressListener;
  private final Predicate<ShowTaskResponse> successWhen;
  private final Predicate<ShowTaskResponse> failWhen;

  private WaitOptions(Builder b) {
    this.initialDelay = b.initialDelay;
    this.pollInterval = b.pollInterval;
    this.maxPollInterval = b.maxPollInterval;
    this.maxWait = b.maxWait;
    this.progressListener = b.progressListener;
    this.successWhen = b.successWhen;
    this.failWhen = b.failWhen;
  }

  /** {@return the defaults (see the class comment)} */
  public static WaitOptions defaults() {
    return DEFAULTS;
  }

  /** {@return a builder starting from the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding these options} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.initialDelay = initialDelay;
    b.pollInterval = pollInterval;
    b.maxPollInterval = maxPollInterval;
    b.maxWait = maxWait;
    b.progressListener = progressListener;
    b.successWhen = successWhen;
    b.failWhen = failWhen;
    return b;
  }

  /** {@return the wait before the first poll} */
  public Duration initialDelay() {
    return initialDelay;
  }

  /** {@return the first interval between polls} */
  public Duration pollInterval() {
    return pollInterval;
  }

  /** {@return the longest interval between polls} */
  public Duration maxPollInterval() {
    return maxPollInterval;
  }

  /** {@return the longest the wait may take} */
  public Duration maxWait() {
    return maxWait;
  }

  /** {@return the progress listener, or {@code null}} */
  public @Nullable TaskProgressListener progressListener() {
    return progressListener;
  }

  /** {@return the condition under which the wait ends successfully} */
  public Predicate<ShowTaskResponse> successWhen() {
    return successWhen;
  }

  /** {@return the condition under which the wait ends with a {@link TaskFailedException}} */
  public Predicate<ShowTaskResponse> failWhen() {
    return failWhen;
  }

  @Override
  public String toString() {
    return "WaitOptions{initialDelay="
        + initialDelay
        + ", pollInterval="
        + pollInterval
        + ", maxPollInterval="
        + maxPollInterval
        + ", maxWait="
        + maxWait
        + "}";
  }

  /** Builds {@link WaitOptions}; not thread-safe. */
  public static final class Builder {
    private Duration initialDelay = Duration.ZERO;
    private Duration pollInterval = Duration.ofSeconds(5);
    private Duration maxPollInterval = Duration.ofSeconds(60);
    private Duration maxWait = Duration.ofHours(24);
    private @Nullable TaskProgressListener progressListener;
    private Predicate<ShowTaskResponse> successWhen = DEFAULT_SUCCESS;
    private Predicate<ShowTaskResponse> failWhen = DEFAULT_FAILURE;

    private Builder() {}

    /**
     * Sets the wait before the first poll; default zero.
     *
     * @param initialDelay the wait; zero or positive
     * @return this builder
     */
    public Builder initialDelay(Duration initialDelay) {
      this.initialDelay = Durations.requireNotNegative(initialDelay, "initialDelay");
      return this;
    }

    /**
     * Sets the first interval between polls; default 5 s. Must be positive.
     *
     * @param pollInterval the first interval
     * @return this builder
     */
    public Builder pollInterval(Duration pollInterval) {
      this.pollInterval = Durations.requirePositive(pollInterval, "pollInterval");
      return this;
    }

    /**
     * Sets the longest interval between polls; default 60 s. Must be positive.
     *
     * @param maxPollInterval the longest interval
     * @return this builder
     */
    public Builder maxPollInterval(Duration maxPollInterval) {
      this.maxPollInterval = Durations.requirePositive(maxPollInterval, "maxPollInterval");
      return this;
    }

    /**
     * Sets the longest the wait may take; default 24 h. Must be positive.
     *
     * @param maxWait the longest wait
     * @return this builder
     */
    public Builder maxWait(Duration maxWait) {
      this.maxWait = Durations.requirePositive(maxWait, "maxWait");
      return this;
    }

    /**
     * Sets a listener told of every change of progress and of absorbed poll failures.
     *
     * @param listener the listener; it runs on the waiting thread and should return quickly
     * @return this builder
     */
    public Builder progressListener(TaskProgressListener listener) {
      this.progressListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Ends the wait successfully when {@code condition} holds, e.g. {@code t ->
     * TaskState.RUNNING.equals(t.getState())}.
     *
     * @param condition the condition, tested on every polled task
     * @return this builder
     */
    public Builder successWhen(Predicate<ShowTaskResponse> condition) {
      this.successWhen = Objects.requireNonNull(condition, "condition");
      return this;
    }

    /**
     * Ends the wait with a {@link TaskFailedException} when {@code condition} holds.
     *
     * @param condition the condition, tested on every polled task
     * @return this builder
     */
    public Builder failWhen(Predicate<ShowTaskResponse> condition) {
      this.failWhen = Objects.requireNonNull(condition, "condition");
      return this;
    }

    /**
     * {@return the options}
     *
     * @throws IllegalArgumentException when maxPollInterval is shorter than pollInterval
     */
    public WaitOptions build() {
      if (maxPollInterval.compareTo(pollInterval) < 0) {
        throw new IllegalArgumentException(
            "maxPollInterval ("
                + maxPollInterval
                + ") must not be shorter than pollInterval ("
                + pollInterval
                + ")");
      }
      return new WaitOptions(this);
    }
  }
}
