package org.migrationkit.sms.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.RetryBudget;
import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsClientException;
import org.migrationkit.sms.SmsConnectionException;
import org.migrationkit.sms.SmsTimeoutException;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.testsupport.ClosedPort;
import org.migrationkit.sms.testsupport.Fixtures;

/**
 * Broken servers on raw loopback sockets: each fault ends the call with the one typed exception
 * that names it, on time, and never with a hang or a raw I/O exception.
 */
class FaultTest {
  private static final String TASK_ID = "ef3b9722-07a0-40ae-89b0-889ee96dfc56";
  private static final String AK = "HPUA6QWERTYASDF1234Z";
  private static final String SK = "s3cr3tK3yExample0123456789abcdefghijklmno";
  private static final byte[] TASK_200 =
      Fixtures.text(Fixtures.SHOW_TASK_200).getBytes(StandardCharsets.UTF_8);

  /**
   * Loads the SDK's and OkHttp's classes once, so the timing tests measure calls, not class
   * loading.
   */
  @BeforeAll
  static void warmUp() {
    try (RawServer server =
            RawServer.answering(head -> RawServer.response(200, "OK", "", TASK_200));
        SmsClient sms = client(server).retryPolicy(RetryPolicy.none()).build()) {
      sms.showTask(TASK_ID);
    }
  }

  private static SmsClient.Builder client(RawServer server) {
    return client(server.baseUrl());
  }

  private static SmsClient.Builder client(String endpoint) {
    return SmsClient.builder().endpoint(endpoint).credentials(Credentials.akSk(AK, SK));
  }

