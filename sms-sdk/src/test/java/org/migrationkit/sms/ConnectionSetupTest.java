package org.migrationkit.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.CreateMigprojectRequest;
import org.migrationkit.sms.model.TaskType;
import org.migrationkit.sms.network.FaultyProxy;
import org.migrationkit.sms.network.TestCertificates;
import org.migrationkit.sms.network.TlsServer;
import org.migrationkit.sms.testsupport.Fixtures;

/**
 * The connection set-up on real loopback sockets: the connect timeout bounds TCP, a proxy's {@code
 * CONNECT} and the TLS handshake together; any set-up failure moves to the next endpoint, a POST
 * included; TLS failures say what went wrong. Each failing case prints the time it now takes.
 */
class ConnectionSetupTest {
  private static final String TASK_ID = "ef3b9722-07a0-40ae-89b0-889ee96dfc56";
  private static final Credentials CREDENTIALS =
      Credentials.akSk("HPUA6QWERTYASDF1234Z", "s3cr3tK3yExample0123456789abcdefghijklmno")
          .withDomainId("0970dd7a1300f5672ff2c003c60ae115");

  static SmsClient.Builder client() {
    return SmsClient.builder()
        .environment(java.util.Map.of())
        .credentials(CREDENTIALS)
        .trustStore(TestCertificates.trustStore())
        .connectTimeout(Duration.ofSeconds(1))
        .readTimeout(Duration.ofSeconds(4));
  }

  static TlsServer goodServer() {
    return TlsServer.answering(TestCertificates.loopback(), Fixtures.text(Fixtures.SHOW_TASK_200));
  }

  /** Runs {@code call}, prints how long it took, returns what it threw. */
  static Throwable timed(String name, Runnable call) {
    long start = System.nanoTime();
    Throwable thrown = catchThrowable(call::run);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("[timing] " + name + ": " + millis + " ms");
    return thrown;
  }

  static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  @Test
  void stalledHandshake_sync_isConnectTimeoutWithinConnectTimeout() throws Exception {
    try (TlsServer stall = TlsServer.stallingHandshake();
        SmsClient sms = client().endpoint(stall.url()).retryPolicy(RetryPolicy.none()).build()) {
      long start = System.nanoTime();
      Throwable e = timed("stalled handshake, sync", () -> sms.showTask(TASK_ID));
      assertThat(millisSince(start)).isLessThan(2_500);
      assertThat(e)
          .isInstanceOf(SmsTimeoutException.class)
          .hasMessageContaining("connect timed out after 1000 ms");
      assertThat(((SmsTimeoutException) e).getTimeout())
          .isEqualTo(SmsTimeoutException.Timeout.CONNECT);
    }
  }

  @Test
  void stalledHandshake_async_isConnectTimeoutWithinConnectTimeout() throws Exception {
    try (TlsServer stall = TlsServer.stallingHandshake();
        SmsClient sms = client().endpoint(stall.url()).retryPolicy(RetryPolicy.none()).build()) {
      long start = System.nanoTime();
      Throwable e = timed("stalled handshake, async", () -> join(() -> sms.showTaskAsync(TASK_ID)));
      assertThat(millisSince(start)).isLessThan(2_500);
      assertThat(e.getCause()).isInstanceOf(SmsTimeoutException.class);
      assertThat(((SmsTimeoutException) e.getCause()).getTimeout())
          .isEqualTo(SmsTimeoutException.Timeout.CONNECT);
    }
  }

  @Test
  void proxyNeverAnsweringConnect_isConnectTimeoutNamingTheProxy() throws Exception {
    try (TlsServer good = goodServer();
        FaultyProxy proxy = FaultyProxy.start(FaultyProxy.Fault.STALL);
        SmsClient sms =
            client()
                .endpoint(good.url())
                .proxy("127.0.0.1", proxy.port())
                .retryPolicy(RetryPolicy.none())
                .build()) {
      long start = System.nanoTime();
      Throwable e = timed("proxy never answers CONNECT", () -> sms.showTask(TASK_ID));
      assertThat(millisSince(start)).isLessThan(2_500);
      assertThat(e)
          .isInstanceOf(SmsTimeoutException.class)
          .hasMessageContaining("through the proxy 127.0.0.1:" + proxy.port());
      assertThat(((SmsTimeoutException) e).getTimeout())
          .isEqualTo(SmsTimeoutException.Timeout.CONNECT);
      assertThat(good.requests()).isEmpty();
    }
  }

