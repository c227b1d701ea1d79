package org.migrationkit.sms.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.auth.SignatureVerifier;
import org.migrationkit.sms.model.CreateTaskRequest;
import org.migrationkit.sms.model.DiskIntargetServer;
import org.migrationkit.sms.model.InitTargetServer;
import org.migrationkit.sms.model.OsType;
import org.migrationkit.sms.model.PostSourceServerBody;
import org.migrationkit.sms.model.ShowServerResponse;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.model.SourceServer;
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
 *       ListMigprojects}, {@code ListErrorServers}): the array always present, empty when nothing
 *       matches; {@code limit} as each page gives it ({@code ListTasks} 0 to 200, default 100;
 *       {@code ListServers} 0 to 200, 0 meaning 200; the others 0 to 100, default 50), {@code
 *       offset} the item offset (0 to 65535), out of range 400; {@code count} the number of all
 *       matches, oldest first.
 *   <li>A source server shows the phase of its task ({@code replicate} while it runs, {@code
 *       finished}, {@code error}, {@code stopped}...) unless {@code test}, {@code clear} or the
 *       agent's {@code UpdateCopyState} set another state since the task last started; {@code
 *       ShowOverview} counts them. Deleting a server whose task is working: 400 {@code SMS.1304}. A
 *       second {@code RegisterServer} of a server updates its record.
 *   <li>{@code CreateTask}: a {@code READY} task, one per source server (400 {@code SMS.1303}).
 *       {@code UpdateTaskStatus}: {@code start} (from {@code READY}) runs the task by {@link
 *       #startedTaskScript(TaskScript)} (default: sub-tasks of a migration, one step per poll, then
 *       {@code MIGRATE_SUCCESS}; a {@link #CONSISTENCY_CHECK} sub-task when the start asks for
 *       one), its first poll seeing it still {@code READY}; from {@code ABORT} it resumes, from
 *       {@code MIGRATE_FAIL} it runs again; {@code stop} (from {@code RUNNING} or {@code SYNCING})
 *       shows {@code ABORTING} to one poll, then {@code ABORT} where it was; {@code restart} (after
 *       a run) runs it again from the start; {@code skip} jumps past its consistency check; {@code
 *       clear}, {@code test} and {@code clone_test} (after a run) clear the server, test it, add a
 *       {@code clone_server}; {@code network_check} adds a {@code network_check_info}; {@code
 *       migration_test}, {@code sync_failed_rollback} and {@code collect_log} are answered too. A
 *       task created with {@code syncing=true} goes on {@code SYNCING} after its migration. A state
 *       that does not allow the action: 400 {@code SMS.1038} (stop), {@code SMS.1039} (start),
 *       {@code SMS.1040} (restart), {@code SMS.1206} (others). {@code UpdateTask} changes what a
 *       user sets on a task that is not working.
 *   <li>{@code DeleteTask}, {@code DeleteTasks}: refused, 400 {@code SMS.2015}, while a task is
 *       {@code RUNNING}, {@code SYNCING}, {@code ABORTING} or {@code DELETING} and its agent is
 *       connected; all or none. What the task carried goes with it.
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
 * out of range) and those above, but for {@code SMS.1038}-{@code 1040}, {@code SMS.2015} and {@code
 * SMS.2216}, which the out-of-date API reference defines; the testing guide tables them all.
 * Requests are handled in this order: the {@link FaultPlan} (a fault answers instead, whatever the
 * signature or operation), then the signature (401 {@code APIGW.0301} with the reason), then the
 * route, then the state. Every answer carries an {@code X-Request-Id}. Bounded: at most {@link
 * #MAX_SOURCE_SERVERS} source servers, {@link #MAX_TASKS} tasks ({@code CreateTask} is refused once
 * the simulator holds that many, the example task and {@code putTask}'s included), 1,000 templates
 * and 100 migration projects (beyond: 403 {@code SMS.SIMULATOR.0403}), 100 pending commands per
 * server and 100 entries per list a task carries.
 *
 * <p>Two clocks: signatures are judged by real time (or the {@link Builder#signatureClock} given),
 * while scripted tasks follow a virtual clock that starts at the real time (or at {@link
 * Builder#virtualStart}) and then stands still until {@link #advance(Duration)}. The HTTP {@code
 * Date} header is always real time.
 *
 * <p>Between tests, {@link #reset()} returns a simulator to its starting state on the same port,
 * and {@link Builder#empty()} starts one without the example task. For tests in other languages,
 * {@link Builder#controlApi(boolean)} serves the same controls (reset, journal, source servers,
 * scripts, faults, clock) as JSON under {@code /__sms/} on the simulator's port.
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
   * The API page's example task's creation date. The virtual clock starts at the real time unless
   * {@link Builder#virtualStart} says otherwise; give it this instant for the fixed timeline (the
   * same dates in every run) that earlier versions started at by default.
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

  /**
   * How many migrations may be in flight at once, as the service's constraints give it ("a maximum
   * of 100 source servers can be migrated at the same time"): with {@link Builder#strictQuotas} on
   * (the default), a {@code start}, {@code restart} or {@code auto_start} that would put one more
   * task in flight ({@code READY} after a start, {@code RUNNING}, {@code SYNCING} or {@code
   * ABORTING}) is refused, 403 {@code SMS.SIMULATOR.1100}. Refusing, rather than holding the task
   * until a slot frees, is the simulator's assumption: the service does not document which it does.
   */
  public static final int MAX_MIGRATIONS_IN_FLIGHT = 100;

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
  // the lifecycle of tasks started for a source server, by its id
  private final Map<String, TaskScript> serverScripts = new ConcurrentHashMap<>();
  private final @Nullable Instant virtualStart;
  private final boolean empty;
  private final boolean strictQuotas;
  private volatile boolean closed;
  private final @Nullable ControlApi controlApi;
  private final @Nullable Consumer<JournalEntry> journalListener;
  // one listener call at a time, in the order entries are recorded
  private final Object journalListenerLock = new Object();
  // by request number, the oldest dropped past maxJournalEntries; guarded by itself
  private final TreeMap<Long, JournalEntry> journal = new TreeMap<>();
  private final int maxJournalEntries;
  private final AtomicLong requestCounter = new AtomicLong();
  private final List<Credentials> accepted;

  // replaced whole, so a request sees one consistent verifier and one consistent plan
  private volatile SignatureVerifier verifier;
  private volatile InstalledPlan plan = new InstalledPlan(FaultPlan.NONE, 0, new long[0]);

  /** A plan as installed: request numbers count after {@code before}; {@code used} per rule. */
  private record InstalledPlan(FaultPlan plan, long before, long[] used) {}

  private SmsSimulator(Builder b) {
    this.signatureClock = b.signatureClock;
    this.maxClockSkew = b.maxClockSkew;
    this.virtualStart = b.virtualStart;
    this.virtualClock = new VirtualClock(b.virtualStart != null ? b.virtualStart : realNow());
    this.empty = b.empty;
    this.strictQuotas = b.strictQuotas;
    this.journalListener = b.journalListener;
    this.controlApi = b.controlApi ? new ControlApi(this, b.adminToken) : null;
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
    seedExample();
    try {
      // last: its thread may call back into this simulator at once
      this.listener =
          HttpListener.start(
              new InetSocketAddress(b.bindAddress(), b.port),
              new HttpListener.Limits(b.headTimeout, b.bodyTimeout, b.maxBodyBytes),
              new RequestHandler(this),
              handlers);
    } catch (IOException e) {
      delays.shutdownNow();
      handlers.shutdownNow();
      throw new UncheckedIOException(
          "cannot start the SMS simulator on " + b.host + " port " + b.port + ": " + e, e);
    }
  }

  /** The real time to the millisecond, as the wire's dates carry it. */
  private static Instant realNow() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  private void seedExample() {
    if (empty) {
      return;
    }
    ShowTaskResponse example = exampleTask();
    putTask(EXAMPLE_TASK_ID, example);
    if (example.getId() != null) {
      putTask(example.getId(), example);
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

  /**
   * {@return a builder, for several credentials, another signature clock or virtual start, an empty
   * start, another address or port, the control API}
   */
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
    InetAddress host = address.getAddress();
    if (host.isAnyLocalAddress()) {
      // bound to every address: a client on this machine reaches it on loopback
      host = host instanceof Inet6Address ? loopback6() : InetAddress.getLoopbackAddress();
    }
    String literal = host.getHostAddress();
    if (host instanceof Inet6Address) {
      int scope = literal.indexOf('%');
      literal = "[" + (scope < 0 ? literal : literal.substring(0, scope)) + "]";
    }
    return "http://" + literal + ":" + address.getPort();
  }

  /** {@return the port the simulator listens on, the same for its whole life (resets included)} */
  public int port() {
    return listener.address().getPort();
  }

  private static InetAddress loopback6() {
    try {
      return InetAddress.getByAddress(
          "localhost", new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new IllegalStateException("::1 is a valid address", e);
    }
  }

  /**
   * Returns the simulator to the state it started in, on the same port with the same credentials
   * and limits: the tasks (the example tasks again, none after {@link Builder#empty()}), source
   * servers, templates, migration projects (the default one again), what each task carried, the
   * agents' pending commands, the journal, the fault plan ({@link FaultPlan#NONE}), every script
   * ({@link #clearScripts()}) and the virtual clock (at {@link Builder#virtualStart} when one was
   * given, else at the real time of the reset, as a new simulator would start). {@link
   * #requestCount()} goes on counting, as journal numbers do. Thread-safe: a request that arrives
   * meanwhile sees the state before or after the reset, never a mixture.
   *
   * @return this simulator
   */
  public SmsSimulator reset() {
    requireOpen("reset");
    synchronized (service) {
      synchronized (tasks) {
        faults(FaultPlan.NONE);
        clearScripts();
        tasks.clear();
        service.reset();
        virtualClock.set(virtualStart != null ? virtualStart : realNow());
        seedExample();
        clearJournal();
      }
    }
    return this;
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
    requireOpen("putTask");
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
    requireOpen("script");
    Objects.requireNonNull(script, "script");
    Objects.requireNonNull(taskId, "taskId");
    synchronized (service) {
      SimulatedTask existing = tasks.get(taskId);
      Instant now = virtualClock.now();
      TaskScript followed = script;
      SourceServer source = existing == null ? null : existing.peek(now).getSourceServer();
      if (source != null) {
        // the task stays the one of its source server: ListTasks and ShowServer agree on it
        ShowTaskResponse base = script.baseTask() != null ? script.baseTask() : exampleTask();
        followed =
            script.toBuilder().baseTask(base.toBuilder().sourceServer(source).build()).build();
      }
      tasks.put(taskId, SimulatedTask.scripted(taskId, followed, now));
    }
    return this;
  }

  /**
   * Makes every task of source server {@code sourceServerId} follow {@code script} once {@code
   * UpdateTaskStatus start} (or {@code restart}) runs it, whenever the task was created; the task
   * itself is the script's base task. It wins over {@link #startedTaskScript(TaskScript)}; a later
   * call for the same server replaces it, {@link #clearScripts()} forgets it. A task running
   * already goes on as it was.
   *
   * <pre>{@code
   * simulator.scriptServer(server.getId(), TaskScript.builder()
   *     .subTask("MIGRATE_LINUX_FILE", 2)
   *     .fail("CONFIGURE_LINUX", 50, "{\"error_code\":\"SMS.6201\"}", "disk full")
   *     .build());
   * }</pre>
   *
   * @param sourceServerId the source server's id (it need not exist yet)
   * @param script the lifecycle of its started tasks
   * @return this simulator
   */
  public SmsSimulator scriptServer(String sourceServerId, TaskScript script) {
    requireOpen("scriptServer");
    Objects.requireNonNull(sourceServerId, "sourceServerId");
    serverScripts.put(sourceServerId, Objects.requireNonNull(script, "script"));
    return this;
  }

  /**
   * Forgets every script set by {@link #scriptServer} and {@link #startedTaskScript(TaskScript)}:
   * tasks started from now on run the default lifecycle. Tasks running already, and those given a
   * script with {@link #script}, go on as they are.
   *
   * @return this simulator
   */
  public SmsSimulator clearScripts() {
    requireOpen("clearScripts");
    serverScripts.clear();
    startedTaskScript = null;
    return this;
  }

  /**
   * Removes a task, fixed or scripted; later queries of it get a 404.
   *
   * @param taskId the task id
   * @return this simulator
   */
  public SmsSimulator removeTask(String taskId) {
    requireOpen("removeTask");
    synchronized (service) {
      tasks.remove(taskId);
      service.forgetTask(taskId);
    }
    return this;
  }

  /**
   * Sets the lifecycle a task follows once {@code UpdateTaskStatus start} (or {@code restart}) runs
   * it, unless {@link #scriptServer} gave its source server one; the task itself is the script's
   * base task. {@link #clearScripts()} and {@link #reset()} restore the default lifecycle: one step
   * per sub-task of a block migration, four for the data copy, then {@code MIGRATE_SUCCESS}, one
   * step per {@code ShowTask} poll. Give a script with {@link TaskScript.Builder#stepEvery} to
   * follow the virtual clock instead, or one that fails.
   *
   * @param script the lifecycle of started tasks
   * @return this simulator
   */
  public SmsSimulator startedTaskScript(TaskScript script) {
    requireOpen("startedTaskScript");
    this.startedTaskScript = Objects.requireNonNull(script, "script");
    return this;
  }

  /**
   * Returns the lifecycle of a task started now: the one {@link #startedTaskScript(TaskScript)}
   * set, else the default one, with a {@link #CONSISTENCY_CHECK} sub-task when the start asked for
   * it.
   */
  TaskScript startedTaskScript(ShowTaskResponse task, boolean consistencyCheck) {
    SourceServer source = task.getSourceServer();
    TaskScript chosen =
        source == null || source.getId() == null ? null : serverScripts.get(source.getId());
    if (chosen == null) {
      chosen = startedTaskScript;
    }
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
    requireOpen("addSourceServer");
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
    requireOpen("addSourceServer");
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
   * Adds the source server a registration describes, with {@link #addSourceServer(String)}'s
   * defaults for the IP, host name, OS version, CPU and memory it leaves out.
   */
  ShowServerResponse addRegisteredServer(PostSourceServerBody body) {
    synchronized (service) {
      int n = service.serverCount() + 1;
      ShowServerResponse.Builder b = SimulatedService.registered(body);
      ShowServerResponse given = b.build();
      if (given.getIp() == null) {
        b.ip("192.168." + (n / 250) + "." + (n % 250 + 2));
      }
      if (given.getHostname() == null) {
        b.hostname(given.getName());
      }
      if (given.getOsVersion() == null) {
        b.osVersion("CentOS 7.9");
      }
      if (given.getCpuQuantity() == null) {
        b.cpuQuantity(2);
      }
      if (given.getMemory() == null) {
        b.memory(4_294_967_296L);
      }
      return service.addServer(b.build());
    }
  }

  int sourceServerCount() {
    synchronized (service) {
      return service.serverCount();
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
    requireOpen("advance");
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
    requireOpen("faults");
    Objects.requireNonNull(faultPlan, "faultPlan");
    synchronized (requestCounter) {
      plan = new InstalledPlan(faultPlan, requestCounter.get(), faultPlan.newCounts());
    }
    return this;
  }

  /**
   * Removes every fault: the same as {@code faults(FaultPlan.NONE)}.
   *
   * @return this simulator
   */
  public SmsSimulator clearFaults() {
    requireOpen("clearFaults");
    return faults(FaultPlan.NONE);
  }

  // ---- credentials ----

  /**
   * Accepts these credentials from now on too (AK/SK pair, temporary AK/SK or token).
   *
   * @param credentials the credentials (AK/SK pair, temporary AK/SK or token)
   * @return this simulator
   */
  public SmsSimulator accept(Credentials credentials) {
    requireOpen("accept");
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
    requireOpen("revoke");
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
    requireOpen("clearJournal");
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
   * Afterwards what the simulator holds may still be read ({@link #journal()}, {@link #task},
   * {@link #sourceServer}), but every method that would change it ({@link #addSourceServer}, {@link
   * #putTask}, {@link #script}, {@link #faults}, {@link #reset()}, {@link #advance}...) throws an
   * {@link IllegalStateException} naming itself.
   */
  @Override
  public void close() {
    closed = true;
    listener.close();
    delays.shutdownNow();
    handlers.shutdownNow();
  }

  private void requireOpen(String method) {
    if (closed) {
      throw new IllegalStateException(method + " called after close(): the simulator is closed");
    }
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

  Arrival arrive(@Nullable String operation, @Nullable String pathId) {
    synchronized (requestCounter) {
      long number = requestCounter.incrementAndGet();
      InstalledPlan installed = plan;
      requestCounter.notifyAll();
      return new Arrival(
          number,
          installed
              .plan()
              .faultFor(number - installed.before(), operation, pathId, installed.used()));
    }
  }

  /** Counts a request no fault may answer, and returns its number. */
  long arriveUnfaulted() {
    synchronized (requestCounter) {
      long number = requestCounter.incrementAndGet();
      requestCounter.notifyAll();
      return number;
    }
  }

  /** Returns whether the documented quotas are enforced ({@link Builder#strictQuotas}). */
  boolean strictQuotas() {
    return strictQuotas;
  }

  /** Returns the control API, or {@code null} when the builder did not ask for it. */
  @Nullable ControlApi controlApi() {
    return controlApi;
  }

  /** Returns the virtual clock's start as the builder gave it, or {@code null} for real time. */
  @Nullable Instant configuredVirtualStart() {
    return virtualStart;
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
    Consumer<JournalEntry> listener = journalListener;
    if (listener != null) {
      synchronized (journalListenerLock) {
        try {
          listener.accept(entry);
        } catch (Exception | AssertionError e) {
          // the listener's failure is its own (a test's assertion included): the request is
          // answered all the same
        }
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
    private @Nullable Instant virtualStart;
    private boolean emptySet;
    private boolean strictQuotas = true;
    private boolean strictQuotasSet;
    private boolean empty;
    private String host = "127.0.0.1";
    private boolean hostSet;
    private int port;
    private boolean portSet;
    private boolean controlApi;
    private boolean controlApiSet;
    private @Nullable String adminToken;
    private @Nullable Consumer<JournalEntry> journalListener;
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
     * Sets where the virtual clock starts (and where {@link SmsSimulator#reset()} puts it back);
     * default: the real time when the simulator starts (or is reset). Give {@link
     * #DEFAULT_VIRTUAL_START} for the fixed timeline of the API page's example, so that dates in
     * answers are the same in every run.
     *
     * @param start the virtual clock's first instant
     * @return this builder
     */
    public Builder virtualStart(Instant start) {
      Objects.requireNonNull(start, "start");
      if (virtualStart != null) {
        throw new IllegalStateException(
            "virtualStart("
                + start
                + ") conflicts with virtualStart("
                + virtualStart
                + "): set it once");
      }
      this.virtualStart = start;
      return this;
    }

    /**
     * Starts with no tasks and no source servers (nor templates; the undeletable default migration
     * project is there, as in the service), instead of holding the API page's example task under
     * {@link #EXAMPLE_TASK_ID}; {@link SmsSimulator#reset()} returns to this empty state.
     *
     * @return this builder
     * @throws IllegalStateException when called twice
     */
    public Builder empty() {
      if (emptySet) {
        throw new IllegalStateException("empty() conflicts with empty(): set it once");
      }
      this.empty = true;
      this.emptySet = true;
      return this;
    }

    /**
     * Sets whether the service's documented quotas are enforced: at most {@link
     * #MAX_MIGRATIONS_IN_FLIGHT} migrations in flight (the next {@code start} is refused, 403
     * {@code SMS.SIMULATOR.1100}) and at most {@link #MAX_SOURCE_SERVERS} source servers (the next
     * {@code RegisterServer} is refused, 403 {@code SMS.SIMULATOR.1100}). Default {@code true}.
     * When {@code false}, any number of tasks may run at once, useful for load tests of a fleet
     * tool; the simulator still holds at most {@link #MAX_SOURCE_SERVERS} source servers (it keeps
     * them in memory), refusing more with 403 {@code SMS.SIMULATOR.0403}.
     *
     * @param strict whether to enforce the documented quotas
     * @return this builder
     * @throws IllegalStateException when called twice
     */
    public Builder strictQuotas(boolean strict) {
      requireUnset(strictQuotasSet, "strictQuotas", strict, strictQuotas);
      this.strictQuotas = strict;
      this.strictQuotasSet = true;
      return this;
    }

    /**
     * Sets the address to listen on: an IP literal or a host name, resolved when the simulator
     * starts; default {@code 127.0.0.1}. {@code 0.0.0.0} (or {@code ::}) listens on every address,
     * so that other machines or containers reach it; {@link SmsSimulator#endpoint()} then names
     * loopback.
     *
     * @param host the address or host name to bind
     * @return this builder
     */
    public Builder host(String host) {
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException("host must not be null or blank, was " + host);
      }
      requireUnset(hostSet, "host", host, this.host);
      this.host = host.strip();
      this.hostSet = true;
      return this;
    }

    /**
     * Sets the port to listen on, 0 to 65535; default 0, a free port chosen when the simulator
     * starts ({@link SmsSimulator#port()} tells which).
     *
     * @param port the TCP port, or 0 for a free one
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
      }
      requireUnset(portSet, "port", port, this.port);
      this.port = port;
      this.portSet = true;
      return this;
    }

    /**
     * Serves the control API under {@code /__sms/} on the simulator's own port, beside the emulated
     * SMS API; default off. The control API lets a test in any language reset the simulator, read
     * its journal, add source servers, install scripts and faults and move the virtual clock, with
     * plain JSON over HTTP and no signature. Without an {@link #adminToken} it answers only
     * requests from a loopback address (403 otherwise); with one, every request must carry {@code
     * Authorization: Bearer <token>} (401 otherwise), from any address. Control requests are not
     * journaled, not counted by {@link SmsSimulator#requestCount()} and never faulted. When off, a
     * {@code /__sms/} path is an unknown path of the emulated API.
     *
     * <p>Every answer is JSON; every refused request is answered {@code {"error_code":
     * "SMS.SIMULATOR.0400", "error_msg": "..."}} (the code following the status: {@code 0400},
     * {@code 0401}, {@code 0403}, {@code 0404}, {@code 0405}, {@code 0409}), the message one line
     * naming what was wrong. A request is read and checked whole before anything changes, so a
     * refused one changes nothing.
     *
     * <table>
     *   <caption>The endpoints</caption>
     *   <tr><th>Request</th><th>Body</th><th>Does, answers</th></tr>
     *   <tr><td>{@code GET /__sms/health}</td><td>none</td>
     *       <td>200 {@code {"status":"ok","endpoint":"http://127.0.0.1:8080","tasks":1,
     *       "requests":0,"now":"2020-08-26T09:56:18Z"}}</td></tr>
     *   <tr><td>{@code POST /__sms/reset}</td><td>none</td>
     *       <td>{@link SmsSimulator#reset()}; 200 the health body</td></tr>
     *   <tr><td>{@code GET /__sms/journal}</td><td>none</td>
     *       <td>200 a JSON array of {@link JournalEntry#toJson()}, oldest first</td></tr>
     *   <tr><td>{@code DELETE /__sms/journal}</td><td>none</td>
     *       <td>{@link SmsSimulator#clearJournal()}; 200 {@code {}}</td></tr>
     *   <tr><td>{@code POST /__sms/servers}</td>
     *       <td>a {@code RegisterServer} body; only {@code name} is needed</td>
     *       <td>{@link SmsSimulator#addSourceServer(ShowServerResponse)}; 201 the server as
     *       {@code ShowServer} answers it</td></tr>
     *   <tr><td>{@code POST /__sms/scripts}</td><td>a script (below)</td>
     *       <td>{@link SmsSimulator#script}, {@link SmsSimulator#scriptServer} or {@link
     *       SmsSimulator#startedTaskScript(TaskScript)}; 200 {@code {}}</td></tr>
     *   <tr><td>{@code DELETE /__sms/scripts}</td><td>none</td>
     *       <td>{@link SmsSimulator#clearScripts()}; 200 {@code {}}</td></tr>
     *   <tr><td>{@code POST /__sms/faults}</td><td>a fault plan (below)</td>
     *       <td>{@link SmsSimulator#faults(FaultPlan)}; 200 {@code {}}</td></tr>
     *   <tr><td>{@code DELETE /__sms/faults}</td><td>none</td>
     *       <td>{@link SmsSimulator#clearFaults()}; 200 {@code {}}</td></tr>
     *   <tr><td>{@code POST /__sms/clock/advance}</td>
     *       <td>{@code {"seconds":300}} or {@code {"duration":"PT5M"}}</td>
     *       <td>{@link SmsSimulator#advance(Duration)}; 200 {@code {"now":"..."}}</td></tr>
     * </table>
     *
     * <p>A script names its target (exactly one of {@code task_id}, {@code source_server_id},
     * {@code "default": true}), its pace ({@code step_every}, an ISO-8601 duration, for the virtual
     * clock; per poll without it), an optional {@code migrate_speed}, an optional {@code base_task}
     * (a {@code ShowTask} body) and its steps, each with a {@code type}:
     *
     * <pre>{@code
     * {"source_server_id": "2f5f...", "step_every": "PT1M", "steps": [
     *   {"type": "hold", "state": "READY", "steps": 1},
     *   {"type": "sub_task", "name": "MIGRATE_LINUX_FILE", "steps": 4},
     *   {"type": "sub_task", "name": "SYNC", "steps": 2, "state": "SYNCING"},
     *   {"type": "fail", "sub_task": "CONFIGURE_LINUX", "percent": 40,
     *    "error_json": "{"error_code":"SMS.6201"}", "process_trace": "disk full"},
     *   {"type": "succeed"}, {"type": "end", "state": "ABORT"}]}
     * }</pre>
     *
     * <p>(one ending at most, last). A fault plan has an optional {@code seed} and its rules, tried
     * in order, each one {@code fault} and what it matches: {@code request} (a number), {@code
     * requests} ({@code [first, last]}), {@code always}, {@code probability}, or {@code operation}
     * (an operation name as {@link JournalEntry#operation()} gives it) with an optional {@code id}
     * (the first id in the path) and {@code times} (default: every one). A fault has a {@code kind}
     * ({@code status}, the default, {@code latency}, {@code drop_connection}, {@code
     * truncated_body}, {@code malformed_json}, {@code response}) and what that kind takes: {@code
     * status}, {@code error_code}, {@code error_msg}, {@code retry_after_seconds}, {@code
     * content_type}, {@code body}, {@code latency_ms}.
     *
     * <pre>{@code
     * {"seed": 42, "rules": [
     *   {"operation": "CreateTask", "times": 2, "fault": {"status": 429, "retry_after_seconds": 1}},
     *   {"operation": "ShowTask", "id": "task-x", "times": 1, "fault": {"status": 500}},
     *   {"requests": [5, 6], "fault": {"kind": "drop_connection"}},
     *   {"probability": 0.1, "fault": {"kind": "latency", "latency_ms": 200}}]}
     * }</pre>
     *
     * @param enabled whether to serve the control API
     * @return this builder
     */
    public Builder controlApi(boolean enabled) {
      requireUnset(controlApiSet, "controlApi", enabled, controlApi);
      this.controlApi = enabled;
      this.controlApiSet = true;
      return this;
    }

    /**
     * Requires {@code Authorization: Bearer <token>} on every control API request (401 without it),
     * which then may come from any address, not only loopback; needs {@link #controlApi(boolean)
     * controlApi(true)}. The token is compared in constant time and never journaled nor printed.
     *
     * @param token the bearer token, printable ASCII without spaces
     * @return this builder
     */
    public Builder adminToken(String token) {
      if (token == null || token.isEmpty() || !printableWithoutSpace(token)) {
        throw new IllegalArgumentException(
            "adminToken must be non-empty printable ASCII without spaces");
      }
      if (adminToken != null) {
        throw new IllegalStateException(
            "adminToken conflicts with an earlier adminToken: set it once");
      }
      this.adminToken = token;
      return this;
    }

    private static boolean printableWithoutSpace(String s) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c <= ' ' || c > '~') {
          return false;
        }
      }
      return true;
    }

    /**
     * Calls {@code listener} with every request journaled, after its answer is decided and before
     * it is sent (so a slow listener slows the answers); whatever {@link #maxJournalEntries} keeps.
     * One call at a time, on a simulator thread; should it throw, the exception is dropped and the
     * simulator goes on. Control API requests are not journaled. For a log of requests, such as one
     * {@link JournalEntry#toJson()} per line.
     *
     * @param listener what to call with each entry
     * @return this builder
     */
    public Builder journalListener(Consumer<JournalEntry> listener) {
      Objects.requireNonNull(listener, "listener");
      if (journalListener != null) {
        throw new IllegalStateException(
            "journalListener conflicts with an earlier journalListener: set it once");
      }
      this.journalListener = listener;
      return this;
    }

    InetAddress bindAddress() {
      try {
        return InetAddress.getByName(host);
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException(
            "host " + host + " cannot be resolved: " + e.getMessage(), e);
      }
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
     * Starts the simulator on its {@link #host} and {@link #port} (a free loopback port unless
     * set).
     *
     * @return this simulator
     * @throws IllegalStateException when no credentials were accepted, or an {@link #adminToken}
     *     was given without {@link #controlApi(boolean) controlApi(true)}
     * @throws IllegalArgumentException when the host cannot be resolved
     * @throws UncheckedIOException when the address and port cannot be bound
     */
    public SmsSimulator start() {
      if (accepted.isEmpty()) {
        throw new IllegalStateException("no credentials: accept(Credentials) at least once");
      }
      if (adminToken != null && !controlApi) {
        throw new IllegalStateException(
            "adminToken needs controlApi(true): it guards the control API only");
      }
      return new SmsSimulator(this);
    }
  }
}
