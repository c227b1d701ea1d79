package org.migrationkit.sms.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.auth.SignatureVerifier;
import org.migrationkit.sms.model.CreateTaskRequest;
import org.migrationkit.sms.model.DiskIntargetServer;
import org.migrationkit.sms.model.InitTargetServer;
import org.migrationkit.sms.model.OsType;
import org.migrationkit.sms.model.ShowServerResponse;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.model.SourceServerByTask;
import org.migrationkit.sms.model.TargetDisks;
import org.migrationkit.sms.model.TargetServerByTask;
import org.migrationkit.sms.model.TaskType;

/**
 * An in-process SMS service for tests: real HTTP on a free loopback port, every request's AK/SK
 * signature (or token) verified as the API gateway does, tasks answered from memory, scripted task
 * lifecycles, deterministic faults and a journal of every request.
 *
 * <pre>{@code
 * Credentials credentials = Credentials.akSk("test-ak", "test-sk").withDomainId("test-domain");
 * try (SmsSimulator simulator = SmsSimulator.start(credentials);
 *     SmsClient sms = SmsClient.builder()
 *         .endpoint(simulator.endpoint())
 *         .credentials(credentials)
 *         .build()) {
 *   simulator.script("task-1", TaskScript.builder()
 *       .subTask("CREATE_CLOUD_SERVER", 2)
 *       .subTask("MIGRATE_LINUX_FILE", 4)
 *       .succeed()
 *       .build());
 *   simulator.faults(FaultPlan.builder().onRequest(2, Fault.status(503)).build());
 *
 *   ShowTaskResponse done = sms.waitForTask("task-1", WaitOptions.builder()
 *       .pollInterval(Duration.ofMillis(5))
 *       .build());
 *
 *   assertEquals(TaskState.MIGRATE_SUCCESS, done.getState());
 *   assertTrue(simulator.journal().stream().allMatch(JournalEntry::signatureValid));
 * }
 * }</pre>
 *
 * <p>A stateful local SMS: every operation of the API description is answered from memory, in the
 * service's wire shapes. It keeps source servers (seeded with {@link #addSourceServer} or
 * registered through {@code RegisterServer}, as the agent does), tasks (created through {@code
 * CreateTask}, see {@link #createTaskRequestFor}, or stored with {@link #putTask} and {@link
 * #script}), what each task carries (certificates, passphrase, configuration settings, consistency
 * results, speed limits, log collection, network check), templates, migration projects (one default
 * to start with) and the commands queued for each server's agent. It starts holding the API page's
 * example task under {@link #EXAMPLE_TASK_ID} and under the example body's own id.
 *
 * <ul>
 *   <li>Lists ({@code ListServers}, {@code ListTasks}, {@code ListTemplates}, {@code
 *       ListMigprojects}, {@code ListErrorServers}): {@code limit} 0 to 100 (default 50) and {@code
 *       offset} the item offset (0 to 65535), {@code count} the number of all matches, oldest
 *       first.
 *   <li>A source server shows the phase of its task ({@code replicate} while it runs, {@code
 *       finished}, {@code error}, {@code stopped}...) unless {@code test}, {@code clear} or the
 *       agent's {@code UpdateCopyState} set another state since the task last started; {@code
 *       ShowOverview} counts them. Deleting a server whose task is working: 400 {@code SMS.1304}.
 *   <li>{@code CreateTask}: a {@code READY} task, one per source server (400 {@code SMS.1303}).
 *       {@code UpdateTaskStatus}: {@code start} (from {@code READY}) runs the task by {@link
 *       #startedTaskScript(TaskScript)} (default: sub-tasks of a migration, one step per poll, then
 *       {@code MIGRATE_SUCCESS}; a {@link #CONSISTENCY_CHECK} sub-task when the start asks for
 *       one); {@code stop} (from {@code RUNNING} or {@code SYNCING}) leaves it {@code ABORT} where
 *       it was; {@code restart} (after a run) runs it again from the start; {@code skip} jumps past
 *       its consistency check; {@code clear}, {@code test} and {@code clone_test} (after a run)
 *       clear the server, test it, add a {@code clone_server}; {@code network_check} adds a {@code
 *       network_check_info}. A state that does not allow the action: 400 {@code SMS.1206}. {@code
 *       UpdateTask} changes what a user sets on a task that is not working.
 *   <li>{@code DeleteTask}, {@code DeleteTasks}: refused, 400 {@code SMS.1205}, while a task is
 *       {@code RUNNING}, {@code SYNCING}, {@code ABORTING} or {@code DELETING}; all or none. What
 *       the task carried goes with it.
 *   <li>The agent's operations: each accepted action queues a command ({@code START}, {@code STOP},
 *       ..., {@code UPLOAD_LOG} for {@code CollectLog}) that {@code ShowCommand} answers and {@code
 *       UpdateCommandResult} removes; {@code UpdateCopyState}, {@code UpdateDiskInfo} and {@code
 *       UpdateTaskSpeed} change what {@code ShowServer} and {@code ShowTask} answer.
 *   <li>Templates (unique names, 400 {@code SMS.1503}; unknown 404 {@code SMS.1502}; the target
 *       password answered by {@code ShowTargetPassword} only), migration projects (one default,
 *       undeletable: 400 {@code SMS.1604}; unique names, 400 {@code SMS.1603}; unknown 404 {@code
 *       SMS.1602}), API versions, configuration, privacy agreement and {@code ShowSha256}.
 * </ul>
 *
 * <p>A path no operation has answers 404 {@code APIGW.0101}; an {@code UpdateTaskStatus} action
 * beyond those above answers 501 {@code SMS.SIMULATOR.0501} naming it. Error codes the API
 * reference does not give are the simulator's own: 404 {@code SMS.1302} (no such source server),
 * 404 {@code SMS.1204} (no such task), 400 {@code SMS.9001} (unreadable body, missing member, value
 * out of range) and those above. Requests are handled in this order: the {@link FaultPlan} (a fault
 * answers instead, whatever the signature or operation), then the signature (401 {@code APIGW.0301}
 * with the reason), then the route, then the state. Every answer carries an {@code X-Request-Id}.
 * Bounded: at most {@link #MAX_SOURCE_SERVERS} source servers, {@link #MAX_TASKS} tasks ({@code
 * CreateTask} is refused once the simulator holds that many, the example task and {@code putTask}'s
 * included), 1,000 templates and 100 migration projects (beyond: 403 {@code SMS.SIMULATOR.0403}),
 * 100 pending commands per server and 100 entries per list a task carries.
 *
 * <p>Two clocks: signatures are judged by real time (or the {@link Builder#signatureClock} given),
 * while scripted tasks follow a virtual clock that stands still until {@link #advance(Duration)}.
 * The HTTP {@code Date} header is always real time.
 *
 * <p>Use it from JUnit 5 ({@code @BeforeEach}/{@code @AfterEach} or try-with-resources), TestNG
 * ({@code @BeforeMethod}/{@code @AfterMethod}) or a plain {@code main}: it needs no test framework.
 * Thread-safe. Its HTTP/1.1 server is its own, on {@code java.nio}: one thread reads every
 * connection without blocking and a fault's latency is scheduled, not slept, so neither a slow
 * simulated service nor a slow client holds a thread per request (at most 10 threads in all).
 * Nothing is set JVM-wide: each connection gets {@code TCP_NODELAY} and each answer leaves in one
 * write, so no answer waits for a delayed ACK.
 *
 * <p>Bounded against hostile clients, so that well-formed ones are answered meanwhile: a request
 * head (line and headers, at most 64 KiB, else 431) must arrive within {@link
 * Builder#requestHeadTimeout} of its first byte or the connection closes; a body within {@link
 * Builder#requestBodyTimeout} of the head or the answer is 408; a body over {@link
 * Builder#maxRequestBodyBytes} is answered 413 {@code APIGW.0201} at once (a declared length) or as
 * soon as it passes the limit (chunked), never read whole. Refused requests are counted and
 * journaled, with no fault applied. The journal keeps the latest {@link Builder#maxJournalEntries}
 * requests.
 */
