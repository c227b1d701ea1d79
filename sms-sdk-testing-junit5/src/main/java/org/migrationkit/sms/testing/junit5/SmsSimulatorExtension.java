package org.migrationkit.sms.testing.junit5;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.testing.SmsSimulator;
import org.opentest4j.TestAbortedException;

/**
 * A JUnit 5 extension that gives every test an empty {@link SmsSimulator} and an {@link SmsClient}
 * signed for it, as OkHttp's {@code MockWebServerExtension} gives a {@code MockWebServer}.
 *
 * <pre>{@code
 * class MigrationServiceTest {
 *   @RegisterExtension
 *   static final SmsSimulatorExtension SMS = SmsSimulatorExtension.builder()
 *       .configureClient(client -> client.retryPolicy(RetryPolicy.none()))
 *       .build();
 *
 *   @Test
 *   void createTask_registersOneTask(SmsClient sms, SmsSimulator simulator) {
 *     ShowServerResponse server = simulator.addSourceServer("web-1");
 *     sms.createTask(SmsSimulator.createTaskRequestFor(server));
 *     assertEquals(1, sms.listTasks(ListTasksRequest.builder().build()).getCount());
 *   }
 * }
 * }</pre>
 *
 * <p>Where it is registered decides how many simulators start:
 *
 * <ul>
 *   <li>In a {@code static} field (or through {@link SmsSimulatorTest}): one simulator for the test
 *       class and its {@code @Nested} classes, on one port, {@linkplain SmsSimulator#reset() reset}
 *       before each test and closed after the class. {@code @BeforeAll} and {@code @AfterAll}
 *       methods and constructors may take it too.
 *   <li>In an instance field: one simulator started for each test and closed after it.
 * </ul>
 *
 * <p>Either way every test starts on an empty simulator (no example task, unless {@link
 * Builder#keepExampleData()}) and gets a client of its own, closed after it. Test methods,
 * {@code @BeforeEach} and {@code @AfterEach} methods may take {@code SmsSimulator} and {@code
 * SmsClient} parameters, or call {@link #simulator()} and {@link #client()}. With two of these
 * extensions in one class, use the accessors: both would offer the parameters.
 *
 * <p>When a test fails, the last {@value #JOURNAL_LINES} requests its simulator received (number,
 * method, path, query parameter names, status, operation, fault, a refused signature's reason; no
 * header, query value or body, so no secret) are printed to {@code System.err} and published as the
 * report entry {@value #REPORT_KEY}.
 *
 * <p>Parallel execution: simulators share nothing, so classes and tests running concurrently each
 * work on their own. A class's simulator serves one test at a time; a test that starts while
 * another test holds it (methods in {@code ExecutionMode.CONCURRENT}) gets a simulator of its own,
 * on another port, closed after it. Code that must see one port for the whole class, such as an
 * endpoint taken in {@code @BeforeAll}, runs its methods with {@code @Execution(SAME_THREAD)}.
 *
 * <p>Thread-safe; the configuration is fixed at {@link Builder#build()}.
 */
public final class SmsSimulatorExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {
  /** How many of the latest requests a failing test's report shows. */
  public static final int JOURNAL_LINES = 20;

  /** The key of the report entry that carries a failing test's journal. */
  public static final String REPORT_KEY = "sms-simulator-journal";

  private static final String CLASS_FIXTURE = "class";
  private static final String TEST_FIXTURE = "test";
  private static final String ENTERED = "entered";

  private final Credentials credentials;
  private final @Nullable Clock signatureClock;
  private final @Nullable Instant virtualStart;
  private final @Nullable Consumer<SmsSimulator.Builder> simulatorConfiguration;
  private final @Nullable Consumer<SmsClient.Builder> clientConfiguration;
  private final boolean keepExampleData;

  // The fixtures live in the ExtensionContext stores, which close them; what follows only lets the
  // accessors find them: the fixture of the test (or class) on each thread, and those open now.
  private final Namespace namespace = Namespace.create(SmsSimulatorExtension.class, this);
  private final ThreadLocal<@Nullable SimulatorFixture> onThread = new ThreadLocal<>();
  private final Set<SimulatorFixture> openTests = ConcurrentHashMap.newKeySet();
  private final Set<SimulatorFixture> openClasses = ConcurrentHashMap.newKeySet();

  /**
   * Creates an extension with the defaults, as {@link #create()} does; this constructor is the one
   * {@code @ExtendWith} and {@link SmsSimulatorTest} use.
   */
  public SmsSimulatorExtension() {
    this(new Builder());
  }

