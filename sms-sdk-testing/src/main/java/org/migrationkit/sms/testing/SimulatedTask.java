package org.migrationkit.sms.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.model.SubTask;
import org.migrationkit.sms.model.TaskState;

/**
 * What the simulator answers for one task id: a fixed task, or a script with how far it has run.
 *
 * <p>State: {@code polls} counts the answers given, which is how far a per-poll script has run;
 * {@code skipped} frames a {@code skip} jumped over; {@code patches} what operations changed on the
 * task since it was stored (name, agent progress, network check...), applied to every frame in
 * order. A task may lead with one transitional frame ({@code lead}, {@code READY} after a start,
 * {@code ABORTING} after a stop): the first poll answered sees it, later polls the task itself; a
 * scripted task's clock timeline is not moved by it. A scripted task may start part-way ({@code
 * startFrame}, a resumed task). Rendering runs on handler threads without the service's lock;
 * patches are replaced whole.
 */
final class SimulatedTask {
  private static final int MAX_PATCHES = 64;

  private final String taskId;
  private final @Nullable ShowTaskResponse fixed;
  private final @Nullable TaskScript script;
  private final Instant installedAt;
  private final @Nullable TaskState lead;
  private final int startFrame;
  private final boolean fresh;
  private final AtomicInteger polls = new AtomicInteger();
  private final AtomicInteger skipped = new AtomicInteger();
  // by what they change: a later patch of the same thing replaces the earlier one
  private volatile Map<String, Consumer<ShowTaskResponse.Builder>> patches = Map.of();

  private SimulatedTask(
      String taskId,
      @Nullable ShowTaskResponse fixed,
      @Nullable TaskScript script,
      Instant installedAt,
      @Nullable TaskState lead,
      int startFrame,
      boolean fresh) {
    this.taskId = taskId;
    this.fixed = fixed;
    this.script = script;
    this.installedAt = installedAt;
    this.lead = lead;
    this.startFrame = startFrame;
    this.fresh = fresh;
  }

  static SimulatedTask fixed(String taskId, ShowTaskResponse task) {
    return new SimulatedTask(taskId, task, null, Instant.EPOCH, null, 0, false);
  }

  static SimulatedTask scripted(String taskId, TaskScript script, Instant installedAt) {
    return new SimulatedTask(taskId, null, script, installedAt, null, 0, false);
  }

  /**
   * A started task: the first poll sees it {@code READY} (the agent has yet to pick it up), then it
   * runs {@code script} from frame {@code resumeFrame} on (0 for a fresh start, further on when a
   * stopped task resumes; its dates go on as if it had run that far by {@code now}).
   */
  static SimulatedTask started(String taskId, TaskScript script, Instant now, int resumeFrame) {
    Instant installedAt = now.minus(script.stepLength().multipliedBy(resumeFrame));
    // a clock-paced script reaches the frame by its installation time; a per-poll one by offset
    int startFrame = script.followsClock() ? 0 : resumeFrame;
    return new SimulatedTask(
        taskId, null, script, installedAt, TaskState.READY, startFrame, resumeFrame == 0);
  }

  /** A fixed task that the first poll sees in the transitional state {@code lead}. */
  static SimulatedTask leading(String taskId, TaskState lead, ShowTaskResponse task) {
    return new SimulatedTask(taskId, task, null, Instant.EPOCH, lead, 0, false);
  }

  /** Returns the task as this poll sees it, and counts the poll. */
  ShowTaskResponse poll(Instant now) {
    return render(polls.getAndIncrement(), now);
  }

  /** Returns the task as the next poll would see it, without counting. */
  ShowTaskResponse peek(Instant now) {
    return render(polls.get(), now);
  }

  /** Returns the script this task follows, or {@code null} for a fixed task. */
  @Nullable TaskScript script() {
    return script;
  }

  /** Returns the frame of its script the next poll would see (0 for a fixed task). */
  int frameNow(Instant now) {
    TaskScript s = script;
    return s == null ? 0 : index(s, polls.get(), now);
  }

  /** Returns whether the next poll still sees the leading transitional state. */
  boolean leading() {
    return lead != null && polls.get() == 0;
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
    boolean inLead = lead != null && pollIndex == 0;
    ShowTaskResponse task;
    if (fixed != null) {
      task = inLead ? fixed.toBuilder().state(lead).build() : fixed;
    } else {
      task = script.frame(index(script, pollIndex, now), taskId, installedAt);
      if (inLead) {
        task = leadFrame(task);
      }
    }
    Map<String, Consumer<ShowTaskResponse.Builder>> changes = patches;
    if (changes.isEmpty()) {
      return task;
    }
    ShowTaskResponse.Builder b = task.toBuilder();
    changes.values().forEach(p -> p.accept(b));
    return b.build();
  }

  /** The frame a started task shows before the agent picks it up: nothing moves yet. */
  private ShowTaskResponse leadFrame(ShowTaskResponse frame) {
    ShowTaskResponse.Builder b =
        frame.toBuilder().state(lead).finishDate(null).remainSeconds(null).errorJson("");
    if (frame.getMigrateSpeed() != null) {
      b.migrateSpeed(0.0);
    }
    if (fresh) {
      List<SubTask> waiting = new ArrayList<>(frame.getSubTasks().size());
      for (SubTask s : frame.getSubTasks()) {
        waiting.add(s.toBuilder().progress(0).startDate(null).endDate(null).build());
      }
      b.subTasks(waiting);
    }
    return b.build();
  }

  private int index(TaskScript s, int pollIndex, Instant now) {
    long index;
    if (s.followsClock()) {
      Duration elapsed = Duration.between(installedAt, now);
      index = elapsed.isNegative() ? 0 : elapsed.dividedBy(s.stepLength());
    } else {
      // the leading poll is not a step of the script
      index = lead != null ? Math.max(0, pollIndex - 1) : pollIndex;
    }
    return (int) Math.min(Integer.MAX_VALUE, index + startFrame + skipped.get());
  }
}
