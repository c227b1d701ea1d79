package org.migrationkit.sms.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.RetryBudget;
import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsException;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.testsupport.Fixtures;

/**
 * 200 concurrent calls against a server that fails 30 % of requests (a seeded {@link Random}
 * decides each one): every call ends with a task or an {@link SmsException}, the requests stay
 * within what the policy and its budget allow, and afterwards no thread, call or pooled connection
 * is left.
 */
class LoadTest {
  private static final String TASK_ID = "ef3b9722-07a0-40ae-89b0-889ee96dfc56";
  private static final String AK = "HPUA6QWERTYASDF1234Z";
  private static final String SK = "s3cr3tK3yExample0123456789abcdefghijklmno";
  private static final int CALLS = 200;
  private static final int CALLER_THREADS = 16;
  private static final int MAX_ATTEMPTS = 3;
  private static final int BUDGET = 150;
  private static final int[] FAILURE_STATUSES = {500, 502, 503, 504, 429};
  private static final byte[] TASK_200 =
      Fixtures.text(Fixtures.SHOW_TASK_200).getBytes(StandardCharsets.UTF_8);

  private final AtomicInteger requests = new AtomicInteger();
  private final RecordingListener events = new RecordingListener();
  private Set<Thread> threadsBefore;
  private HttpServer server;
  private ExecutorService serverThreads;
  private ExecutorService okHttpThreads;
  private ConnectionPool pool;
  private OkHttpClient http;
  private boolean stopped;

