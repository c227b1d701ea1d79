package org.migrationkit.sms.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.model.SubTask;
import org.migrationkit.sms.model.TaskState;

/**
 * The life of a simulated migration task: the states and sub-task progress it shows, one step after
 * another, and how it ends.
 *
 * <pre>{@code
 * simulator.script("task-1", TaskScript.builder()
 *     .hold(TaskState.READY, 1)                  // first poll: READY
 *     .subTask("CREATE_CLOUD_SERVER", 2)         // RUNNING, 50 %, then 100 % and ended
 *     .subTask("MIGRATE_LINUX_FILE", 4)          // 25, 50, 75, 100 %
 *     .succeed()                                 // MIGRATE_SUCCESS, and stays there
 *     .build());
 * }</pre>
 *
 * <p>Pace: by default the task shows its next step on every poll answered with it (faulted requests
 * do not count); with {@link Builder#stepEvery(Duration)} it follows the simulator's virtual clock
 * instead, which only {@link SmsSimulator#advance(Duration)} moves. After the last step the task
 * stays as it is; a script without an ending never ends.
 *
 * <p>Each step is a frame of the task: {@code hold} repeats one state with nothing changing; {@code
 * subTask} runs a sub-task from {@code 100/steps} % to 100 % (ended on its last step) in state
 * {@code RUNNING}; {@code fail} starts a sub-task, stops it at a percentage with a {@code
 * process_trace} and ends the task in {@code MIGRATE_FAIL} with {@code error_json}. Every sub-task
 * named in the script is listed from the first step on, not started until its step comes. Other
 * fields come from the base task (the API page's example unless {@link Builder#baseTask} says
 * otherwise); dates follow the virtual clock from the moment the script is installed, one {@code
 * stepEvery} (or one nominal minute) per step. Immutable.
 */
public final class TaskScript {
  /** The length of a step for dates when the task advances per poll. */
  static final Duration NOMINAL_STEP = Duration.ofMinutes(1);

  private enum Kind {
    HOLD,
    SUB_TASK,
    SUCCEED,
    FAIL,
    END
  }

  private record Step(
      Kind kind,
      TaskState state,
      int length,
      @Nullable String subTask,
      int percent,
      @Nullable String errorJson,
      @Nullable String processTrace) {
    boolean terminal() {
      return kind == Kind.SUCCEED || kind == Kind.FAIL || kind == Kind.END;
    }
  }

  private final List<Step> steps;
  private final @Nullable ShowTaskResponse baseTask;
  private final @Nullable Duration stepEvery;
  private final @Nullable Double migrateSpeed;
  private final List<String> subTaskNames;
  private final int frames;

  private TaskScript(Builder b) {
    this.steps = List.copyOf(b.steps);
    this.baseTask = b.baseTask;
    this.stepEvery = b.stepEvery;
    this.migrateSpeed = b.migrateSpeed;
    Set<String> names = new LinkedHashSet<>();
    int count = 0;
    for (Step s : steps) {
      if (s.subTask() != null) {
        names.add(s.subTask());
      }
      count += s.length();
    }
    this.subTaskNames = List.copyOf(names);
    this.frames = count;
  }

  /** {@return an empty builder: per-poll pace, the API page's example as the base task} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this script, to derive a variant} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.steps.addAll(steps);
    b.baseTask = baseTask;
    b.stepEvery = stepEvery;
    b.migrateSpeed = migrateSpeed;
    b.ended = !steps.isEmpty() && steps.get(steps.size() - 1).terminal();
    return b;
  }

  /** Returns the base task the script was given, or {@code null} for the example. */
  @Nullable ShowTaskResponse baseTask() {
    return baseTask;
  }

  /** {@return how many distinct frames the task shows, the ending included} */
  public int stepCount() {
    return frames;
  }

  /** {@return whether the task advances with the virtual clock (otherwise with each poll)} */
  public boolean followsClock() {
    return stepEvery != null;
  }

  /** {@return the virtual time one step lasts, or {@code null} when the task advances per poll} */
  public @Nullable Duration stepEvery() {
    return stepEvery;
  }

  Duration stepLength() {
    return stepEvery != null ? stepEvery : NOMINAL_STEP;
  }

  /**
   * Returns the first frame after the steps of sub-task {@code name}, or -1 when the script runs no
   * such sub-task.
   */
  int frameAfter(String name) {
    int first = 0;
    for (Step s : steps) {
      first += s.length();
      if (name.equals(s.subTask())) {
        return first;
      }
    }
    return -1;
  }

