package org.migrationkit.sms.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.model.ShowTaskResponse;

/**
 * What the simulator answers for one task id: a fixed task, or a script with how far it has run.
 * State: {@code polls} counts the answers given, which is how far a per-poll script has run.
 */
final class SimulatedTask {
  private final String taskId;
  private final @Nullable ShowTaskResponse fixed;
  private final @Nullable TaskScript script;
  private final Instant installedAt;
  private final AtomicInteger polls = new AtomicInteger();

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

  private ShowTaskResponse render(int pollIndex, Instant now) {
    if (fixed != null) {
      return fixed;
    }
    TaskScript s = script;
    int index = pollIndex;
    if (s.followsClock()) {
      Duration elapsed = Duration.between(installedAt, now);
      long steps = elapsed.isNegative() ? 0 : elapsed.dividedBy(s.stepLength());
      index = (int) Math.min(Integer.MAX_VALUE, steps);
    }
    return s.frame(index, taskId, installedAt);
  }
}