  private SmsSimulatorExtension(Builder b) {
    this.credentials = b.credentials != null ? b.credentials : generatedCredentials();
    this.signatureClock = b.signatureClock;
    this.virtualStart = b.virtualStart;
    this.simulatorConfiguration = b.simulatorConfiguration;
    this.clientConfiguration = b.clientConfiguration;
    this.keepExampleData = b.keepExampleData;
  }

  /** {@return an extension with the defaults: generated credentials, an empty simulator} */
  public static SmsSimulatorExtension create() {
    return new SmsSimulatorExtension();
  }

  /** {@return a builder for credentials, clocks, example data and simulator or client options} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return the simulator of the test running on this thread (or, from another thread, of the only
   * test running), or of the class in its {@code @BeforeAll} and {@code @AfterAll} methods}
   *
   * @throws IllegalStateException when called outside a test, or from a thread of no test while
   *     several run
   */
  public SmsSimulator simulator() {
    return current("simulator()").simulator();
  }

  /**
   * {@return the client of the test running on this thread (or, from another thread, of the only
   * test running), or of the class in its {@code @BeforeAll} and {@code @AfterAll} methods}
   *
   * @throws IllegalStateException when called outside a test, or from a thread of no test while
   *     several run
   */
  public SmsClient client() {
    return current("client()").client();
  }

  /**
   * {@return the credentials the simulators accept and the clients sign with, for clients a test
   * builds itself} Usable at any time.
   */
  public Credentials credentials() {
    return credentials;
  }

  // ---- lifecycle ----

  /**
   * Starts the class's simulator, or takes the enclosing class's for a {@code @Nested} class. JUnit
   * calls it only when the extension is static or declared on the class.
   *
   * @param context the class's context
   */
  @Override
  public void beforeAll(ExtensionContext context) {
    Store store = context.getStore(namespace);
    SimulatorFixture shared = store.get(CLASS_FIXTURE, SimulatorFixture.class);
    if (shared == null) {
      SmsSimulator simulator = startSimulator();
      shared = SimulatorFixture.owning(simulator, clientFor(simulator), openClasses::remove);
      store.put(CLASS_FIXTURE, shared);
      openClasses.add(shared);
    }
    enter(context, shared);
  }

  /**
   * Leaves the class; its context closes the simulator afterwards.
   *
   * @param context the class's context
   */
  @Override
  public void afterAll(ExtensionContext context) {
    leave(context);
  }

  /**
   * Gives the test its simulator (the class's, reset, or one of its own) and client.
   *
   * @param context the test's context
   */
  @Override
  public void beforeEach(ExtensionContext context) {
    enter(context, testFixture(context));
  }

  /**
   * Reports the journal if the test failed; its context closes the client (and the simulator if the
   * test had its own) afterwards.
   *
   * @param context the test's context
   */
  @Override
  public void afterEach(ExtensionContext context) {
    SimulatorFixture fixture = leave(context);
    Throwable failure = context.getExecutionException().orElse(null);
    if (fixture != null && failure != null && !(failure instanceof TestAbortedException)) {
      report(context, fixture);
    }
  }

