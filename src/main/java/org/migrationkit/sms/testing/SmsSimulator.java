package org.migrationkit.sms.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
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
import org.migrationkit.sms.model.ShowTaskResponse;

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
 * <p>It starts holding the API page's example task under {@link #EXAMPLE_TASK_ID} and under the
 * example body's own id. Requests are handled in this order: the {@link FaultPlan} (a fault answers
 * instead, whatever the signature), then the signature (401 {@code APIGW.0301} with the reason),
 * then the route (404 {@code APIGW.0101} for anything but {@code GET /v3/tasks/{task_id}}, 404
 * {@code SMS.1204} for an unknown task), then the task. Every answer carries an {@code
 * X-Request-Id}.
 *
 * <p>Two clocks: signatures are judged by real time (or the {@link Builder#signatureClock} given),
 * while scripted tasks follow a virtual clock that stands still until {@link #advance(Duration)}.
 * The HTTP {@code Date} header is always real time (the JDK server sets it).
 *
 * <p>Use it from JUnit 5 ({@code @BeforeEach}/{@code @AfterEach} or try-with-resources), TestNG
 * ({@code @BeforeMethod}/{@code @AfterMethod}) or a plain {@code main}: it needs no test framework.
 * Thread-safe. Built on the JDK's {@code com.sun.net.httpserver}; a fault's latency is scheduled,
 * not slept, so a slow simulated service holds no thread per request (at most 10 threads in all).
 * Loading this class sets the system property {@code sun.net.httpserver.nodelay} to {@code true}
 * unless it is set already: without it, every answer of a JDK HTTP server on loopback waits about
 * 40 ms for a delayed ACK.
 */
public final class SmsSimulator implements AutoCloseable {
  /** The task id of the API page's example request. */
  public static final String EXAMPLE_TASK_ID = "ef3b9722-07a0-40ae-89b0-889ee96dfc56";

  /**
   * Where the virtual clock starts unless {@link Builder#virtualStart} says otherwise: the
   * example's creation.
   */
  public static final Instant DEFAULT_VIRTUAL_START = Instant.parse("2020-08-26T09:56:18Z");

  private static final int HANDLER_THREADS = 8;

  static {
    // The JDK server sends headers and body in two writes; with Nagle's algorithm on, the body
    // waits
    // for the client's delayed ACK, about 40 ms per answer. It reads this once, at its first start.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService handlers;
  private final ScheduledThreadPoolExecutor delays;
  private final Clock signatureClock;
  private final Duration maxClockSkew;
  private final VirtualClock virtualClock;
  private final Map<String, SimulatedTask> tasks = new ConcurrentHashMap<>();
  private final ConcurrentSkipListMap<Long, JournalEntry> journal = new ConcurrentSkipListMap<>();
  private final AtomicLong requestCounter = new AtomicLong();
  private final List<Credentials> accepted;

  // replaced whole, so a request sees one consistent verifier and one consistent plan
  private volatile SignatureVerifier verifier;
  private volatile InstalledPlan plan = new InstalledPlan(FaultPlan.NONE, 0);

  private record InstalledPlan(FaultPlan plan, long before) {}

  private SmsSimulator(Builder b, HttpServer server) {
    this.server = server;
    this.signatureClock = b.signatureClock;
    this.maxClockSkew = b.maxClockSkew;
    this.virtualClock = new VirtualClock(b.virtualStart);
    this.accepted = new ArrayList<>(b.accepted);
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
    InetSocketAddress address = server.getAddress();
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
    tasks.remove(taskId);
    return this;
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
   * order}
   */
  public List<JournalEntry> journal() {
    return List.copyOf(journal.values());
  }

  /**
   * Forgets the journal; request numbers go on counting.
   *
   * @return this simulator
   */
  public SmsSimulator clearJournal() {
    journal.clear();
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
    server.stop(0);
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

  void record(JournalEntry entry) {
    journal.put(entry.number(), entry);
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
      HttpServer server;
      try {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the SMS simulator on loopback", e);
      }
      SmsSimulator simulator = new SmsSimulator(this, server);
      ShowTaskResponse example = exampleTask();
      simulator.putTask(EXAMPLE_TASK_ID, example);
      if (example.getId() != null) {
        simulator.putTask(example.getId(), example);
      }
      server.createContext("/", new RequestHandler(simulator));
      server.setExecutor(simulator.handlers);
      server.start();
      return simulator;
    }
  }
}