public final class SmsSimulator implements AutoCloseable {
  /** The task id of the API page's example request. */
  public static final String EXAMPLE_TASK_ID = "ef3b9722-07a0-40ae-89b0-889ee96dfc56";

  /**
   * Where the virtual clock starts unless {@link Builder#virtualStart} says otherwise: the
   * example's creation.
   */
  public static final Instant DEFAULT_VIRTUAL_START = Instant.parse("2020-08-26T09:56:18Z");

  /** How long a request's head may take unless {@link Builder#requestHeadTimeout} says. */
  public static final Duration DEFAULT_REQUEST_HEAD_TIMEOUT = Duration.ofSeconds(10);

  /** How long a request's body may take unless {@link Builder#requestBodyTimeout} says. */
  public static final Duration DEFAULT_REQUEST_BODY_TIMEOUT = Duration.ofSeconds(10);

  /** The largest request body accepted unless {@link Builder#maxRequestBodyBytes} says: 1 MiB. */
  public static final int DEFAULT_MAX_REQUEST_BODY_BYTES = 1024 * 1024;

  /**
   * The sub-task a started task runs last when {@code UpdateTaskStatus start} asked for {@code
   * is_need_consistency_check}, and which {@code skip} jumps past (in any script that names it).
   * The name is the simulator's: the service does not document its sub-task.
   */
  public static final String CONSISTENCY_CHECK = "CONSISTENCY_CHECK";

