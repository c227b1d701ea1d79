package org.migrationkit.sms.migration;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsClientException;
import org.migrationkit.sms.SmsException;
import org.migrationkit.sms.WaitOptions;
import org.migrationkit.sms.internal.Durations;
import org.migrationkit.sms.migration.internal.AtomicFiles;
import org.migrationkit.sms.migration.internal.FleetEngine;
import org.migrationkit.sms.migration.internal.FleetPlan;
import org.migrationkit.sms.migration.internal.FleetStateData;
import org.migrationkit.sms.migration.internal.StateFile;
import org.migrationkit.sms.migration.internal.Waves;
import org.migrationkit.sms.model.CreateTaskRequest;
import org.migrationkit.sms.model.ListServersRequest;
import org.migrationkit.sms.model.ShowServerResponse;
import org.migrationkit.sms.model.SourceServersResponseBody;

/**
 * Migrates many source servers at once: one task per server, at most {@code maxConcurrent} at a
 * time, resumable after a crash from its state file, with a report of what happened to each.
 *
 * <pre>{@code
 * FleetReport report = FleetMigration.builder(sms)
 *     .servers(List.of(serverA, serverB, serverC))
 *     .taskRequest(server -> TaskRequests.forServer(server)
 *         .regionId("ap-southeast-1").projectId(projectId).targetServerId(vmFor(server)).build())
 *     .maxConcurrent(20)
 *     .stateFile(Path.of("fleet-state.json"))
 *     .build()
 *     .run();
 * report.writeTo(Path.of("report.csv"));
 * }</pre>
 *
 * <p>Per server: {@code ShowServer}, the {@link Builder#taskRequest request} built from it, {@code
 * CreateTask}, {@code UpdateTaskStatus start}, then {@link SmsClient#waitForTaskAsync} with the
 * {@link Builder#waitOptions wait options} until the task succeeds or fails; a failed task is
 * started again with {@code restart} up to {@link Builder#maxRestarts} times. A server fails alone
 * (a failed task, a refused call, a timeout): the others go on. A throttled answer (HTTP 429, the
 * gateway's flow control, a refusal naming a quota) pauses the whole fleet, not the one worker.
 *
 * <p><b>Resuming.</b> With a {@link Builder#stateFile state file}, the fleet saves each server's
 * step atomically: the name of the task it is about to create before {@code CreateTask} is sent,
 * the task id once it is answered. Run again with the same file after a crash (a kill included,
 * between a {@code CreateTask} and its answer too), it goes on where it was: servers that ended
 * stay as they were, tasks with a known id are polled (or started), and for a server without one it
 * first looks for a task of that server with the same name ({@code ListTasks} by source server) and
 * takes it over instead of creating a second. A file that is not a fleet state file, is of another
 * version, or belongs to another fleet (other servers or waves) is refused with an {@link
 * SmsClientException} naming it, and left as it is.
 *
 * <p>Threads: an engine thread, a state-file writer and a listener thread per run (daemons named
 * {@code sms-fleet-<n>...}); polling uses the client's asynchronous calls, so a hundred tasks in
 * flight hold no hundred threads. Immutable; each {@link #run()} or {@link #start()} is a new run.
 */
public final class FleetMigration {
  /** The default of {@link Builder#maxConcurrent(int)}. */
  public static final int DEFAULT_MAX_CONCURRENT = 20;

  /** The most tasks in flight SMS allows per account, and so the highest {@code maxConcurrent}. */
  public static final int MAX_CONCURRENT = 100;

  private final SmsClient sms;
  private final @Nullable List<List<String>> waves;
  private final @Nullable Predicate<SourceServersResponseBody> selector;
  private final FleetPlan plan;
  private final Map<String, String> attributes;

  private FleetMigration(Builder b) {
    this.sms = b.sms;
    this.waves = b.waves;
    this.selector = b.selector;
    this.attributes = Map.copyOf(b.attributes);
    this.plan =
        new FleetPlan(
            b.sms,
            Objects.requireNonNull(b.taskRequest),
            b.maxConcurrent,
            b.waitOptions,
            b.stateFile,
            b.listener,
            b.maxRestarts,
            b.throttleBackoff,
            b.clock);
  }

