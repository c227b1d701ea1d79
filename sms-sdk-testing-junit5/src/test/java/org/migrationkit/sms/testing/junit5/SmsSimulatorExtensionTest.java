package org.migrationkit.sms.testing.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.ListServersRequest;
import org.migrationkit.sms.testing.SmsSimulator;

class SmsSimulatorExtensionTest {
  static int servers(SmsClient sms) {
    Integer count = sms.listServers(ListServersRequest.builder().build()).getCount();
    return count == null ? -1 : count;
  }

  // ---- registered in a static field ----

  @LaunchedByKit
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class StaticField {
    @RegisterExtension static final SmsSimulatorExtension SMS = SmsSimulatorExtension.create();
    static final List<String> endpoints = new CopyOnWriteArrayList<>();

    @Test
    @Order(1)
    void first(SmsSimulator simulator, SmsClient sms) {
      endpoints.add(simulator.endpoint());
      simulator.addSourceServer("left-by-first");
      simulator.advance(Duration.ofHours(1));
      assertEquals(1, servers(sms));
    }

    @Test
    @Order(2)
    void second(SmsSimulator simulator, SmsClient sms) {
      endpoints.add(simulator.endpoint());
      assertThat(simulator.journal()).isEmpty();
      assertThat(simulator.now()).isBefore(Instant.now().plusSeconds(60));
      assertEquals(0, servers(sms));
      simulator.revoke(SMS.credentials());
      assertThatThrownBy(() -> servers(sms))
          .isInstanceOfSatisfying(
              SmsServiceException.class, e -> assertEquals(401, e.getStatusCode()));
    }

    @Test
    @Order(3)
    void third(SmsSimulator simulator, SmsClient sms) {
      endpoints.add(simulator.endpoint());
      assertThat(simulator.journal()).isEmpty();
      assertEquals(0, servers(sms), "the extension's credentials are accepted again");
    }
  }

  @Test
  void staticField_oneSimulatorOnOnePort_resetBeforeEachTest_closedAfterTheClass() {
    StaticField.endpoints.clear();

    Kit.assertAllPassed(Kit.run(StaticField.class), 3);

    assertThat(StaticField.endpoints).hasSize(3).containsOnly(StaticField.endpoints.get(0));
    assertThat(Kit.refusesConnections(StaticField.endpoints.get(0))).isTrue();
  }

  // ---- registered in an instance field ----

  @LaunchedByKit
  static class InstanceField {
    @RegisterExtension final SmsSimulatorExtension sms = SmsSimulatorExtension.create();
    static final List<String> endpoints = new CopyOnWriteArrayList<>();

    @Test
    void first(SmsSimulator simulator, SmsClient client) {
      check(simulator, client);
    }

    @Test
    void second(SmsSimulator simulator, SmsClient client) {
      check(simulator, client);
    }

    private void check(SmsSimulator simulator, SmsClient client) {
      endpoints.add(simulator.endpoint());
      assertSame(simulator, sms.simulator());
      assertSame(client, sms.client());
      simulator.addSourceServer("only-one");
      assertEquals(1, servers(client));
    }
  }

  @Test
  void instanceField_startsASimulatorForEachTest_closedAfterIt() {
    InstanceField.endpoints.clear();

    Kit.assertAllPassed(Kit.run(InstanceField.class), 2);

    assertThat(InstanceField.endpoints).hasSize(2).doesNotHaveDuplicates();
    assertThat(InstanceField.endpoints).allMatch(Kit::refusesConnections);
  }

  // ---- parameters ----

  @LaunchedByKit
  static class Parameters {
    @RegisterExtension static final SmsSimulatorExtension SMS = SmsSimulatorExtension.create();
    static SmsSimulator classSimulator;
    static SmsClient classClient;
    static final List<String> checked = new CopyOnWriteArrayList<>();

    private final SmsSimulator constructed;
    private final SmsClient constructedClient;
    private SmsSimulator beforeEachSimulator;
    private SmsClient beforeEachClient;

    Parameters(SmsSimulator simulator, SmsClient client) {
      this.constructed = simulator;
      this.constructedClient = client;
    }

    @BeforeAll
    static void beforeAll(SmsSimulator simulator, SmsClient client) {
      classSimulator = simulator;
      classClient = client;
      assertSame(simulator, SMS.simulator());
      assertSame(client, SMS.client());
      assertEquals(0, servers(client));
      checked.add("beforeAll");
    }

