package org.migrationkit.sms.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.model.ShowTaskResponse;

/**
 * What the simulator answers for one task id: a fixed task, or a script with how far it has run.
 * State: {@code polls} counts the answers given, which is how far a per-poll script has run; {@code
 * skipped} frames a {@code skip} jumped over; {@code patches} what operations changed on the task
 * since it was stored (name, agent progress, network check...), applied to every frame in order.
 * Rendering runs on handler threads without the service's lock; patches are replaced whole.
 */
final class SimulatedTask {
  private static final int MAX_PATCHES = 64;

  private final String taskId;
  private final @Nullable ShowTaskResponse fixed;
  private final @Nullable TaskScript script;
  private final Instant installedAt;
  private final AtomicInteger polls = new AtomicInteger();
  private final AtomicInteger skipped = new AtomicInteger();
  // by what they change: a later patch of the same thing replaces the earlier one
  private volatile Map<String, Consumer<ShowTaskResponse.Builder>> patches = Map.of();

  private SimulatedTask(
      String taskId,
      @Nullable ShowTaskResponse fixed,
      @Nullable TaskScript script,
      Instant installedAt) {
    this.taskId = taskId;
    this.fixed = fixed;
    this.script = script;
    this.installedAt = installedAt;
  }

  static SimulatedTask fixed(String taskId, ShowTaskResponse task) {
    return new SimulatedTask(taskId, task, null, Instant.EPOCH);
  }

  static SimulatedTask scripted(String taskId, TaskScript script, Instant installedAt) {
    return new SimulatedTask(taskId, null, script, installedAt);
  }

  /** Returns the task as this poll sees it, and counts the poll. */
  ShowTaskResponse poll(Instant now) {
    return render(polls.getAndIncrement(), now);
  }

  /** Returns the task as the next poll would see it, without counting. */
  ShowTaskResponse peek(Instant now) {
    return render(polls.get(), now);
  }

  /**
   * Changes every later frame of the task with {@code patch}, after the earlier patches; it
   * replaces the earlier patch of the same {@code what}. At most {@value #MAX_PATCHES} are kept,
   * the oldest dropped, so an agent reporting forever keeps memory bounded.
   */
  void patch(String what, Consumer<ShowTaskResponse.Builder> patch) {
    LinkedHashMap<String, Consumer<ShowTaskResponse.Builder>> next = new LinkedHashMap<>(patches);
    next.remove(what);
    next.put(what, patch);
    if (next.size() > MAX_PATCHES) {
      next.remove(next.keySet().iterator().next());
    }
    patches = Collections.unmodifiableMap(next);
  }

  /**
   * Jumps past the steps of sub-task {@code name} when the task has not finished them yet; returns
   * whether it did.
   */
  boolean skipPast(String name, Instant now) {
    TaskScript s = script;
    if (s == null) {
      return false;
    }
    int after = s.frameAfter(name);
    int at = index(s, polls.get(), now);
    if (after < 0 || at >= after) {
      return false;
    }
    skipped.addAndGet(after - at);
    return true;
  }

  private ShowTaskResponse render(int pollIndex, Instant now) {
    ShowTaskResponse task =
        fixed != null ? fixed : script.frame(index(script, pollIndex, now), taskId, installedAt);
    Map<String, Consumer<ShowTaskResponse.Builder>> changes = patches;
    if (changes.isEmpty()) {
      return task;
    }
    ShowTaskResponse.Builder b = task.toBuilder();
    changes.values().forEach(p -> p.accept(b));
    return b.build();
  }

  private int index(TaskScript s, int pollIndex, Instant now) {
    long index = pollIndex;
    if (s.followsClock()) {
      Duration elapsed = Duration.between(installedAt, now);
      index = elapsed.isNegative() ? 0 : elapsed.dividedBy(s.stepLength());
    }
    return (int) Math.min(Integer.MAX_VALUE, index + skipped.get());
  }
}
