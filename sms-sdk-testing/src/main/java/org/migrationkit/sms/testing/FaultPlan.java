package org.migrationkit.sms.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Which requests the simulator answers with which {@link Fault}: by request number, or at random
 * with a seed, so that a failing test fails the same way every run.
 *
 * <pre>{@code
 * simulator.faults(FaultPlan.builder()
 *     .onRequests(1, 2, Fault.status(503))          // the first two requests
 *     .randomly(0.1, Fault.dropConnection())         // then about one in ten
 *     .seed(42)
 *     .build());
 * }</pre>
 *
 * <p>Requests are numbered from 1, counting every request the simulator receives after {@link
 * SmsSimulator#faults(FaultPlan)} installed the plan, whatever its path or signature. Rules are
 * tried in the order added and the first that matches wins. A random rule decides for a request
 * number from the seed, the number and the rule alone, so the same numbers fail in every run even
 * when requests arrive concurrently.
 *
 * <p>An operation rule matches requests for one operation of the API, named as {@link
 * JournalEntry#operation()} names it, optionally only those for one id (the first path parameter:
 * the task of {@code ShowTask} or {@code UpdateTaskStatus}, the server of {@code ShowServer}...),
 * and only so many times: each installation of the plan counts afresh.
 *
 * <pre>{@code
 * simulator.faults(FaultPlan.builder()
 *     .onOperation("CreateTask", 2, Fault.status(429))           // the next two CreateTask
 *     .onOperation("ShowTask", taskId, 1, Fault.status(500))     // ShowTask of taskId, once
 *     .build());
 * }</pre>
 *
 * <p>Immutable; the counts of operation rules live in the simulator that installed the plan.
 */
public final class FaultPlan {
  /** The plan without faults: every request is answered normally. */
  public static final FaultPlan NONE = builder().build();

  private final List<Rule> rules;
  private final long seed;

  private FaultPlan(Builder b) {
    this.rules = List.copyOf(b.rules);
    this.seed = b.seed;
  }

  /** {@return an empty builder (no rules, seed 1)} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this plan's rules and seed, to add rules or pick another seed} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.rules.addAll(rules);
    b.seed = seed; // may be set again on the copy
    return b;
  }

  /**
   * {@return the fault for the request with this number (from 1), or {@code null} to answer
   * normally} Operation rules ({@link Builder#onOperation(String, int, Fault)}) need the request's
   * operation and are not tried.
   *
   * @param requestNumber the request's number, from 1
   */
  public @Nullable Fault faultFor(long requestNumber) {
    return faultFor(requestNumber, null, null, null);
  }

  /** Returns a count of uses per rule, for one installation of the plan. */
  long[] newCounts() {
    return new long[rules.size()];
  }

  /**
   * Returns the fault for request {@code requestNumber} of {@code operation} on {@code pathId}, or
   * {@code null}; counts the use of an operation rule that matches in {@code used} (from {@link
   * #newCounts()}; the caller serializes calls). Without {@code used}, operation rules never match.
   */
  @Nullable Fault faultFor(
      long requestNumber,
      @Nullable String operation,
      @Nullable String pathId,
      long @Nullable [] used) {
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      if (rule.operation != null) {
        if (used != null && rule.matches(operation, pathId, used[i])) {
          used[i]++;
          return rule.fault;
        }
      } else if (rule.matches(requestNumber, seed, i)) {
        return rule.fault;
      }
    }
    return null;
  }

  /** The operations of the API, by the names {@link JournalEntry#operation()} gives. */
  static final Set<String> OPERATIONS =
      Route.ALL.stream().map(Route::operation).collect(Collectors.toUnmodifiableSet());

  @Override
  public String toString() {
    return "FaultPlan{seed=" + seed + ", rules=" + rules + "}";
  }

  private static final class Rule {
    final long first;
    final long last;
    final double probability;
    final Fault fault;
    // an operation rule: these and `times` (the most requests it answers); first..last unused
    final @Nullable String operation;
    final @Nullable String pathId;
    final long times;

    Rule(long first, long last, double probability, Fault fault) {
      this.first = first;
      this.last = last;
      this.probability = probability;
      this.fault = fault;
      this.operation = null;
      this.pathId = null;
      this.times = 0;
    }

    Rule(String operation, @Nullable String pathId, long times, Fault fault) {
      this.first = 1;
      this.last = Long.MAX_VALUE;
      this.probability = 1.0;
      this.fault = fault;
      this.operation = operation;
      this.pathId = pathId;
      this.times = times;
    }

    boolean matches(@Nullable String requestOperation, @Nullable String requestPathId, long used) {
      return used < times
          && operation.equals(requestOperation)
          && (pathId == null || pathId.equals(requestPathId));
    }

    boolean matches(long number, long seed, int index) {
      if (number < first || number > last) {
        return false;
      }
      if (probability >= 1.0) {
        return true;
      }
      // one independent draw per (seed, rule, request number): arrival order cannot change it
      long mixed = seed * 0x9E3779B97F4A7C15L + index * 0xC2B2AE3D27D4EB4FL + number;
      return new SplittableRandom(mixed).nextDouble() < probability;
    }

    @Override
    public String toString() {
      if (operation != null) {
        return operation
            + (pathId != null ? " " + pathId : "")
            + (times == Long.MAX_VALUE ? "" : " x" + times)
            + " -> "
            + fault;
      }
      String range =
          first == last ? "#" + first : "#" + first + ".." + (last == Long.MAX_VALUE ? "" : last);
      return (probability < 1.0 ? "p=" + probability + " " : "") + range + " -> " + fault;
    }
  }

  /** Builds a {@link FaultPlan}; not thread-safe. */
  public static final class Builder {
    private final List<Rule> rules = new ArrayList<>();
    private long seed = 1;
    private boolean seedSet;

    private Builder() {}

    /**
     * Answers request number {@code number} (from 1) with {@code fault}.
     *
     * @param number the request's number, from 1
     * @param fault the fault to answer with
     * @return this builder
     */
    public Builder onRequest(long number, Fault fault) {
      return onRequests(number, number, fault);
    }

    /**
     * Answers requests {@code first} to {@code last} (inclusive, from 1) with {@code fault}.
     *
     * @param first the first request's number, from 1
     * @param last the last request's number, inclusive
     * @param fault the fault to answer with
     * @return this builder
     */
    public Builder onRequests(long first, long last, Fault fault) {
      if (first < 1 || last < first) {
        throw new IllegalArgumentException(
            "request numbers start at 1 and last must not precede first, were "
                + first
                + ".."
                + last);
      }
      rules.add(new Rule(first, last, 1.0, Objects.requireNonNull(fault, "fault")));
      return this;
    }

    /**
     * Answers every request with {@code fault}, such as {@code Fault.latency(...)} for a slow
     * service.
     *
     * @param fault the fault to answer with
     * @return this builder
     */
    public Builder always(Fault fault) {
      return onRequests(1, Long.MAX_VALUE, fault);
    }

    /**
     * Answers the next {@code times} requests for {@code operation} (counted from when the plan is
     * installed) with {@code fault}, e.g. {@code onOperation("CreateTask", 2, Fault.status(429))}.
     *
     * @param operation an operation of the API, as {@link JournalEntry#operation()} names it
     * @param times how many of its requests to answer so, at least 1
     * @param fault the fault to answer with
     * @return this builder
     * @throws IllegalArgumentException when the API has no such operation, or {@code times} is
     *     below 1
     */
    public Builder onOperation(String operation, int times, Fault fault) {
      return operationRule(operation, null, times, fault);
    }

    /**
     * Answers the next {@code times} requests for {@code operation} on {@code id} (the first path
     * parameter: the task id of {@code ShowTask}, {@code UpdateTaskStatus}, {@code DeleteTask}...,
     * the server id of {@code ShowServer}...) with {@code fault}; requests for other ids are not
     * counted.
     *
     * @param operation an operation of the API, as {@link JournalEntry#operation()} names it
     * @param id the first path parameter the request must have
     * @param times how many of its requests to answer so, at least 1
     * @param fault the fault to answer with
     * @return this builder
     * @throws IllegalArgumentException when the API has no such operation, or {@code times} is
     *     below 1
     */
    public Builder onOperation(String operation, String id, int times, Fault fault) {
      return operationRule(operation, Objects.requireNonNull(id, "id"), times, fault);
    }

    /**
     * Answers every request for {@code operation} with {@code fault}, such as {@code
     * Fault.latency(...)} for one slow operation.
     *
     * @param operation an operation of the API, as {@link JournalEntry#operation()} names it
     * @param fault the fault to answer with
     * @return this builder
     * @throws IllegalArgumentException when the API has no such operation
     */
    public Builder alwaysOnOperation(String operation, Fault fault) {
      return operationRule(operation, null, Long.MAX_VALUE, fault);
    }

    private Builder operationRule(
        @Nullable String operation, @Nullable String id, long times, Fault fault) {
      if (operation == null || !OPERATIONS.contains(operation)) {
        throw new IllegalArgumentException(
            "unknown operation "
                + operation
                + ": name one of the API as JournalEntry.operation() gives it, such as CreateTask"
                + " or ShowTask");
      }
      if (times < 1) {
        throw new IllegalArgumentException(
            "times must be at least 1, was " + times + " for " + operation);
      }
      rules.add(new Rule(operation, id, times, Objects.requireNonNull(fault, "fault")));
      return this;
    }

    /**
     * Answers each request with {@code fault} with this probability (0 to 1), decided by the seed
     * and the request number.
     *
     * @param probability the chance of each request, 0 to 1
     * @param fault the fault to answer with
     * @return this builder
     */
    public Builder randomly(double probability, Fault fault) {
      if (!(probability >= 0.0 && probability <= 1.0)) {
        throw new IllegalArgumentException("probability must be 0 to 1, was " + probability);
      }
      rules.add(new Rule(1, Long.MAX_VALUE, probability, Objects.requireNonNull(fault, "fault")));
      return this;
    }

    /**
     * Sets the seed of the random rules; default 1. Another seed picks other requests, the same
     * seed the same ones.
     *
     * @param seed the seed
     * @return this builder
     * @throws IllegalStateException when the seed was already set
     */
    public Builder seed(long seed) {
      if (seedSet) {
        throw new IllegalStateException(
            "seed(" + seed + ") conflicts with seed(" + this.seed + "): set it once");
      }
      this.seed = seed;
      this.seedSet = true;
      return this;
    }

    /** {@return the plan} */
    public FaultPlan build() {
      return new FaultPlan(this);
    }
  }
}