  /**
   * Returns a builder of a fleet that calls the service with {@code sms}.
   *
   * @param sms the client; the fleet does not close it
   * @return the builder
   */
  public static Builder builder(SmsClient sms) {
    return new Builder(Objects.requireNonNull(sms, "sms"));
  }

  /**
   * Reads a fleet's state file without calling the service, e.g. for a status command, or to
   * rebuild a fleet from its {@link FleetState#attributes()} and {@link FleetState#waves()}.
   *
   * @param stateFile the file
   * @return what it holds
   * @throws SmsClientException naming the file when it is missing, unreadable, corrupt, or not a
   *     fleet state file of this version
   */
  public static FleetState readState(Path stateFile) {
    return new FleetState(StateFile.read(Objects.requireNonNull(stateFile, "stateFile")));
  }

  /**
   * Runs the fleet and blocks until every server has succeeded or failed.
   *
   * @return the report, one item per server
   * @throws SmsClientException when the state file is refused or cannot be written, or the calling
   *     thread is interrupted (the run is cancelled then, and the flag set again)
   * @throws SmsException when listing the servers for a selector fails
   */
  public FleetReport run() {
    FleetRun run = start();
    try {
      return run.await();
    } catch (InterruptedException e) {
      run.cancel();
      Thread.currentThread().interrupt();
      throw new SmsClientException("The fleet was interrupted and cancelled", e);
    }
  }

  /**
   * Starts the fleet in the background. Reads (and checks) the state file, lists the servers when a
   * selector chose them, and writes a new state file before any task is touched; what fails there
   * is thrown here.
   *
   * @return the handle of the run
   * @throws SmsClientException when the state file is refused or cannot be written
   * @throws SmsException when listing the servers for a selector fails
   */
  public FleetRun start() {
    Path file = plan.stateFile();
    FleetStateData saved = file == null ? null : StateFile.readIfExists(file);
    List<List<String>> fleetWaves;
    if (waves != null) {
      fleetWaves = waves;
      if (saved != null && !saved.waves().equals(fleetWaves)) {
        throw foreign(file, saved, fleetWaves);
      }
    } else if (saved != null) {
      fleetWaves = saved.waves(); // a selector is not asked again: the file pins the fleet
    } else {
      fleetWaves = List.of(select());
    }
    FleetStateData initial;
    if (saved != null) {
      Map<String, String> merged = new LinkedHashMap<>(saved.attributes());
      merged.putAll(attributes);
      initial = new FleetStateData(saved.fleetId(), saved.waves(), merged, saved.items());
    } else {
      List<FleetItem> items = new ArrayList<>();
      for (String server : Waves.flatten(fleetWaves)) {
        items.add(FleetItem.builder(server).build());
      }
      initial = new FleetStateData(UUID.randomUUID().toString(), fleetWaves, attributes, items);
      if (file != null) {
        try {
          AtomicFiles.write(file, StateFile.encode(initial));
        } catch (IOException e) {
          throw new SmsClientException("Fleet state file " + file + " cannot be written: " + e, e);
        }
      }
    }
    FleetEngine engine = FleetEngine.start(plan, initial, saved != null);
    return new FleetRun(engine, sms, plan.maxConcurrent(), plan.listener());
  }

  private static SmsClientException foreign(
      Path file, FleetStateData saved, List<List<String>> waves) {
    List<String> ours = Waves.flatten(waves);
    String difference;
    List<String> missing = new ArrayList<>(saved.servers());
    missing.removeAll(ours);
    List<String> added = new ArrayList<>(ours);
    added.removeAll(saved.servers());
    if (!missing.isEmpty()) {
      difference = "it holds server " + missing.get(0) + ", which this fleet does not";
    } else if (!added.isEmpty()) {
      difference = "this fleet has server " + added.get(0) + ", which it does not hold";
    } else {
      difference = "its waves are " + saved.waves() + ", this fleet's " + waves;
    }
    return new SmsClientException(
        "Fleet state file "
            + file
            + " belongs to another fleet ("
            + saved.fleetId()
            + ") and is left as it is: "
            + difference);
  }

