package org.migrationkit.sms.testing.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs test classes through the Jupiter engine with the testkit, as a build would. Those classes
 * are static nested classes marked {@link LaunchedByKit}, so no other launch runs them.
 */
final class Kit {
  private Kit() {}

  static EngineExecutionResults run(Class<?>... classes) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectors(classes))
        .configurationParameter(LaunchedByKit.PARAMETER, "true")
        .execute();
  }

  /** Runs the classes, and their methods, concurrently on a pool of eight threads. */
  static EngineExecutionResults runInParallel(Class<?>... classes) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectors(classes))
        .configurationParameter(LaunchedByKit.PARAMETER, "true")
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
        .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
        .configurationParameter(
            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
        .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
        .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "8")
        .execute();
  }

  private static ClassSelector[] selectors(Class<?>... classes) {
    return Arrays.stream(classes).map(c -> selectClass(c)).toArray(ClassSelector[]::new);
  }

  /** Asserts that {@code tests} tests ran and passed, and no class failed (naming what did). */
  static void assertAllPassed(EngineExecutionResults results, long tests) {
    List<String> failures =
        results.allEvents().failed().stream().map(Kit::describe).collect(Collectors.toList());
    assertThat(failures).as("failures").isEmpty();
    assertThat(results.testEvents().succeeded().count()).as("tests passed").isEqualTo(tests);
  }

  static String describe(Event event) {
    return event.getTestDescriptor().getDisplayName()
        + ": "
        + event
            .getPayload(TestExecutionResult.class)
            .flatMap(TestExecutionResult::getThrowable)
            .map(Throwable::toString)
            .orElse("?");
  }

  /** Whether nothing listens at the endpoint's port any more (the simulator was closed). */
  static boolean refusesConnections(String endpoint) {
    URI uri = URI.create(endpoint);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2_000);
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