  @BeforeEach
  void startFlakyServer() throws IOException {
    threadsBefore = Thread.getAllStackTraces().keySet();
    Random random = new Random(20240607L);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 100);
    serverThreads = Executors.newFixedThreadPool(8, named("load-server"));
    server.setExecutor(serverThreads);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          int roll;
          synchronized (random) {
            roll = random.nextInt(100);
          }
          int status = roll < 30 ? FAILURE_STATUSES[roll % FAILURE_STATUSES.length] : 200;
          byte[] body =
              status == 200
                  ? TASK_200
                  : ("{\"error_code\":\"SMS." + status + "\",\"error_msg\":\"injected\"}")
                      .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    okHttpThreads = Executors.newCachedThreadPool(named("load-okhttp"));
    Dispatcher dispatcher = new Dispatcher(okHttpThreads);
    dispatcher.setMaxRequests(CALLS);
    dispatcher.setMaxRequestsPerHost(CALLS);
    pool = new ConnectionPool(32, 1, TimeUnit.MINUTES);
    http = new OkHttpClient.Builder().dispatcher(dispatcher).connectionPool(pool).build();
  }

  @AfterEach
  void stopEverything() throws InterruptedException {
    if (stopped) {
      return;
    }
    stopped = true;
    server.stop(0);
    serverThreads.shutdownNow();
    okHttpThreads.shutdownNow();
    assertThat(serverThreads.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    assertThat(okHttpThreads.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> new Thread(r, prefix + "-" + n.incrementAndGet());
  }

  private SmsClient client(RetryBudget budget) {
    return SmsClient.builder()
        .endpoint("http://127.0.0.1:" + server.getAddress().getPort())
        .credentials(Credentials.akSk(AK, SK))
        .httpClient(http)
        .readTimeout(Duration.ofSeconds(10))
        .callTimeout(Duration.ofSeconds(20))
        .retryPolicy(
            RetryPolicy.builder()
                .maxAttempts(MAX_ATTEMPTS)
                .baseDelay(Duration.ofMillis(2))
                .throttlingBaseDelay(Duration.ofMillis(5))
                .retryBudget(budget)
                .build())
        .eventListener(events)
        .build();
  }

  /** Sorts the outcomes and checks the per-call rules; returns the number of successes. */
  private static int checkOutcomes(List<Object> outcomes) {
    List<Object> unexpected = new ArrayList<>();
    int successes = 0;
    for (Object outcome : outcomes) {
      if (outcome instanceof ShowTaskResponse) {
        successes++;
      } else if (outcome instanceof SmsException) {
        SmsException e = (SmsException) outcome;
        assertThat(e.getAttempts()).as(e.getMessage()).isBetween(1, MAX_ATTEMPTS);
        assertThat(e.getSuppressed()).hasSize(e.getAttempts() - 1);
        if (e instanceof SmsServiceException) {
          assertThat(e.isRetryable()).as(e.getMessage()).isTrue(); // only injected failures
        }
      } else {
        unexpected.add(outcome);
      }
    }
    assertThat(unexpected).as("outcomes other than a task or an SmsException").isEmpty();
    return successes;
  }

  private void checkRequestCounts(int successes) {
    int total = requests.get();
    // the budget starts with BUDGET tokens, each retry takes 5, each success gives one back
    int retriesAllowed = (BUDGET + successes) / 5;
    assertThat(total)
        .isBetween(CALLS, CALLS * MAX_ATTEMPTS)
        .isLessThanOrEqualTo(CALLS + retriesAllowed);
    assertThat(events.attemptStarts()).hasSize(total); // no request the SDK did not count
    assertThat(events.callEnds() + events.callFailures()).isEqualTo(CALLS);
    assertThat(events.callEnds()).isEqualTo(successes);
    System.out.println(
        "load: "
            + CALLS
            + " calls, "
            + successes
            + " succeeded, "
            + total
            + " requests, "
            + (total - CALLS)
            + " retries (at most "
            + retriesAllowed
            + " allowed)");
  }

  /** Waits (joining, not sleeping) for threads started during the test, except OkHttp's own. */
  private void checkNoThreadLeft() throws InterruptedException {
    List<Thread> started = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (!threadsBefore.contains(t) && t.isAlive()) {
        started.add(t);
      }
    }
    List<Thread> left = new ArrayList<>();
    for (Thread t : started) {
      // OkHttp's TaskRunner (pool clean-up), Okio's timeout watchdog (started by the first call
      // with a timeout in the JVM), the SDK's one retry scheduler and its one deadline watchdog
      // are daemon threads shared process-wide; they idle out or live on by design
      boolean shared =
          t.isDaemon()
              && (t.getName().startsWith("OkHttp")
                  || t.getName().equals("Okio Watchdog")
                  || t.getName().equals("migrationkit-sms-retry")
                  || t.getName().equals("migrationkit-sms-deadlines"));
      if (!shared) {
        t.join(5000);
        if (t.isAlive()) {
          left.add(t);
        }
      }
    }
    assertThat(left)
        .as(
            "threads left: %s",
            left.stream().map(Thread::getName).collect(Collectors.joining(", ")))
        .isEmpty();
  }

  private void checkNoConnectionHeld() throws InterruptedException {
    // a response that was never closed would keep its connection out of the idle set; an async
    // call's future completes inside OkHttp's callback, a moment before OkHttp releases the call
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    while ((pool.connectionCount() != pool.idleConnectionCount()
            || http.dispatcher().runningCallsCount() != 0)
        && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(pool.connectionCount()).isEqualTo(pool.idleConnectionCount());
    pool.evictAll();
    assertThat(pool.connectionCount()).isZero();
    assertThat(http.dispatcher().runningCallsCount()).isZero();
    assertThat(http.dispatcher().queuedCallsCount()).isZero();
  }

  @Test
  void showTask_200CallersOn16ThreadsWith30PercentFailures_endTypedWithinPolicyAndLeaveNothing()
      throws Exception {
    RetryBudget budget = RetryBudget.create(BUDGET);
    ExecutorService callers = Executors.newFixedThreadPool(CALLER_THREADS, named("load-caller"));
    List<Object> outcomes = new ArrayList<>();
    try (SmsClient sms = client(budget)) {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Object>> calls = new ArrayList<>();
      for (int i = 0; i < CALLS; i++) {
        calls.add(
            callers.submit(
                () -> {
                  go.await();
                  try {
                    return sms.showTask(TASK_ID);
                  } catch (Throwable t) {
                    return t;
                  }
                }));
      }
      go.countDown();
      for (Future<Object> call : calls) {
        outcomes.add(call.get(60, TimeUnit.SECONDS));
      }
      assertThat(calls).allMatch(Future::isDone);
    } finally {
      callers.shutdown();
      assertThat(callers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    int successes = checkOutcomes(outcomes);
    assertThat(successes).isGreaterThan(0).isLessThan(CALLS);
    checkRequestCounts(successes);
    checkNoConnectionHeld();
    stopEverything();
    checkNoThreadLeft();
  }

  @Test
  void showTaskAsync_200CallsWith30PercentFailures_endTypedWithinPolicyAndLeaveNothing()
      throws Exception {
    RetryBudget budget = RetryBudget.create(BUDGET);
    List<Object> outcomes = new ArrayList<>();
    try (SmsClient sms = client(budget)) {
      List<CompletableFuture<ShowTaskResponse>> calls = new ArrayList<>();
      for (int i = 0; i < CALLS; i++) {
        calls.add(sms.showTaskAsync(TASK_ID));
      }
      for (CompletableFuture<ShowTaskResponse> call : calls) {
        try {
          outcomes.add(call.get(60, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
          outcomes.add(e.getCause());
        }
      }
      assertThat(calls).allMatch(CompletableFuture::isDone);
    }

    int successes = checkOutcomes(outcomes);
    assertThat(successes).isGreaterThan(0).isLessThan(CALLS);
    checkRequestCounts(successes);
    checkNoConnectionHeld();
    stopEverything();
    checkNoThreadLeft();
  }
}