    @BeforeEach
    void beforeEach(SmsSimulator simulator, SmsClient client) {
      beforeEachSimulator = simulator;
      beforeEachClient = client;
      checked.add("beforeEach");
    }

    @Test
    void test(SmsSimulator simulator, SmsClient client) {
      assertSame(classSimulator, simulator, "the class's simulator, reset");
      assertSame(constructed, simulator);
      assertSame(beforeEachSimulator, simulator);
      assertSame(SMS.simulator(), simulator);
      assertSame(constructedClient, client, "the constructor gets the test's own client");
      assertSame(beforeEachClient, client);
      assertSame(SMS.client(), client);
      assertNotSame(classClient, client);
      checked.add("test");
    }

    @AfterEach
    void afterEach(SmsSimulator simulator, SmsClient client) {
      assertSame(beforeEachSimulator, simulator);
      assertSame(beforeEachClient, client);
      checked.add("afterEach");
    }

    @AfterAll
    static void afterAll(SmsSimulator simulator, SmsClient client) {
      assertSame(classSimulator, simulator);
      assertSame(classClient, client);
      assertSame(simulator, SMS.simulator());
      checked.add("afterAll");
    }
  }

  @Test
  void parameters_injectedIntoConstructorLifecycleMethodsAndTests() {
    Parameters.checked.clear();

    Kit.assertAllPassed(Kit.run(Parameters.class), 1);

    assertThat(Parameters.checked)
        .containsExactly("beforeAll", "beforeEach", "test", "afterEach", "afterAll");
  }

  @LaunchedByKit
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  static class PerClassInstanceField {
    @RegisterExtension final SmsSimulatorExtension sms = SmsSimulatorExtension.create();
    static final List<SmsSimulator> simulators = new CopyOnWriteArrayList<>();

    @BeforeAll
    void beforeAll(SmsSimulator simulator) {
      simulators.add(simulator);
    }

    @Test
    void first(SmsSimulator simulator) {
      simulators.add(simulator);
    }

    @Test
    void second(SmsSimulator simulator) {
      simulators.add(simulator);
    }
  }

  @Test
  void perClassInstanceField_servesTheClassLikeAStaticField() {
    PerClassInstanceField.simulators.clear();

    Kit.assertAllPassed(Kit.run(PerClassInstanceField.class), 2);

    assertThat(PerClassInstanceField.simulators)
        .hasSize(3)
        .containsOnly(PerClassInstanceField.simulators.get(0));
  }

  @LaunchedByKit
  @SmsSimulatorTest
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class Annotated {
    static final List<String> endpoints = new CopyOnWriteArrayList<>();

    @Test
    @Order(1)
    void first(SmsSimulator simulator, SmsClient sms) {
      endpoints.add(simulator.endpoint());
      assertNull(simulator.task(SmsSimulator.EXAMPLE_TASK_ID), "no example task");
      simulator.addSourceServer("left-by-first");
      assertEquals(1, servers(sms));
    }

    @Test
    @Order(2)
    void second(SmsSimulator simulator, SmsClient sms) {
      endpoints.add(simulator.endpoint());
      assertEquals(0, servers(sms));
    }

    @Nested
    class Inner {
      @Test
      void inner(SmsSimulator simulator, SmsClient sms) {
        endpoints.add(simulator.endpoint());
        assertEquals(0, servers(sms));
        simulator.addSourceServer("left-by-inner");
      }
    }
  }

  @Test
  void annotation_emptySimulatorAndClientForEachTest_sharedWithNestedClasses() {
    Annotated.endpoints.clear();

    Kit.assertAllPassed(Kit.run(Annotated.class), 3);

    assertThat(Annotated.endpoints).hasSize(3).containsOnly(Annotated.endpoints.get(0));
    assertThat(Kit.refusesConnections(Annotated.endpoints.get(0))).isTrue();
  }

  // ---- options ----

  static final Instant VIRTUAL_START = Instant.parse("2026-03-01T08:00:00Z");

