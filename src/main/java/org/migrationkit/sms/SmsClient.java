package org.migrationkit.sms;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.internal.Operations;
import org.migrationkit.sms.internal.SdkInfo;
import org.migrationkit.sms.internal.SharedHttpClient;
import org.migrationkit.sms.internal.Transport;
import org.migrationkit.sms.internal.TransportSettings;
import org.migrationkit.sms.model.ShowTaskRequest;
import org.migrationkit.sms.model.ShowTaskResponse;

/**
 * A client of Huawei Cloud Server Migration Service (SMS).
 *
 * <pre>{@code
 * try (SmsClient sms = SmsClient.builder()
 *         .region(SmsRegion.AP_SOUTHEAST_1)
 *         .credentials(Credentials.akSk(ak, sk).withDomainId(domainId))
 *         .build()) {
 *   ShowTaskResponse task = sms.showTask("ef3b9722-07a0-40ae-89b0-889ee96dfc56");
 *   OsType os = task.getSourceServer().getOsType();
 * }
 * }</pre>
 *
 * <p>Thread-safe: build one and share it. Every call signs afresh and either returns the typed
 * answer or throws one {@link SmsException}: {@link SmsServiceException} for an error answer (any
 * status but 2xx), {@link SmsClientException} when no usable answer arrived. Clients built without
 * {@link Builder#httpClient(OkHttpClient)} share one connection pool and dispatcher.
 */
public final class SmsClient implements AutoCloseable {
  private final Transport transport;
  private final String endpoint;

  private SmsClient(Transport transport, String endpoint) {
    this.transport = transport;
    this.endpoint = endpoint;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Queries a migration task ({@code GET /v3/tasks/{task_id}}).
   *
   * @throws IllegalArgumentException when the id is null, blank, over 255 characters or a dot
   *     segment; nothing is sent then
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public ShowTaskResponse showTask(String taskId) {
    return showTask(ShowTaskRequest.builder().taskId(taskId).build());
  }

  /** Queries a migration task; see {@link #showTask(String)}. */
  public ShowTaskResponse showTask(ShowTaskRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.SHOW_TASK, request);
  }

  /**
   * Queries a migration task without blocking: the future completes with the task or with the same
   * {@link SmsException} the blocking call would throw (as the cause of the {@code
   * ExecutionException}/{@code CompletionException}, never wrapped twice).
   *
   * <p>No thread waits for the answer: the request runs on OkHttp's dispatcher, retries are
   * scheduled, and the body is parsed when it arrives. The future completes on an OkHttp dispatcher
   * thread unless {@link Builder#completionExecutor} is set; do not block in stages that run there.
   * Cancelling the future cancels the HTTP call and any scheduled retry.
   *
   * @throws IllegalArgumentException at once, when the task id is invalid
   */
  public CompletableFuture<ShowTaskResponse> showTaskAsync(String taskId) {
    return showTaskAsync(ShowTaskRequest.builder().taskId(taskId).build());
  }

