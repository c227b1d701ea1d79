package org.migrationkit.sms.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.WaitOptions;
import org.migrationkit.sms.WaitTimeoutException;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.ShowServerResponse;
import org.migrationkit.sms.model.SourceServerState;

/**
 * {@code waitForServer}: polls {@code ShowServer} over real HTTP until the source server is ready,
 * with the same {@link WaitOptions} as {@code waitForTask}.
 */
class ServerWaiterTest {
  private static final Credentials CREDENTIALS =
      Credentials.akSk("HPUA6QWERTYASDF1234Z", "s3cr3tK3yExample0123456789abcdefghijklmno")
          .withDomainId("0970dd7a1300f5672ff2c003c60ae115");
  private static final Duration HANG_GUARD = Duration.ofSeconds(30);

  private final List<String> requestLines = new CopyOnWriteArrayList<>();

  /** Answers the n-th poll with the n-th body, the last one from then on. */
  private RawServer server(String... bodies) {
    AtomicInteger polls = new AtomicInteger();
    return RawServer.answering(
        head -> {
          requestLines.add(RawServer.requestLine(head));
          String body = bodies[Math.min(polls.getAndIncrement(), bodies.length - 1)];
          return RawServer.response(200, "OK", "", body.getBytes(StandardCharsets.UTF_8));
        });
  }

  private static String server(String state, boolean connected) {
    return "{\"id\":\"src-1\",\"name\":\"web-01\",\"state\":\""
        + state
        + "\",\"connected\":"
        + connected
        + "}";
  }

  private static SmsClient client(RawServer server) {
    return SmsClient.builder().endpoint(server.baseUrl()).credentials(CREDENTIALS).build();
  }

  private static WaitOptions.Builder quick() {
    return WaitOptions.builder()
        .pollInterval(Duration.ofMillis(5))
        .maxPollInterval(Duration.ofMillis(5));
  }

  @Test
  void waitForServer_agentConnectsOnThirdPoll_returnsConnectedServer() {
    try (RawServer rawServer =
            server(
                server("unavailable", false),
                server("unavailable", false),
                server("waiting", true));
        SmsClient sms = client(rawServer)) {
      ShowServerResponse ready =
          assertTimeoutPreemptively(HANG_GUARD, () -> sms.waitForServer("src-1", quick().build()));

      assertThat(ready.getConnected()).isTrue();
      assertThat(ready.getState()).isEqualTo(SourceServerState.WAITING);
      assertThat(requestLines).hasSize(3).allMatch(l -> l.startsWith("GET /v3/sources/src-1 "));
    }
  }

  @Test
  void waitForServer_ownCondition_waitsForIt() {
    try (RawServer rawServer =
            server(
                server("unavailable", true), server("initialize", true), server("waiting", true));
        SmsClient sms = client(rawServer)) {
      ShowServerResponse ready =
          sms.waitForServer(
              "src-1", s -> SourceServerState.WAITING.equals(s.getState()), quick().build());

      assertThat(ready.getState()).isEqualTo(SourceServerState.WAITING);
      assertThat(requestLines).hasSize(3);
    }
  }

  @Test
  void waitForServer_neverConnects_timesOutNamingTheLastState() {
    try (RawServer rawServer = server(server("unavailable", false));
        SmsClient sms = client(rawServer)) {
      Throwable failure =
          catchThrowable(
              () -> sms.waitForServer("src-1", quick().maxWait(Duration.ofSeconds(1)).build()));

      assertThat(failure).isInstanceOf(WaitTimeoutException.class);
      assertThat(failure)
          .hasMessageContaining("'src-1'")
          .hasMessageContaining("unavailable")
          .hasMessageContaining("connected false");
      assertThat(((WaitTimeoutException) failure).getLastResponse()).isNull();
    }
  }

  @Test
  void waitForServer_conditionThrowingError_endsWithIt() {
    AssertionError bug = new AssertionError("assertion in the condition");
    try (RawServer rawServer = server(server("waiting", true));
        SmsClient sms = client(rawServer)) {
      Throwable failure =
          assertTimeoutPreemptively(
              HANG_GUARD,
              () ->
                  catchThrowable(
                      () ->
                          sms.waitForServer(
                              "src-1",
                              s -> {
                                throw bug;
                              },
                              quick().build())));

      assertThat(failure).isSameAs(bug);
    }
  }

  @Test
  void waitForServer_unknownServer_endsWithThe404() {
    byte[] missing =
        "{\"error_code\":\"SMS.1206\",\"error_msg\":\"no such server\"}"
            .getBytes(StandardCharsets.UTF_8);
    try (RawServer rawServer =
            RawServer.answering(head -> RawServer.response(404, "Not Found", "", missing));
        SmsClient sms = client(rawServer)) {
      Throwable failure = catchThrowable(() -> sms.waitForServer("src-9", quick().build()));

      assertThat(failure).isInstanceOf(SmsServiceException.class);
      assertThat(((SmsServiceException) failure).getStatusCode()).isEqualTo(404);
    }
  }
}