  private static RetryPolicy defaultsWithOwnBudget() {
    return RetryPolicy.builder().retryBudget(RetryBudget.create(100)).build();
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  /** A JSON task of exactly {@code size} bytes, so the JSON does not end before the size limit. */
  private static byte[] taskOfSize(int size) {
    String prefix = "{\"id\":\"t\",\"name\":\"";
    String suffix = "\"}";
    return (prefix + "n".repeat(size - prefix.length() - suffix.length()) + suffix)
        .getBytes(StandardCharsets.US_ASCII);
  }

  // ---- the connection breaks ----

  @Test
  void showTask_resetInTheMiddleOfTheBody_throwsConnectionException() {
    CountDownLatch headersRead = new CountDownLatch(1);
    OkHttpClient http =
        new OkHttpClient.Builder()
            .eventListener(
                new EventListener() {
                  @Override
                  public void responseHeadersEnd(Call call, Response response) {
                    headersRead.countDown();
                  }
                })
            .build();
    try (RawServer server =
            RawServer.start(
                socket -> {
                  RawServer.readHead(socket.getInputStream());
                  OutputStream out = socket.getOutputStream();
                  out.write(
                      ("HTTP/1.1 200 OK\r\n"
                              + "Content-Type: application/json\r\n"
                              + "Content-Length: 3000\r\n\r\n")
                          .getBytes(StandardCharsets.US_ASCII));
                  out.write(TASK_200, 0, 100);
                  out.flush();
                  headersRead.await(5, TimeUnit.SECONDS);
                  socket.setSoLinger(true, 0); // close with RST
                  socket.close();
                });
        SmsClient sms = client(server).httpClient(http).retryPolicy(RetryPolicy.none()).build()) {
      SmsConnectionException e =
          catchThrowableOfType(SmsConnectionException.class, () -> sms.showTask(TASK_ID));

      assertThat(headersRead.getCount()).isZero();
      assertThat(e.getMessage()).contains("127.0.0.1:" + server.port()).doesNotContain("\n");
      assertThat(e.isRetryable()).isTrue();
      assertThat(e.getCause()).isNotNull();
    } finally {
      http.connectionPool().evictAll();
    }
  }

  @Test
  void showTask_serverClosesBeforeStatusLine_throwsConnectionException() {
    try (RawServer server =
            RawServer.start(
                socket -> {
                  RawServer.readHead(socket.getInputStream());
                  socket.close();
                });
        SmsClient sms = client(server).retryPolicy(RetryPolicy.none()).build()) {
      SmsConnectionException e =
          catchThrowableOfType(SmsConnectionException.class, () -> sms.showTask(TASK_ID));

      assertThat(e.getMessage()).contains("127.0.0.1:" + server.port()).doesNotContain("\n");
      assertThat(e.getAttempts()).isEqualTo(1);
      assertThat(server.connections()).isEqualTo(1); // RetryPolicy.none(): nothing is sent twice
    }
  }

  @Test
  void showTask_connectionRefused_throwsConnectionExceptionNamingTheHost() {
    int port = ClosedPort.find();

    try (SmsClient sms =
        client("http://127.0.0.1:" + port).retryPolicy(defaultsWithOwnBudget()).build()) {
      SmsConnectionException e =
          catchThrowableOfType(SmsConnectionException.class, () -> sms.showTask(TASK_ID));

      assertThat(e.getMessage()).contains("127.0.0.1:" + port).doesNotContain("\n");
      assertThat(e.getAttempts()).isEqualTo(3); // refused connections are retried by default
      assertThat(e.getSuppressed()).hasSize(2).allMatch(s -> s instanceof SmsConnectionException);
    }
  }

  // ---- the server is slow ----

  @Test
  void showTask_bodyDribblesOneBytePerSecond_callTimeoutFiresOnTime() {
    try (RawServer server =
            RawServer.start(
                socket -> {
                  RawServer.readHead(socket.getInputStream());
                  OutputStream out = socket.getOutputStream();
                  out.write(
                      ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                              + TASK_200.length
                              + "\r\n\r\n")
                          .getBytes(StandardCharsets.US_ASCII));
                  for (byte b : TASK_200) {
                    out.write(b);
                    out.flush();
                    Thread.sleep(1000); // the fault itself: one byte a second
                  }
                });
        SmsClient sms =
            client(server)
                .callTimeout(Duration.ofSeconds(2))
                .retryPolicy(defaultsWithOwnBudget())
                .build()) {
      long start = System.nanoTime();
      // the body would take an hour: only the call timeout can end the call within the guard
      SmsTimeoutException e =
          assertTimeoutPreemptively(
              Duration.ofSeconds(30),
              () -> catchThrowableOfType(SmsTimeoutException.class, () -> sms.showTask(TASK_ID)));
      long elapsed = millisSince(start);

      assertThat(e.getTimeout()).isEqualTo(SmsTimeoutException.Timeout.CALL);
      assertThat(e.isRetryable()).isFalse();
      assertThat(e.getMessage()).contains("2000 ms").doesNotContain("\n");
      assertThat(elapsed).as("not before the deadline").isGreaterThanOrEqualTo(1900L);
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void showTask_serverNeverAnswers_readTimeoutFires() {
    try (RawServer server =
            RawServer.start(
                socket -> {
                  RawServer.readHead(socket.getInputStream());
                  RawServer.drainUntilClosed(socket.getInputStream());
                });
        SmsClient sms =
            client(server)
                .readTimeout(Duration.ofMillis(500))
                .callTimeout(Duration.ofSeconds(60)) // past the guard: only the read timeout fits
                .retryPolicy(RetryPolicy.none())
                .build()) {
      long start = System.nanoTime();
      SmsTimeoutException e =
          assertTimeoutPreemptively(
              Duration.ofSeconds(30),
              () -> catchThrowableOfType(SmsTimeoutException.class, () -> sms.showTask(TASK_ID)));
      long elapsed = millisSince(start);

      assertThat(e.getTimeout()).isEqualTo(SmsTimeoutException.Timeout.READ);
      assertThat(e.isRetryable()).isTrue();
      assertThat(e.getMessage()).contains("500 ms").doesNotContain("\n");
      assertThat(elapsed).as("not before the read timeout").isGreaterThanOrEqualTo(450L);
    }
  }

  @Test
  void showTask_serverNeverAnswersWithRetries_callTimeoutBoundsAllAttempts() {
    RetryPolicy policy =
        RetryPolicy.builder()
            .maxAttempts(10) // ten read timeouts of 400 ms would outlast the 1500 ms call timeout
            .baseDelay(Duration.ofMillis(1))
            .retryBudget(RetryBudget.unlimited())
            .build();
    try (RawServer server =
            RawServer.start(
                socket -> {
                  RawServer.readHead(socket.getInputStream());
                  RawServer.drainUntilClosed(socket.getInputStream());
                });
        SmsClient sms =
            client(server)
                .readTimeout(Duration.ofMillis(400))
                .callTimeout(Duration.ofMillis(1500))
                .retryPolicy(policy)
                .build()) {
      SmsTimeoutException e =
          assertTimeoutPreemptively(
              Duration.ofSeconds(30),
              () -> catchThrowableOfType(SmsTimeoutException.class, () -> sms.showTask(TASK_ID)));

      // retried after read timeouts, then stopped by the call timeout: each attempt waits out its
      // 400 ms read timeout and none may start after 1500 ms, so a fifth never starts, however
      // slow the machine
      assertThat(e.getAttempts()).isBetween(2, 4);
      // one request per attempt, none hidden; an attempt that finds the deadline passed sends none
      assertThat(server.connections()).isBetween(e.getAttempts() - 1, e.getAttempts());
    }
  }

  // ---- the answer is too large ----

  @Test
  void showTask_bodyOverLimitWithContentLength_throwsClientExceptionNamingTheLimit() {
    byte[] body = taskOfSize(5000);
    try (RawServer server = RawServer.answering(head -> RawServer.response(200, "OK", "", body));
        SmsClient sms =
            client(server).maxResponseBytes(1000).retryPolicy(defaultsWithOwnBudget()).build()) {
      SmsClientException e =
          catchThrowableOfType(SmsClientException.class, () -> sms.showTask(TASK_ID));

      assertThat(e).isExactlyInstanceOf(SmsClientException.class);
      assertThat(e.getMessage()).contains("1000").contains("HTTP 200").doesNotContain("\n");
      assertThat(e.getAttempts()).isEqualTo(1); // an answer that arrived is not asked for again
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void showTask_chunkedBodyOverLimit_throwsClientExceptionWithoutReadingItAll() {
    byte[] body = taskOfSize(5000);
    try (RawServer server =
            RawServer.start(
                socket -> {
                  RawServer.readHead(socket.getInputStream());
                  OutputStream out = socket.getOutputStream();
                  out.write(
                      ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                              + "Transfer-Encoding: chunked\r\n\r\n")
                          .getBytes(StandardCharsets.US_ASCII));
                  for (int at = 0; at < body.length; at += 500) {
                    out.write("1f4\r\n".getBytes(StandardCharsets.US_ASCII)); // 500
                    out.write(body, at, 500);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                  }
                  out.flush();
                  // no last chunk: a client that reads the whole body before checking would hang
                  RawServer.drainUntilClosed(socket.getInputStream());
                });
        SmsClient sms =
            client(server)
                .maxResponseBytes(1000)
                .readTimeout(Duration.ofSeconds(60)) // past the guard
                .callTimeout(Duration.ofSeconds(60))
                .retryPolicy(defaultsWithOwnBudget())
                .build()) {
      SmsClientException e =
          assertTimeoutPreemptively(
              Duration.ofSeconds(30),
              () -> catchThrowableOfType(SmsClientException.class, () -> sms.showTask(TASK_ID)),
              "a client that waits for the end of the body waits for its 60 s timeouts");

      assertThat(e).isExactlyInstanceOf(SmsClientException.class);
      assertThat(e.getMessage()).contains("limit of 1000").doesNotContain("\n");
      assertThat(e.getAttempts()).isEqualTo(1);
    }
  }

  @Test
  void showTask_bodyWithinLimit_isRead() {
    byte[] body = taskOfSize(1000);
    try (RawServer server = RawServer.answering(head -> RawServer.response(200, "OK", "", body));
        SmsClient sms =
            client(server).maxResponseBytes(1000).retryPolicy(RetryPolicy.none()).build()) {
      assertThat(sms.showTask(TASK_ID).getId()).isEqualTo("t");
    }
  }
}
