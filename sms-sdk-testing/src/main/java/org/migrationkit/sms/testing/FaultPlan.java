package org.migrationkit.sms.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
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
 * when requests arrive concurrently. Immutable.
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
   * normally}
   *
   * @param requestNumber the request's number, from 1
   */
  public @Nullable Fault faultFor(long requestNumber) {
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      if (rule.matches(requestNumber, seed, i)) {
        return rule.fault;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "FaultPlan{seed=" + seed + ", rules=" + rules + "}";
  }

  private static final class Rule {
    final long first;
    final long last;
    final double probability;
    final Fault fault;

    Rule(long first, long last, double probability, Fault fault) {
      this.first = first;
      this.last = last;
      this.probability = probability;
      this.fault = fault;
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
