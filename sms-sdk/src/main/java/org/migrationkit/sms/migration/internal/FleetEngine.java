package org.migrationkit.sms.migration.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsClientException;
import org.migrationkit.sms.SmsException;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.TaskFailedException;
import org.migrationkit.sms.TaskProgress;
import org.migrationkit.sms.TaskProgressListener;
import org.migrationkit.sms.WaitOptions;
import org.migrationkit.sms.WaitTimeoutException;
import org.migrationkit.sms.migration.FleetEvent;
import org.migrationkit.sms.migration.FleetItem;
import org.migrationkit.sms.migration.FleetProgress;
import org.migrationkit.sms.migration.FleetReport;
import org.migrationkit.sms.model.CreateTaskRequest;
import org.migrationkit.sms.model.ListTasksRequest;
import org.migrationkit.sms.model.ListTasksResponse;
import org.migrationkit.sms.model.ShowServerRequest;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.model.TaskOperation;
import org.migrationkit.sms.model.TaskState;
import org.migrationkit.sms.model.TasksResponseBody;
import org.migrationkit.sms.model.UpdateTaskStatusRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a fleet: one small state machine per server, driven by the client's asynchronous calls and
 * {@code waitForTaskAsync}, all on one engine thread, so that a hundred tasks in flight hold no
 * hundred threads. Per server: (on a resumed run) look for the task a run before created, else
 * {@code ShowServer}, build the request, save the intent, {@code CreateTask}, save the id, {@code
 * start}; then wait, {@code restart} a failed task up to the limit, and record how it ended.
 *
 * <p>State: {@code queue} holds the current wave's servers waiting for a slot, {@code inFlight}
 * counts servers between their start and their end (at most {@code maxConcurrent}), {@code wave} is
 * the wave being run; {@code cancelled} stops every next step.
 */
public final class FleetEngine {
  private static final Logger log = LoggerFactory.getLogger(FleetEngine.class);

  /** Throttled answers in a row one step may get before the server fails with the last one. */
  private static final int MAX_THROTTLES = 20;

  private final FleetPlan plan;
  private final SmsClient sms;
  private final String fleetId;
  private final List<List<String>> waves;
  private final java.util.Map<String, String> attributes;
  private final List<ServerRecord> records = new ArrayList<>();
  private final boolean resumed;
  private final ScheduledThreadPoolExecutor engine;
  private final @Nullable StateWriter writer;
  private final ListenerDispatcher listener;
  private final SharedBackoff backoff;
  private final Set<CompletableFuture<?>> calls = ConcurrentHashMap.newKeySet();
  private final CompletableFuture<FleetReport> done = new CompletableFuture<>();
  private final ArrayDeque<ServerRecord> queue = new ArrayDeque<>();

  private int wave = -1;
  private int inFlight;
  private volatile boolean cancelled;
  private volatile FleetProgress progress;

  private FleetEngine(FleetPlan plan, FleetStateData initial, boolean resumed) {
    this.plan = plan;
    this.sms = plan.sms;
    this.fleetId = initial.fleetId();
    this.waves = initial.waves();
    this.attributes = initial.attributes();
    this.resumed = resumed;
    int i = 0;
    for (int w = 0; w < waves.size(); w++) {
      for (int n = 0; n < waves.get(w).size(); n++) {
        records.add(new ServerRecord(initial.items().get(i++), w));
      }
    }
    String prefix = FleetThreads.nextPrefix();
    this.engine = FleetThreads.scheduler(prefix);
    this.writer =
        plan.stateFile == null
            ? null
            : new StateWriter(plan.stateFile, this::snapshot, prefix + "-state");
    this.listener = new ListenerDispatcher(plan.listener, prefix + "-listener");
    this.backoff = new SharedBackoff(plan.throttleBackoff.toNanos());
    this.progress = count();
  }