  @Test
  void proxyTricklingItsAnswer_isConnectTimeout() throws Exception {
    try (TlsServer good = goodServer();
        FaultyProxy proxy = FaultyProxy.start(FaultyProxy.Fault.TRICKLE);
        SmsClient sms =
            client()
                .endpoint(good.url())
                .proxy("127.0.0.1", proxy.port())
                .retryPolicy(RetryPolicy.none())
                .build()) {
      long start = System.nanoTime();
      Throwable e =
          timed(
              "proxy trickles its CONNECT answer, async",
              () -> join(() -> sms.showTaskAsync(TASK_ID)));
      assertThat(millisSince(start)).isLessThan(2_500);
      assertThat(((SmsTimeoutException) e.getCause()).getTimeout())
          .isEqualTo(SmsTimeoutException.Timeout.CONNECT);
    }
  }

  /** The ways a first endpoint can fail before a byte of the request was written. */
  enum BadEndpoint {
    NAME_MISMATCH(() -> TlsServer.answering(TestCertificates.otherName(), "{}")),
    STALLED_HANDSHAKE(TlsServer::stallingHandshake),
    PLAIN_HTTP_ON_HTTPS_PORT(TlsServer::plainHttp),
    UNTRUSTED(() -> TlsServer.answering(TestCertificates.untrusted(), "{}")),
    EXPIRED(() -> TlsServer.answering(TestCertificates.expired(), "{}"));

    final Supplier<TlsServer> start;

    BadEndpoint(Supplier<TlsServer> start) {
      this.start = start;
    }
  }

  @ParameterizedTest
  @EnumSource(BadEndpoint.class)
  void setupFailure_post_failsOverToTheNextEndpoint(BadEndpoint kind) throws Exception {
    try (TlsServer bad = kind.start.get();
        TlsServer good =
            TlsServer.answering(TestCertificates.loopback(), "{\"id\":\"project-1\"}");
        SmsClient sms = client().endpoints(List.of(bad.url(), good.url())).build()) {
      long start = System.nanoTime();
      CreateMigprojectResponseHolder.call(sms);
      System.out.println(
          "[timing] fail-over after " + kind + " (POST): " + millisSince(start) + " ms");
      assertThat(good.requests()).containsExactly("POST /v3/migprojects HTTP/1.1");
      assertThat(bad.requests()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = BadEndpoint.class,
      names = {"NAME_MISMATCH", "PLAIN_HTTP_ON_HTTPS_PORT", "UNTRUSTED", "EXPIRED"})
  void tlsFailure_messageSaysWhatWentWrong(BadEndpoint kind) throws Exception {
    try (TlsServer bad = kind.start.get();
        SmsClient sms = client().endpoint(bad.url()).retryPolicy(RetryPolicy.none()).build()) {
      Throwable e = timed("TLS failure " + kind, () -> sms.showTask(TASK_ID));
      String expected =
          switch (kind) {
            case NAME_MISMATCH -> "the server's certificate does not name 127.0.0.1 (";
            case PLAIN_HTTP_ON_HTTPS_PORT -> "the server does not speak TLS";
            case UNTRUSTED -> "the server's certificate is not trusted (";
            default -> "the server's certificate has expired (";
          };
      assertThat(e)
          .isInstanceOf(SmsConnectionException.class)
          .hasMessageContaining("TLS handshake with 127.0.0.1 failed: " + expected);
    }
  }

  static void join(Supplier<java.util.concurrent.CompletableFuture<?>> call) {
    try {
      call.get().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the call failed", e.getCause());
    }
  }

  /** One non-idempotent call, the kind only a provable set-up failure may repeat. */
  static final class CreateMigprojectResponseHolder {
    static void call(SmsClient sms) {
      sms.createMigproject(
          CreateMigprojectRequest.builder()
              .name("project-1")
              .region("ap-southeast-1")
              .usePublicIp(true)
              .existServer(false)
              .type(TaskType.MIGRATE_BLOCK)
              .syncing(false)
              .build());
    }
  }
}