  /** How many requests the journal keeps unless {@link Builder#maxJournalEntries} says. */
  public static final int DEFAULT_MAX_JOURNAL_ENTRIES = 10_000;

  /** How many source servers the simulator holds; registering more is refused. */
  public static final int MAX_SOURCE_SERVERS = 1_000;

  /**
   * How many tasks the simulator holds, however they came; {@code CreateTask} beyond them is
   * refused.
   */
  public static final int MAX_TASKS = 1_000;

  private static final int HANDLER_THREADS = 8;

  private final HttpListener listener;
  private final ExecutorService handlers;
  private final ScheduledThreadPoolExecutor delays;
  private final Clock signatureClock;
  private final Duration maxClockSkew;
  private final VirtualClock virtualClock;
  // insertion order is ListTasks order; guarded by itself
  private final Map<String, SimulatedTask> tasks =
      Collections.synchronizedMap(new LinkedHashMap<>());
  // the source servers and the workflow's operations; its methods run under its lock
  private final SimulatedService service = new SimulatedService(this);
  private volatile @Nullable TaskScript startedTaskScript;
  // by request number, the oldest dropped past maxJournalEntries; guarded by itself
  private final TreeMap<Long, JournalEntry> journal = new TreeMap<>();
  private final int maxJournalEntries;
  private final AtomicLong requestCounter = new AtomicLong();
  private final List<Credentials> accepted;

  // replaced whole, so a request sees one consistent verifier and one consistent plan
  private volatile SignatureVerifier verifier;
  private volatile InstalledPlan plan = new InstalledPlan(FaultPlan.NONE, 0);

  private record InstalledPlan(FaultPlan plan, long before) {}