  private List<String> select() {
    Predicate<SourceServersResponseBody> chosen = Objects.requireNonNull(selector);
    List<String> ids = new ArrayList<>();
    for (SourceServersResponseBody server :
        sms.listServersPaginator(ListServersRequest.builder().limit(100).build())) {
      if (server.getId() != null && chosen.test(server)) {
        ids.add(server.getId());
      }
    }
    if (ids.isEmpty()) {
      throw new SmsClientException("No source server of ListServers was chosen for the fleet");
    }
    return ids;
  }

  @Override
  public String toString() {
    return "FleetMigration{"
        + (waves != null
            ? Waves.flatten(waves).size() + " servers in " + waves.size() + " waves"
            : "servers chosen from ListServers")
        + ", maxConcurrent="
        + plan.maxConcurrent()
        + (plan.stateFile() != null ? ", stateFile=" + plan.stateFile() : "")
        + "}";
  }

  /**
   * Builds a {@link FleetMigration}; not thread-safe. One way of choosing the servers ({@link
   * #servers(List)}, {@link #waves(List)}, {@link #allServers()}, {@link #servers(Predicate)}) and
   * {@link #taskRequest} are required; each option may be set once.
   */
  public static final class Builder {
    private final SmsClient sms;
    private @Nullable List<List<String>> waves;
    private @Nullable Predicate<SourceServersResponseBody> selector;
    private @Nullable String serversSetBy;
    private @Nullable Function<ShowServerResponse, CreateTaskRequest> taskRequest;
    private int maxConcurrent = DEFAULT_MAX_CONCURRENT;
    private WaitOptions waitOptions = WaitOptions.defaults();
    private @Nullable Path stateFile;
    private FleetListener listener = FleetListener.NONE;
    private int maxRestarts;
    private Duration throttleBackoff = Duration.ofSeconds(1);
    private Clock clock = Clock.systemUTC();
    private final Map<String, String> attributes = new LinkedHashMap<>();

    private Builder(SmsClient sms) {
      this.sms = sms;
    }

    private void choose(String how) {
      if (serversSetBy != null) {
        throw new IllegalStateException(
            "The fleet's servers are chosen by " + serversSetBy + " already, not also by " + how);
      }
      serversSetBy = how;
    }

    /**
     * Migrates these source servers, in this order, as one wave.
     *
     * @param sourceServerIds the servers' ids; none twice, none blank
     * @return this builder
     * @throws IllegalArgumentException when the list is empty or holds an id twice or a blank one
     * @throws IllegalStateException when the servers were chosen already
     */
    public Builder servers(List<String> sourceServerIds) {
      Objects.requireNonNull(sourceServerIds, "sourceServerIds");
      List<List<String>> one = Waves.copy(List.of(new ArrayList<>(sourceServerIds)));
      choose("servers(List)");
      this.waves = one;
      return this;
    }

    /**
     * Migrates the source servers {@code ListServers} answers for which {@code selector} holds,
     * listed when the fleet starts. A run resumed from a state file migrates the servers the file
     * holds and does not list again.
     *
     * @param selector which servers to migrate
     * @return this builder
     * @throws IllegalStateException when the servers were chosen already
     */
    public Builder servers(Predicate<SourceServersResponseBody> selector) {
      Objects.requireNonNull(selector, "selector");
      choose("servers(Predicate)");
      this.selector = selector;
      return this;
    }

    /**
     * Migrates every source server {@code ListServers} answers; see {@link #servers(Predicate)}.
     *
     * @return this builder
     * @throws IllegalStateException when the servers were chosen already
     */
    public Builder allServers() {
      choose("allServers()");
      this.selector = server -> true;
      return this;
    }

    /**
     * Migrates the servers in ordered waves: every server of a wave ends (succeeds or fails) before
     * the next wave begins.
     *
     * @param waves the waves, each a non-empty list; a server in one wave only
     * @return this builder
     * @throws IllegalArgumentException when a wave is empty, or an id is blank or given twice
     * @throws IllegalStateException when the servers were chosen already
     */
    public Builder waves(List<List<String>> waves) {
      Objects.requireNonNull(waves, "waves");
      List<List<String>> copy = Waves.copy(waves);
      choose("waves(List)");
      this.waves = copy;
      return this;
    }

