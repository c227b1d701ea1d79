package org.migrationkit.sms.testing.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.model.ListServersRequest;
import org.migrationkit.sms.model.SourceServersResponseBody;
import org.migrationkit.sms.testing.SmsSimulator;

/**
 * Classes and methods run concurrently ({@code junit.jupiter.execution.parallel.enabled}): each
 * test sees only its own state, and a class's simulator serves one test at a time. Tests meet at
 * barriers, so they provably overlap (a barrier that times out fails the test).
 */
class ParallelExecutionTest {
  // two tests of one class, and one test of each of two other classes
  static volatile CyclicBarrier methods;
  static volatile CyclicBarrier methodsDone;
  static volatile CyclicBarrier classes;
  static final List<String> endpoints = new CopyOnWriteArrayList<>();
  static final List<String> fromOtherThread = new CopyOnWriteArrayList<>();

  static void await(CyclicBarrier barrier) throws Exception {
    barrier.await(20, TimeUnit.SECONDS);
  }

  /** Checks that the server named {@code name} is the only one this test sees. */
  static void onlyServer(SmsClient sms, String name) {
    List<String> names =
        sms.listServers(ListServersRequest.builder().build()).getSourceServers().stream()
            .map(SourceServersResponseBody::getName)
            .collect(Collectors.toList());
    assertEquals(List.of(name), names);
  }

  @LaunchedByKit
  static class ConcurrentMethods {
    @RegisterExtension static final SmsSimulatorExtension SMS = SmsSimulatorExtension.create();

    @Test
    void first(SmsSimulator simulator, SmsClient sms) throws Exception {
      check(simulator, sms, "first");
    }

    @Test
    void second(SmsSimulator simulator, SmsClient sms) throws Exception {
      check(simulator, sms, "second");
    }

    private static void check(SmsSimulator simulator, SmsClient sms, String name) throws Exception {
      simulator.addSourceServer(name);
      await(methods); // both hold a simulator now
      endpoints.add(simulator.endpoint());
      onlyServer(sms, name);
      assertSame(simulator, SMS.simulator(), "on the test's thread: the test's simulator");
      try {
        CompletableFuture.supplyAsync(SMS::simulator).join();
        fromOtherThread.add("answered");
      } catch (CompletionException e) {
        fromOtherThread.add(e.getCause().getMessage());
      }
      await(methodsDone); // neither closes before the other asked from another thread
    }
  }

  @LaunchedByKit
  static class ClassA {
    @RegisterExtension static final SmsSimulatorExtension SMS = SmsSimulatorExtension.create();

    @Test
    void test(SmsSimulator simulator, SmsClient sms) throws Exception {
      simulator.addSourceServer("class-a");
      await(classes);
      onlyServer(sms, "class-a");
    }
  }

  @LaunchedByKit
  static class ClassB {
    @RegisterExtension final SmsSimulatorExtension sms = SmsSimulatorExtension.create();

    @Test
    void test(SmsSimulator simulator, SmsClient client) throws Exception {
      simulator.addSourceServer("class-b");
      await(classes);
      onlyServer(client, "class-b");
      assertSame(simulator, sms.simulator());
    }
  }

  @Test
  void parallel_classesAndMethods_eachTestOnItsOwnState() {
    methods = new CyclicBarrier(2);
    methodsDone = new CyclicBarrier(2);
    classes = new CyclicBarrier(2);
    endpoints.clear();
    fromOtherThread.clear();

    Kit.assertAllPassed(Kit.runInParallel(ConcurrentMethods.class, ClassA.class, ClassB.class), 4);

    assertThat(endpoints)
        .as("concurrent methods, two simulators")
        .hasSize(2)
        .doesNotHaveDuplicates();
    assertThat(fromOtherThread)
        .hasSize(2)
        .allSatisfy(
            m ->
                assertThat(m)
                    .startsWith("SmsSimulatorExtension.simulator() called from a thread of no test")
                    .contains("take an SmsSimulator or SmsClient parameter"));
  }
}