  /**
   * {@return whether the parameter is an {@link SmsSimulator} or an {@link SmsClient}}
   *
   * @param parameter the parameter
   * @param context the context it is resolved in
   */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == SmsSimulator.class || type == SmsClient.class;
  }

  /**
   * {@return the test's (or, outside a test method, the class's) simulator or client}
   *
   * @param parameter the parameter
   * @param context the context it is resolved in
   * @throws ParameterResolutionException outside a test method when the extension is an instance
   *     field, so no class simulator exists
   */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    SimulatorFixture fixture =
        context.getTestMethod().isPresent()
            ? testFixture(context)
            : context.getStore(namespace).get(CLASS_FIXTURE, SimulatorFixture.class);
    if (fixture == null) {
      throw new ParameterResolutionException(
          "no SmsSimulator for "
              + parameter.getDeclaringExecutable()
              + ": an SmsSimulatorExtension in an instance field serves test methods and"
              + " @BeforeEach/@AfterEach only; register it in a static field (or use"
              + " @SmsSimulatorTest) for @BeforeAll/@AfterAll methods and constructors");
    }
    return parameter.getParameter().getType() == SmsSimulator.class
        ? fixture.simulator()
        : fixture.client();
  }

  /**
   * {@return {@code TEST_METHOD}: a constructor's parameters are the test's own simulator and
   * client, not the class's}
   *
   * @param rootContext the engine's root context
   */
  @Override
  public ExtensionContextScope getTestInstantiationExtensionContextScope(
      ExtensionContext rootContext) {
    return ExtensionContextScope.TEST_METHOD;
  }

  // ---- fixtures ----

  /** Returns the test's fixture, made once per test: by a constructor parameter or beforeEach. */
  private SimulatorFixture testFixture(ExtensionContext context) {
    Store store = context.getStore(namespace);
    return store.getOrComputeIfAbsent(
        TEST_FIXTURE,
        key -> openTestFixture(store.get(CLASS_FIXTURE, SimulatorFixture.class)),
        SimulatorFixture.class);
  }

  private SimulatorFixture openTestFixture(@Nullable SimulatorFixture shared) {
    SimulatorFixture fixture;
    if (shared != null && shared.tryLend()) {
      try {
        // reset() keeps the credentials as the last test left them: accept ours again, once
        SmsSimulator simulator = shared.simulator().reset().revoke(credentials).accept(credentials);
        fixture = SimulatorFixture.borrowing(shared, clientFor(simulator), openTests::remove);
      } catch (RuntimeException | Error e) {
        shared.giveBack();
        throw e;
      }
    } else {
      // no class simulator (an instance field), or another test holds it (concurrent methods)
      SmsSimulator simulator = startSimulator();
      SmsClient client;
      try {
        client = clientFor(simulator);
      } catch (RuntimeException | Error e) {
        simulator.close();
        throw e;
      }
      fixture = SimulatorFixture.owning(simulator, client, openTests::remove);
    }
    openTests.add(fixture);
    return fixture;
  }

  private SmsSimulator startSimulator() {
    SmsSimulator.Builder b = SmsSimulator.builder().accept(credentials);
    if (!keepExampleData) {
      b.empty();
    }
    if (signatureClock != null) {
      b.signatureClock(signatureClock);
    }
    if (virtualStart != null) {
      b.virtualStart(virtualStart);
    }
    if (simulatorConfiguration != null) {
      simulatorConfiguration.accept(b);
    }
    return b.start();
  }

  private SmsClient clientFor(SmsSimulator simulator) {
    SmsClient.Builder b =
        SmsClient.builder().endpoint(simulator.endpoint()).credentials(credentials);
    if (clientConfiguration != null) {
      clientConfiguration.accept(b);
    }
    return b.build();
  }

  // ---- the accessors' view ----

  /** A context's fixture, and what was on the thread before it entered (restored as it leaves). */
  private static final class Entered {
    final SimulatorFixture fixture;
    final @Nullable SimulatorFixture before;

    Entered(SimulatorFixture fixture, @Nullable SimulatorFixture before) {
      this.fixture = fixture;
      this.before = before;
    }
  }

  private void enter(ExtensionContext context, SimulatorFixture fixture) {
    context.getStore(namespace).put(ENTERED, new Entered(fixture, onThread.get()));
    onThread.set(fixture);
  }

  /** Returns the fixture the context entered with, or {@code null} when it never entered. */
  private @Nullable SimulatorFixture leave(ExtensionContext context) {
    // remove() looks at this context's own store only, never an enclosing one
    Entered entered = context.getStore(namespace).remove(ENTERED, Entered.class);
    if (entered == null) {
      return null;
    }
    if (entered.before == null) {
      onThread.remove();
    } else {
      onThread.set(entered.before);
    }
    return entered.fixture;
  }

  private SimulatorFixture current(String accessor) {
    SimulatorFixture fixture = onThread.get();
    if (fixture != null && fixture.isOpen()) {
      return fixture;
    }
    // a thread the test started: unambiguous only while one test (or, between tests, one class)
    // runs
    List<SimulatorFixture> tests = List.copyOf(openTests);
    if (tests.size() == 1) {
      return tests.get(0);
    }
    List<SimulatorFixture> classes = List.copyOf(openClasses);
    if (tests.isEmpty() && classes.size() == 1) {
      return classes.get(0);
    }
    if (tests.isEmpty() && classes.isEmpty()) {
      throw new IllegalStateException(
          "SmsSimulatorExtension."
              + accessor
              + " called outside a test: call it from a test, its @BeforeEach/@AfterEach"
              + " methods or (for a static extension) @BeforeAll/@AfterAll, or take an"
              + " SmsSimulator or SmsClient parameter");
    }
    throw new IllegalStateException(
        "SmsSimulatorExtension."
            + accessor
            + " called from a thread of no test while "
            + Math.max(tests.size(), classes.size())
            + " run concurrently: call it on the test's thread, or take an SmsSimulator or"
            + " SmsClient parameter");
  }

  private void report(ExtensionContext context, SimulatorFixture fixture) {
    String title =
        context.getTestClass().map(Class::getName).orElse("?") + " " + context.getDisplayName();
    String text =
        JournalReport.describe(
            title, fixture.simulator().endpoint(), fixture.simulator().journal(), JOURNAL_LINES);
    System.err.println(text); // one call: lines of tests failing concurrently do not interleave
    context.publishReportEntry(REPORT_KEY, text);
  }

  private static Credentials generatedCredentials() {
    SecureRandom random = new SecureRandom();
    return Credentials.akSk("TESTAK" + randomText(random, 14), randomText(random, 40))
        .withDomainId("test" + randomText(random, 28).toLowerCase(Locale.ROOT));
  }

  private static String randomText(SecureRandom random, int length) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  @Override
  public String toString() {
    return "SmsSimulatorExtension{credentials="
        + credentials
        + (keepExampleData ? ", keepExampleData" : "")
        + "}";
  }

  /**
   * Configures an {@link SmsSimulatorExtension}. Each option may be set once; setting one twice
   * fails at once. Not thread-safe.
   *
   * <pre>{@code
   * @RegisterExtension
   * final SmsSimulatorExtension sms = SmsSimulatorExtension.builder()
   *     .credentials(Credentials.akSk("my-ak", "my-sk").withDomainId("my-domain"))
   *     .virtualStart(Instant.parse("2026-01-01T00:00:00Z"))
   *     .configureSimulator(simulator -> simulator.maxJournalEntries(100))
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private @Nullable Credentials credentials;
    private @Nullable Clock signatureClock;
    private @Nullable Instant virtualStart;
    private @Nullable Consumer<SmsSimulator.Builder> simulatorConfiguration;
    private @Nullable Consumer<SmsClient.Builder> clientConfiguration;
    private boolean keepExampleData;

    private Builder() {}

    /**
     * Sets the credentials the simulators accept and the clients sign with (an AK/SK pair,
     * temporary AK/SK or a token); default: an AK/SK pair with a domain id, generated for each
     * extension, so no real key is ever needed (see {@link SmsSimulatorExtension#credentials()}).
     *
     * @param credentials the credentials
     * @return this builder
     */
    public Builder credentials(Credentials credentials) {
      Objects.requireNonNull(credentials, "credentials");
      requireUnset(this.credentials, "credentials", credentials);
      this.credentials = credentials;
      return this;
    }

    /**
     * Judges the simulators' signature age by this clock instead of real time (see {@link
     * SmsSimulator.Builder#signatureClock}); the clients still sign with real time.
     *
     * @param clock the clock that judges signature age
     * @return this builder
     */
    public Builder signatureClock(Clock clock) {
      Objects.requireNonNull(clock, "clock");
      requireUnset(signatureClock, "signatureClock", clock);
      this.signatureClock = clock;
      return this;
    }

    /**
     * Starts the simulators' virtual clock (the one scripted tasks follow) here, for each test;
     * default: the real time when the test starts (see {@link SmsSimulator.Builder#virtualStart}).
     *
     * @param start the virtual clock's first instant
     * @return this builder
     */
    public Builder virtualStart(Instant start) {
      Objects.requireNonNull(start, "start");
      requireUnset(virtualStart, "virtualStart", start);
      this.virtualStart = start;
      return this;
    }

    /**
     * Applies {@code configuration} to each simulator's builder, after the credentials, clocks and
     * example data set here (so setting one of those again there fails when the simulator starts).
     * Its settings survive the reset before each test.
     *
     * @param configuration what to set on the {@link SmsSimulator.Builder}
     * @return this builder
     */
    public Builder configureSimulator(Consumer<SmsSimulator.Builder> configuration) {
      Objects.requireNonNull(configuration, "configuration");
      requireUnset(simulatorConfiguration, "configureSimulator", configuration);
      this.simulatorConfiguration = configuration;
      return this;
    }

    /**
     * Applies {@code configuration} to each client's builder, after the endpoint and credentials (a
     * retry policy, timeouts, an event listener...).
     *
     * @param configuration what to set on the {@link SmsClient.Builder}
     * @return this builder
     */
    public Builder configureClient(Consumer<SmsClient.Builder> configuration) {
      Objects.requireNonNull(configuration, "configuration");
      requireUnset(clientConfiguration, "configureClient", configuration);
      this.clientConfiguration = configuration;
      return this;
    }

    /**
     * Starts every test with the API page's example task (under {@link
     * SmsSimulator#EXAMPLE_TASK_ID}) instead of an empty simulator.
     *
     * @return this builder
     */
    public Builder keepExampleData() {
      if (keepExampleData) {
        throw new IllegalStateException(
            "keepExampleData() conflicts with keepExampleData(): set it once");
      }
      this.keepExampleData = true;
      return this;
    }

    /** {@return the extension, to register with {@code @RegisterExtension}} */
    public SmsSimulatorExtension build() {
      return new SmsSimulatorExtension(this);
    }

    private static void requireUnset(@Nullable Object previous, String option, Object value) {
      if (previous != null) {
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
  }
}