  /**
   * Renders frame {@code index} (capped at the last) of the task {@code taskId} installed at {@code
   * startedAt}.
   */
  ShowTaskResponse frame(int index, String taskId, Instant startedAt) {
    int k = Math.max(0, Math.min(index, frames - 1));
    Duration step = stepLength();
    int first = 0;
    int current = 0;
    while (first + steps.get(current).length() <= k) {
      first += steps.get(current).length();
      current++;
    }
    Step now = steps.get(current);
    int offset = k - first + 1; // 1-based within the step
    Instant at = startedAt.plus(step.multipliedBy(k));

    List<SubTask> subTasks = new ArrayList<>(subTaskNames.size());
    long id = 1;
    for (String name : subTaskNames) {
      subTasks.add(subTask(id++, name, current, offset, k, startedAt, step));
    }

    ShowTaskResponse base = baseTask != null ? baseTask : ExampleTask.get();
    ShowTaskResponse.Builder task =
        base.toBuilder()
            .id(taskId)
            .state(now.state())
            .subTasks(subTasks)
            .createDate(startedAt)
            .startDate(startedAt)
            .finishDate(now.terminal() ? at : null)
            .errorJson(now.kind() == Kind.FAIL ? now.errorJson() : "")
            .remainSeconds(remainSeconds(now, k, step));
    if (migrateSpeed != null) {
      task.migrateSpeed(now.kind() == Kind.SUB_TASK ? migrateSpeed : 0.0);
    }
    return task.build();
  }