  private SmsSimulator(Builder b) {
    this.signatureClock = b.signatureClock;
    this.maxClockSkew = b.maxClockSkew;
    this.virtualClock = new VirtualClock(b.virtualStart);
    this.accepted = new ArrayList<>(b.accepted);
    this.maxJournalEntries = b.maxJournalEntries;
    this.verifier = newVerifier();
    AtomicInteger threads = new AtomicInteger();
    // few threads suffice: no handler sleeps (latency is scheduled) and idle ones go away
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            HANDLER_THREADS,
            HANDLER_THREADS,
            10,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> daemon(r, "sms-simulator-" + threads.incrementAndGet()));
    pool.allowCoreThreadTimeOut(true);
    this.handlers = pool;
    this.delays = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "sms-simulator-latency"));
    this.delays.setRemoveOnCancelPolicy(true);
    ShowTaskResponse example = exampleTask();
    putTask(EXAMPLE_TASK_ID, example);
    if (example.getId() != null) {
      putTask(example.getId(), example);
    }
    try {
      // last: its thread may call back into this simulator at once
      this.listener =
          HttpListener.start(
              new HttpListener.Limits(b.headTimeout, b.bodyTimeout, b.maxBodyBytes),
              new RequestHandler(this),
              handlers);
    } catch (IOException e) {
      delays.shutdownNow();
      handlers.shutdownNow();
      throw new UncheckedIOException("cannot start the SMS simulator on loopback", e);
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /**
   * Starts a simulator on a free loopback port that accepts requests signed with (or carrying) the
   * given credentials.
   *
   * @param accepted the credentials whose requests are accepted
   * @return the running simulator; close it when done
   */
  public static SmsSimulator start(Credentials accepted) {
    return builder().accept(accepted).start();
  }

  /**
   * Starts a simulator accepting any of the given credentials, judging signature age by {@code
   * clock}.
   *
   * @param accepted the credentials whose requests are accepted
   * @param clock the clock that judges signature age
   * @return the running simulator; close it when done
   * @throws IllegalStateException when {@code accepted} is empty
   */
  public static SmsSimulator start(List<Credentials> accepted, Clock clock) {
    Builder b = builder().signatureClock(clock);
    accepted.forEach(b::accept);
    return b.start();
  }

  /** {@return a builder, for several credentials, another signature clock or virtual start} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the API page's example task (the body of its 200 example)} */
  public static ShowTaskResponse exampleTask() {
    return ExampleTask.get();
  }

  /**
   * {@return the base URL to give {@code SmsClient.Builder.endpoint}, such as {@code
   * http://127.0.0.1:41234}}
   */
  public String endpoint() {
    InetSocketAddress address = listener.address();
    return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort();
  }

  // ---- tasks ----

  /**
   * Stores (or replaces, a script included) the task answered for {@code GET /v3/tasks/{taskId}}.
   *
   * @param taskId the task id
   * @param task the task to answer with
   * @return this simulator
   */
  public SmsSimulator putTask(String taskId, ShowTaskResponse task) {
    Objects.requireNonNull(task, "task");
    tasks.put(Objects.requireNonNull(taskId, "taskId"), SimulatedTask.fixed(taskId, task));
    return this;
  }

  /**
   * Stores (or replaces) a task that lives by {@code script}, starting now on the virtual clock and
   * at its first step; the task's {@code id} is {@code taskId}.
   *
   * @param taskId the task id
   * @param script the task's lifecycle
   * @return this simulator
   */
  public SmsSimulator script(String taskId, TaskScript script) {
    Objects.requireNonNull(script, "script");
    Objects.requireNonNull(taskId, "taskId");
    tasks.put(taskId, SimulatedTask.scripted(taskId, script, virtualClock.now()));
    return this;
  }

  /**
   * Removes a task, fixed or scripted; later queries of it get a 404.
   *
   * @param taskId the task id
   * @return this simulator
   */
  public SmsSimulator removeTask(String taskId) {
    synchronized (service) {
      tasks.remove(taskId);
      service.forgetTask(taskId);
    }
    return this;
  }

  /**
   * Sets the lifecycle a task follows once {@code UpdateTaskStatus start} (or {@code restart}) runs
   * it; the task itself is the script's base task. Without it a task runs the default lifecycle:
   * one step per sub-task of a block migration, four for the data copy, then {@code
   * MIGRATE_SUCCESS}, one step per {@code ShowTask} poll. Give a script with {@link
   * TaskScript.Builder#stepEvery} to follow the virtual clock instead, or one that fails.
   *
   * @param script the lifecycle of started tasks
   * @return this simulator
   */
  public SmsSimulator startedTaskScript(TaskScript script) {
    this.startedTaskScript = Objects.requireNonNull(script, "script");
    return this;
  }

  /**
   * Returns the lifecycle of a task started now: the one {@link #startedTaskScript(TaskScript)}
   * set, else the default one, with a {@link #CONSISTENCY_CHECK} sub-task when the start asked for
   * it.
   */
  TaskScript startedTaskScript(ShowTaskResponse task, boolean consistencyCheck) {
    TaskScript chosen = startedTaskScript;
    if (chosen != null) {
      return chosen;
    }
    boolean windows = OsType.WINDOWS.equals(task.getOsType());
    TaskScript.Builder script =
        TaskScript.builder()
            .subTask("CREATE_CLOUD_SERVER", 1)
            .subTask("SSL_CONFIG", 1)
            .subTask("ATTACH_AGENT_IMAGE", 1)
            .subTask(windows ? "FORMAT_DISK_WINDOWS" : "FORMAT_DISK_LINUX", 1)
            .subTask(windows ? "MIGRATE_WINDOWS_BLOCK" : "MIGRATE_LINUX_FILE", 4)
            .subTask(windows ? "CONFIGURE_WINDOWS" : "CONFIGURE_LINUX", 1)
            .subTask("DETTACH_AGENT_IMAGE", 1);
    if (consistencyCheck) {
      script.subTask(CONSISTENCY_CHECK, 4);
    }
    return script.succeed().build();
  }

  // ---- source servers ----

  /**
   * Adds a source server, as if its agent had registered it. What the server leaves out is filled
   * in: a new {@code id}, {@code connected=true}, state {@code waiting}, OS {@code LINUX}, {@code
   * add_date} from the virtual clock, one 40 GiB system disk, and an {@code init_target_server}
   * with one disk per source disk, ready for {@code CreateTask}.
   *
   * <pre>{@code
   * ShowServerResponse server = simulator.addSourceServer(
   *     ShowServerResponse.builder().name("web-1").ip("192.168.0.10").build());
   * }</pre>
   *
   * @param server the server; its {@code id} is kept when it has one
   * @return the server as stored, id included
   * @throws IllegalStateException when the simulator holds {@link #MAX_SOURCE_SERVERS} already
   */
  public ShowServerResponse addSourceServer(ShowServerResponse server) {
    Objects.requireNonNull(server, "server");
    synchronized (service) {
      return service.addServer(server);
    }
  }

  /**
   * Adds a Linux source server with this name, a private IP and one system disk; see {@link
   * #addSourceServer(ShowServerResponse)}.
   *
   * @param name the server's name
   * @return the server as stored, id included
   */
  public ShowServerResponse addSourceServer(String name) {
    Objects.requireNonNull(name, "name");
    synchronized (service) {
      int n = service.serverCount() + 1;
      return service.addServer(
          ShowServerResponse.builder()
              .name(name)
              .hostname(name)
              .ip("192.168." + (n / 250) + "." + (n % 250 + 2))
              .osVersion("CentOS 7.9")
              .cpuQuantity(2)
              .memory(4_294_967_296L)
              .build());
    }
  }

  /**
   * Returns a {@code CreateTask} request that migrates {@code server} file by file (with its OS
   * type, Linux when it has none) to a new target named after it, with the disks of its {@code
   * init_target_server}, in region {@code ap-southeast-1}: what a test needs to create a task the
   * simulator accepts. Set other members with {@code toBuilder()}.
   *
   * <pre>{@code
   * String taskId = sms.createTask(SmsSimulator.createTaskRequestFor(server)).getId();
   * }</pre>
   *
   * @param server a source server as the simulator answers it (id and init_target_server set)
   * @return the request
   * @throws IllegalArgumentException when the server has no id
   */
  public static CreateTaskRequest createTaskRequestFor(ShowServerResponse server) {
    Objects.requireNonNull(server, "server");
    if (server.getId() == null) {
      throw new IllegalArgumentException("server has no id: add or register it first");
    }
    List<TargetDisks> disks = new ArrayList<>();
    InitTargetServer target = server.getInitTargetServer();
    for (DiskIntargetServer d :
        target == null ? List.<DiskIntargetServer>of() : target.getDisks()) {
      disks.add(
          TargetDisks.builder()
              .name(d.getName())
              .size(d.getSize())
              .usedSize(d.getUsedSize())
              .deviceUse(d.getDeviceUse())
              .build());
    }
    String name = server.getName() != null ? server.getName() : server.getId();
    return CreateTaskRequest.builder()
        .name("migrate-" + name)
        .type(TaskType.MIGRATE_FILE)
        .osType(server.getOsType() != null ? server.getOsType() : OsType.LINUX)
        .sourceServer(SourceServerByTask.builder().id(server.getId()).build())
        .targetServer(TargetServerByTask.builder().name(name).vmId("vm-1").disks(disks).build())
        .regionName("ap-southeast-1")
        .regionId("ap-southeast-1")
        .projectName("ap-southeast-1")
        .projectId("project-1")
        .build();
  }

  /**
   * {@return the source server as {@code ShowServer} would answer, or {@code null} when there is
   * none}
   *
   * @param serverId the server id
   */
  public @Nullable ShowServerResponse sourceServer(String serverId) {
    synchronized (service) {
      return service.server(serverId);
    }
  }

  /**
   * {@return the task as the next query would see it (a script is not advanced), or {@code null}
   * when there is none}
   *
   * @param taskId the task id
   */
  public @Nullable ShowTaskResponse task(String taskId) {
    SimulatedTask task = tasks.get(taskId);
    return task == null ? null : task.peek(virtualClock.now());
  }

  // ---- virtual clock ----

  /**
   * Moves the virtual clock forward, so tasks scripted with {@code stepEvery} advance.
   *
   * @param duration how far to move it
   * @return this simulator
   */
  public SmsSimulator advance(Duration duration) {
    if (duration == null || duration.isNegative()) {
      throw new IllegalArgumentException(
          "advance needs a zero or positive duration, was " + duration);
    }
    virtualClock.advance(duration);
    return this;
  }

  /** {@return the virtual clock's time} */
  public Instant now() {
    return virtualClock.now();
  }

  // ---- faults ----

  /**
   * Installs a fault plan, replacing the previous one; its request numbers count from the next
   * request. {@link FaultPlan#NONE} removes every fault.
   *
   * @param faultPlan the faults to inject
   * @return this simulator
   */
  public SmsSimulator faults(FaultPlan faultPlan) {
    Objects.requireNonNull(faultPlan, "faultPlan");
    synchronized (requestCounter) {
      plan = new InstalledPlan(faultPlan, requestCounter.get());
    }
    return this;
  }

  // ---- credentials ----

  /**
   * Accepts these credentials from now on too (AK/SK pair, temporary AK/SK or token).
   *
   * @param credentials the credentials (AK/SK pair, temporary AK/SK or token)
   * @return this simulator
   */
  public SmsSimulator accept(Credentials credentials) {
    Objects.requireNonNull(credentials, "credentials");
    synchronized (accepted) {
      accepted.add(credentials);
      verifier = newVerifier();
    }
    return this;
  }

  /**
   * Rejects these credentials from now on, as if the key were deleted or the token expired.
   *
   * @param credentials the credentials (AK/SK pair, temporary AK/SK or token)
   * @return this simulator
   */
  public SmsSimulator revoke(Credentials credentials) {
    synchronized (accepted) {
      accepted.removeIf(c -> c.equals(credentials));
      verifier = newVerifier();
    }
    return this;
  }

  private SignatureVerifier newVerifier() {
    return SignatureVerifier.create(accepted, signatureClock).withMaxSkew(maxClockSkew);
  }

  // ---- journal ----

  /**
   * {@return every request received so far (since the last {@link #clearJournal()}), in arrival
   * order: the latest {@link Builder#maxJournalEntries} of them}
   */
  public List<JournalEntry> journal() {
    synchronized (journal) {
      return List.copyOf(journal.values());
    }
  }

  /**
   * Forgets the journal; request numbers go on counting.
   *
   * @return this simulator
   */
  public SmsSimulator clearJournal() {
    synchronized (journal) {
      journal.clear();
    }
    return this;
  }

  /** {@return how many requests arrived, authenticated or not} */
  public long requestCount() {
    return requestCounter.get();
  }

  /**
   * Waits until at least {@code count} requests have arrived (counted since start, like {@link
   * #requestCount()}), for tests of asynchronous callers; a latch, not a sleep.
   *
   * @param count the number of requests to wait for
   * @param timeout the longest wait
   * @throws InterruptedException when the waiting thread is interrupted
   * @return whether they arrived within {@code timeout}
   */
  public boolean awaitRequests(long count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (requestCounter) {
      while (requestCounter.get() < count) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(requestCounter, remaining);
      }
      return true;
    }
  }

  /**
   * Stops the server at once, dropping answers not yet sent, and releases its threads. Idempotent.
   */
  @Override
  public void close() {
    listener.close();
    delays.shutdownNow();
    handlers.shutdownNow();
  }

  @Override
  public String toString() {
    return "SmsSimulator{endpoint="
        + endpoint()
        + ", tasks="
        + tasks.size()
        + ", requests="
        + requestCounter.get()
        + ", now="
        + virtualClock.now()
        + "}";
  }

  // ---- what the request handler uses ----

  /** One request's number and the fault the installed plan gives it. */
  record Arrival(long number, @Nullable Fault fault) {}

  Arrival arrive() {
    synchronized (requestCounter) {
      long number = requestCounter.incrementAndGet();
      InstalledPlan installed = plan;
      requestCounter.notifyAll();
      return new Arrival(number, installed.plan().faultFor(number - installed.before()));
    }
  }

  SignatureVerifier verifier() {
    return verifier;
  }

  Instant signatureNow() {
    return signatureClock.instant();
  }

  Instant virtualNow() {
    return virtualClock.now();
  }

  @Nullable SimulatedTask simulatedTask(String taskId) {
    return tasks.get(taskId);
  }

  SimulatedService service() {
    return service;
  }

  void storeTask(String taskId, SimulatedTask task) {
    tasks.put(taskId, task);
  }

  void dropTask(String taskId) {
    tasks.remove(taskId);
  }

  int taskCount() {
    return tasks.size();
  }

  /** Returns every task as the next query would see it, in the order they were stored. */
  Map<String, ShowTaskResponse> taskSnapshot() {
    Map<String, SimulatedTask> copy;
    synchronized (tasks) {
      copy = new LinkedHashMap<>(tasks);
    }
    Instant now = virtualClock.now();
    Map<String, ShowTaskResponse> out = new LinkedHashMap<>();
    copy.forEach((id, task) -> out.put(id, task.peek(now)));
    return out;
  }

  void record(JournalEntry entry) {
    synchronized (journal) {
      journal.put(entry.number(), entry);
      while (journal.size() > maxJournalEntries) {
        journal.pollFirstEntry();
      }
    }
  }

  /** Runs {@code action} on a handler thread after {@code delay}, holding no thread meanwhile. */
  void later(Duration delay, Runnable action) {
    delays.schedule(() -> handlers.execute(action), delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  /**
   * Configures and starts an {@link SmsSimulator}. Each option may be set once; setting one twice
   * fails at once. Not thread-safe.
   */
  public static final class Builder {
    private final List<Credentials> accepted = new ArrayList<>();
    private Clock signatureClock = Clock.systemUTC();
    private boolean signatureClockSet;
    private Duration maxClockSkew = SignatureVerifier.DEFAULT_MAX_SKEW;
    private boolean maxClockSkewSet;
    private Instant virtualStart = DEFAULT_VIRTUAL_START;
    private boolean virtualStartSet;
    private Duration headTimeout = DEFAULT_REQUEST_HEAD_TIMEOUT;
    private boolean headTimeoutSet;
    private Duration bodyTimeout = DEFAULT_REQUEST_BODY_TIMEOUT;
    private boolean bodyTimeoutSet;
    private int maxBodyBytes = DEFAULT_MAX_REQUEST_BODY_BYTES;
    private boolean maxBodyBytesSet;
    private int maxJournalEntries = DEFAULT_MAX_JOURNAL_ENTRIES;
    private boolean maxJournalEntriesSet;

    private Builder() {}

    /**
     * Accepts requests signed with (or carrying) these credentials; call once per key pair or
     * token.
     *
     * @param credentials the credentials (AK/SK pair, temporary AK/SK or token)
     * @return this builder
     */
    public Builder accept(Credentials credentials) {
      accepted.add(Objects.requireNonNull(credentials, "credentials"));
      return this;
    }

    /**
     * Judges signature age ({@code X-Sdk-Date}) by this clock instead of real time, e.g. {@code
     * Clock.offset(Clock.systemUTC(), Duration.ofMinutes(20))} to make every client look stale.
     *
     * @param clock the clock that judges signature age
     * @return this builder
     */
    public Builder signatureClock(Clock clock) {
      Objects.requireNonNull(clock, "clock");
      if (signatureClockSet) {
        throw new IllegalStateException(
            "signatureClock("
                + clock
                + ") conflicts with signatureClock("
                + signatureClock
                + "): set it once");
      }
      this.signatureClock = clock;
      this.signatureClockSet = true;
      return this;
    }

    /**
     * Sets the largest accepted gap between {@code X-Sdk-Date} and the signature clock; default 15
     * minutes.
     *
     * @param maxClockSkew the largest gap accepted, either way
     * @return this builder
     */
    public Builder maxClockSkew(Duration maxClockSkew) {
      if (maxClockSkew == null || maxClockSkew.isNegative()) {
        throw new IllegalArgumentException(
            "maxClockSkew must be zero or positive, was " + maxClockSkew);
      }
      if (maxClockSkewSet) {
        throw new IllegalStateException(
            "maxClockSkew("
                + maxClockSkew
                + ") conflicts with maxClockSkew("
                + this.maxClockSkew
                + "): set it once");
      }
      this.maxClockSkew = maxClockSkew;
      this.maxClockSkewSet = true;
      return this;
    }

    /**
     * Sets where the virtual clock starts; default {@link #DEFAULT_VIRTUAL_START}.
     *
     * @param start the virtual clock's first instant
     * @return this builder
     */
    public Builder virtualStart(Instant start) {
      Objects.requireNonNull(start, "start");
      if (virtualStartSet) {
        throw new IllegalStateException(
            "virtualStart("
                + start
                + ") conflicts with virtualStart("
                + virtualStart
                + "): set it once");
      }
      this.virtualStart = start;
      this.virtualStartSet = true;
      return this;
    }

    /**
     * Sets how long a client may take to send a request's line and headers, counted from its first
     * byte; past it the connection is closed without an answer. Default {@link
     * #DEFAULT_REQUEST_HEAD_TIMEOUT}. A connection waiting for its next request is not bound by it
     * (it may idle 5 minutes, holding no thread).
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder requestHeadTimeout(Duration timeout) {
      requirePositive("requestHeadTimeout", timeout);
      requireUnset(headTimeoutSet, "requestHeadTimeout", timeout, headTimeout);
      this.headTimeout = timeout;
      this.headTimeoutSet = true;
      return this;
    }

    /**
     * Sets how long a client may take to send a request's body once its head is in; past it the
     * simulator answers 408 and closes the connection. It also bounds how long the simulator reads
     * and drops the rest of a refused body, so that the client sees the 413 and not a reset.
     * Default {@link #DEFAULT_REQUEST_BODY_TIMEOUT}.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder requestBodyTimeout(Duration timeout) {
      requirePositive("requestBodyTimeout", timeout);
      requireUnset(bodyTimeoutSet, "requestBodyTimeout", timeout, bodyTimeout);
      this.bodyTimeout = timeout;
      this.bodyTimeoutSet = true;
      return this;
    }

    /**
     * Sets the largest request body accepted, in bytes; a larger one is answered 413 {@code
     * APIGW.0201} without being read whole. Default {@link #DEFAULT_MAX_REQUEST_BODY_BYTES}; when
     * zero, every request with a body is refused.
     *
     * @param maxBytes the limit in bytes, zero or more
     * @return this builder
     */
    public Builder maxRequestBodyBytes(int maxBytes) {
      if (maxBytes < 0 || maxBytes > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(
            "maxRequestBodyBytes must be 0 to " + (Integer.MAX_VALUE - 8) + ", was " + maxBytes);
      }
      requireUnset(maxBodyBytesSet, "maxRequestBodyBytes", maxBytes, maxBodyBytes);
      this.maxBodyBytes = maxBytes;
      this.maxBodyBytesSet = true;
      return this;
    }

    /**
     * Sets how many requests {@link SmsSimulator#journal()} keeps, the oldest dropped first; {@link
     * SmsSimulator#requestCount()} still counts them all. Default {@link
     * #DEFAULT_MAX_JOURNAL_ENTRIES}; when zero, nothing is journaled (useful for load tests).
     *
     * @param maxEntries the number of requests kept, zero or more
     * @return this builder
     */
    public Builder maxJournalEntries(int maxEntries) {
      if (maxEntries < 0) {
        throw new IllegalArgumentException(
            "maxJournalEntries must be zero or positive, was " + maxEntries);
      }
      requireUnset(maxJournalEntriesSet, "maxJournalEntries", maxEntries, maxJournalEntries);
      this.maxJournalEntries = maxEntries;
      this.maxJournalEntriesSet = true;
      return this;
    }

    private static void requirePositive(String option, @Nullable Duration d) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(option + " must be positive, was " + d);
      }
    }

    private static void requireUnset(boolean set, String option, Object value, Object previous) {
      if (set) {
        throw new IllegalStateException(
            option
                + "("
                + value
                + ") conflicts with "
                + option
                + "("
                + previous
                + "): set it once");
      }
    }

    /**
     * Starts the simulator on a free loopback port.
     *
     * @return this simulator
     * @throws IllegalStateException when no credentials were accepted
     * @throws UncheckedIOException when no loopback port can be bound
     */
    public SmsSimulator start() {
      if (accepted.isEmpty()) {
        throw new IllegalStateException("no credentials: accept(Credentials) at least once");
      }
      return new SmsSimulator(this);
    }
  }
}