  /** Queries a migration task without blocking; see {@link #showTaskAsync(String)}. */
  public CompletableFuture<ShowTaskResponse> showTaskAsync(ShowTaskRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.SHOW_TASK, request);
  }

  /**
   * Polls a task until it reaches a terminal state and returns its last response.
   *
   * <pre>{@code
   * ShowTaskResponse done = sms.waitForTask(taskId, WaitOptions.builder()
   *     .progressListener(p -> System.out.printf("%3d%% %s%n", p.overallPercent(), p.currentSubTask()))
   *     .build());
   * }</pre>
   *
   * <p>Retryable poll failures (after this client's own retries) are absorbed and reported to the
   * progress listener; any other failure, a 404 included, ends the wait with that exception.
   *
   * @throws TaskFailedException when the task reaches a failure state ({@code MIGRATE_FAIL}, {@code ABORT})
   * @throws WaitTimeoutException when {@link WaitOptions#maxWait()} passes first
   * @throws SmsException when a poll fails with a non-retryable error
   * @throws SmsClientException when the waiting thread is interrupted (its flag is set again)
   */
  public ShowTaskResponse waitForTask(String taskId, WaitOptions options) {
    CompletableFuture<ShowTaskResponse> wait = waitForTaskAsync(taskId, options);
    try {
      return wait.get();
    } catch (InterruptedException e) {
      wait.cancel(true);
      Thread.currentThread().interrupt();
      throw new SmsClientException("waiting for task " + taskId + " was interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new SmsClientException("waiting for task " + taskId + " failed: " + cause, cause);
    }
  }

  /**
   * Polls a task until it ends, without blocking a thread; see {@link #waitForTask}. Cancelling the
   * future stops the polling.
   */
  public CompletableFuture<ShowTaskResponse> waitForTaskAsync(String taskId, WaitOptions options) {
    ShowTaskRequest.builder().taskId(taskId).build(); // fail fast on a bad id
    Objects.requireNonNull(options, "options");
    return new TaskWaiter(this::showTaskAsync, taskId, options).start();
  }

  /**
   * Cancels the calls in flight (they end with an {@link SmsClientException}) and refuses new ones.
   * The shared connection pool, and a caller's own {@link OkHttpClient}, stay open. Idempotent.
   */
  @Override
  public void close() {
    transport.close();
  }

  @Override
  public String toString() {
    return "SmsClient{endpoint=" + endpoint + "}";
  }

  /**
   * Configures an {@link SmsClient}. Options are checked as they are set, so a bad value fails at
   * once with a message naming it; {@link #build()} checks that the required ones are there. Not
   * thread-safe.
   */
  public static final class Builder {
    /** The connect timeout when none is set. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The read timeout when none is set. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    /** The write timeout when none is set. */
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);
    /** The whole-call timeout when none is set. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
    /** The largest answer body read when no limit is set: 16 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

    private @Nullable SmsRegion region;
    private @Nullable HttpUrl endpoint;
    private @Nullable Credentials credentials;
    private @Nullable OkHttpClient httpClient;
    private @Nullable Duration connectTimeout;
    private @Nullable Duration readTimeout;
    private @Nullable Duration writeTimeout;
    private @Nullable Duration callTimeout;
    private Clock clock = Clock.systemUTC();
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private SmsEventListener eventListener = SmsEventListener.NONE;
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private @Nullable Executor completionExecutor;
    private @Nullable String userAgentSuffix;

    private Builder() {}

    /** Sends requests to the SMS endpoint of {@code region}. Conflicts with {@link #endpoint}. */
    public Builder region(SmsRegion region) {
      Objects.requireNonNull(region, "region");
      if (endpoint != null) {
        throw new IllegalStateException(
            "region(" + region.id() + ") conflicts with endpoint(" + endpoint + "): set one of them");
      }
      this.region = region;
      return this;
    }

    /** Sends requests to the region with this id; see {@link SmsRegion#of(String)}. */
    public Builder region(String regionId) {
      return region(SmsRegion.of(regionId));
    }

    /**
     * Sends requests to this base URL, such as {@code https://sms.example.com} or {@code
     * http://127.0.0.1:8080} (a path prefix is kept). Conflicts with {@link #region}.
     *
     * @throws IllegalArgumentException when the URL is not an absolute http or https URL without
     *     query or fragment
     */
    public Builder endpoint(String endpoint) {
      Objects.requireNonNull(endpoint, "endpoint");
      HttpUrl url = HttpUrl.parse(endpoint.trim());
      if (url == null || url.host().isEmpty()) {
        throw new IllegalArgumentException(
            "endpoint '" + endpoint + "' is not an absolute http:// or https:// URL");
      }
      if (url.encodedQuery() != null || url.encodedFragment() != null) {
        throw new IllegalArgumentException(
            "endpoint '" + endpoint + "' must not have a query or fragment");
      }
      if (region != null) {
        throw new IllegalStateException(
            "endpoint(" + endpoint + ") conflicts with region(" + region.id() + "): set one of them");
      }
      this.endpoint = url;
      return this;
    }

    /** Sets how requests authenticate: {@link Credentials#akSk} or {@link Credentials#token}. */
    public Builder credentials(Credentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /** Sets the TCP (and TLS) connect timeout; default 10 s. Must be positive. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /** Sets the longest silence while reading an answer; default 30 s. Must be positive. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "readTimeout");
      return this;
    }

    /** Sets the longest silence while sending a request; default 30 s. Must be positive. */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = positive(timeout, "writeTimeout");
      return this;
    }

    /** Sets the limit on a whole call, from sending to the parsed answer; default 60 s. Must be positive. */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = positive(timeout, "callTimeout");
      return this;
    }

    /**
     * Uses the caller's OkHttp client (its pool, dispatcher, proxy, TLS and interceptors). The SDK
     * derives its own settings from it with {@code newBuilder()}: redirects are never followed, and
     * timeouts set on this builder win. The caller keeps ownership: {@link SmsClient#close()} does not
     * shut it down.
     */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /** Sets when failed calls are retried; default {@link RetryPolicy#defaults()}, {@link RetryPolicy#none()} turns retries off. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /** Registers a listener of call, attempt and retry events, for metrics and tracing. */
    public Builder eventListener(SmsEventListener eventListener) {
      this.eventListener = Objects.requireNonNull(eventListener, "eventListener");
      return this;
    }

    /**
     * Sets the largest answer body read; a larger one fails with an {@link SmsClientException} once
     * the limit is crossed, without being held in memory. Default 16 MiB.
     */
    public Builder maxResponseBytes(long maxResponseBytes) {
      if (maxResponseBytes < 1) {
        throw new IllegalArgumentException("maxResponseBytes must be positive, was " + maxResponseBytes);
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /**
     * Completes asynchronous calls' futures on this executor instead of OkHttp's dispatcher thread,
     * so dependent stages may block.
     */
    public Builder completionExecutor(Executor executor) {
      this.completionExecutor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** Appends {@code suffix} (such as {@code my-tool/1.2}) to the SDK's {@code User-Agent}. */
    public Builder userAgentSuffix(String suffix) {
      if (suffix == null || suffix.isBlank() || suffix.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
        throw new IllegalArgumentException("userAgentSuffix must be printable ASCII, was '" + suffix + "'");
      }
      this.userAgentSuffix = suffix.strip();
      return this;
    }

    Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Returns the client.
     *
     * @throws IllegalStateException when neither region nor endpoint, or no credentials, are set
     */
    public SmsClient build() {
      if (region == null && endpoint == null) {
        throw new IllegalStateException(
            "no endpoint: set region(SmsRegion) or endpoint(\"https://...\")");
      }
      if (credentials == null) {
        throw new IllegalStateException(
            "no credentials: set credentials(Credentials.akSk(ak, sk)) or"
                + " credentials(Credentials.token(xAuthToken))");
      }
      HttpUrl url = endpoint != null ? endpoint : HttpUrl.get(region.endpoint());
      OkHttpClient.Builder http =
          (httpClient != null ? httpClient : SharedHttpClient.get())
              .newBuilder()
              .followRedirects(false)
              .followSslRedirects(false);
      boolean own = httpClient == null;
      applyTimeout(http, connectTimeout, own ? DEFAULT_CONNECT_TIMEOUT : null, Kind.CONNECT);
      applyTimeout(http, readTimeout, own ? DEFAULT_READ_TIMEOUT : null, Kind.READ);
      applyTimeout(http, writeTimeout, own ? DEFAULT_WRITE_TIMEOUT : null, Kind.WRITE);
      // the whole-call timeout spans every attempt and wait, so the transport sets it per call
      Credentials fixed = credentials;
      TransportSettings settings = new TransportSettings(http.build(), List.of(url), () -> fixed);
      settings.clock = clock;
      settings.userAgent =
          userAgentSuffix == null ? SdkInfo.USER_AGENT : SdkInfo.USER_AGENT + " " + userAgentSuffix;
      settings.retryPolicy = retryPolicy;
      settings.listener = eventListener;
      settings.maxResponseBytes = maxResponseBytes;
      settings.callTimeout = callTimeout != null ? callTimeout : DEFAULT_CALL_TIMEOUT;
      settings.completionExecutor = completionExecutor;
      return new SmsClient(new Transport(settings), url.toString());
    }

    private enum Kind {
      CONNECT,
      READ,
      WRITE
    }

    private static void applyTimeout(
        OkHttpClient.Builder http, @Nullable Duration set, @Nullable Duration fallback, Kind kind) {
      Duration d = set != null ? set : fallback;
      if (d == null) {
        return;
      }
      long millis = d.toMillis();
      switch (kind) {
        case CONNECT:
          http.connectTimeout(millis, TimeUnit.MILLISECONDS);
          break;
        case READ:
          http.readTimeout(millis, TimeUnit.MILLISECONDS);
          break;
        case WRITE:
          http.writeTimeout(millis, TimeUnit.MILLISECONDS);
          break;
      }
    }

    private static Duration positive(@Nullable Duration timeout, String name) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + timeout);
      }
      if (timeout.toMillis() == 0) {
        throw new IllegalArgumentException(name + " must be at least 1 ms, was " + timeout);
      }
      return timeout;
    }
  }
}