  /**
   * Starts a fleet from {@code initial} (a fresh state, or the one a run before saved).
   *
   * @param resumed whether {@code initial} comes from a state file: servers without a known task
   *     are then looked up before a task is created for them
   */
  public static FleetEngine start(FleetPlan plan, FleetStateData initial, boolean resumed) {
    FleetEngine fleet = new FleetEngine(plan, initial, resumed);
    fleet.engine.execute(fleet::begin);
    return fleet;
  }

  /** Returns the fleet's counts as they are now; any thread. */
  public FleetProgress progress() {
    return progress;
  }

  /** Returns the future of the report, completed when every server has ended or on a cancel. */
  public CompletableFuture<FleetReport> done() {
    return done;
  }

  /** Returns how many throttled answers the fleet saw. */
  public long throttles() {
    return backoff.throttles();
  }

  /** Stops every next step; tasks already on the service go on there. Any thread; idempotent. */
  public void cancel() {
    if (cancelled) {
      return;
    }
    cancelled = true;
    try {
      engine.execute(this::cancelled);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // the fleet has ended already
    }
  }

  /** Waits for the fleet's threads to end after {@link #done()} completed. */
  public void awaitThreads(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    engine.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    if (writer != null) {
      writer.close(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
    listener.close(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  /**
   * Sends {@code stop} to every task of {@code report} that is still running, at most {@code
   * maxConcurrent} at a time; told to the listener as {@link FleetEvent.Kind#STOPPED}.
   *
   * @return the ids of the tasks stopped
   * @throws SmsClientException naming how many stops failed, and the first failure
   */
  public static List<String> stopRunning(
      SmsClient sms, FleetReport report, int maxConcurrent, Consumer<FleetEvent> events) {
    List<String> stopped = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    List<FleetItem> running = new ArrayList<>();
    for (FleetItem item : report.items()) {
      if (item.outcome() == FleetItem.Outcome.RUNNING && item.taskId() != null) {
        running.add(item);
      }
    }
    for (int from = 0; from < running.size(); from += maxConcurrent) {
      List<FleetItem> batch = running.subList(from, Math.min(running.size(), from + maxConcurrent));
      List<CompletableFuture<?>> stops = new ArrayList<>();
      for (FleetItem item : batch) {
        stops.add(
            sms.updateTaskStatusAsync(
                UpdateTaskStatusRequest.builder()
                    .taskId(item.taskId())
                    .operation(TaskOperation.STOP)
                    .build()));
      }
      for (int i = 0; i < batch.size(); i++) {
        FleetItem item = batch.get(i);
        try {
          stops.get(i).get();
          stopped.add(item.taskId());
          events.accept(
              new FleetEvent(
                  item.sourceServerId(),
                  item.taskId(),
                  FleetEvent.Kind.STOPPED,
                  null,
                  "stop sent"));
        } catch (ExecutionException e) {
          failures.add(item.sourceServerId() + ": " + ErrorText.of("stop", unwrap(e)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SmsClientException("Stopping the fleet's tasks was interrupted", e);
        }
      }
    }
    if (!failures.isEmpty()) {
      throw new SmsClientException(
          "Stopping "
              + failures.size()
              + " of "
              + running.size()
              + " running tasks failed; first: "
              + failures.get(0));
    }
    return stopped;
  }

  // ---- the fleet, on the engine thread ----

  private void begin() {
    for (ServerRecord r : records) {
      if (r.outcome == FleetItem.Outcome.RUNNING) {
        r.outcome = FleetItem.Outcome.PENDING; // a resumed server begins again where it was
      }
    }
    nextWave();
  }

  private void nextWave() {
    while (!cancelled && queue.isEmpty() && inFlight == 0) {
      wave++;
      if (wave >= waves.size()) {
        finish();
        return;
      }
      for (ServerRecord r : records) {
        if (r.wave == wave && !r.ended()) {
          queue.add(r);
        }
      }
    }
    fill();
  }

  private void fill() {
    while (!cancelled && inFlight < plan.maxConcurrent && !queue.isEmpty()) {
      ServerRecord r = queue.poll();
      inFlight++;
      r.outcome = FleetItem.Outcome.RUNNING;
      if (r.startedAt == null) {
        r.startedAt = plan.clock.instant();
      }
      changed();
      if (r.taskId != null) {
        inspect(r);
      } else {
        describe(r);
      }
    }
  }

  /** {@code ShowServer}, then the caller's request for it. */
  private void describe(ServerRecord r) {
    call(
        r,
        "ShowServer",
        () -> sms.showServerAsync(ShowServerRequest.builder().sourceId(r.id).build()),
        server -> {
          CreateTaskRequest request;
          try {
            request =
                Objects.requireNonNull(plan.taskRequest.apply(server), "taskRequest returned null");
          } catch (RuntimeException e) {
            fail(r, "taskRequest failed for the server: " + e, null);
            return;
          }
          String target = request.getSourceServer().getId();
          if (!r.id.equals(target)) {
            fail(
                r,
                "taskRequest built a request for source server " + target + ", not " + r.id,
                null);
            return;
          }
          if (resumed || r.taskName != null) {
            lookUp(r, request, false);
          } else {
            create(r, request);
          }
        });
  }

  /**
   * Looks for the server's task that a run before (or a {@code CreateTask} whose answer was lost)
   * created: {@code ListTasks} by source server, matching the name; adopts it or creates one.
   */
  private void lookUp(ServerRecord r, CreateTaskRequest request, boolean afterLostAnswer) {
    call(
        r,
        "ListTasks",
        () ->
            sms.listTasksAsync(ListTasksRequest.builder().sourceServerId(r.id).limit(100).build()),
        (ListTasksResponse answer) -> {
          TasksResponseBody found = null;
          for (TasksResponseBody task : answer.getTasks()) {
            boolean sameServer =
                task.getSourceServer() == null || r.id.equals(task.getSourceServer().getId());
            boolean sameName =
                request.getName().equals(task.getName())
                    || (r.taskName != null && r.taskName.equals(task.getName()));
            if (sameServer && sameName && task.getId() != null) {
              found = task;
              break;
            }
          }
          if (found != null) {
            r.taskId = found.getId();
            r.taskName = found.getName();
            r.state = found.getState();
            save();
            event(r, FleetEvent.Kind.ADOPTED, "task " + found.getName() + " found on the service");
            inspect(r);
          } else if (afterLostAnswer) {
            fail(
                r,
                r.error != null ? r.error : "CreateTask failed and no task was created",
                r.requestId);
          } else {
            create(r, request);
          }
        });
  }

  /** Saves the intent, then sends {@code CreateTask}; a kill in between leaves a findable name. */
  private void create(ServerRecord r, CreateTaskRequest request) {
    r.taskName = request.getName();
    save()
        .whenCompleteAsync(
            (ok, e) -> {
              if (e != null) {
                stateFailed(e);
                return;
              }
              call(
                  r,
                  "CreateTask",
                  () -> sms.createTaskAsync(request),
                  created -> {
                    if (created.getId() == null) {
                      fail(r, "CreateTask answered no task id", null);
                      return;
                    }
                    r.taskId = created.getId();
                    r.state = TaskState.READY;
                    save();
                    event(r, FleetEvent.Kind.CREATED, "task " + request.getName());
                    if (Boolean.TRUE.equals(request.getAutoStart())) {
                      inspect(r);
                    } else {
                      start(r);
                    }
                  },
                  (rec, failure) -> {
                    if (failure instanceof SmsServiceException) {
                      fail(r, ErrorText.of("CreateTask", failure), ErrorText.requestId(failure));
                    } else {
                      // no answer: the task may exist all the same
                      r.error = ErrorText.of("CreateTask", failure);
                      lookUp(r, request, true);
                    }
                  });
            },
            engine);
  }

  private void start(ServerRecord r) {
    call(
        r,
        "UpdateTaskStatus start",
        () -> sms.updateTaskStatusAsync(action(r, TaskOperation.START)),
        ok -> {
          r.state = TaskState.RUNNING;
          save();
          event(r, FleetEvent.Kind.STARTED, "");
          poll(r);
        });
  }

  /** {@code ShowTask} of a task found, adopted or resumed: start it, wait for it, or record it. */
  private void inspect(ServerRecord r) {
    call(
        r,
        "ShowTask",
        () -> sms.showTaskAsync(r.taskId),
        task -> {
          r.state = task.getState();
          if (TaskState.READY.equals(task.getState())) {
            start(r);
          } else if (plan.waitOptions.failWhen().test(task)) {
            waitFailed(r, new TaskFailedException(task));
          } else if (plan.waitOptions.successWhen().test(task)) {
            succeed(r, task);
          } else {
            poll(r);
          }
        });
  }

  private void poll(ServerRecord r) {
    long now = System.nanoTime();
    if (r.waitDeadlineNanos == 0) {
      r.waitDeadlineNanos = now + plan.waitOptions.maxWait().toNanos();
    }
    long remaining = r.waitDeadlineNanos - now;
    if (remaining <= 0) {
      waitFailed(r, new WaitTimeoutException(r.taskId, plan.waitOptions.maxWait(), null));
      return;
    }
    boolean again = r.waitPaused;
    r.waitPaused = false;
    WaitOptions.Builder options =
        plan.waitOptions.toBuilder()
            .maxWait(Duration.ofNanos(remaining))
            .progressListener(new Relay(r, plan.waitOptions.progressListener()));
    if (again) {
      options.initialDelay(Duration.ZERO);
    }
    WaitOptions waiting = options.build();
    call(
        r,
        "ShowTask",
        () -> {
          CompletableFuture<ShowTaskResponse> wait = sms.waitForTaskAsync(r.taskId, waiting);
          r.wait = wait;
          return wait;
        },
        task -> {
          r.wait = null;
          r.waitDeadlineNanos = 0;
          succeed(r, task);
        },
        (rec, failure) -> {
          r.wait = null;
          if (failure instanceof CancellationException && r.waitPaused) {
            poll(r); // paused by the fleet's backoff: go on, once it is over
          } else {
            r.waitDeadlineNanos = 0;
            waitFailed(r, failure);
          }
        });
  }

  private void waitFailed(ServerRecord r, Throwable failure) {
    if (failure instanceof TaskFailedException) {
      ShowTaskResponse last = ((TaskFailedException) failure).getLastResponse();
      r.state = last.getState();
      if (r.restarts < plan.maxRestarts) {
        restart(r, failure);
        return;
      }
    } else if (failure instanceof WaitTimeoutException) {
      ShowTaskResponse last = ((WaitTimeoutException) failure).getLastResponse();
      if (last != null) {
        r.state = last.getState();
      }
    }
    fail(r, ErrorText.of("ShowTask", failure), ErrorText.requestId(failure));
  }

  private void restart(ServerRecord r, Throwable why) {
    String reason = ErrorText.of("ShowTask", why);
    call(
        r,
        "UpdateTaskStatus restart",
        () -> sms.updateTaskStatusAsync(action(r, TaskOperation.RESTART)),
        ok -> {
          r.restarts++;
          r.state = TaskState.RUNNING;
          save();
          event(
              r,
              FleetEvent.Kind.RESTARTED,
              "restart " + r.restarts + " of " + plan.maxRestarts + " after " + reason);
          poll(r);
        });
  }

  private static UpdateTaskStatusRequest action(ServerRecord r, TaskOperation operation) {
    return UpdateTaskStatusRequest.builder().taskId(r.taskId).operation(operation).build();
  }

  private void succeed(ServerRecord r, ShowTaskResponse task) {
    r.state = task.getState();
    r.error = null;
    r.requestId = null;
    end(r, FleetItem.Outcome.SUCCEEDED, FleetEvent.Kind.SUCCEEDED, "");
  }

  private void fail(ServerRecord r, String error, @Nullable String requestId) {
    r.error = error;
    r.requestId = requestId;
    end(r, FleetItem.Outcome.FAILED, FleetEvent.Kind.FAILED, error);
  }

  private void end(
      ServerRecord r, FleetItem.Outcome outcome, FleetEvent.Kind kind, String message) {
    if (r.ended()) {
      return;
    }
    r.outcome = outcome;
    r.finishedAt = plan.clock.instant();
    inFlight--;
    save();
    event(r, kind, message);
    changed();
    nextWave();
  }

  /**
   * Sends one call for a server, after the fleet's backoff if one is in force; a throttled answer
   * pauses the whole fleet and sends the call again; any other failure fails the server.
   */
  private <T> void call(
      ServerRecord r, String operation, Supplier<CompletableFuture<T>> send, Consumer<T> onAnswer) {
    call(
        r,
        operation,
        send,
        onAnswer,
        (rec, failure) ->
            fail(rec, ErrorText.of(operation, failure), ErrorText.requestId(failure)));
  }

  private <T> void call(
      ServerRecord r,
      String operation,
      Supplier<CompletableFuture<T>> send,
      Consumer<T> onAnswer,
      BiConsumer<ServerRecord, Throwable> onFailure) {
    if (cancelled) {
      return;
    }
    long pause = backoff.remainingNanos();
    if (pause > 0) {
      engine.schedule(
          () -> call(r, operation, send, onAnswer, onFailure), pause, TimeUnit.NANOSECONDS);
      return;
    }
    CompletableFuture<T> answer;
    try {
      answer = send.get();
    } catch (RuntimeException e) { // a request the builder refused: nothing was sent
      guarded(r, () -> onFailure.accept(r, e));
      return;
    }
    calls.add(answer);
    answer.whenCompleteAsync(
        (value, error) -> {
          calls.remove(answer);
          if (cancelled) {
            return;
          }
          Throwable cause = error == null ? null : unwrap(error);
          if (cause == null) {
            r.throttles = 0;
            backoff.succeeded();
            guarded(r, () -> onAnswer.accept(value));
          } else if (isThrottling(cause) && r.throttles < MAX_THROTTLES) {
            r.throttles++;
            throttled(r, operation, cause);
            call(r, operation, send, onAnswer, onFailure);
          } else {
            r.throttles = 0;
            guarded(r, () -> onFailure.accept(r, cause));
          }
        },
        engine);
  }

  /**
   * Runs a step; what it throws (a bug, or the caller's predicate) fails the server, not the fleet.
   */
  private void guarded(ServerRecord r, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException | Error e) {
      log.debug("fleet step for server {} threw", r.id, e);
      if (!r.ended() && r.outcome == FleetItem.Outcome.RUNNING) {
        fail(r, "the fleet's step failed: " + e, null);
      }
    }
  }

  /**
   * Whether an answer asks the fleet to slow down: HTTP 429 and the gateway's flow control, and
   * refusals that name a quota.
   */
  static boolean isThrottling(Throwable failure) {
    if (!(failure instanceof SmsServiceException)) {
      return false;
    }
    SmsServiceException e = (SmsServiceException) failure;
    String message = e.getErrorMsg();
    return e.isThrottling()
        || (message != null && message.toLowerCase(Locale.ROOT).contains("quota"));
  }

  private void throttled(ServerRecord r, String operation, Throwable cause) {
    long pause = backoff.throttled();
    event(
        r,
        FleetEvent.Kind.THROTTLED,
        operation
            + " throttled, the fleet pauses "
            + Duration.ofNanos(pause).toMillis()
            + " ms: "
            + cause.getMessage());
    // waits poll on their own schedule: pause them too, each goes on after the backoff
    for (ServerRecord other : records) {
      CompletableFuture<ShowTaskResponse> wait = other.wait;
      if (wait != null && !wait.isDone()) {
        other.waitPaused = true;
        wait.cancel(true);
      }
    }
  }

  private void waitThrottled(ServerRecord r, SmsException failure) {
    if (!cancelled && r.wait != null && isThrottling(failure)) {
      throttled(r, "ShowTask", failure);
    }
  }

  private void cancelled() {
    for (CompletableFuture<?> call : calls) {
      call.cancel(true);
    }
    calls.clear();
    queue.clear();
    for (ServerRecord r : records) {
      if (r.outcome == FleetItem.Outcome.RUNNING && r.taskId == null && r.taskName == null) {
        r.outcome = FleetItem.Outcome.PENDING; // nothing sent that could have made a task
      }
    }
    changed();
    finish();
  }

  private void finish() {
    if (done.isDone()) {
      return;
    }
    FleetReport report = report();
    CompletableFuture<Void> saved =
        writer == null ? CompletableFuture.completedFuture(null) : save();
    saved.whenComplete(
        (ok, e) -> {
          if (e != null) {
            done.completeExceptionally(stateError(e));
          } else {
            done.complete(report);
          }
          engine.shutdown();
        });
  }

  private void stateFailed(Throwable e) {
    if (done.isDone()) {
      return;
    }
    cancelled = true;
    for (CompletableFuture<?> call : calls) {
      call.cancel(true);
    }
    done.completeExceptionally(stateError(e));
    engine.shutdown();
  }

  private SmsClientException stateError(Throwable e) {
    Throwable cause = unwrap(e);
    return new SmsClientException(
        "Writing the fleet state file " + plan.stateFile + " failed, the fleet stopped: " + cause,
        cause);
  }

  private CompletableFuture<Void> save() {
    if (writer == null) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> saved = writer.save();
    saved.whenCompleteAsync(
        (ok, e) -> {
          if (e != null) {
            stateFailed(e);
          }
        },
        engine);
    return saved;
  }

  /** Encodes the state as it is now, on the engine thread; the writer calls this. */
  private CompletableFuture<byte[]> snapshot() {
    return CompletableFuture.supplyAsync(
        () -> StateFile.encode(new FleetStateData(fleetId, waves, attributes, items())), engine);
  }

  private List<FleetItem> items() {
    List<FleetItem> items = new ArrayList<>(records.size());
    for (ServerRecord r : records) {
      items.add(r.toItem());
    }
    return items;
  }

  private FleetReport report() {
    return new FleetReport(items());
  }

  private void changed() {
    FleetProgress now = count();
    if (!now.equals(progress)) {
      progress = now;
      listener.progress(now);
    }
  }

  private FleetProgress count() {
    int pending = 0;
    int running = 0;
    int succeeded = 0;
    int failed = 0;
    for (ServerRecord r : records) {
      switch (r.outcome) {
        case PENDING:
          pending++;
          break;
        case RUNNING:
          running++;
          break;
        case SUCCEEDED:
          succeeded++;
          break;
        default:
          failed++;
      }
    }
    return new FleetProgress(records.size(), pending, running, succeeded, failed);
  }

  private void event(ServerRecord r, FleetEvent.Kind kind, String message) {
    listener.event(new FleetEvent(r.id, r.taskId, kind, r.state, message));
  }

  private static Throwable unwrap(Throwable e) {
    Throwable cause = e;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** Tells the fleet of a wait's progress and throttled polls; then the caller's own listener. */
  private final class Relay implements TaskProgressListener {
    private final ServerRecord r;
    private final @Nullable TaskProgressListener own;

    Relay(ServerRecord r, @Nullable TaskProgressListener own) {
      this.r = r;
      this.own = own;
    }

    @Override
    public void onProgress(TaskProgress p) {
      engine.execute(
          () -> {
            if (!r.ended() && !cancelled) {
              r.state = p.state();
              event(
                  r,
                  FleetEvent.Kind.PROGRESS,
                  p.overallPercent()
                      + "%"
                      + (p.currentSubTask() != null ? " " + p.currentSubTask() : ""));
            }
          });
      if (own != null) {
        own.onProgress(p);
      }
    }

    @Override
    public void onPollFailed(SmsException failure, int consecutiveFailures) {
      engine.execute(() -> waitThrottled(r, failure));
      if (own != null) {
        own.onPollFailed(failure, consecutiveFailures);
      }
    }
  }
}