  private SubTask subTask(
      long id, String name, int current, int offset, int k, Instant startedAt, Duration step) {
    SubTask.Builder sub = SubTask.builder().id(id).name(name).progress(0).userOp("REPLICATE");
    int first = 0;
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      if (name.equals(s.subTask())) {
        Instant start = startedAt.plus(step.multipliedBy(first));
        if (i < current) {
          sub.progress(100)
              .startDate(start)
              .endDate(startedAt.plus(step.multipliedBy(first + s.length() - 1)));
        } else if (i == current && s.kind() == Kind.SUB_TASK) {
          sub.progress(100 * offset / s.length()).startDate(start);
          if (offset == s.length()) {
            sub.endDate(startedAt.plus(step.multipliedBy(k)));
          }
        } else if (i == current && s.kind() == Kind.FAIL) {
          sub.progress(s.percent()).startDate(start).processTrace(s.processTrace());
        }
        break;
      }
      first += s.length();
    }
    return sub.build();
  }

  private @Nullable Long remainSeconds(Step now, int k, Duration step) {
    if (stepEvery == null) {
      return null; // per-poll pace has no meaningful time left
    }
    if (now.kind() == Kind.SUCCEED) {
      return 0L;
    }
    if (now.terminal()) {
      return null;
    }
    int working = steps.get(steps.size() - 1).terminal() ? frames - 1 : frames;
    return step.multipliedBy(Math.max(0, working - 1 - k)).getSeconds();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof TaskScript)) {
      return false;
    }
    TaskScript that = (TaskScript) o;
    return steps.equals(that.steps)
        && Objects.equals(baseTask, that.baseTask)
        && Objects.equals(stepEvery, that.stepEvery)
        && Objects.equals(migrateSpeed, that.migrateSpeed);
  }

  @Override
  public int hashCode() {
    return Objects.hash(steps, baseTask, stepEvery, migrateSpeed);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("TaskScript{");
    s.append(stepEvery == null ? "per poll" : "every " + stepEvery);
    for (Step step : steps) {
      s.append(", ").append(step.kind() == Kind.SUB_TASK ? step.subTask() : step.state().value());
      if (step.kind() == Kind.HOLD || step.kind() == Kind.SUB_TASK) {
        s.append(" x").append(step.length());
      }
    }
    return s.append('}').toString();
  }

  /** Builds a {@link TaskScript}; not thread-safe. Steps run in the order added. */
  public static final class Builder {
    private final List<Step> steps = new ArrayList<>();
    private @Nullable ShowTaskResponse baseTask;
    private @Nullable Duration stepEvery;
    private boolean perPollSet;
    private @Nullable Double migrateSpeed;
    private boolean ended;

    private Builder() {}

    /**
     * Takes the fields the script does not drive (name, servers, ...) from {@code task}.
     *
     * @param task the task whose other fields every step shows
     * @return this builder
     */
    public Builder baseTask(ShowTaskResponse task) {
      this.baseTask = Objects.requireNonNull(task, "task");
      return this;
    }

    /**
     * Shows the next step on each poll answered with this task; the default.
     *
     * @return this builder
     * @throws IllegalStateException when {@link #stepEvery} was set
     */
    public Builder stepPerPoll() {
      if (stepEvery != null) {
        throw new IllegalStateException(
            "stepPerPoll() conflicts with stepEvery(" + stepEvery + "): set one");
      }
      perPollSet = true;
      return this;
    }

    /**
     * Shows the next step each time the simulator's virtual clock passes {@code interval}; polls in
     * between see the same step.
     *
     * @param interval the virtual time each step lasts
     * @return this builder
     * @throws IllegalStateException when {@link #stepPerPoll} was set
     */
    public Builder stepEvery(Duration interval) {
      if (interval == null || interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("stepEvery must be positive, was " + interval);
      }
      if (perPollSet) {
        throw new IllegalStateException(
            "stepEvery(" + interval + ") conflicts with stepPerPoll(): set one");
      }
      this.stepEvery = interval;
      return this;
    }

    /**
     * Reports {@code migrate_speed} (MB/s) while a sub-task runs, and 0 otherwise.
     *
     * @param megabytesPerSecond the speed to report
     * @return this builder
     */
    public Builder migrateSpeed(double megabytesPerSecond) {
      if (!(megabytesPerSecond >= 0)) {
        throw new IllegalArgumentException(
            "migrateSpeed must be zero or positive, was " + megabytesPerSecond);
      }
      this.migrateSpeed = megabytesPerSecond;
      return this;
    }

    /**
     * Stays in {@code state} for {@code steps} steps with nothing else changing, e.g. {@code
     * READY}.
     *
     * @param state the task state
     * @param steps the number of steps, at least 1
     * @return this builder
     */
    public Builder hold(TaskState state, int steps) {
      return add(
          new Step(
              Kind.HOLD,
              Objects.requireNonNull(state, "state"),
              positive(steps),
              null,
              0,
              null,
              null));
    }

    /**
     * Runs sub-task {@code name} over {@code steps} steps, up to 100 % and ended, in state {@code
     * RUNNING}.
     *
     * @param name the sub-task name
     * @param steps the number of steps, at least 1
     * @return this builder
     */
    public Builder subTask(String name, int steps) {
      return subTask(name, steps, TaskState.RUNNING);
    }

    /**
     * Runs sub-task {@code name} over {@code steps} steps with the task in {@code state}, e.g.
     * {@code SYNCING}.
     *
     * @param name the sub-task name
     * @param steps the number of steps, at least 1
     * @param state the task state
     * @return this builder
     */
    public Builder subTask(String name, int steps, TaskState state) {
      return add(
          new Step(
              Kind.SUB_TASK,
              Objects.requireNonNull(state, "state"),
              positive(steps),
              subTaskName(name),
              0,
              null,
              null));
    }

    /**
     * Ends the task in {@code MIGRATE_SUCCESS}.
     *
     * @return this builder
     */
    public Builder succeed() {
      return add(new Step(Kind.SUCCEED, TaskState.MIGRATE_SUCCESS, 1, null, 0, null, null));
    }

    /**
     * Ends the task in {@code MIGRATE_FAIL} during sub-task {@code subTask}: it starts, stops at
     * {@code percent} with {@code processTrace}, and the task reports {@code errorJson}.
     *
     * @param subTask the name of the sub-task that fails
     * @param percent the progress at which it stops, 0 to 100
     * @param errorJson the task's {@code error_json}
     * @param processTrace the sub-task's {@code process_trace}
     * @return this builder
     */
    public Builder fail(String subTask, int percent, String errorJson, String processTrace) {
      if (percent < 0 || percent > 100) {
        throw new IllegalArgumentException("percent must be 0 to 100, was " + percent);
      }
      return add(
          new Step(
              Kind.FAIL,
              TaskState.MIGRATE_FAIL,
              1,
              subTaskName(subTask),
              percent,
              Objects.requireNonNull(errorJson, "errorJson"),
              Objects.requireNonNull(processTrace, "processTrace")));
    }

    /**
     * Ends the task in another state, such as {@code ABORT} or {@code SYNC_F_ROLLBACK_SUCCESS}.
     *
     * @param state the task state
     * @return this builder
     */
    public Builder end(TaskState state) {
      return add(
          new Step(Kind.END, Objects.requireNonNull(state, "state"), 1, null, 0, null, null));
    }

    /**
     * {@return the script}
     *
     * @throws IllegalStateException when no step was added
     */
    public TaskScript build() {
      if (steps.isEmpty()) {
        throw new IllegalStateException(
            "a TaskScript needs at least one step: hold, subTask, succeed, fail or end");
      }
      return new TaskScript(this);
    }

    private Builder add(Step step) {
      if (ended) {
        Step last = steps.get(steps.size() - 1);
        throw new IllegalStateException(
            "no step may follow the ending ("
                + last.state()
                + "); "
                + step.kind().name().toLowerCase(Locale.ROOT)
                + " came after it");
      }
      if (step.subTask() != null) {
        for (Step s : steps) {
          if (step.subTask().equals(s.subTask())) {
            throw new IllegalArgumentException(
                "sub-task " + step.subTask() + " appears twice in the script");
          }
        }
      }
      steps.add(step);
      ended = step.terminal();
      return this;
    }

    private static int positive(int steps) {
      if (steps < 1) {
        throw new IllegalArgumentException("steps must be at least 1, was " + steps);
      }
      return steps;
    }

    private static String subTaskName(@Nullable String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a sub-task name must not be null or blank");
      }
      return name;
    }
  }
}
