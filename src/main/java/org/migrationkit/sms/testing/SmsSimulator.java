package org.migrationkit.sms.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.auth.SignatureVerifier;
import org.migrationkit.sms.internal.PercentEncoding;
import org.migrationkit.sms.model.ShowTaskResponse;

/**
 * An in-process SMS service for tests: real HTTP on a free loopback port, every request's AK/SK
 * signature (or token) verified as the API gateway does, tasks answered from memory.
 *
 * <pre>{@code
 * Credentials credentials = Credentials.akSk("test-ak", "test-sk").withDomainId("test-domain");
 * try (SmsSimulator simulator = SmsSimulator.start(credentials);
 *     SmsClient sms = SmsClient.builder()
 *         .endpoint(simulator.endpoint())
 *         .credentials(credentials)
 *         .build()) {
 *   ShowTaskResponse task = sms.showTask(SmsSimulator.EXAMPLE_TASK_ID);
 * }
 * }</pre>
 *
 * <p>It starts holding the API page's example task under {@link #EXAMPLE_TASK_ID} and under the
 * example body's own id. Unknown tasks get a 404 and bad signatures a 401, both in the service's
 * error shape, with an {@code X-Request-Id}. Thread-safe; works from JUnit, TestNG or a plain
 * {@code main}. Built on the JDK's {@code com.sun.net.httpserver}: no extra dependency.
 */
public final class SmsSimulator implements AutoCloseable {
  /** The task id of the API page's example request. */
  public static final String EXAMPLE_TASK_ID = "ef3b9722-07a0-40ae-89b0-889ee96dfc56";

  private static final String TASKS_PREFIX = "/v3/tasks/";

  private final HttpServer server;
  private final ExecutorService executor;
  private final SignatureVerifier verifier;
  private final Map<String, ShowTaskResponse> tasks = new ConcurrentHashMap<>();
  private final AtomicLong requestCounter = new AtomicLong();

  private SmsSimulator(HttpServer server, ExecutorService executor, SignatureVerifier verifier) {
    this.server = server;
    this.executor = executor;
    this.verifier = verifier;
  }

  /**
   * Starts a simulator on a free loopback port that accepts requests signed with (or carrying) the
   * given credentials.
   */
  public static SmsSimulator start(Credentials accepted) {
    Objects.requireNonNull(accepted, "accepted");
    return start(List.of(accepted), Clock.systemUTC());
  }

  /** Starts a simulator accepting any of the given credentials, judging signature age by {@code clock}. */
  public static SmsSimulator start(List<Credentials> accepted, Clock clock) {
    ExecutorService executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "sms-simulator");
              t.setDaemon(true);
              return t;
            });
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
      SmsSimulator simulator =
          new SmsSimulator(server, executor, SignatureVerifier.create(accepted, clock));
      ShowTaskResponse example = exampleTask();
      simulator.putTask(EXAMPLE_TASK_ID, example);
      if (example.getId() != null) {
        simulator.putTask(example.getId(), example);
      }
      server.createContext("/", simulator::handle);
      server.setExecutor(executor);
      server.start();
      return simulator;
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException("cannot start the SMS simulator on loopback", e);
    }
  }

  /** Returns the API page's example task (the body of its 200 example). */
  public static ShowTaskResponse exampleTask() {
    try (InputStream in = SmsSimulator.class.getResourceAsStream("show-task-200.json")) {
      if (in == null) {
        throw new IllegalStateException("show-task-200.json is missing from the SDK jar");
      }
      return ShowTaskResponse.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the base URL to give {@code SmsClient.Builder.endpoint}, such as {@code http://127.0.0.1:41234}. */
  public String endpoint() {
    InetSocketAddress address = server.getAddress();
    return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort();
  }

  /** Stores (or replaces) the task answered for {@code GET /v3/tasks/{taskId}}. */
  public SmsSimulator putTask(String taskId, ShowTaskResponse task) {
    tasks.put(Objects.requireNonNull(taskId, "taskId"), Objects.requireNonNull(task, "task"));
    return this;
  }

  /** Removes a task; later queries of it get a 404. */
  public SmsSimulator removeTask(String taskId) {
    tasks.remove(taskId);
    return this;
  }

  /** Returns how many requests arrived, authenticated or not. */
  public long requestCount() {
    return requestCounter.get();
  }

  /** Stops the server at once and releases its threads. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      long number = requestCounter.incrementAndGet();
      String requestId = "sim-" + Long.toHexString(System.nanoTime()) + "-" + number;
      byte[] body = exchange.getRequestBody().readAllBytes();
      String rawPath = exchange.getRequestURI().getRawPath();
      SignatureVerifier.Result verdict =
          verifier.verify(
              exchange.getRequestMethod(),
              rawPath,
              exchange.getRequestURI().getRawQuery(),
              name -> exchange.getRequestHeaders().getFirst(name),
              body);
      if (!verdict.isValid()) {
        reply(exchange, 401, requestId, error("APIGW.0301",
            "Incorrect IAM authentication information: " + verdict.reason(), requestId));
        return;
      }
      String taskId = taskId(exchange.getRequestMethod(), rawPath);
      if (taskId == null) {
        reply(exchange, 404, requestId, error("APIGW.0101",
            "The API does not exist or has not been published in the environment", requestId));
        return;
      }
      ShowTaskResponse task = tasks.get(taskId);
      if (task == null) {
        reply(exchange, 404, requestId, error("SMS.1204",
            "The task does not exist: " + taskId, requestId));
        return;
      }
      reply(exchange, 200, requestId, task.toJson());
    }
  }

  private static @Nullable String taskId(String method, String rawPath) {
    if (!"GET".equals(method) || !rawPath.startsWith(TASKS_PREFIX)) {
      return null;
    }
    String segment = rawPath.substring(TASKS_PREFIX.length());
    if (segment.isEmpty() || segment.indexOf('/') >= 0) {
      return null;
    }
    return PercentEncoding.decode(segment);
  }

  private static String error(String code, String message, String requestId) {
    return "{\"error_code\":\"" + escape(code) + "\",\"error_msg\":\"" + escape(message)
        + "\",\"request_id\":\"" + escape(requestId) + "\"}";
  }

  private static String escape(String text) {
    StringBuilder s = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        s.append('\\').append(c);
      } else if (c < 0x20) {
        s.append(String.format("\\u%04x", (int) c));
      } else {
        s.append(c);
      }
    }
    return s.toString();
  }

  private static void reply(HttpExchange exchange, int status, String requestId, String json)
      throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
    exchange.getResponseHeaders().set("X-Request-Id", requestId);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public String toString() {
    return "SmsSimulator{endpoint=" + endpoint() + ", tasks=" + tasks.size() + "}";
  }
}