  @LaunchedByKit
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class Options {
    @RegisterExtension
    static final SmsSimulatorExtension SMS =
        SmsSimulatorExtension.builder()
            .credentials(Credentials.akSk("options-ak", "options-sk").withDomainId("options"))
            .virtualStart(VIRTUAL_START)
            .keepExampleData()
            .configureSimulator(simulator -> simulator.maxJournalEntries(1))
            .configureClient(client -> client.userAgentSuffix("options-test/1"))
            .build();

    @Test
    @Order(1)
    void first(SmsSimulator simulator, SmsClient sms) {
      check(simulator, sms);
      simulator.advance(Duration.ofDays(1));
      simulator.removeTask(SmsSimulator.EXAMPLE_TASK_ID);
    }

    @Test
    @Order(2)
    void second(SmsSimulator simulator, SmsClient sms) {
      check(simulator, sms);
    }

    private static void check(SmsSimulator simulator, SmsClient sms) {
      assertEquals(VIRTUAL_START, simulator.now());
      assertNotNull(simulator.task(SmsSimulator.EXAMPLE_TASK_ID), "example task kept");
      sms.showTask(SmsSimulator.EXAMPLE_TASK_ID);
      sms.showTask(SmsSimulator.EXAMPLE_TASK_ID);
      assertThat(simulator.journal())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.accessKey()).isEqualTo("options-ak");
                assertThat(e.header("user-agent")).endsWith("options-test/1");
              });
    }
  }

  @Test
  void builderOptions_applyToEveryTest() {
    Kit.assertAllPassed(Kit.run(Options.class), 2);
  }

  @LaunchedByKit
  static class StaleSignatures {
    @RegisterExtension
    static final SmsSimulatorExtension SMS =
        SmsSimulatorExtension.builder()
            .signatureClock(Clock.offset(Clock.systemUTC(), Duration.ofHours(1)))
            .configureClient(client -> client.retryPolicy(org.migrationkit.sms.RetryPolicy.none()))
            .build();

    @Test
    void test(SmsClient sms) {
      assertThatThrownBy(() -> servers(sms))
          .isInstanceOfSatisfying(
              SmsServiceException.class, e -> assertEquals(401, e.getStatusCode()));
    }
  }

  @Test
  void signatureClock_judgesTheClientsSignatures() {
    Kit.assertAllPassed(Kit.run(StaleSignatures.class), 1);
  }

  @Test
  void builder_optionSetTwice_failsNamingBoth() {
    Instant later = VIRTUAL_START.plusSeconds(1);
    SmsSimulatorExtension.Builder builder =
        SmsSimulatorExtension.builder().virtualStart(VIRTUAL_START);

    assertThatThrownBy(() -> builder.virtualStart(later))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "virtualStart("
                + later
                + ") conflicts with virtualStart("
                + VIRTUAL_START
                + "): set it once");
    assertThatThrownBy(() -> SmsSimulatorExtension.builder().keepExampleData().keepExampleData())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("keepExampleData()");
  }

  @Test
  void credentials_defaultIsAGeneratedAkSkPairWithADomainId_newForEachExtension() {
    Credentials one = SmsSimulatorExtension.create().credentials();
    Credentials two = SmsSimulatorExtension.create().credentials();

    assertThat(one.isAkSk()).isTrue();
    assertThat(one.getDomainId()).isNotBlank();
    assertThat(one.getAccessKey()).isNotEqualTo(two.getAccessKey());
  }

  // ---- accessors ----

  @Test
  void accessors_outsideATest_failClearly() {
    SmsSimulatorExtension sms = SmsSimulatorExtension.create();

    assertThatThrownBy(sms::simulator)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("SmsSimulatorExtension.simulator() called outside a test");
    assertThatThrownBy(sms::client)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("SmsSimulatorExtension.client() called outside a test");
  }

  @Test
  void accessors_afterTheClassEnded_failClearly() {
    Kit.assertAllPassed(Kit.run(StaticField.class), 3);

    assertThatThrownBy(StaticField.SMS::simulator)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("called outside a test");
  }

  @LaunchedByKit
  static class OtherThread {
    @RegisterExtension final SmsSimulatorExtension sms = SmsSimulatorExtension.create();

    @Test
    void test(SmsSimulator simulator) throws Exception {
      SmsSimulator seen = CompletableFuture.supplyAsync(sms::simulator).get(10, TimeUnit.SECONDS);
      assertSame(simulator, seen);
    }
  }

  @Test
  void accessors_fromAThreadTheOnlyRunningTestStarted_answerThatTest() {
    Kit.assertAllPassed(Kit.run(OtherThread.class), 1);
  }
}