    /**
     * Sets how a server's {@code CreateTask} request is built from its {@code ShowServer} answer,
     * e.g. with {@code TaskRequests.forServer(server)}. Runs on the fleet's engine thread: keep it
     * quick. It must give the same task name for a server each time, so a resumed run finds the
     * task; a request for another source server fails the server. What it throws fails the server.
     *
     * @param taskRequest the request of each server
     * @return this builder
     */
    public Builder taskRequest(Function<ShowServerResponse, CreateTaskRequest> taskRequest) {
      if (this.taskRequest != null) {
        throw new IllegalStateException("taskRequest is set already");
      }
      this.taskRequest = Objects.requireNonNull(taskRequest, "taskRequest");
      return this;
    }

    /**
     * Sets how many servers migrate at once, from their {@code CreateTask} until their task ends;
     * default {@value #DEFAULT_MAX_CONCURRENT}.
     *
     * @param maxConcurrent 1 to {@value #MAX_CONCURRENT}
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder maxConcurrent(int maxConcurrent) {
      if (maxConcurrent < 1 || maxConcurrent > MAX_CONCURRENT) {
        throw new IllegalArgumentException(
            "maxConcurrent must be 1 to " + MAX_CONCURRENT + ", was " + maxConcurrent);
      }
      this.maxConcurrent = maxConcurrent;
      return this;
    }

    /**
     * Sets how each task is waited for; default {@link WaitOptions#defaults()}. Its {@code maxWait}
     * applies per task and per (re)start; its progress listener, when set, is told of every task's
     * progress too (on the client's threads).
     *
     * @param waitOptions the options
     * @return this builder
     */
    public Builder waitOptions(WaitOptions waitOptions) {
      this.waitOptions = Objects.requireNonNull(waitOptions, "waitOptions");
      return this;
    }

    /**
     * Saves the fleet's state to this file, so that a run started again with it resumes (see the
     * class comment). The directory must exist; the file is created when missing.
     *
     * @param stateFile the file
     * @return this builder
     */
    public Builder stateFile(Path stateFile) {
      this.stateFile = Objects.requireNonNull(stateFile, "stateFile");
      return this;
    }

    /**
     * Sets the listener told of each server's events and of the fleet's counts; see {@link
     * FleetListener} for its thread.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(FleetListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets how many times a server's failed task is started again ({@code UpdateTaskStatus
     * restart}) before the server fails; default 0.
     *
     * @param maxRestarts zero or more
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder maxRestarts(int maxRestarts) {
      if (maxRestarts < 0) {
        throw new IllegalArgumentException("maxRestarts must not be negative, was " + maxRestarts);
      }
      this.maxRestarts = maxRestarts;
      return this;
    }

    /**
     * Sets the fleet's first pause after a throttled answer; default 1 s. Each further throttled
     * answer after a pause doubles it, up to 64 times this; a successful call resets it. Every
     * worker waits it out before its next call. The client's own {@code RetryPolicy} retries a
     * throttled call first; the fleet pauses when it gives up.
     *
     * @param throttleBackoff the first pause; positive
     * @return this builder
     */
    public Builder throttleBackoff(Duration throttleBackoff) {
      this.throttleBackoff = Durations.requirePositive(throttleBackoff, "throttleBackoff");
      return this;
    }

    /**
     * Sets the clock of the report's times ({@link FleetItem#startedAt()}, {@link
     * FleetItem#finishedAt()}); default the system clock in UTC.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Saves a free-form setting in the state file, such as a command line's flags, so that whoever
     * resumes the fleet can rebuild it ({@link FleetState#attributes()}). A resumed run keeps the
     * file's attributes and replaces those given again.
     *
     * @param key the setting's name
     * @param value its value
     * @return this builder
     */
    public Builder attribute(String key, String value) {
      attributes.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * {@return the fleet}
     *
     * @throws IllegalStateException when no servers were chosen or {@code taskRequest} is not set,
     *     naming each
     */
    public FleetMigration build() {
      List<String> missing = new ArrayList<>();
      if (serversSetBy == null) {
        missing.add("servers (servers, waves or allServers)");
      }
      if (taskRequest == null) {
        missing.add("taskRequest");
      }
      if (!missing.isEmpty()) {
        throw new IllegalStateException("FleetMigration needs " + String.join(" and ", missing));
      }
      return new FleetMigration(this);
    }
  }
}
