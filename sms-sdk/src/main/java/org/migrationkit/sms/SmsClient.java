package org.migrationkit.sms;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.auth.CredentialsProvider;
import org.migrationkit.sms.auth.DefaultCredentialsProvider;
import org.migrationkit.sms.internal.ConnectionSetupWatch;
import org.migrationkit.sms.internal.CredentialsSource;
import org.migrationkit.sms.internal.DomainIdDiscovery;
import org.migrationkit.sms.internal.Durations;
import org.migrationkit.sms.internal.HttpClientOptions;
import org.migrationkit.sms.internal.Messages;
import org.migrationkit.sms.internal.Operations;
import org.migrationkit.sms.internal.ProviderCredentials;
import org.migrationkit.sms.internal.RetryAfterShield;
import org.migrationkit.sms.internal.SdkInfo;
import org.migrationkit.sms.internal.SharedHttpClient;
import org.migrationkit.sms.internal.Transport;
import org.migrationkit.sms.internal.TransportSettings;
import org.migrationkit.sms.model.*;
import org.migrationkit.sms.model.ShowServerRequest;
import org.migrationkit.sms.model.ShowServerResponse;

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
 * <p>Every operation of SMS v3 is a pair of methods, {@code xxx(XxxRequest)} and {@code
 * xxxAsync(XxxRequest)}, named as in Huawei Cloud's own SDK ({@code listTasks}, {@code createTask},
 * {@code updateTaskStatus}, ...); they are generated from {@code src/codegen/sms-v3.json} into the
 * marked region of this class. An idempotent operation ({@code GET}, {@code PUT}, {@code DELETE})
 * is retried as the {@link RetryPolicy} allows; a {@code POST} is repeated only when the request
 * provably never reached the service.
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

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Queries a migration task ({@code GET /v3/tasks/{task_id}}).
   *
   * @param taskId the migration task id
   * @return the task
   * @throws IllegalArgumentException when the id is null, blank, over 255 characters or a dot
   *     segment; nothing is sent then
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public ShowTaskResponse showTask(String taskId) {
    return showTask(ShowTaskRequest.builder().taskId(taskId).build());
  }

  /**
   * Queries a migration task; see {@link #showTask(String)}.
   *
   * @param request the request
   * @return the task
   */
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
   * @param taskId the migration task id
   * @return a future of the task
   * @throws IllegalArgumentException at once, when the task id is invalid
   */
  public CompletableFuture<ShowTaskResponse> showTaskAsync(String taskId) {
    return showTaskAsync(ShowTaskRequest.builder().taskId(taskId).build());
  }

  /**
   * Queries a migration task without blocking; see {@link #showTaskAsync(String)}.
   *
   * @param request the request
   * @return a future of the task
   */
  public CompletableFuture<ShowTaskResponse> showTaskAsync(ShowTaskRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.SHOW_TASK, request);
  }

  /**
   * Queries a migration task, the request filled in by a lambda such as {@code sms.showTask(b ->
   * b.taskId(taskId))}; see {@link #showTask(String)}.
   *
   * @param request fills in a new {@link ShowTaskRequest.Builder}; the request is built and checked
   *     before anything is sent
   * @return the task
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the task id is missing or invalid
   */
  public ShowTaskResponse showTask(Consumer<ShowTaskRequest.Builder> request) {
    return showTask(build(request, ShowTaskRequest.builder(), ShowTaskRequest.Builder::build));
  }

  /**
   * Queries a migration task without blocking, the request filled in by a lambda; see {@link
   * #showTaskAsync(String)}.
   *
   * @param request fills in a new {@link ShowTaskRequest.Builder}; the request is built and checked
   *     before anything is sent
   * @return a future of the task
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the task id is missing or invalid, at once
   */
  public CompletableFuture<ShowTaskResponse> showTaskAsync(
      Consumer<ShowTaskRequest.Builder> request) {
    return showTaskAsync(build(request, ShowTaskRequest.builder(), ShowTaskRequest.Builder::build));
  }

  /** Fills in {@code builder} with {@code request} and builds it; a null consumer fails first. */
  private static <B, Q> Q build(Consumer<B> request, B builder, Function<B, Q> build) {
    Objects.requireNonNull(request, "request");
    request.accept(builder);
    return build.apply(builder);
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
   * @param taskId the migration task id
   * @param options how to poll and when to stop
   * @return the task as last polled, once the success condition held
   * @throws TaskFailedException when the task reaches a failure state ({@code MIGRATE_FAIL}, {@code
   *     ABORT})
   * @throws WaitTimeoutException when {@link WaitOptions#maxWait()} passes first
   * @throws SmsException when a poll fails with a non-retryable error
   * @throws SmsClientException when the waiting thread is interrupted (its flag is set again)
   */
  public ShowTaskResponse waitForTask(String taskId, WaitOptions options) {
    return awaitWait(waitForTaskAsync(taskId, options), "task", taskId);
  }

  /** Blocks for a wait; unwraps its failure, as thrown, and turns an interrupt into a failure. */
  private static <T> T awaitWait(CompletableFuture<T> wait, String what, String id) {
    try {
      return wait.get();
    } catch (InterruptedException e) {
      wait.cancel(true);
      Thread.currentThread().interrupt();
      throw new SmsClientException(
          "waiting for " + what + " " + Messages.quote(id) + " was interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause; // a predicate's or listener's own Error, as it was thrown
      }
      throw new SmsClientException(
          "waiting for " + what + " " + Messages.quote(id) + " failed: " + cause, cause);
    }
  }

  /**
   * Polls a task until it ends, without blocking a thread; see {@link #waitForTask}. Cancelling the
   * future stops the polling.
   *
   * @param taskId the migration task id
   * @param options how to poll and when to stop
   * @return a future of the task as last polled, once the success condition held
   */
  public CompletableFuture<ShowTaskResponse> waitForTaskAsync(String taskId, WaitOptions options) {
    ShowTaskRequest.builder().taskId(taskId).build(); // fail fast on a bad id
    Objects.requireNonNull(options, "options");
    return new Poller<>(this::showTaskAsync, taskId, options, new TaskGoal(taskId, options))
        .start();
  }

  /**
   * The default condition of {@link #waitForServer(String, WaitOptions)}: the agent is connected.
   */
  private static final Predicate<ShowServerResponse> CONNECTED =
      server -> Boolean.TRUE.equals(server.getConnected());

  /**
   * Polls a source server ({@code ShowServer}) until its agent is connected, and returns its last
   * response; see {@link #waitForServer(String, Predicate, WaitOptions)}.
   *
   * @param sourceServerId the source server id
   * @param options the polling intervals and {@code maxWait}
   * @return the source server as last polled, connected
   * @throws WaitTimeoutException when {@code maxWait} passes first
   */
  public ShowServerResponse waitForServer(String sourceServerId, WaitOptions options) {
    return waitForServer(sourceServerId, CONNECTED, options);
  }

  /**
   * Polls a source server ({@code ShowServer}) until {@code ready} holds, such as {@code s ->
   * Boolean.TRUE.equals(s.getConnected()) && SourceServerState.WAITING.equals(s.getState())}.
   *
   * <pre>{@code
   * ShowServerResponse server = sms.waitForServer(serverId,
   *     s -> Boolean.TRUE.equals(s.getConnected()), WaitOptions.builder().maxWait(Duration.ofMinutes(10)).build());
   * }</pre>
   *
   * <p>The options' intervals, {@code initialDelay} and {@code maxWait} apply as for {@link
   * #waitForTask}; their task predicates do not, and their progress listener is told only of
   * absorbed poll failures ({@code onPollFailed}). Retryable poll failures are absorbed; any other
   * failure ends the wait with it; a {@code ready} that throws ends it with what it threw.
   *
   * @param sourceServerId the source server id
   * @param ready when the wait is over
   * @param options the polling intervals and {@code maxWait}
   * @return the source server as last polled
   * @throws WaitTimeoutException when {@code maxWait} passes first (its message carries the last
   *     state)
   * @throws SmsException when a poll fails with a non-retryable error
   * @throws SmsClientException when the waiting thread is interrupted (its flag is set again)
   */
  public ShowServerResponse waitForServer(
      String sourceServerId, Predicate<ShowServerResponse> ready, WaitOptions options) {
    return awaitWait(
        waitForServerAsync(sourceServerId, ready, options), "source server", sourceServerId);
  }

  /**
   * Polls a source server until {@code ready} holds, without blocking a thread; see {@link
   * #waitForServer(String, Predicate, WaitOptions)}. Cancelling the future stops the polling.
   *
   * @param sourceServerId the source server id
   * @param ready when the wait is over
   * @param options the polling intervals and {@code maxWait}
   * @return the future of the source server as last polled
   */
  public CompletableFuture<ShowServerResponse> waitForServerAsync(
      String sourceServerId, Predicate<ShowServerResponse> ready, WaitOptions options) {
    ShowServerRequest.builder().sourceId(sourceServerId).build(); // fail fast on a bad id
    Objects.requireNonNull(ready, "ready");
    Objects.requireNonNull(options, "options");
    return new Poller<>(
            id -> showServerAsync(ShowServerRequest.builder().sourceId(id).build()),
            sourceServerId,
            options,
            new ServerGoal(sourceServerId, ready))
        .start();
  }

  // ---- paginators: the limit/offset lists, fetched page by page ----

  /**
   * Lists tasks lazily: the returned {@link SmsPaginator} calls {@link #listTasks} for the next
   * page only when iteration reaches it, starting at the request's {@code offset} with its {@code
   * limit}, and stops at the {@code count} the service reports.
   *
   * @param request the first page's request; its {@code offset} advances page by page
   * @return the items, as an {@link Iterable} and a {@link SmsPaginator#stream() stream}
   */
  public SmsPaginator<TasksResponseBody> listTasksPaginator(ListTasksRequest request) {
    Objects.requireNonNull(request, "request");
    return paginate(
        request.getOffset(),
        offset -> listTasks(request.toBuilder().offset(offset).build()),
        ListTasksResponse::getTasks,
        ListTasksResponse::getCount);
  }

  /**
   * Lists tasks lazily, the first page's request filled in by a lambda such as {@code
   * sms.listTasksPaginator(b -> b.limit(100))}; see {@link #listTasksPaginator(ListTasksRequest)}.
   *
   * @param request fills in a new {@link ListTasksRequest.Builder}; its {@code offset} advances
   *     page by page
   * @return the items, as an {@link Iterable} and a {@link SmsPaginator#stream() stream}
   * @throws NullPointerException when {@code request} is null
   */
  public SmsPaginator<TasksResponseBody> listTasksPaginator(
      Consumer<ListTasksRequest.Builder> request) {
    return listTasksPaginator(
        build(request, ListTasksRequest.builder(), ListTasksRequest.Builder::build));
  }

  /**
   * Lists source servers lazily: the returned {@link SmsPaginator} calls {@link #listServers} for
   * the next page only when iteration reaches it, starting at the request's {@code offset} with its
   * {@code limit}, and stops at the {@code count} the service reports.
   *
   * @param request the first page's request; its {@code offset} advances page by page
   * @return the items, as an {@link Iterable} and a {@link SmsPaginator#stream() stream}
   */
  public SmsPaginator<SourceServersResponseBody> listServersPaginator(ListServersRequest request) {
    Objects.requireNonNull(request, "request");
    return paginate(
        request.getOffset(),
        offset -> listServers(request.toBuilder().offset(offset).build()),
        ListServersResponse::getSourceServers,
        ListServersResponse::getCount);
  }

  /**
   * Lists source servers lazily, the first page's request filled in by a lambda such as {@code
   * sms.listServersPaginator(b -> b.limit(100))}; see {@link
   * #listServersPaginator(ListServersRequest)}.
   *
   * @param request fills in a new {@link ListServersRequest.Builder}; its {@code offset} advances
   *     page by page
   * @return the items, as an {@link Iterable} and a {@link SmsPaginator#stream() stream}
   * @throws NullPointerException when {@code request} is null
   */
  public SmsPaginator<SourceServersResponseBody> listServersPaginator(
      Consumer<ListServersRequest.Builder> request) {
    return listServersPaginator(
        build(request, ListServersRequest.builder(), ListServersRequest.Builder::build));
  }

  /**
   * Lists target server templates lazily: the returned {@link SmsPaginator} calls {@link
   * #listTemplates} for the next page only when iteration reaches it, starting at the request's
   * {@code offset} with its {@code limit}, and stops at the {@code count} the service reports.
   *
   * @param request the first page's request; its {@code offset} advances page by page
   * @return the items, as an {@link Iterable} and a {@link SmsPaginator#stream() stream}
   */
  public SmsPaginator<TemplateResponseBody> listTemplatesPaginator(ListTemplatesRequest request) {
    Objects.requireNonNull(request, "request");
    return paginate(
        request.getOffset(),
        offset -> listTemplates(request.toBuilder().offset(offset).build()),
        ListTemplatesResponse::getTemplates,
        ListTemplatesResponse::getCount);
  }

  /**
   * Lists target server templates lazily, the first page's request filled in by a lambda such as
   * {@code sms.listTemplatesPaginator(b -> b.limit(100))}; see {@link
   * #listTemplatesPaginator(ListTemplatesRequest)}.
   *
   * @param request fills in a new {@link ListTemplatesRequest.Builder}; its {@code offset} advances
   *     page by page
   * @return the items, as an {@link Iterable} and a {@link SmsPaginator#stream() stream}
   * @throws NullPointerException when {@code request} is null
   */
  public SmsPaginator<TemplateResponseBody> listTemplatesPaginator(
      Consumer<ListTemplatesRequest.Builder> request) {
    return listTemplatesPaginator(
        build(request, ListTemplatesRequest.builder(), ListTemplatesRequest.Builder::build));
  }

  /**
   * Lists migration projects lazily: the returned {@link SmsPaginator} calls {@link
   * #listMigprojects} for the next page only when iteration reaches it, starting at the request's
   * {@code offset} with its {@code limit}, and stops at the {@code count} the service reports.
   *
   * @param request the first page's request; its {@code offset} advances page by page
   * @return the items, as an {@link Iterable} and a {@link SmsPaginator#stream() stream}
   */
  public SmsPaginator<MigprojectsResponseBody> listMigprojectsPaginator(
      ListMigprojectsRequest request) {
    Objects.requireNonNull(request, "request");
    return paginate(
        request.getOffset(),
        offset -> listMigprojects(request.toBuilder().offset(offset).build()),
        ListMigprojectsResponse::getMigprojects,
        ListMigprojectsResponse::getCount);
  }

  /**
   * Lists migration projects lazily, the first page's request filled in by a lambda such as {@code
   * sms.listMigprojectsPaginator(b -> b.limit(100))}; see {@link
   * #listMigprojectsPaginator(ListMigprojectsRequest)}.
   *
   * @param request fills in a new {@link ListMigprojectsRequest.Builder}; its {@code offset}
   *     advances page by page
   * @return the items, as an {@link Iterable} and a {@link SmsPaginator#stream() stream}
   * @throws NullPointerException when {@code request} is null
   */
  public SmsPaginator<MigprojectsResponseBody> listMigprojectsPaginator(
      Consumer<ListMigprojectsRequest.Builder> request) {
    return listMigprojectsPaginator(
        build(request, ListMigprojectsRequest.builder(), ListMigprojectsRequest.Builder::build));
  }

  /**
   * Lists migration errors lazily: the returned {@link SmsPaginator} calls {@link
   * #listErrorServers} for the next page only when iteration reaches it, starting at the request's
   * {@code offset} with its {@code limit}, and stops at the {@code count} the service reports.
   *
   * @param request the first page's request; its {@code offset} advances page by page
   * @return the items, as an {@link Iterable} and a {@link SmsPaginator#stream() stream}
   */
  public SmsPaginator<MigrationErrors> listErrorServersPaginator(ListErrorServersRequest request) {
    Objects.requireNonNull(request, "request");
    return paginate(
        request.getOffset(),
        offset -> listErrorServers(request.toBuilder().offset(offset).build()),
        ListErrorServersResponse::getMigrationErrors,
        ListErrorServersResponse::getCount);
  }

  /**
   * Lists migration errors lazily, the first page's request filled in by a lambda such as {@code
   * sms.listErrorServersPaginator(b -> b.limit(100))}; see {@link
   * #listErrorServersPaginator(ListErrorServersRequest)}.
   *
   * @param request fills in a new {@link ListErrorServersRequest.Builder}; its {@code offset}
   *     advances page by page
   * @return the items, as an {@link Iterable} and a {@link SmsPaginator#stream() stream}
   * @throws NullPointerException when {@code request} is null
   */
  public SmsPaginator<MigrationErrors> listErrorServersPaginator(
      Consumer<ListErrorServersRequest.Builder> request) {
    return listErrorServersPaginator(
        build(request, ListErrorServersRequest.builder(), ListErrorServersRequest.Builder::build));
  }

  private static <R, T> SmsPaginator<T> paginate(
      @Nullable Integer offset,
      IntFunction<R> page,
      Function<R, List<T>> items,
      Function<R, @Nullable Integer> count) {
    return new SmsPaginator<>(
        offset == null ? 0 : offset,
        start -> {
          R answer = page.apply(start);
          return new SmsPaginator.Page<>(items.apply(answer), count.apply(answer));
        });
  }

  // BEGIN GENERATED OPERATIONS (src/codegen/generate_operations.py writes this region from
  // src/codegen/sms-v3.json; edit the description, not the region)

  /**
   * List migration projects.
   *
   * <p>{@code GET /v3/migprojects}. Idempotent: retried as the client's retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public ListMigprojectsResponse listMigprojects(ListMigprojectsRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.ListMigprojects.OPERATION, request);
  }

  /**
   * List migration projects, without blocking.
   *
   * <p>{@code GET /v3/migprojects}. Idempotent: retried as the client's retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #listMigprojects(ListMigprojectsRequest)} would throw
   */
  public CompletableFuture<ListMigprojectsResponse> listMigprojectsAsync(
      ListMigprojectsRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.ListMigprojects.OPERATION, request);
  }

  /**
   * List migration projects, the request filled in by a lambda such as {@code sms.listMigprojects(b
   * -> b.limit(limit))}; see {@link #listMigprojects(ListMigprojectsRequest)}.
   *
   * @param request fills in a new {@link ListMigprojectsRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public ListMigprojectsResponse listMigprojects(Consumer<ListMigprojectsRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ListMigprojectsRequest.Builder builder = ListMigprojectsRequest.builder();
    request.accept(builder);
    return listMigprojects(builder.build());
  }

  /**
   * List migration projects without blocking, the request filled in by a lambda; see {@link
   * #listMigprojectsAsync(ListMigprojectsRequest)}.
   *
   * @param request fills in a new {@link ListMigprojectsRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<ListMigprojectsResponse> listMigprojectsAsync(
      Consumer<ListMigprojectsRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ListMigprojectsRequest.Builder builder = ListMigprojectsRequest.builder();
    request.accept(builder);
    return listMigprojectsAsync(builder.build());
  }

  /**
   * Create migration project.
   *
   * <p>{@code POST /v3/migprojects}. Not idempotent: repeated only when the request provably never
   * reached the service (see {@link RetryPolicy}).
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public CreateMigprojectResponse createMigproject(CreateMigprojectRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.CreateMigproject.OPERATION, request);
  }

  /**
   * Create migration project, without blocking.
   *
   * <p>{@code POST /v3/migprojects}. Not idempotent: repeated only when the request provably never
   * reached the service (see {@link RetryPolicy}).
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #createMigproject(CreateMigprojectRequest)} would throw
   */
  public CompletableFuture<CreateMigprojectResponse> createMigprojectAsync(
      CreateMigprojectRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.CreateMigproject.OPERATION, request);
  }

  /**
   * Create migration project, the request filled in by a lambda such as {@code
   * sms.createMigproject(b -> b.name(name))}; see {@link
   * #createMigproject(CreateMigprojectRequest)}.
   *
   * @param request fills in a new {@link CreateMigprojectRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public CreateMigprojectResponse createMigproject(
      Consumer<CreateMigprojectRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    CreateMigprojectRequest.Builder builder = CreateMigprojectRequest.builder();
    request.accept(builder);
    return createMigproject(builder.build());
  }

  /**
   * Create migration project without blocking, the request filled in by a lambda; see {@link
   * #createMigprojectAsync(CreateMigprojectRequest)}.
   *
   * @param request fills in a new {@link CreateMigprojectRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<CreateMigprojectResponse> createMigprojectAsync(
      Consumer<CreateMigprojectRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    CreateMigprojectRequest.Builder builder = CreateMigprojectRequest.builder();
    request.accept(builder);
    return createMigprojectAsync(builder.build());
  }

  /**
   * Delete migration project.
   *
   * <p>{@code DELETE /v3/migprojects/{mig_project_id}}. Idempotent: retried as the client's retry
   * policy allows.
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public DeleteMigprojectResponse deleteMigproject(DeleteMigprojectRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.DeleteMigproject.OPERATION, request);
  }

  /**
   * Delete migration project, without blocking.
   *
   * <p>{@code DELETE /v3/migprojects/{mig_project_id}}. Idempotent: retried as the client's retry
   * policy allows.
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #deleteMigproject(DeleteMigprojectRequest)} would throw
   */
  public CompletableFuture<DeleteMigprojectResponse> deleteMigprojectAsync(
      DeleteMigprojectRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.DeleteMigproject.OPERATION, request);
  }

  /**
   * Delete migration project, the request filled in by a lambda such as {@code
   * sms.deleteMigproject(b -> b.migProjectId(migProjectId))}; see {@link
   * #deleteMigproject(DeleteMigprojectRequest)}.
   *
   * @param request fills in a new {@link DeleteMigprojectRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public DeleteMigprojectResponse deleteMigproject(
      Consumer<DeleteMigprojectRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    DeleteMigprojectRequest.Builder builder = DeleteMigprojectRequest.builder();
    request.accept(builder);
    return deleteMigproject(builder.build());
  }

  /**
   * Delete migration project without blocking, the request filled in by a lambda; see {@link
   * #deleteMigprojectAsync(DeleteMigprojectRequest)}.
   *
   * @param request fills in a new {@link DeleteMigprojectRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<DeleteMigprojectResponse> deleteMigprojectAsync(
      Consumer<DeleteMigprojectRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    DeleteMigprojectRequest.Builder builder = DeleteMigprojectRequest.builder();
    request.accept(builder);
    return deleteMigprojectAsync(builder.build());
  }

  /**
   * Get migration project.
   *
   * <p>{@code GET /v3/migprojects/{mig_project_id}}. Idempotent: retried as the client's retry
   * policy allows.
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public ShowMigprojectResponse showMigproject(ShowMigprojectRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.ShowMigproject.OPERATION, request);
  }

  /**
   * Get migration project, without blocking.
   *
   * <p>{@code GET /v3/migprojects/{mig_project_id}}. Idempotent: retried as the client's retry
   * policy allows.
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #showMigproject(ShowMigprojectRequest)} would throw
   */
  public CompletableFuture<ShowMigprojectResponse> showMigprojectAsync(
      ShowMigprojectRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.ShowMigproject.OPERATION, request);
  }

  /**
   * Get migration project, the request filled in by a lambda such as {@code sms.showMigproject(b ->
   * b.migProjectId(migProjectId))}; see {@link #showMigproject(ShowMigprojectRequest)}.
   *
   * @param request fills in a new {@link ShowMigprojectRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public ShowMigprojectResponse showMigproject(Consumer<ShowMigprojectRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ShowMigprojectRequest.Builder builder = ShowMigprojectRequest.builder();
    request.accept(builder);
    return showMigproject(builder.build());
  }

  /**
   * Get migration project without blocking, the request filled in by a lambda; see {@link
   * #showMigprojectAsync(ShowMigprojectRequest)}.
   *
   * @param request fills in a new {@link ShowMigprojectRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<ShowMigprojectResponse> showMigprojectAsync(
      Consumer<ShowMigprojectRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ShowMigprojectRequest.Builder builder = ShowMigprojectRequest.builder();
    request.accept(builder);
    return showMigprojectAsync(builder.build());
  }

  /**
   * Update migration project.
   *
   * <p>{@code PUT /v3/migprojects/{mig_project_id}}. Idempotent: retried as the client's retry
   * policy allows.
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public UpdateMigprojectResponse updateMigproject(UpdateMigprojectRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.UpdateMigproject.OPERATION, request);
  }

  /**
   * Update migration project, without blocking.
   *
   * <p>{@code PUT /v3/migprojects/{mig_project_id}}. Idempotent: retried as the client's retry
   * policy allows.
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #updateMigproject(UpdateMigprojectRequest)} would throw
   */
  public CompletableFuture<UpdateMigprojectResponse> updateMigprojectAsync(
      UpdateMigprojectRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.UpdateMigproject.OPERATION, request);
  }

  /**
   * Update migration project, the request filled in by a lambda such as {@code
   * sms.updateMigproject(b -> b.migProjectId(migProjectId))}; see {@link
   * #updateMigproject(UpdateMigprojectRequest)}.
   *
   * @param request fills in a new {@link UpdateMigprojectRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public UpdateMigprojectResponse updateMigproject(
      Consumer<UpdateMigprojectRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    UpdateMigprojectRequest.Builder builder = UpdateMigprojectRequest.builder();
    request.accept(builder);
    return updateMigproject(builder.build());
  }

  /**
   * Update migration project without blocking, the request filled in by a lambda; see {@link
   * #updateMigprojectAsync(UpdateMigprojectRequest)}.
   *
   * @param request fills in a new {@link UpdateMigprojectRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<UpdateMigprojectResponse> updateMigprojectAsync(
      Consumer<UpdateMigprojectRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    UpdateMigprojectRequest.Builder builder = UpdateMigprojectRequest.builder();
    request.accept(builder);
    return updateMigprojectAsync(builder.build());
  }

  /**
   * Make project the default.
   *
   * <p>{@code PUT /v3/migprojects/{mig_project_id}/default}. Idempotent: retried as the client's
   * retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public UpdateDefaultMigprojectResponse updateDefaultMigproject(
      UpdateDefaultMigprojectRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.UpdateDefaultMigproject.OPERATION, request);
  }

  /**
   * Make project the default, without blocking.
   *
   * <p>{@code PUT /v3/migprojects/{mig_project_id}/default}. Idempotent: retried as the client's
   * retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #updateDefaultMigproject(UpdateDefaultMigprojectRequest)} would throw
   */
  public CompletableFuture<UpdateDefaultMigprojectResponse> updateDefaultMigprojectAsync(
      UpdateDefaultMigprojectRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.UpdateDefaultMigproject.OPERATION, request);
  }

  /**
   * Make project the default, the request filled in by a lambda such as {@code
   * sms.updateDefaultMigproject(b -> b.migProjectId(migProjectId))}; see {@link
   * #updateDefaultMigproject(UpdateDefaultMigprojectRequest)}.
   *
   * @param request fills in a new {@link UpdateDefaultMigprojectRequest.Builder}; the request is
   *     built and checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public UpdateDefaultMigprojectResponse updateDefaultMigproject(
      Consumer<UpdateDefaultMigprojectRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    UpdateDefaultMigprojectRequest.Builder builder = UpdateDefaultMigprojectRequest.builder();
    request.accept(builder);
    return updateDefaultMigproject(builder.build());
  }

  /**
   * Make project the default without blocking, the request filled in by a lambda; see {@link
   * #updateDefaultMigprojectAsync(UpdateDefaultMigprojectRequest)}.
   *
   * @param request fills in a new {@link UpdateDefaultMigprojectRequest.Builder}; the request is
   *     built and checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<UpdateDefaultMigprojectResponse> updateDefaultMigprojectAsync(
      Consumer<UpdateDefaultMigprojectRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    UpdateDefaultMigprojectRequest.Builder builder = UpdateDefaultMigprojectRequest.builder();
    request.accept(builder);
    return updateDefaultMigprojectAsync(builder.build());
  }

  /**
   * List API versions.
   *
   * <p>{@code GET /}. Idempotent: retried as the client's retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public ListApiVersionResponse listApiVersion(ListApiVersionRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.ListApiVersion.OPERATION, request);
  }

  /**
   * List API versions, without blocking.
   *
   * <p>{@code GET /}. Idempotent: retried as the client's retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #listApiVersion(ListApiVersionRequest)} would throw
   */
  public CompletableFuture<ListApiVersionResponse> listApiVersionAsync(
      ListApiVersionRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.ListApiVersion.OPERATION, request);
  }

  /**
   * List API versions, the request filled in by a lambda; see {@link
   * #listApiVersion(ListApiVersionRequest)}.
   *
   * @param request fills in a new {@link ListApiVersionRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public ListApiVersionResponse listApiVersion(Consumer<ListApiVersionRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ListApiVersionRequest.Builder builder = ListApiVersionRequest.builder();
    request.accept(builder);
    return listApiVersion(builder.build());
  }

  /**
   * List API versions without blocking, the request filled in by a lambda; see {@link
   * #listApiVersionAsync(ListApiVersionRequest)}.
   *
   * @param request fills in a new {@link ListApiVersionRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<ListApiVersionResponse> listApiVersionAsync(
      Consumer<ListApiVersionRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ListApiVersionRequest.Builder builder = ListApiVersionRequest.builder();
    request.accept(builder);
    return listApiVersionAsync(builder.build());
  }

  /**
   * Agent configuration and region list.
   *
   * <p>{@code GET /v3/config}. Idempotent: retried as the client's retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public ShowConfigResponse showConfig(ShowConfigRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.ShowConfig.OPERATION, request);
  }

  /**
   * Agent configuration and region list, without blocking.
   *
   * <p>{@code GET /v3/config}. Idempotent: retried as the client's retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #showConfig(ShowConfigRequest)} would throw
   */
  public CompletableFuture<ShowConfigResponse> showConfigAsync(ShowConfigRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.ShowConfig.OPERATION, request);
  }

  /**
   * Agent configuration and region list, the request filled in by a lambda; see {@link
   * #showConfig(ShowConfigRequest)}.
   *
   * @param request fills in a new {@link ShowConfigRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public ShowConfigResponse showConfig(Consumer<ShowConfigRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ShowConfigRequest.Builder builder = ShowConfigRequest.builder();
    request.accept(builder);
    return showConfig(builder.build());
  }

  /**
   * Agent configuration and region list without blocking, the request filled in by a lambda; see
   * {@link #showConfigAsync(ShowConfigRequest)}.
   *
   * @param request fills in a new {@link ShowConfigRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<ShowConfigResponse> showConfigAsync(
      Consumer<ShowConfigRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ShowConfigRequest.Builder builder = ShowConfigRequest.builder();
    request.accept(builder);
    return showConfigAsync(builder.build());
  }

  /**
   * Query privacy-agreement flag.
   *
   * <p>{@code GET /v3/privacy-agreements}. Idempotent: retried as the client's retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public ShowPrivacyAgreementsResponse showPrivacyAgreements(ShowPrivacyAgreementsRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.ShowPrivacyAgreements.OPERATION, request);
  }

  /**
   * Query privacy-agreement flag, without blocking.
   *
   * <p>{@code GET /v3/privacy-agreements}. Idempotent: retried as the client's retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #showPrivacyAgreements(ShowPrivacyAgreementsRequest)} would throw
   */
  public CompletableFuture<ShowPrivacyAgreementsResponse> showPrivacyAgreementsAsync(
      ShowPrivacyAgreementsRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.ShowPrivacyAgreements.OPERATION, request);
  }

  /**
   * Query privacy-agreement flag, the request filled in by a lambda; see {@link
   * #showPrivacyAgreements(ShowPrivacyAgreementsRequest)}.
   *
   * @param request fills in a new {@link ShowPrivacyAgreementsRequest.Builder}; the request is
   *     built and checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public ShowPrivacyAgreementsResponse showPrivacyAgreements(
      Consumer<ShowPrivacyAgreementsRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ShowPrivacyAgreementsRequest.Builder builder = ShowPrivacyAgreementsRequest.builder();
    request.accept(builder);
    return showPrivacyAgreements(builder.build());
  }

  /**
   * Query privacy-agreement flag without blocking, the request filled in by a lambda; see {@link
   * #showPrivacyAgreementsAsync(ShowPrivacyAgreementsRequest)}.
   *
   * @param request fills in a new {@link ShowPrivacyAgreementsRequest.Builder}; the request is
   *     built and checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<ShowPrivacyAgreementsResponse> showPrivacyAgreementsAsync(
      Consumer<ShowPrivacyAgreementsRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ShowPrivacyAgreementsRequest.Builder builder = ShowPrivacyAgreementsRequest.builder();
    request.accept(builder);
    return showPrivacyAgreementsAsync(builder.build());
  }

  /**
   * Accept privacy agreement.
   *
   * <p>{@code POST /v3/privacy-agreements}. Not idempotent: repeated only when the request provably
   * never reached the service (see {@link RetryPolicy}).
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public CreatePrivacyAgreementsResponse createPrivacyAgreements(
      CreatePrivacyAgreementsRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.CreatePrivacyAgreements.OPERATION, request);
  }

  /**
   * Accept privacy agreement, without blocking.
   *
   * <p>{@code POST /v3/privacy-agreements}. Not idempotent: repeated only when the request provably
   * never reached the service (see {@link RetryPolicy}).
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #createPrivacyAgreements(CreatePrivacyAgreementsRequest)} would throw
   */
  public CompletableFuture<CreatePrivacyAgreementsResponse> createPrivacyAgreementsAsync(
      CreatePrivacyAgreementsRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.CreatePrivacyAgreements.OPERATION, request);
  }

  /**
   * Accept privacy agreement, the request filled in by a lambda; see {@link
   * #createPrivacyAgreements(CreatePrivacyAgreementsRequest)}.
   *
   * @param request fills in a new {@link CreatePrivacyAgreementsRequest.Builder}; the request is
   *     built and checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public CreatePrivacyAgreementsResponse createPrivacyAgreements(
      Consumer<CreatePrivacyAgreementsRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    CreatePrivacyAgreementsRequest.Builder builder = CreatePrivacyAgreementsRequest.builder();
    request.accept(builder);
    return createPrivacyAgreements(builder.build());
  }

  /**
   * Accept privacy agreement without blocking, the request filled in by a lambda; see {@link
   * #createPrivacyAgreementsAsync(CreatePrivacyAgreementsRequest)}.
   *
   * @param request fills in a new {@link CreatePrivacyAgreementsRequest.Builder}; the request is
   *     built and checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<CreatePrivacyAgreementsResponse> createPrivacyAgreementsAsync(
      Consumer<CreatePrivacyAgreementsRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    CreatePrivacyAgreementsRequest.Builder builder = CreatePrivacyAgreementsRequest.builder();
    request.accept(builder);
    return createPrivacyAgreementsAsync(builder.build());
  }

  /**
   * Hash value for a key.
   *
   * <p>{@code GET /v3/sha256/{key}}. Idempotent: retried as the client's retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public ShowSha256Response showSha256(ShowSha256Request request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.ShowSha256.OPERATION, request);
  }

  /**
   * Hash value for a key, without blocking.
   *
   * <p>{@code GET /v3/sha256/{key}}. Idempotent: retried as the client's retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #showSha256(ShowSha256Request)} would throw
   */
  public CompletableFuture<ShowSha256Response> showSha256Async(ShowSha256Request request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.ShowSha256.OPERATION, request);
  }

  /**
   * Hash value for a key, the request filled in by a lambda such as {@code sms.showSha256(b ->
   * b.key(key))}; see {@link #showSha256(ShowSha256Request)}.
   *
   * @param request fills in a new {@link ShowSha256Request.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public ShowSha256Response showSha256(Consumer<ShowSha256Request.Builder> request) {
    Objects.requireNonNull(request, "request");
    ShowSha256Request.Builder builder = ShowSha256Request.builder();
    request.accept(builder);
    return showSha256(builder.build());
  }

  /**
   * Hash value for a key without blocking, the request filled in by a lambda; see {@link
   * #showSha256Async(ShowSha256Request)}.
   *
   * @param request fills in a new {@link ShowSha256Request.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<ShowSha256Response> showSha256Async(
      Consumer<ShowSha256Request.Builder> request) {
    Objects.requireNonNull(request, "request");
    ShowSha256Request.Builder builder = ShowSha256Request.builder();
    request.accept(builder);
    return showSha256Async(builder.build());
  }

  /**
   * Show one API version.
   *
   * <p>{@code GET /{version}}. Idempotent: retried as the client's retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public ShowApiVersionResponse showApiVersion(ShowApiVersionRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.ShowApiVersion.OPERATION, request);
  }

  /**
   * Show one API version, without blocking.
   *
   * <p>{@code GET /{version}}. Idempotent: retried as the client's retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #showApiVersion(ShowApiVersionRequest)} would throw
   */
  public CompletableFuture<ShowApiVersionResponse> showApiVersionAsync(
      ShowApiVersionRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.ShowApiVersion.OPERATION, request);
  }

  /**
   * Show one API version, the request filled in by a lambda such as {@code sms.showApiVersion(b ->
   * b.version(version))}; see {@link #showApiVersion(ShowApiVersionRequest)}.
   *
   * @param request fills in a new {@link ShowApiVersionRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public ShowApiVersionResponse showApiVersion(Consumer<ShowApiVersionRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ShowApiVersionRequest.Builder builder = ShowApiVersionRequest.builder();
    request.accept(builder);
    return showApiVersion(builder.build());
  }

  /**
   * Show one API version without blocking, the request filled in by a lambda; see {@link
   * #showApiVersionAsync(ShowApiVersionRequest)}.
   *
   * @param request fills in a new {@link ShowApiVersionRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<ShowApiVersionResponse> showApiVersionAsync(
      Consumer<ShowApiVersionRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ShowApiVersionRequest.Builder builder = ShowApiVersionRequest.builder();
    request.accept(builder);
    return showApiVersionAsync(builder.build());
  }

  /**
   * List source servers with migration errors.
   *
   * <p>{@code GET /v3/errors}. Idempotent: retried as the client's retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public ListErrorServersResponse listErrorServers(ListErrorServersRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.ListErrorServers.OPERATION, request);
  }

  /**
   * List source servers with migration errors, without blocking.
   *
   * <p>{@code GET /v3/errors}. Idempotent: retried as the client's retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #listErrorServers(ListErrorServersRequest)} would throw
   */
  public CompletableFuture<ListErrorServersResponse> listErrorServersAsync(
      ListErrorServersRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.ListErrorServers.OPERATION, request);
  }

  /**
   * List source servers with migration errors, the request filled in by a lambda such as {@code
   * sms.listErrorServers(b -> b.offset(offset))}; see {@link
   * #listErrorServers(ListErrorServersRequest)}.
   *
   * @param request fills in a new {@link ListErrorServersRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public ListErrorServersResponse listErrorServers(
      Consumer<ListErrorServersRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ListErrorServersRequest.Builder builder = ListErrorServersRequest.builder();
    request.accept(builder);
    return listErrorServers(builder.build());
  }

  /**
   * List source servers with migration errors without blocking, the request filled in by a lambda;
   * see {@link #listErrorServersAsync(ListErrorServersRequest)}.
   *
   * @param request fills in a new {@link ListErrorServersRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<ListErrorServersResponse> listErrorServersAsync(
      Consumer<ListErrorServersRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ListErrorServersRequest.Builder builder = ListErrorServersRequest.builder();
    request.accept(builder);
    return listErrorServersAsync(builder.build());
  }

  /**
   * List registered source servers.
   *
   * <p>{@code GET /v3/sources}. Idempotent: retried as the client's retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public ListServersResponse listServers(ListServersRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.ListServers.OPERATION, request);
  }

  /**
   * List registered source servers, without blocking.
   *
   * <p>{@code GET /v3/sources}. Idempotent: retried as the client's retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #listServers(ListServersRequest)} would throw
   */
  public CompletableFuture<ListServersResponse> listServersAsync(ListServersRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.ListServers.OPERATION, request);
  }

  /**
   * List registered source servers, the request filled in by a lambda such as {@code
   * sms.listServers(b -> b.state(state))}; see {@link #listServers(ListServersRequest)}.
   *
   * @param request fills in a new {@link ListServersRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public ListServersResponse listServers(Consumer<ListServersRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ListServersRequest.Builder builder = ListServersRequest.builder();
    request.accept(builder);
    return listServers(builder.build());
  }

  /**
   * List registered source servers without blocking, the request filled in by a lambda; see {@link
   * #listServersAsync(ListServersRequest)}.
   *
   * @param request fills in a new {@link ListServersRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<ListServersResponse> listServersAsync(
      Consumer<ListServersRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ListServersRequest.Builder builder = ListServersRequest.builder();
    request.accept(builder);
    return listServersAsync(builder.build());
  }

  /**
   * Register a source server (agent report).
   *
   * <p>{@code POST /v3/sources}. Not idempotent: repeated only when the request provably never
   * reached the service (see {@link RetryPolicy}).
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public RegisterServerResponse registerServer(RegisterServerRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.RegisterServer.OPERATION, request);
  }

  /**
   * Register a source server (agent report), without blocking.
   *
   * <p>{@code POST /v3/sources}. Not idempotent: repeated only when the request provably never
   * reached the service (see {@link RetryPolicy}).
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #registerServer(RegisterServerRequest)} would throw
   */
  public CompletableFuture<RegisterServerResponse> registerServerAsync(
      RegisterServerRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.RegisterServer.OPERATION, request);
  }

  /**
   * Register a source server (agent report), the request filled in by a lambda such as {@code
   * sms.registerServer(b -> b.id(id))}; see {@link #registerServer(RegisterServerRequest)}.
   *
   * @param request fills in a new {@link RegisterServerRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public RegisterServerResponse registerServer(Consumer<RegisterServerRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    RegisterServerRequest.Builder builder = RegisterServerRequest.builder();
    request.accept(builder);
    return registerServer(builder.build());
  }

  /**
   * Register a source server (agent report) without blocking, the request filled in by a lambda;
   * see {@link #registerServerAsync(RegisterServerRequest)}.
   *
   * @param request fills in a new {@link RegisterServerRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<RegisterServerResponse> registerServerAsync(
      Consumer<RegisterServerRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    RegisterServerRequest.Builder builder = RegisterServerRequest.builder();
    request.accept(builder);
    return registerServerAsync(builder.build());
  }

  /**
   * Batch delete source server records.
   *
   * <p>{@code POST /v3/sources/delete}. Not idempotent: repeated only when the request provably
   * never reached the service (see {@link RetryPolicy}).
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public DeleteServersResponse deleteServers(DeleteServersRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.DeleteServers.OPERATION, request);
  }

  /**
   * Batch delete source server records, without blocking.
   *
   * <p>{@code POST /v3/sources/delete}. Not idempotent: repeated only when the request provably
   * never reached the service (see {@link RetryPolicy}).
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #deleteServers(DeleteServersRequest)} would throw
   */
  public CompletableFuture<DeleteServersResponse> deleteServersAsync(DeleteServersRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.DeleteServers.OPERATION, request);
  }

  /**
   * Batch delete source server records, the request filled in by a lambda such as {@code
   * sms.deleteServers(b -> b.ids(ids))}; see {@link #deleteServers(DeleteServersRequest)}.
   *
   * @param request fills in a new {@link DeleteServersRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public DeleteServersResponse deleteServers(Consumer<DeleteServersRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    DeleteServersRequest.Builder builder = DeleteServersRequest.builder();
    request.accept(builder);
    return deleteServers(builder.build());
  }

  /**
   * Batch delete source server records without blocking, the request filled in by a lambda; see
   * {@link #deleteServersAsync(DeleteServersRequest)}.
   *
   * @param request fills in a new {@link DeleteServersRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<DeleteServersResponse> deleteServersAsync(
      Consumer<DeleteServersRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    DeleteServersRequest.Builder builder = DeleteServersRequest.builder();
    request.accept(builder);
    return deleteServersAsync(builder.build());
  }

  /**
   * Count source servers per state.
   *
   * <p>{@code GET /v3/sources/overview}. Idempotent: retried as the client's retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public ShowOverviewResponse showOverview(ShowOverviewRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.ShowOverview.OPERATION, request);
  }

  /**
   * Count source servers per state, without blocking.
   *
   * <p>{@code GET /v3/sources/overview}. Idempotent: retried as the client's retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #showOverview(ShowOverviewRequest)} would throw
   */
  public CompletableFuture<ShowOverviewResponse> showOverviewAsync(ShowOverviewRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.ShowOverview.OPERATION, request);
  }

  /**
   * Count source servers per state, the request filled in by a lambda; see {@link
   * #showOverview(ShowOverviewRequest)}.
   *
   * @param request fills in a new {@link ShowOverviewRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public ShowOverviewResponse showOverview(Consumer<ShowOverviewRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ShowOverviewRequest.Builder builder = ShowOverviewRequest.builder();
    request.accept(builder);
    return showOverview(builder.build());
  }

  /**
   * Count source servers per state without blocking, the request filled in by a lambda; see {@link
   * #showOverviewAsync(ShowOverviewRequest)}.
   *
   * @param request fills in a new {@link ShowOverviewRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<ShowOverviewResponse> showOverviewAsync(
      Consumer<ShowOverviewRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ShowOverviewRequest.Builder builder = ShowOverviewRequest.builder();
    request.accept(builder);
    return showOverviewAsync(builder.build());
  }

  /**
   * Fetch pending command for a source (agent).
   *
   * <p>{@code GET /v3/sources/{server_id}/command}. Idempotent: retried as the client's retry
   * policy allows.
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public ShowCommandResponse showCommand(ShowCommandRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.ShowCommand.OPERATION, request);
  }

  /**
   * Fetch pending command for a source (agent), without blocking.
   *
   * <p>{@code GET /v3/sources/{server_id}/command}. Idempotent: retried as the client's retry
   * policy allows.
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #showCommand(ShowCommandRequest)} would throw
   */
  public CompletableFuture<ShowCommandResponse> showCommandAsync(ShowCommandRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.ShowCommand.OPERATION, request);
  }

  /**
   * Fetch pending command for a source (agent), the request filled in by a lambda such as {@code
   * sms.showCommand(b -> b.serverId(serverId))}; see {@link #showCommand(ShowCommandRequest)}.
   *
   * @param request fills in a new {@link ShowCommandRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public ShowCommandResponse showCommand(Consumer<ShowCommandRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ShowCommandRequest.Builder builder = ShowCommandRequest.builder();
    request.accept(builder);
    return showCommand(builder.build());
  }

  /**
   * Fetch pending command for a source (agent) without blocking, the request filled in by a lambda;
   * see {@link #showCommandAsync(ShowCommandRequest)}.
   *
   * @param request fills in a new {@link ShowCommandRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<ShowCommandResponse> showCommandAsync(
      Consumer<ShowCommandRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ShowCommandRequest.Builder builder = ShowCommandRequest.builder();
    request.accept(builder);
    return showCommandAsync(builder.build());
  }

  /**
   * Report command result (agent).
   *
   * <p>{@code POST /v3/sources/{server_id}/command_result}. Not idempotent: repeated only when the
   * request provably never reached the service (see {@link RetryPolicy}).
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public UpdateCommandResultResponse updateCommandResult(UpdateCommandResultRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.UpdateCommandResult.OPERATION, request);
  }

  /**
   * Report command result (agent), without blocking.
   *
   * <p>{@code POST /v3/sources/{server_id}/command_result}. Not idempotent: repeated only when the
   * request provably never reached the service (see {@link RetryPolicy}).
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #updateCommandResult(UpdateCommandResultRequest)} would throw
   */
  public CompletableFuture<UpdateCommandResultResponse> updateCommandResultAsync(
      UpdateCommandResultRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.UpdateCommandResult.OPERATION, request);
  }

  /**
   * Report command result (agent), the request filled in by a lambda such as {@code
   * sms.updateCommandResult(b -> b.serverId(serverId))}; see {@link
   * #updateCommandResult(UpdateCommandResultRequest)}.
   *
   * @param request fills in a new {@link UpdateCommandResultRequest.Builder}; the request is built
   *     and checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public UpdateCommandResultResponse updateCommandResult(
      Consumer<UpdateCommandResultRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    UpdateCommandResultRequest.Builder builder = UpdateCommandResultRequest.builder();
    request.accept(builder);
    return updateCommandResult(builder.build());
  }

  /**
   * Report command result (agent) without blocking, the request filled in by a lambda; see {@link
   * #updateCommandResultAsync(UpdateCommandResultRequest)}.
   *
   * @param request fills in a new {@link UpdateCommandResultRequest.Builder}; the request is built
   *     and checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<UpdateCommandResultResponse> updateCommandResultAsync(
      Consumer<UpdateCommandResultRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    UpdateCommandResultRequest.Builder builder = UpdateCommandResultRequest.builder();
    request.accept(builder);
    return updateCommandResultAsync(builder.build());
  }

  /**
   * Delete one source server record.
   *
   * <p>{@code DELETE /v3/sources/{source_id}}. Idempotent: retried as the client's retry policy
   * allows.
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public DeleteServerResponse deleteServer(DeleteServerRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.DeleteServer.OPERATION, request);
  }

  /**
   * Delete one source server record, without blocking.
   *
   * <p>{@code DELETE /v3/sources/{source_id}}. Idempotent: retried as the client's retry policy
   * allows.
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #deleteServer(DeleteServerRequest)} would throw
   */
  public CompletableFuture<DeleteServerResponse> deleteServerAsync(DeleteServerRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.DeleteServer.OPERATION, request);
  }

  /**
   * Delete one source server record, the request filled in by a lambda such as {@code
   * sms.deleteServer(b -> b.sourceId(sourceId))}; see {@link #deleteServer(DeleteServerRequest)}.
   *
   * @param request fills in a new {@link DeleteServerRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public DeleteServerResponse deleteServer(Consumer<DeleteServerRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    DeleteServerRequest.Builder builder = DeleteServerRequest.builder();
    request.accept(builder);
    return deleteServer(builder.build());
  }

  /**
   * Delete one source server record without blocking, the request filled in by a lambda; see {@link
   * #deleteServerAsync(DeleteServerRequest)}.
   *
   * @param request fills in a new {@link DeleteServerRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<DeleteServerResponse> deleteServerAsync(
      Consumer<DeleteServerRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    DeleteServerRequest.Builder builder = DeleteServerRequest.builder();
    request.accept(builder);
    return deleteServerAsync(builder.build());
  }

  /**
   * Source server details (disks, checks, init_target_server).
   *
   * <p>{@code GET /v3/sources/{source_id}}. Idempotent: retried as the client's retry policy
   * allows.
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public ShowServerResponse showServer(ShowServerRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.ShowServer.OPERATION, request);
  }

  /**
   * Source server details (disks, checks, init_target_server), without blocking.
   *
   * <p>{@code GET /v3/sources/{source_id}}. Idempotent: retried as the client's retry policy
   * allows.
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #showServer(ShowServerRequest)} would throw
   */
  public CompletableFuture<ShowServerResponse> showServerAsync(ShowServerRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.ShowServer.OPERATION, request);
  }

  /**
   * Source server details (disks, checks, init_target_server), the request filled in by a lambda
   * such as {@code sms.showServer(b -> b.sourceId(sourceId))}; see {@link
   * #showServer(ShowServerRequest)}.
   *
   * @param request fills in a new {@link ShowServerRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public ShowServerResponse showServer(Consumer<ShowServerRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ShowServerRequest.Builder builder = ShowServerRequest.builder();
    request.accept(builder);
    return showServer(builder.build());
  }

  /**
   * Source server details (disks, checks, init_target_server) without blocking, the request filled
   * in by a lambda; see {@link #showServerAsync(ShowServerRequest)}.
   *
   * @param request fills in a new {@link ShowServerRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<ShowServerResponse> showServerAsync(
      Consumer<ShowServerRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ShowServerRequest.Builder builder = ShowServerRequest.builder();
    request.accept(builder);
    return showServerAsync(builder.build());
  }

  /**
   * Rename / set project / disk adjustments of a source.
   *
   * <p>{@code PUT /v3/sources/{source_id}}. Idempotent: retried as the client's retry policy
   * allows.
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public UpdateServerNameResponse updateServerName(UpdateServerNameRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.UpdateServerName.OPERATION, request);
  }

  /**
   * Rename / set project / disk adjustments of a source, without blocking.
   *
   * <p>{@code PUT /v3/sources/{source_id}}. Idempotent: retried as the client's retry policy
   * allows.
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #updateServerName(UpdateServerNameRequest)} would throw
   */
  public CompletableFuture<UpdateServerNameResponse> updateServerNameAsync(
      UpdateServerNameRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.UpdateServerName.OPERATION, request);
  }

  /**
   * Rename / set project / disk adjustments of a source, the request filled in by a lambda such as
   * {@code sms.updateServerName(b -> b.sourceId(sourceId))}; see {@link
   * #updateServerName(UpdateServerNameRequest)}.
   *
   * @param request fills in a new {@link UpdateServerNameRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public UpdateServerNameResponse updateServerName(
      Consumer<UpdateServerNameRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    UpdateServerNameRequest.Builder builder = UpdateServerNameRequest.builder();
    request.accept(builder);
    return updateServerName(builder.build());
  }

  /**
   * Rename / set project / disk adjustments of a source without blocking, the request filled in by
   * a lambda; see {@link #updateServerNameAsync(UpdateServerNameRequest)}.
   *
   * @param request fills in a new {@link UpdateServerNameRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<UpdateServerNameResponse> updateServerNameAsync(
      Consumer<UpdateServerNameRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    UpdateServerNameRequest.Builder builder = UpdateServerNameRequest.builder();
    request.accept(builder);
    return updateServerNameAsync(builder.build());
  }

  /**
   * Change copy state / migration cycle of a source.
   *
   * <p>{@code PUT /v3/sources/{source_id}/changestate}. Idempotent: retried as the client's retry
   * policy allows.
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public UpdateCopyStateResponse updateCopyState(UpdateCopyStateRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.UpdateCopyState.OPERATION, request);
  }

  /**
   * Change copy state / migration cycle of a source, without blocking.
   *
   * <p>{@code PUT /v3/sources/{source_id}/changestate}. Idempotent: retried as the client's retry
   * policy allows.
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #updateCopyState(UpdateCopyStateRequest)} would throw
   */
  public CompletableFuture<UpdateCopyStateResponse> updateCopyStateAsync(
      UpdateCopyStateRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.UpdateCopyState.OPERATION, request);
  }

  /**
   * Change copy state / migration cycle of a source, the request filled in by a lambda such as
   * {@code sms.updateCopyState(b -> b.sourceId(sourceId))}; see {@link
   * #updateCopyState(UpdateCopyStateRequest)}.
   *
   * @param request fills in a new {@link UpdateCopyStateRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public UpdateCopyStateResponse updateCopyState(Consumer<UpdateCopyStateRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    UpdateCopyStateRequest.Builder builder = UpdateCopyStateRequest.builder();
    request.accept(builder);
    return updateCopyState(builder.build());
  }

  /**
   * Change copy state / migration cycle of a source without blocking, the request filled in by a
   * lambda; see {@link #updateCopyStateAsync(UpdateCopyStateRequest)}.
   *
   * @param request fills in a new {@link UpdateCopyStateRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<UpdateCopyStateResponse> updateCopyStateAsync(
      Consumer<UpdateCopyStateRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    UpdateCopyStateRequest.Builder builder = UpdateCopyStateRequest.builder();
    request.accept(builder);
    return updateCopyStateAsync(builder.build());
  }

  /**
   * Replace disk/volume info of a source.
   *
   * <p>{@code PUT /v3/sources/{source_id}/diskinfo}. Idempotent: retried as the client's retry
   * policy allows.
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public UpdateDiskInfoResponse updateDiskInfo(UpdateDiskInfoRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.UpdateDiskInfo.OPERATION, request);
  }

  /**
   * Replace disk/volume info of a source, without blocking.
   *
   * <p>{@code PUT /v3/sources/{source_id}/diskinfo}. Idempotent: retried as the client's retry
   * policy allows.
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #updateDiskInfo(UpdateDiskInfoRequest)} would throw
   */
  public CompletableFuture<UpdateDiskInfoResponse> updateDiskInfoAsync(
      UpdateDiskInfoRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.UpdateDiskInfo.OPERATION, request);
  }

  /**
   * Replace disk/volume info of a source, the request filled in by a lambda such as {@code
   * sms.updateDiskInfo(b -> b.sourceId(sourceId))}; see {@link
   * #updateDiskInfo(UpdateDiskInfoRequest)}.
   *
   * @param request fills in a new {@link UpdateDiskInfoRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public UpdateDiskInfoResponse updateDiskInfo(Consumer<UpdateDiskInfoRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    UpdateDiskInfoRequest.Builder builder = UpdateDiskInfoRequest.builder();
    request.accept(builder);
    return updateDiskInfo(builder.build());
  }

  /**
   * Replace disk/volume info of a source without blocking, the request filled in by a lambda; see
   * {@link #updateDiskInfoAsync(UpdateDiskInfoRequest)}.
   *
   * @param request fills in a new {@link UpdateDiskInfoRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<UpdateDiskInfoResponse> updateDiskInfoAsync(
      Consumer<UpdateDiskInfoRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    UpdateDiskInfoRequest.Builder builder = UpdateDiskInfoRequest.builder();
    request.accept(builder);
    return updateDiskInfoAsync(builder.build());
  }

  /**
   * List migration tasks.
   *
   * <p>{@code GET /v3/tasks}. Idempotent: retried as the client's retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public ListTasksResponse listTasks(ListTasksRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.ListTasks.OPERATION, request);
  }

  /**
   * List migration tasks, without blocking.
   *
   * <p>{@code GET /v3/tasks}. Idempotent: retried as the client's retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #listTasks(ListTasksRequest)} would throw
   */
  public CompletableFuture<ListTasksResponse> listTasksAsync(ListTasksRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.ListTasks.OPERATION, request);
  }

  /**
   * List migration tasks, the request filled in by a lambda such as {@code sms.listTasks(b ->
   * b.state(state))}; see {@link #listTasks(ListTasksRequest)}.
   *
   * @param request fills in a new {@link ListTasksRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public ListTasksResponse listTasks(Consumer<ListTasksRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ListTasksRequest.Builder builder = ListTasksRequest.builder();
    request.accept(builder);
    return listTasks(builder.build());
  }

  /**
   * List migration tasks without blocking, the request filled in by a lambda; see {@link
   * #listTasksAsync(ListTasksRequest)}.
   *
   * @param request fills in a new {@link ListTasksRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<ListTasksResponse> listTasksAsync(
      Consumer<ListTasksRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ListTasksRequest.Builder builder = ListTasksRequest.builder();
    request.accept(builder);
    return listTasksAsync(builder.build());
  }

  /**
   * Create migration task.
   *
   * <p>{@code POST /v3/tasks}. Not idempotent: repeated only when the request provably never
   * reached the service (see {@link RetryPolicy}).
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public CreateTaskResponse createTask(CreateTaskRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.CreateTask.OPERATION, request);
  }

  /**
   * Create migration task, without blocking.
   *
   * <p>{@code POST /v3/tasks}. Not idempotent: repeated only when the request provably never
   * reached the service (see {@link RetryPolicy}).
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #createTask(CreateTaskRequest)} would throw
   */
  public CompletableFuture<CreateTaskResponse> createTaskAsync(CreateTaskRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.CreateTask.OPERATION, request);
  }

  /**
   * Create migration task, the request filled in by a lambda such as {@code sms.createTask(b ->
   * b.name(name))}; see {@link #createTask(CreateTaskRequest)}.
   *
   * @param request fills in a new {@link CreateTaskRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public CreateTaskResponse createTask(Consumer<CreateTaskRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    CreateTaskRequest.Builder builder = CreateTaskRequest.builder();
    request.accept(builder);
    return createTask(builder.build());
  }

  /**
   * Create migration task without blocking, the request filled in by a lambda; see {@link
   * #createTaskAsync(CreateTaskRequest)}.
   *
   * @param request fills in a new {@link CreateTaskRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<CreateTaskResponse> createTaskAsync(
      Consumer<CreateTaskRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    CreateTaskRequest.Builder builder = CreateTaskRequest.builder();
    request.accept(builder);
    return createTaskAsync(builder.build());
  }

  /**
   * Batch delete tasks.
   *
   * <p>{@code POST /v3/tasks/delete}. Not idempotent: repeated only when the request provably never
   * reached the service (see {@link RetryPolicy}).
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public DeleteTasksResponse deleteTasks(DeleteTasksRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.DeleteTasks.OPERATION, request);
  }

  /**
   * Batch delete tasks, without blocking.
   *
   * <p>{@code POST /v3/tasks/delete}. Not idempotent: repeated only when the request provably never
   * reached the service (see {@link RetryPolicy}).
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #deleteTasks(DeleteTasksRequest)} would throw
   */
  public CompletableFuture<DeleteTasksResponse> deleteTasksAsync(DeleteTasksRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.DeleteTasks.OPERATION, request);
  }

  /**
   * Batch delete tasks, the request filled in by a lambda such as {@code sms.deleteTasks(b ->
   * b.ids(ids))}; see {@link #deleteTasks(DeleteTasksRequest)}.
   *
   * @param request fills in a new {@link DeleteTasksRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public DeleteTasksResponse deleteTasks(Consumer<DeleteTasksRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    DeleteTasksRequest.Builder builder = DeleteTasksRequest.builder();
    request.accept(builder);
    return deleteTasks(builder.build());
  }

  /**
   * Batch delete tasks without blocking, the request filled in by a lambda; see {@link
   * #deleteTasksAsync(DeleteTasksRequest)}.
   *
   * @param request fills in a new {@link DeleteTasksRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<DeleteTasksResponse> deleteTasksAsync(
      Consumer<DeleteTasksRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    DeleteTasksRequest.Builder builder = DeleteTasksRequest.builder();
    request.accept(builder);
    return deleteTasksAsync(builder.build());
  }

  /**
   * Check target network ACL.
   *
   * <p>{@code GET /v3/tasks/{t_project_id}/networkacl/{t_network_id}/check}. Idempotent: retried as
   * the client's retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public CheckNetAclResponse checkNetAcl(CheckNetAclRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.CheckNetAcl.OPERATION, request);
  }

  /**
   * Check target network ACL, without blocking.
   *
   * <p>{@code GET /v3/tasks/{t_project_id}/networkacl/{t_network_id}/check}. Idempotent: retried as
   * the client's retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #checkNetAcl(CheckNetAclRequest)} would throw
   */
  public CompletableFuture<CheckNetAclResponse> checkNetAclAsync(CheckNetAclRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.CheckNetAcl.OPERATION, request);
  }

  /**
   * Check target network ACL, the request filled in by a lambda such as {@code sms.checkNetAcl(b ->
   * b.tProjectId(tProjectId))}; see {@link #checkNetAcl(CheckNetAclRequest)}.
   *
   * @param request fills in a new {@link CheckNetAclRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public CheckNetAclResponse checkNetAcl(Consumer<CheckNetAclRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    CheckNetAclRequest.Builder builder = CheckNetAclRequest.builder();
    request.accept(builder);
    return checkNetAcl(builder.build());
  }

  /**
   * Check target network ACL without blocking, the request filled in by a lambda; see {@link
   * #checkNetAclAsync(CheckNetAclRequest)}.
   *
   * @param request fills in a new {@link CheckNetAclRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<CheckNetAclResponse> checkNetAclAsync(
      Consumer<CheckNetAclRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    CheckNetAclRequest.Builder builder = CheckNetAclRequest.builder();
    request.accept(builder);
    return checkNetAclAsync(builder.build());
  }

  /**
   * Delete task.
   *
   * <p>{@code DELETE /v3/tasks/{task_id}}. Idempotent: retried as the client's retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public DeleteTaskResponse deleteTask(DeleteTaskRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.DeleteTask.OPERATION, request);
  }

  /**
   * Delete task, without blocking.
   *
   * <p>{@code DELETE /v3/tasks/{task_id}}. Idempotent: retried as the client's retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #deleteTask(DeleteTaskRequest)} would throw
   */
  public CompletableFuture<DeleteTaskResponse> deleteTaskAsync(DeleteTaskRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.DeleteTask.OPERATION, request);
  }

  /**
   * Delete task, the request filled in by a lambda such as {@code sms.deleteTask(b ->
   * b.taskId(taskId))}; see {@link #deleteTask(DeleteTaskRequest)}.
   *
   * @param request fills in a new {@link DeleteTaskRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public DeleteTaskResponse deleteTask(Consumer<DeleteTaskRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    DeleteTaskRequest.Builder builder = DeleteTaskRequest.builder();
    request.accept(builder);
    return deleteTask(builder.build());
  }

  /**
   * Delete task without blocking, the request filled in by a lambda; see {@link
   * #deleteTaskAsync(DeleteTaskRequest)}.
   *
   * @param request fills in a new {@link DeleteTaskRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<DeleteTaskResponse> deleteTaskAsync(
      Consumer<DeleteTaskRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    DeleteTaskRequest.Builder builder = DeleteTaskRequest.builder();
    request.accept(builder);
    return deleteTaskAsync(builder.build());
  }

  /**
   * Update task.
   *
   * <p>{@code PUT /v3/tasks/{task_id}}. Idempotent: retried as the client's retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public UpdateTaskResponse updateTask(UpdateTaskRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.UpdateTask.OPERATION, request);
  }

  /**
   * Update task, without blocking.
   *
   * <p>{@code PUT /v3/tasks/{task_id}}. Idempotent: retried as the client's retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #updateTask(UpdateTaskRequest)} would throw
   */
  public CompletableFuture<UpdateTaskResponse> updateTaskAsync(UpdateTaskRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.UpdateTask.OPERATION, request);
  }

  /**
   * Update task, the request filled in by a lambda such as {@code sms.updateTask(b ->
   * b.taskId(taskId))}; see {@link #updateTask(UpdateTaskRequest)}.
   *
   * @param request fills in a new {@link UpdateTaskRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public UpdateTaskResponse updateTask(Consumer<UpdateTaskRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    UpdateTaskRequest.Builder builder = UpdateTaskRequest.builder();
    request.accept(builder);
    return updateTask(builder.build());
  }

  /**
   * Update task without blocking, the request filled in by a lambda; see {@link
   * #updateTaskAsync(UpdateTaskRequest)}.
   *
   * @param request fills in a new {@link UpdateTaskRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<UpdateTaskResponse> updateTaskAsync(
      Consumer<UpdateTaskRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    UpdateTaskRequest.Builder builder = UpdateTaskRequest.builder();
    request.accept(builder);
    return updateTaskAsync(builder.build());
  }

  /**
   * Task action: start/stop/test/clone_test/restart/network_check/skip/clear.
   *
   * <p>{@code POST /v3/tasks/{task_id}/action}. Not idempotent: repeated only when the request
   * provably never reached the service (see {@link RetryPolicy}).
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public UpdateTaskStatusResponse updateTaskStatus(UpdateTaskStatusRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.UpdateTaskStatus.OPERATION, request);
  }

  /**
   * Task action: start/stop/test/clone_test/restart/network_check/skip/clear, without blocking.
   *
   * <p>{@code POST /v3/tasks/{task_id}/action}. Not idempotent: repeated only when the request
   * provably never reached the service (see {@link RetryPolicy}).
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #updateTaskStatus(UpdateTaskStatusRequest)} would throw
   */
  public CompletableFuture<UpdateTaskStatusResponse> updateTaskStatusAsync(
      UpdateTaskStatusRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.UpdateTaskStatus.OPERATION, request);
  }

  /**
   * Task action: start/stop/test/clone_test/restart/network_check/skip/clear, the request filled in
   * by a lambda such as {@code sms.updateTaskStatus(b -> b.taskId(taskId))}; see {@link
   * #updateTaskStatus(UpdateTaskStatusRequest)}.
   *
   * @param request fills in a new {@link UpdateTaskStatusRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public UpdateTaskStatusResponse updateTaskStatus(
      Consumer<UpdateTaskStatusRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    UpdateTaskStatusRequest.Builder builder = UpdateTaskStatusRequest.builder();
    request.accept(builder);
    return updateTaskStatus(builder.build());
  }

  /**
   * Task action: start/stop/test/clone_test/restart/network_check/skip/clear without blocking, the
   * request filled in by a lambda; see {@link #updateTaskStatusAsync(UpdateTaskStatusRequest)}.
   *
   * @param request fills in a new {@link UpdateTaskStatusRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<UpdateTaskStatusResponse> updateTaskStatusAsync(
      Consumer<UpdateTaskStatusRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    UpdateTaskStatusRequest.Builder builder = UpdateTaskStatusRequest.builder();
    request.accept(builder);
    return updateTaskStatusAsync(builder.build());
  }

  /**
   * SSL certificate and key for the task channel.
   *
   * <p>{@code GET /v3/tasks/{task_id}/certkey}. Idempotent: retried as the client's retry policy
   * allows.
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public ShowCertKeyResponse showCertKey(ShowCertKeyRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.ShowCertKey.OPERATION, request);
  }

  /**
   * SSL certificate and key for the task channel, without blocking.
   *
   * <p>{@code GET /v3/tasks/{task_id}/certkey}. Idempotent: retried as the client's retry policy
   * allows.
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #showCertKey(ShowCertKeyRequest)} would throw
   */
  public CompletableFuture<ShowCertKeyResponse> showCertKeyAsync(ShowCertKeyRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.ShowCertKey.OPERATION, request);
  }

  /**
   * SSL certificate and key for the task channel, the request filled in by a lambda such as {@code
   * sms.showCertKey(b -> b.taskId(taskId))}; see {@link #showCertKey(ShowCertKeyRequest)}.
   *
   * @param request fills in a new {@link ShowCertKeyRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public ShowCertKeyResponse showCertKey(Consumer<ShowCertKeyRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ShowCertKeyRequest.Builder builder = ShowCertKeyRequest.builder();
    request.accept(builder);
    return showCertKey(builder.build());
  }

  /**
   * SSL certificate and key for the task channel without blocking, the request filled in by a
   * lambda; see {@link #showCertKeyAsync(ShowCertKeyRequest)}.
   *
   * @param request fills in a new {@link ShowCertKeyRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<ShowCertKeyResponse> showCertKeyAsync(
      Consumer<ShowCertKeyRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ShowCertKeyRequest.Builder builder = ShowCertKeyRequest.builder();
    request.accept(builder);
    return showCertKeyAsync(builder.build());
  }

  /**
   * Get task special configuration.
   *
   * <p>{@code GET /v3/tasks/{task_id}/configuration-setting}. Idempotent: retried as the client's
   * retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public ShowConfigSettingResponse showConfigSetting(ShowConfigSettingRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.ShowConfigSetting.OPERATION, request);
  }

  /**
   * Get task special configuration, without blocking.
   *
   * <p>{@code GET /v3/tasks/{task_id}/configuration-setting}. Idempotent: retried as the client's
   * retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #showConfigSetting(ShowConfigSettingRequest)} would throw
   */
  public CompletableFuture<ShowConfigSettingResponse> showConfigSettingAsync(
      ShowConfigSettingRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.ShowConfigSetting.OPERATION, request);
  }

  /**
   * Get task special configuration, the request filled in by a lambda such as {@code
   * sms.showConfigSetting(b -> b.taskId(taskId))}; see {@link
   * #showConfigSetting(ShowConfigSettingRequest)}.
   *
   * @param request fills in a new {@link ShowConfigSettingRequest.Builder}; the request is built
   *     and checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public ShowConfigSettingResponse showConfigSetting(
      Consumer<ShowConfigSettingRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ShowConfigSettingRequest.Builder builder = ShowConfigSettingRequest.builder();
    request.accept(builder);
    return showConfigSetting(builder.build());
  }

  /**
   * Get task special configuration without blocking, the request filled in by a lambda; see {@link
   * #showConfigSettingAsync(ShowConfigSettingRequest)}.
   *
   * @param request fills in a new {@link ShowConfigSettingRequest.Builder}; the request is built
   *     and checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<ShowConfigSettingResponse> showConfigSettingAsync(
      Consumer<ShowConfigSettingRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ShowConfigSettingRequest.Builder builder = ShowConfigSettingRequest.builder();
    request.accept(builder);
    return showConfigSettingAsync(builder.build());
  }

  /**
   * Set task special configuration.
   *
   * <p>{@code POST /v3/tasks/{task_id}/configuration-setting}. Not idempotent: repeated only when
   * the request provably never reached the service (see {@link RetryPolicy}).
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public UploadSpecialConfigurationSettingResponse uploadSpecialConfigurationSetting(
      UploadSpecialConfigurationSettingRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.UploadSpecialConfigurationSetting.OPERATION, request);
  }

  /**
   * Set task special configuration, without blocking.
   *
   * <p>{@code POST /v3/tasks/{task_id}/configuration-setting}. Not idempotent: repeated only when
   * the request provably never reached the service (see {@link RetryPolicy}).
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #uploadSpecialConfigurationSetting(UploadSpecialConfigurationSettingRequest)} would throw
   */
  public CompletableFuture<UploadSpecialConfigurationSettingResponse>
      uploadSpecialConfigurationSettingAsync(UploadSpecialConfigurationSettingRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.UploadSpecialConfigurationSetting.OPERATION, request);
  }

  /**
   * Set task special configuration, the request filled in by a lambda such as {@code
   * sms.uploadSpecialConfigurationSetting(b -> b.taskId(taskId))}; see {@link
   * #uploadSpecialConfigurationSetting(UploadSpecialConfigurationSettingRequest)}.
   *
   * @param request fills in a new {@link UploadSpecialConfigurationSettingRequest.Builder}; the
   *     request is built and checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public UploadSpecialConfigurationSettingResponse uploadSpecialConfigurationSetting(
      Consumer<UploadSpecialConfigurationSettingRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    UploadSpecialConfigurationSettingRequest.Builder builder =
        UploadSpecialConfigurationSettingRequest.builder();
    request.accept(builder);
    return uploadSpecialConfigurationSetting(builder.build());
  }

  /**
   * Set task special configuration without blocking, the request filled in by a lambda; see {@link
   * #uploadSpecialConfigurationSettingAsync(UploadSpecialConfigurationSettingRequest)}.
   *
   * @param request fills in a new {@link UploadSpecialConfigurationSettingRequest.Builder}; the
   *     request is built and checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<UploadSpecialConfigurationSettingResponse>
      uploadSpecialConfigurationSettingAsync(
          Consumer<UploadSpecialConfigurationSettingRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    UploadSpecialConfigurationSettingRequest.Builder builder =
        UploadSpecialConfigurationSettingRequest.builder();
    request.accept(builder);
    return uploadSpecialConfigurationSettingAsync(builder.build());
  }

  /**
   * Get consistency-check results.
   *
   * <p>{@code GET /v3/tasks/{task_id}/consistency-result}. Idempotent: retried as the client's
   * retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public ShowConsistencyResultResponse showConsistencyResult(ShowConsistencyResultRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.ShowConsistencyResult.OPERATION, request);
  }

  /**
   * Get consistency-check results, without blocking.
   *
   * <p>{@code GET /v3/tasks/{task_id}/consistency-result}. Idempotent: retried as the client's
   * retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #showConsistencyResult(ShowConsistencyResultRequest)} would throw
   */
  public CompletableFuture<ShowConsistencyResultResponse> showConsistencyResultAsync(
      ShowConsistencyResultRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.ShowConsistencyResult.OPERATION, request);
  }

  /**
   * Get consistency-check results, the request filled in by a lambda such as {@code
   * sms.showConsistencyResult(b -> b.taskId(taskId))}; see {@link
   * #showConsistencyResult(ShowConsistencyResultRequest)}.
   *
   * @param request fills in a new {@link ShowConsistencyResultRequest.Builder}; the request is
   *     built and checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public ShowConsistencyResultResponse showConsistencyResult(
      Consumer<ShowConsistencyResultRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ShowConsistencyResultRequest.Builder builder = ShowConsistencyResultRequest.builder();
    request.accept(builder);
    return showConsistencyResult(builder.build());
  }

  /**
   * Get consistency-check results without blocking, the request filled in by a lambda; see {@link
   * #showConsistencyResultAsync(ShowConsistencyResultRequest)}.
   *
   * @param request fills in a new {@link ShowConsistencyResultRequest.Builder}; the request is
   *     built and checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<ShowConsistencyResultResponse> showConsistencyResultAsync(
      Consumer<ShowConsistencyResultRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ShowConsistencyResultRequest.Builder builder = ShowConsistencyResultRequest.builder();
    request.accept(builder);
    return showConsistencyResultAsync(builder.build());
  }

  /**
   * Report consistency-check results.
   *
   * <p>{@code POST /v3/tasks/{task_id}/consistency-result}. Not idempotent: repeated only when the
   * request provably never reached the service (see {@link RetryPolicy}).
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public UpdateConsistencyResultResponse updateConsistencyResult(
      UpdateConsistencyResultRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.UpdateConsistencyResult.OPERATION, request);
  }

  /**
   * Report consistency-check results, without blocking.
   *
   * <p>{@code POST /v3/tasks/{task_id}/consistency-result}. Not idempotent: repeated only when the
   * request provably never reached the service (see {@link RetryPolicy}).
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #updateConsistencyResult(UpdateConsistencyResultRequest)} would throw
   */
  public CompletableFuture<UpdateConsistencyResultResponse> updateConsistencyResultAsync(
      UpdateConsistencyResultRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.UpdateConsistencyResult.OPERATION, request);
  }

  /**
   * Report consistency-check results, the request filled in by a lambda such as {@code
   * sms.updateConsistencyResult(b -> b.taskId(taskId))}; see {@link
   * #updateConsistencyResult(UpdateConsistencyResultRequest)}.
   *
   * @param request fills in a new {@link UpdateConsistencyResultRequest.Builder}; the request is
   *     built and checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public UpdateConsistencyResultResponse updateConsistencyResult(
      Consumer<UpdateConsistencyResultRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    UpdateConsistencyResultRequest.Builder builder = UpdateConsistencyResultRequest.builder();
    request.accept(builder);
    return updateConsistencyResult(builder.build());
  }

  /**
   * Report consistency-check results without blocking, the request filled in by a lambda; see
   * {@link #updateConsistencyResultAsync(UpdateConsistencyResultRequest)}.
   *
   * @param request fills in a new {@link UpdateConsistencyResultRequest.Builder}; the request is
   *     built and checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<UpdateConsistencyResultResponse> updateConsistencyResultAsync(
      Consumer<UpdateConsistencyResultRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    UpdateConsistencyResultRequest.Builder builder = UpdateConsistencyResultRequest.builder();
    request.accept(builder);
    return updateConsistencyResultAsync(builder.build());
  }

  /**
   * Upload task logs to a bucket.
   *
   * <p>{@code POST /v3/tasks/{task_id}/log}. Not idempotent: repeated only when the request
   * provably never reached the service (see {@link RetryPolicy}).
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public CollectLogResponse collectLog(CollectLogRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.CollectLog.OPERATION, request);
  }

  /**
   * Upload task logs to a bucket, without blocking.
   *
   * <p>{@code POST /v3/tasks/{task_id}/log}. Not idempotent: repeated only when the request
   * provably never reached the service (see {@link RetryPolicy}).
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #collectLog(CollectLogRequest)} would throw
   */
  public CompletableFuture<CollectLogResponse> collectLogAsync(CollectLogRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.CollectLog.OPERATION, request);
  }

  /**
   * Upload task logs to a bucket, the request filled in by a lambda such as {@code sms.collectLog(b
   * -> b.taskId(taskId))}; see {@link #collectLog(CollectLogRequest)}.
   *
   * @param request fills in a new {@link CollectLogRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public CollectLogResponse collectLog(Consumer<CollectLogRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    CollectLogRequest.Builder builder = CollectLogRequest.builder();
    request.accept(builder);
    return collectLog(builder.build());
  }

  /**
   * Upload task logs to a bucket without blocking, the request filled in by a lambda; see {@link
   * #collectLogAsync(CollectLogRequest)}.
   *
   * @param request fills in a new {@link CollectLogRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<CollectLogResponse> collectLogAsync(
      Consumer<CollectLogRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    CollectLogRequest.Builder builder = CollectLogRequest.builder();
    request.accept(builder);
    return collectLogAsync(builder.build());
  }

  /**
   * Certificate passphrase for the task channel.
   *
   * <p>{@code GET /v3/tasks/{task_id}/passphrase}. Idempotent: retried as the client's retry policy
   * allows.
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public ShowPassphraseResponse showPassphrase(ShowPassphraseRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.ShowPassphrase.OPERATION, request);
  }

  /**
   * Certificate passphrase for the task channel, without blocking.
   *
   * <p>{@code GET /v3/tasks/{task_id}/passphrase}. Idempotent: retried as the client's retry policy
   * allows.
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #showPassphrase(ShowPassphraseRequest)} would throw
   */
  public CompletableFuture<ShowPassphraseResponse> showPassphraseAsync(
      ShowPassphraseRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.ShowPassphrase.OPERATION, request);
  }

  /**
   * Certificate passphrase for the task channel, the request filled in by a lambda such as {@code
   * sms.showPassphrase(b -> b.taskId(taskId))}; see {@link #showPassphrase(ShowPassphraseRequest)}.
   *
   * @param request fills in a new {@link ShowPassphraseRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public ShowPassphraseResponse showPassphrase(Consumer<ShowPassphraseRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ShowPassphraseRequest.Builder builder = ShowPassphraseRequest.builder();
    request.accept(builder);
    return showPassphrase(builder.build());
  }

  /**
   * Certificate passphrase for the task channel without blocking, the request filled in by a
   * lambda; see {@link #showPassphraseAsync(ShowPassphraseRequest)}.
   *
   * @param request fills in a new {@link ShowPassphraseRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<ShowPassphraseResponse> showPassphraseAsync(
      Consumer<ShowPassphraseRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ShowPassphraseRequest.Builder builder = ShowPassphraseRequest.builder();
    request.accept(builder);
    return showPassphraseAsync(builder.build());
  }

  /**
   * Report subtask progress/speed.
   *
   * <p>{@code PUT /v3/tasks/{task_id}/progress}. Idempotent: retried as the client's retry policy
   * allows.
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public UpdateTaskSpeedResponse updateTaskSpeed(UpdateTaskSpeedRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.UpdateTaskSpeed.OPERATION, request);
  }

  /**
   * Report subtask progress/speed, without blocking.
   *
   * <p>{@code PUT /v3/tasks/{task_id}/progress}. Idempotent: retried as the client's retry policy
   * allows.
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #updateTaskSpeed(UpdateTaskSpeedRequest)} would throw
   */
  public CompletableFuture<UpdateTaskSpeedResponse> updateTaskSpeedAsync(
      UpdateTaskSpeedRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.UpdateTaskSpeed.OPERATION, request);
  }

  /**
   * Report subtask progress/speed, the request filled in by a lambda such as {@code
   * sms.updateTaskSpeed(b -> b.taskId(taskId))}; see {@link
   * #updateTaskSpeed(UpdateTaskSpeedRequest)}.
   *
   * @param request fills in a new {@link UpdateTaskSpeedRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public UpdateTaskSpeedResponse updateTaskSpeed(Consumer<UpdateTaskSpeedRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    UpdateTaskSpeedRequest.Builder builder = UpdateTaskSpeedRequest.builder();
    request.accept(builder);
    return updateTaskSpeed(builder.build());
  }

  /**
   * Report subtask progress/speed without blocking, the request filled in by a lambda; see {@link
   * #updateTaskSpeedAsync(UpdateTaskSpeedRequest)}.
   *
   * @param request fills in a new {@link UpdateTaskSpeedRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<UpdateTaskSpeedResponse> updateTaskSpeedAsync(
      Consumer<UpdateTaskSpeedRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    UpdateTaskSpeedRequest.Builder builder = UpdateTaskSpeedRequest.builder();
    request.accept(builder);
    return updateTaskSpeedAsync(builder.build());
  }

  /**
   * Get speed-limit schedule.
   *
   * <p>{@code GET /v3/tasks/{task_id}/speed-limit}. Idempotent: retried as the client's retry
   * policy allows.
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public ShowsSpeedLimitsResponse showsSpeedLimits(ShowsSpeedLimitsRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.ShowsSpeedLimits.OPERATION, request);
  }

  /**
   * Get speed-limit schedule, without blocking.
   *
   * <p>{@code GET /v3/tasks/{task_id}/speed-limit}. Idempotent: retried as the client's retry
   * policy allows.
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #showsSpeedLimits(ShowsSpeedLimitsRequest)} would throw
   */
  public CompletableFuture<ShowsSpeedLimitsResponse> showsSpeedLimitsAsync(
      ShowsSpeedLimitsRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.ShowsSpeedLimits.OPERATION, request);
  }

  /**
   * Get speed-limit schedule, the request filled in by a lambda such as {@code
   * sms.showsSpeedLimits(b -> b.taskId(taskId))}; see {@link
   * #showsSpeedLimits(ShowsSpeedLimitsRequest)}.
   *
   * @param request fills in a new {@link ShowsSpeedLimitsRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public ShowsSpeedLimitsResponse showsSpeedLimits(
      Consumer<ShowsSpeedLimitsRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ShowsSpeedLimitsRequest.Builder builder = ShowsSpeedLimitsRequest.builder();
    request.accept(builder);
    return showsSpeedLimits(builder.build());
  }

  /**
   * Get speed-limit schedule without blocking, the request filled in by a lambda; see {@link
   * #showsSpeedLimitsAsync(ShowsSpeedLimitsRequest)}.
   *
   * @param request fills in a new {@link ShowsSpeedLimitsRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<ShowsSpeedLimitsResponse> showsSpeedLimitsAsync(
      Consumer<ShowsSpeedLimitsRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ShowsSpeedLimitsRequest.Builder builder = ShowsSpeedLimitsRequest.builder();
    request.accept(builder);
    return showsSpeedLimitsAsync(builder.build());
  }

  /**
   * Set speed-limit schedule.
   *
   * <p>{@code POST /v3/tasks/{task_id}/speed-limit}. Not idempotent: repeated only when the request
   * provably never reached the service (see {@link RetryPolicy}).
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public UpdateSpeedResponse updateSpeed(UpdateSpeedRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.UpdateSpeed.OPERATION, request);
  }

  /**
   * Set speed-limit schedule, without blocking.
   *
   * <p>{@code POST /v3/tasks/{task_id}/speed-limit}. Not idempotent: repeated only when the request
   * provably never reached the service (see {@link RetryPolicy}).
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #updateSpeed(UpdateSpeedRequest)} would throw
   */
  public CompletableFuture<UpdateSpeedResponse> updateSpeedAsync(UpdateSpeedRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.UpdateSpeed.OPERATION, request);
  }

  /**
   * Set speed-limit schedule, the request filled in by a lambda such as {@code sms.updateSpeed(b ->
   * b.taskId(taskId))}; see {@link #updateSpeed(UpdateSpeedRequest)}.
   *
   * @param request fills in a new {@link UpdateSpeedRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public UpdateSpeedResponse updateSpeed(Consumer<UpdateSpeedRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    UpdateSpeedRequest.Builder builder = UpdateSpeedRequest.builder();
    request.accept(builder);
    return updateSpeed(builder.build());
  }

  /**
   * Set speed-limit schedule without blocking, the request filled in by a lambda; see {@link
   * #updateSpeedAsync(UpdateSpeedRequest)}.
   *
   * @param request fills in a new {@link UpdateSpeedRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<UpdateSpeedResponse> updateSpeedAsync(
      Consumer<UpdateSpeedRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    UpdateSpeedRequest.Builder builder = UpdateSpeedRequest.builder();
    request.accept(builder);
    return updateSpeedAsync(builder.build());
  }

  /**
   * Unlock target server.
   *
   * <p>{@code POST /v3/tasks/{task_id}/unlock}. Not idempotent: repeated only when the request
   * provably never reached the service (see {@link RetryPolicy}).
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public UnlockTargetEcsResponse unlockTargetEcs(UnlockTargetEcsRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.UnlockTargetEcs.OPERATION, request);
  }

  /**
   * Unlock target server, without blocking.
   *
   * <p>{@code POST /v3/tasks/{task_id}/unlock}. Not idempotent: repeated only when the request
   * provably never reached the service (see {@link RetryPolicy}).
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #unlockTargetEcs(UnlockTargetEcsRequest)} would throw
   */
  public CompletableFuture<UnlockTargetEcsResponse> unlockTargetEcsAsync(
      UnlockTargetEcsRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.UnlockTargetEcs.OPERATION, request);
  }

  /**
   * Unlock target server, the request filled in by a lambda such as {@code sms.unlockTargetEcs(b ->
   * b.taskId(taskId))}; see {@link #unlockTargetEcs(UnlockTargetEcsRequest)}.
   *
   * @param request fills in a new {@link UnlockTargetEcsRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public UnlockTargetEcsResponse unlockTargetEcs(Consumer<UnlockTargetEcsRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    UnlockTargetEcsRequest.Builder builder = UnlockTargetEcsRequest.builder();
    request.accept(builder);
    return unlockTargetEcs(builder.build());
  }

  /**
   * Unlock target server without blocking, the request filled in by a lambda; see {@link
   * #unlockTargetEcsAsync(UnlockTargetEcsRequest)}.
   *
   * @param request fills in a new {@link UnlockTargetEcsRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<UnlockTargetEcsResponse> unlockTargetEcsAsync(
      Consumer<UnlockTargetEcsRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    UnlockTargetEcsRequest.Builder builder = UnlockTargetEcsRequest.builder();
    request.accept(builder);
    return unlockTargetEcsAsync(builder.build());
  }

  /**
   * Report network-check metrics.
   *
   * <p>{@code POST /v3/{task_id}/update-network-check-info}. Not idempotent: repeated only when the
   * request provably never reached the service (see {@link RetryPolicy}).
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public UpdateNetworkCheckInfoResponse updateNetworkCheckInfo(
      UpdateNetworkCheckInfoRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.UpdateNetworkCheckInfo.OPERATION, request);
  }

  /**
   * Report network-check metrics, without blocking.
   *
   * <p>{@code POST /v3/{task_id}/update-network-check-info}. Not idempotent: repeated only when the
   * request provably never reached the service (see {@link RetryPolicy}).
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #updateNetworkCheckInfo(UpdateNetworkCheckInfoRequest)} would throw
   */
  public CompletableFuture<UpdateNetworkCheckInfoResponse> updateNetworkCheckInfoAsync(
      UpdateNetworkCheckInfoRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.UpdateNetworkCheckInfo.OPERATION, request);
  }

  /**
   * Report network-check metrics, the request filled in by a lambda such as {@code
   * sms.updateNetworkCheckInfo(b -> b.taskId(taskId))}; see {@link
   * #updateNetworkCheckInfo(UpdateNetworkCheckInfoRequest)}.
   *
   * @param request fills in a new {@link UpdateNetworkCheckInfoRequest.Builder}; the request is
   *     built and checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public UpdateNetworkCheckInfoResponse updateNetworkCheckInfo(
      Consumer<UpdateNetworkCheckInfoRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    UpdateNetworkCheckInfoRequest.Builder builder = UpdateNetworkCheckInfoRequest.builder();
    request.accept(builder);
    return updateNetworkCheckInfo(builder.build());
  }

  /**
   * Report network-check metrics without blocking, the request filled in by a lambda; see {@link
   * #updateNetworkCheckInfoAsync(UpdateNetworkCheckInfoRequest)}.
   *
   * @param request fills in a new {@link UpdateNetworkCheckInfoRequest.Builder}; the request is
   *     built and checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<UpdateNetworkCheckInfoResponse> updateNetworkCheckInfoAsync(
      Consumer<UpdateNetworkCheckInfoRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    UpdateNetworkCheckInfoRequest.Builder builder = UpdateNetworkCheckInfoRequest.builder();
    request.accept(builder);
    return updateNetworkCheckInfoAsync(builder.build());
  }

  /**
   * List templates.
   *
   * <p>{@code GET /v3/vm/templates}. Idempotent: retried as the client's retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public ListTemplatesResponse listTemplates(ListTemplatesRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.ListTemplates.OPERATION, request);
  }

  /**
   * List templates, without blocking.
   *
   * <p>{@code GET /v3/vm/templates}. Idempotent: retried as the client's retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #listTemplates(ListTemplatesRequest)} would throw
   */
  public CompletableFuture<ListTemplatesResponse> listTemplatesAsync(ListTemplatesRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.ListTemplates.OPERATION, request);
  }

  /**
   * List templates, the request filled in by a lambda such as {@code sms.listTemplates(b ->
   * b.name(name))}; see {@link #listTemplates(ListTemplatesRequest)}.
   *
   * @param request fills in a new {@link ListTemplatesRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public ListTemplatesResponse listTemplates(Consumer<ListTemplatesRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ListTemplatesRequest.Builder builder = ListTemplatesRequest.builder();
    request.accept(builder);
    return listTemplates(builder.build());
  }

  /**
   * List templates without blocking, the request filled in by a lambda; see {@link
   * #listTemplatesAsync(ListTemplatesRequest)}.
   *
   * @param request fills in a new {@link ListTemplatesRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<ListTemplatesResponse> listTemplatesAsync(
      Consumer<ListTemplatesRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ListTemplatesRequest.Builder builder = ListTemplatesRequest.builder();
    request.accept(builder);
    return listTemplatesAsync(builder.build());
  }

  /**
   * Create target-server template.
   *
   * <p>{@code POST /v3/vm/templates}. Not idempotent: repeated only when the request provably never
   * reached the service (see {@link RetryPolicy}).
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public CreateTemplateResponse createTemplate(CreateTemplateRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.CreateTemplate.OPERATION, request);
  }

  /**
   * Create target-server template, without blocking.
   *
   * <p>{@code POST /v3/vm/templates}. Not idempotent: repeated only when the request provably never
   * reached the service (see {@link RetryPolicy}).
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #createTemplate(CreateTemplateRequest)} would throw
   */
  public CompletableFuture<CreateTemplateResponse> createTemplateAsync(
      CreateTemplateRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.CreateTemplate.OPERATION, request);
  }

  /**
   * Create target-server template, the request filled in by a lambda such as {@code
   * sms.createTemplate(b -> b.template(template))}; see {@link
   * #createTemplate(CreateTemplateRequest)}.
   *
   * @param request fills in a new {@link CreateTemplateRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public CreateTemplateResponse createTemplate(Consumer<CreateTemplateRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    CreateTemplateRequest.Builder builder = CreateTemplateRequest.builder();
    request.accept(builder);
    return createTemplate(builder.build());
  }

  /**
   * Create target-server template without blocking, the request filled in by a lambda; see {@link
   * #createTemplateAsync(CreateTemplateRequest)}.
   *
   * @param request fills in a new {@link CreateTemplateRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<CreateTemplateResponse> createTemplateAsync(
      Consumer<CreateTemplateRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    CreateTemplateRequest.Builder builder = CreateTemplateRequest.builder();
    request.accept(builder);
    return createTemplateAsync(builder.build());
  }

  /**
   * Batch delete templates.
   *
   * <p>{@code POST /v3/vm/templates/delete}. Not idempotent: repeated only when the request
   * provably never reached the service (see {@link RetryPolicy}).
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public DeleteTemplatesResponse deleteTemplates(DeleteTemplatesRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.DeleteTemplates.OPERATION, request);
  }

  /**
   * Batch delete templates, without blocking.
   *
   * <p>{@code POST /v3/vm/templates/delete}. Not idempotent: repeated only when the request
   * provably never reached the service (see {@link RetryPolicy}).
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #deleteTemplates(DeleteTemplatesRequest)} would throw
   */
  public CompletableFuture<DeleteTemplatesResponse> deleteTemplatesAsync(
      DeleteTemplatesRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.DeleteTemplates.OPERATION, request);
  }

  /**
   * Batch delete templates, the request filled in by a lambda such as {@code sms.deleteTemplates(b
   * -> b.ids(ids))}; see {@link #deleteTemplates(DeleteTemplatesRequest)}.
   *
   * @param request fills in a new {@link DeleteTemplatesRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public DeleteTemplatesResponse deleteTemplates(Consumer<DeleteTemplatesRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    DeleteTemplatesRequest.Builder builder = DeleteTemplatesRequest.builder();
    request.accept(builder);
    return deleteTemplates(builder.build());
  }

  /**
   * Batch delete templates without blocking, the request filled in by a lambda; see {@link
   * #deleteTemplatesAsync(DeleteTemplatesRequest)}.
   *
   * @param request fills in a new {@link DeleteTemplatesRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<DeleteTemplatesResponse> deleteTemplatesAsync(
      Consumer<DeleteTemplatesRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    DeleteTemplatesRequest.Builder builder = DeleteTemplatesRequest.builder();
    request.accept(builder);
    return deleteTemplatesAsync(builder.build());
  }

  /**
   * Delete template.
   *
   * <p>{@code DELETE /v3/vm/templates/{id}}. Idempotent: retried as the client's retry policy
   * allows.
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public DeleteTemplateResponse deleteTemplate(DeleteTemplateRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.DeleteTemplate.OPERATION, request);
  }

  /**
   * Delete template, without blocking.
   *
   * <p>{@code DELETE /v3/vm/templates/{id}}. Idempotent: retried as the client's retry policy
   * allows.
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #deleteTemplate(DeleteTemplateRequest)} would throw
   */
  public CompletableFuture<DeleteTemplateResponse> deleteTemplateAsync(
      DeleteTemplateRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.DeleteTemplate.OPERATION, request);
  }

  /**
   * Delete template, the request filled in by a lambda such as {@code sms.deleteTemplate(b ->
   * b.id(id))}; see {@link #deleteTemplate(DeleteTemplateRequest)}.
   *
   * @param request fills in a new {@link DeleteTemplateRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public DeleteTemplateResponse deleteTemplate(Consumer<DeleteTemplateRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    DeleteTemplateRequest.Builder builder = DeleteTemplateRequest.builder();
    request.accept(builder);
    return deleteTemplate(builder.build());
  }

  /**
   * Delete template without blocking, the request filled in by a lambda; see {@link
   * #deleteTemplateAsync(DeleteTemplateRequest)}.
   *
   * @param request fills in a new {@link DeleteTemplateRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<DeleteTemplateResponse> deleteTemplateAsync(
      Consumer<DeleteTemplateRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    DeleteTemplateRequest.Builder builder = DeleteTemplateRequest.builder();
    request.accept(builder);
    return deleteTemplateAsync(builder.build());
  }

  /**
   * Get template.
   *
   * <p>{@code GET /v3/vm/templates/{id}}. Idempotent: retried as the client's retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public ShowTemplateResponse showTemplate(ShowTemplateRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.ShowTemplate.OPERATION, request);
  }

  /**
   * Get template, without blocking.
   *
   * <p>{@code GET /v3/vm/templates/{id}}. Idempotent: retried as the client's retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #showTemplate(ShowTemplateRequest)} would throw
   */
  public CompletableFuture<ShowTemplateResponse> showTemplateAsync(ShowTemplateRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.ShowTemplate.OPERATION, request);
  }

  /**
   * Get template, the request filled in by a lambda such as {@code sms.showTemplate(b ->
   * b.id(id))}; see {@link #showTemplate(ShowTemplateRequest)}.
   *
   * @param request fills in a new {@link ShowTemplateRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public ShowTemplateResponse showTemplate(Consumer<ShowTemplateRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ShowTemplateRequest.Builder builder = ShowTemplateRequest.builder();
    request.accept(builder);
    return showTemplate(builder.build());
  }

  /**
   * Get template without blocking, the request filled in by a lambda; see {@link
   * #showTemplateAsync(ShowTemplateRequest)}.
   *
   * @param request fills in a new {@link ShowTemplateRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<ShowTemplateResponse> showTemplateAsync(
      Consumer<ShowTemplateRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ShowTemplateRequest.Builder builder = ShowTemplateRequest.builder();
    request.accept(builder);
    return showTemplateAsync(builder.build());
  }

  /**
   * Update template.
   *
   * <p>{@code PUT /v3/vm/templates/{id}}. Idempotent: retried as the client's retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public UpdateTemplateResponse updateTemplate(UpdateTemplateRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.UpdateTemplate.OPERATION, request);
  }

  /**
   * Update template, without blocking.
   *
   * <p>{@code PUT /v3/vm/templates/{id}}. Idempotent: retried as the client's retry policy allows.
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #updateTemplate(UpdateTemplateRequest)} would throw
   */
  public CompletableFuture<UpdateTemplateResponse> updateTemplateAsync(
      UpdateTemplateRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.UpdateTemplate.OPERATION, request);
  }

  /**
   * Update template, the request filled in by a lambda such as {@code sms.updateTemplate(b ->
   * b.id(id))}; see {@link #updateTemplate(UpdateTemplateRequest)}.
   *
   * @param request fills in a new {@link UpdateTemplateRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public UpdateTemplateResponse updateTemplate(Consumer<UpdateTemplateRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    UpdateTemplateRequest.Builder builder = UpdateTemplateRequest.builder();
    request.accept(builder);
    return updateTemplate(builder.build());
  }

  /**
   * Update template without blocking, the request filled in by a lambda; see {@link
   * #updateTemplateAsync(UpdateTemplateRequest)}.
   *
   * @param request fills in a new {@link UpdateTemplateRequest.Builder}; the request is built and
   *     checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<UpdateTemplateResponse> updateTemplateAsync(
      Consumer<UpdateTemplateRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    UpdateTemplateRequest.Builder builder = UpdateTemplateRequest.builder();
    request.accept(builder);
    return updateTemplateAsync(builder.build());
  }

  /**
   * Get target server password of a template.
   *
   * <p>{@code GET /v3/vm/templates/{id}/target-password}. Idempotent: retried as the client's retry
   * policy allows.
   *
   * @param request the request, checked when it was built
   * @return the answer
   * @throws SmsServiceException when the service answers with an error
   * @throws SmsClientException when no usable answer arrives
   */
  public ShowTargetPasswordResponse showTargetPassword(ShowTargetPasswordRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.execute(Operations.ShowTargetPassword.OPERATION, request);
  }

  /**
   * Get target server password of a template, without blocking.
   *
   * <p>{@code GET /v3/vm/templates/{id}/target-password}. Idempotent: retried as the client's retry
   * policy allows.
   *
   * @param request the request, checked when it was built
   * @return a future of the answer, or of the {@link SmsException} {@link
   *     #showTargetPassword(ShowTargetPasswordRequest)} would throw
   */
  public CompletableFuture<ShowTargetPasswordResponse> showTargetPasswordAsync(
      ShowTargetPasswordRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.executeAsync(Operations.ShowTargetPassword.OPERATION, request);
  }

  /**
   * Get target server password of a template, the request filled in by a lambda such as {@code
   * sms.showTargetPassword(b -> b.id(id))}; see {@link
   * #showTargetPassword(ShowTargetPasswordRequest)}.
   *
   * @param request fills in a new {@link ShowTargetPasswordRequest.Builder}; the request is built
   *     and checked before anything is sent
   * @return the answer
   * @throws NullPointerException when {@code request} is null
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one
   */
  public ShowTargetPasswordResponse showTargetPassword(
      Consumer<ShowTargetPasswordRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ShowTargetPasswordRequest.Builder builder = ShowTargetPasswordRequest.builder();
    request.accept(builder);
    return showTargetPassword(builder.build());
  }

  /**
   * Get target server password of a template without blocking, the request filled in by a lambda;
   * see {@link #showTargetPasswordAsync(ShowTargetPasswordRequest)}.
   *
   * @param request fills in a new {@link ShowTargetPasswordRequest.Builder}; the request is built
   *     and checked before anything is sent
   * @return a future of the answer
   * @throws NullPointerException when {@code request} is null, at once
   * @throws IllegalArgumentException when the built request misses a required member or has an
   *     invalid one, at once
   */
  public CompletableFuture<ShowTargetPasswordResponse> showTargetPasswordAsync(
      Consumer<ShowTargetPasswordRequest.Builder> request) {
    Objects.requireNonNull(request, "request");
    ShowTargetPasswordRequest.Builder builder = ShowTargetPasswordRequest.builder();
    request.accept(builder);
    return showTargetPasswordAsync(builder.build());
  }

  // END GENERATED OPERATIONS

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
   * {@return a client configured the way Huawei Cloud tools already are: credentials from {@link
   * DefaultCredentialsProvider} (environment, profile file, optionally ECS metadata) and the region
   * from {@code HUAWEICLOUD_SDK_REGION}}
   *
   * @throws IllegalStateException when {@code HUAWEICLOUD_SDK_REGION} is not set
   * @throws SmsClientException when no credentials are found; the message lists where it looked
   */
  public static SmsClient create() {
    return builder().build();
  }

  /**
   * Configures an {@link SmsClient}. Options are checked as they are set, so a bad value fails at
   * once with a message naming it; {@link #build()} checks that the required ones are there and
   * that they fit together. Not thread-safe.
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
    private @Nullable String regionId;
    private @Nullable List<HttpUrl> endpoints;
    private @Nullable Credentials credentials;
    private @Nullable CredentialsProvider credentialsProvider;
    private @Nullable OkHttpClient httpClient;
    private Call.@Nullable Factory callFactory;
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
    private boolean domainIdDiscovery = true;
    private @Nullable HttpUrl iamEndpoint;
    private boolean allowInsecureHttp;
    private final HttpClientOptions httpOptions = new HttpClientOptions();
    private @Nullable Map<String, String> environment;
    private @Nullable Path homeDirectory;

    private Builder() {}

    /**
     * Sends requests to the SMS endpoints of {@code region}, looked up again by id at {@link
     * #build()} so that {@code HUAWEICLOUD_SDK_REGION_SMS_<ID>} and the regions file apply (see
     * {@link SmsRegion#of}). Conflicts with {@link #endpoint}.
     *
     * @param region the region
     * @return this builder
     */
    public Builder region(SmsRegion region) {
      Objects.requireNonNull(region, "region");
      requireNoEndpoint("region(" + region.id() + ")");
      this.region = region;
      this.regionId = null;
      return this;
    }

    /**
     * Sends requests to the region with this id; see {@link SmsRegion#of(String)}.
     *
     * @param regionId the region id, such as {@code ap-southeast-1}
     * @return this builder
     */
    public Builder region(String regionId) {
      if (regionId == null || regionId.isBlank()) {
        throw new IllegalArgumentException("regionId must not be null or blank");
      }
      requireNoEndpoint("region(" + Messages.quote(regionId) + ")");
      this.regionId = regionId.strip();
      this.region = null;
      return this;
    }

    /**
     * Sends requests to this base URL, such as {@code https://sms.example.com} or {@code
     * http://127.0.0.1:8080} (a path prefix is kept). Conflicts with {@link #region}.
     *
     * @param endpoint the base URL
     * @return this builder
     * @throws IllegalArgumentException when the URL is not an absolute http or https URL without
     *     query or fragment
     */
    public Builder endpoint(String endpoint) {
      return endpoints(List.of(Objects.requireNonNull(endpoint, "endpoint")));
    }

    /**
     * Sends requests to the first of these base URLs, failing over to the next when a request
     * provably never reached the service (DNS failure, connection refused, TLS handshake failure),
     * and going back to the first after five minutes. Conflicts with {@link #region}.
     *
     * @param endpoints the base URLs, in fail-over order
     * @return this builder
     */
    public Builder endpoints(List<String> endpoints) {
      if (endpoints == null || endpoints.isEmpty()) {
        throw new IllegalArgumentException("endpoints must not be empty");
      }
      List<HttpUrl> urls = new ArrayList<>();
      for (String e : endpoints) {
        urls.add(parseEndpoint(e));
      }
      if (region != null || regionId != null) {
        throw new IllegalStateException(
            "endpoint("
                + Messages.quote(Messages.redactUserInfo(endpoints.get(0)))
                + ") conflicts with region("
                + (region != null ? region.id() : regionId)
                + "): set one of them");
      }
      this.endpoints = List.copyOf(urls);
      return this;
    }

    private void requireNoEndpoint(String option) {
      if (endpoints != null) {
        throw new IllegalStateException(
            option + " conflicts with endpoint(" + endpoints.get(0) + "): set one of them");
      }
    }

    private static HttpUrl parseEndpoint(@Nullable String endpoint) {
      HttpUrl url = endpoint == null ? null : HttpUrl.parse(endpoint.trim());
      if (url == null || url.host().isEmpty()) {
        throw new IllegalArgumentException(
            "endpoint "
                + Messages.quote(Messages.redactUserInfo(endpoint))
                + " is not an absolute http:// or https:// URL");
      }
      if (!url.encodedUsername().isEmpty() || !url.encodedPassword().isEmpty()) {
        // it would show in toString(), CallInfo.url and messages; SMS never uses it anyway
        throw new IllegalArgumentException(
            "endpoint "
                + Messages.quote(Messages.redactUserInfo(endpoint))
                + " must not carry user info (user:password@): SMS authenticates with credentials(...)");
      }
      if (url.encodedQuery() != null || url.encodedFragment() != null) {
        throw new IllegalArgumentException(
            "endpoint "
                + Messages.quote(Messages.redactUserInfo(endpoint))
                + " must not have a query or fragment");
      }
      return url;
    }

    /**
     * Sets how requests authenticate: {@link Credentials#akSk} or {@link Credentials#token}.
     *
     * @param credentials the credentials
     * @return this builder
     */
    public Builder credentials(Credentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /**
     * Asks {@code provider} for credentials on every attempt (it may cache and refresh them).
     * Without this or {@link #credentials}, {@link DefaultCredentialsProvider} is used.
     *
     * @param provider the provider to ask
     * @return this builder
     */
    public Builder credentialsProvider(CredentialsProvider provider) {
      this.credentialsProvider = Objects.requireNonNull(provider, "provider");
      return this;
    }

    /**
     * Turns off (or back on) the discovery of a missing domain id: with AK/SK credentials that have
     * none, the client asks IAM ({@code GET /v3/auth/domains}) once per access key and IAM endpoint
     * on its first call. On by default; with only loopback endpoints (a simulator), it runs only
     * when an IAM endpoint is configured, so test keys never travel to the public IAM.
     *
     * @param enabled whether to discover a missing domain id
     * @return this builder
     */
    public Builder domainIdDiscovery(boolean enabled) {
      this.domainIdDiscovery = enabled;
      return this;
    }

    /**
     * Sets the IAM endpoint for domain id discovery; default {@code HUAWEICLOUD_SDK_IAM_ENDPOINT},
     * else the profile's {@code iam_endpoint}, else {@code https://iam.myhuaweicloud.com}.
     *
     * @param iamEndpoint the IAM base URL
     * @return this builder
     */
    public Builder iamEndpoint(String iamEndpoint) {
      this.iamEndpoint = parseEndpoint(iamEndpoint);
      return this;
    }

    /**
     * Allows {@code http://} endpoints on hosts other than loopback. Off by default: signed
     * requests and tokens must not cross a network in clear text by accident.
     *
     * @param allow whether to allow it
     * @return this builder
     */
    public Builder allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    /**
     * Sets the limit on setting up a connection; default 10 s. Must be positive. It bounds the
     * whole set-up, as curl's {@code --connect-timeout} does: the name lookup, the TCP connect, a
     * proxy's {@code CONNECT} and the TLS handshake together, not the TCP connect alone. Past it
     * the attempt ends with {@link SmsTimeoutException.Timeout#CONNECT} (within about 20 ms: the
     * call-deadline watchdog ends it); nothing of the request was sent, so the next endpoint is
     * tried, or the request repeated, whatever its method.
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Durations.requirePositive(timeout, "connectTimeout");
      return this;
    }

    /**
     * Sets the longest silence while reading an answer; default 30 s. Must be positive.
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = Durations.requirePositive(timeout, "readTimeout");
      return this;
    }

    /**
     * Sets the longest silence while sending a request; default 30 s. Must be positive. A server
     * that stops reading the body for longer ends the attempt with {@link
     * SmsTimeoutException.Timeout#WRITE}.
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = Durations.requirePositive(timeout, "writeTimeout");
      return this;
    }

    /**
     * Sets the limit on a whole call, every attempt and retry wait included; default 60 s. Must be
     * positive. A call past it is ended within about 20 ms (one shared watchdog thread looks at the
     * calls in flight, instead of a timer per call).
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = Durations.requirePositive(timeout, "callTimeout");
      return this;
    }

    /**
     * Sends requests through an HTTP proxy ({@code CONNECT} for https). Without it, the JVM's
     * {@code https.proxyHost}/{@code http.nonProxyHosts} settings apply, else {@code
     * HTTPS_PROXY}/{@code NO_PROXY} from the environment.
     *
     * @param host the proxy host
     * @param port the proxy port
     * @return this builder
     */
    public Builder proxy(String host, int port) {
      if (host == null || host.isBlank() || port < 1 || port > 65535) {
        throw new IllegalArgumentException(
            "proxy needs a host and a port in 1..65535, got "
                + Messages.quote(Messages.redactUserInfo(host))
                + ":"
                + port);
      }
      if (host.indexOf('@') >= 0 || host.contains("://")) {
        throw new IllegalArgumentException(
            "proxy host "
                + Messages.quote(Messages.redactUserInfo(host))
                + " is not a host name or address: give the host alone, the credentials with"
                + " proxyCredentials(...)");
      }
      httpOptions.proxyHost = host.strip();
      httpOptions.proxyPort = port;
      return this;
    }

    /**
     * Answers the proxy's {@code 407} Basic challenge with these credentials, wherever the proxy
     * comes from: {@link #proxy(String, int)}, the JVM's {@code https.proxyHost} or {@code
     * HTTPS_PROXY}/{@code HTTP_PROXY}. When the proxy URL in the environment carries its own {@code
     * user:password@}, those win. {@link #build()} refuses them when no proxy is set at all, or
     * with {@link #httpClient(OkHttpClient)}. A {@code 407} the client cannot answer (no
     * credentials, wrong ones, a scheme other than Basic) ends the call at once with an {@link
     * SmsClientException} naming the proxy, not retried.
     *
     * @param user the user name
     * @param password the password; kept inside, never printed
     * @return this builder
     */
    public Builder proxyCredentials(String user, String password) {
      if (user == null || user.isBlank() || password == null) {
        throw new IllegalArgumentException("proxyCredentials needs a user and a password");
      }
      httpOptions.proxyUser = user;
      httpOptions.proxyPassword = password;
      return this;
    }

    /**
     * Trusts the certificates of this key store (a private CA) instead of the JVM's defaults.
     *
     * @param trustStore the key store of trusted certificates
     * @return this builder
     */
    public Builder trustStore(KeyStore trustStore) {
      httpOptions.trustStore = Objects.requireNonNull(trustStore, "trustStore");
      return this;
    }

    /**
     * Trusts the CA certificates of this PEM file instead of the JVM's defaults.
     *
     * @param pemFile the PEM file
     * @return this builder
     */
    public Builder caBundle(Path pemFile) {
      if (pemFile == null || !Files.isReadable(pemFile)) {
        throw new IllegalArgumentException("caBundle " + pemFile + " is not a readable file");
      }
      httpOptions.caBundle = pemFile;
      return this;
    }

    /**
     * Turns off TLS certificate and host name checks, for labs only; logs a WARN at {@link
     * #build()}. Never the default.
     *
     * @param skip whether to skip the checks
     * @return this builder
     */
    public Builder insecureSkipTlsVerify(boolean skip) {
      httpOptions.insecureSkipTlsVerify = skip;
      return this;
    }

    /**
     * Uses the caller's OkHttp client (its pool, dispatcher, proxy, TLS and interceptors). The SDK
     * derives its own settings from it with {@code newBuilder()}: redirects are never followed, and
     * timeouts set on this builder win. The caller keeps ownership: {@link SmsClient#close()} does
     * not shut it down.
     *
     * @param httpClient the caller's client
     * @return this builder
     */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * Sends every request through the caller's own {@link Call.Factory}, such as an OkHttp client
     * wrapped by tracing instrumentation ({@code OkHttpTelemetry.newCallFactory(okHttp)}); IAM
     * requests for the domain id go through it too.
     *
     * <pre>{@code
     * SmsClient sms = SmsClient.builder()
     *     .region(SmsRegion.AP_SOUTHEAST_1)
     *     .callFactory(OkHttpTelemetry.builder(openTelemetry).build().newCallFactory(okHttp))
     *     .build();
     * }</pre>
     *
     * <p>The factory is used as it is: its connect, read and write timeouts, proxy, TLS and
     * redirects are its own, so {@link #build()} rejects this with {@link #httpClient}, a connect,
     * read or write timeout, a proxy or a trust setting, naming both. {@link #callTimeout},
     * retries, signing and events still apply, since the client makes each attempt a call of its
     * own and cancels it at the deadline. Give it a client built with {@code
     * followRedirects(false)} and {@code retryOnConnectionFailure(false)}, so that every attempt is
     * the retry policy's to count. The caller keeps ownership: {@link SmsClient#close()} does not
     * shut it down.
     *
     * @param callFactory the factory of HTTP calls
     * @return this builder
     */
    public Builder callFactory(Call.Factory callFactory) {
      this.callFactory = Objects.requireNonNull(callFactory, "callFactory");
      return this;
    }

    /** Rejects the options a caller's Call.Factory would silently ignore. */
    private void requireCallFactoryAlone() {
      if (callFactory == null) {
        return;
      }
      String other = null;
      if (httpClient != null) {
        other = "httpClient(...)";
      } else if (connectTimeout != null) {
        other = "connectTimeout(" + connectTimeout + ")";
      } else if (readTimeout != null) {
        other = "readTimeout(" + readTimeout + ")";
      } else if (writeTimeout != null) {
        other = "writeTimeout(" + writeTimeout + ")";
      } else if (httpOptions.proxyHost != null) {
        other = "proxy(...)";
      } else if (httpOptions.trustStore != null || httpOptions.caBundle != null) {
        other = "trustStore(...)/caBundle(...)";
      } else if (httpOptions.insecureSkipTlsVerify) {
        other = "insecureSkipTlsVerify(true)";
      }
      if (other != null) {
        throw new IllegalStateException(
            "callFactory(...) conflicts with "
                + other
                + ": the factory's own client sets it; set one of them");
      }
    }

    /**
     * Sets when failed calls are retried; default {@link RetryPolicy#defaults()}, {@link
     * RetryPolicy#none()} turns retries off.
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * Registers a listener of call, attempt and retry events, for metrics and tracing.
     *
     * @param eventListener the listener; it must not block or throw
     * @return this builder
     */
    public Builder eventListener(SmsEventListener eventListener) {
      this.eventListener = Objects.requireNonNull(eventListener, "eventListener");
      return this;
    }

    /**
     * Sets the largest answer body read; a larger one fails with an {@link SmsClientException} once
     * the limit is crossed, without being held in memory. Default 16 MiB.
     *
     * @param maxResponseBytes the limit, in bytes
     * @return this builder
     */
    public Builder maxResponseBytes(long maxResponseBytes) {
      if (maxResponseBytes < 1) {
        throw new IllegalArgumentException(
            "maxResponseBytes must be positive, was " + maxResponseBytes);
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /**
     * Completes asynchronous calls' futures on this executor instead of OkHttp's dispatcher thread,
     * so dependent stages may block.
     *
     * @param executor the executor that completes futures
     * @return this builder
     */
    public Builder completionExecutor(Executor executor) {
      this.completionExecutor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Appends {@code suffix} (such as {@code my-tool/1.2}) to the SDK's {@code User-Agent}.
     *
     * @param suffix the text to append
     * @return this builder
     */
    public Builder userAgentSuffix(String suffix) {
      if (suffix == null
          || suffix.isBlank()
          || suffix.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
        throw new IllegalArgumentException(
            "userAgentSuffix must be printable ASCII, was '" + suffix + "'");
      }
      this.userAgentSuffix = suffix.strip();
      return this;
    }

    Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Reads environment variables from this map instead of the process's (for tests). */
    Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(environment);
      return this;
    }

    /** Looks for {@code ~/.huaweicloud} files under this directory (for tests). */
    Builder homeDirectory(Path homeDirectory) {
      this.homeDirectory = Objects.requireNonNull(homeDirectory, "homeDirectory");
      return this;
    }

    /**
     * {@return the client}
     *
     * @throws IllegalStateException when no endpoint can be found, or options conflict (a proxy or
     *     TLS option with {@link #httpClient(OkHttpClient)}, proxy credentials without a proxy)
     * @throws IllegalArgumentException when an endpoint is plain http on a non-loopback host
     *     without {@link #allowInsecureHttp}
     * @throws SmsClientException when neither credentials nor a provider are set and the default
     *     chain finds none (the message lists where it looked)
     */
    public SmsClient build() {
      Map<String, String> env = environment != null ? environment : System.getenv();
      List<HttpUrl> urls = resolveEndpoints(env);
      for (HttpUrl url : urls) {
        requireSecure(url, "endpoint");
      }
      if (credentials != null && credentialsProvider != null) {
        throw new IllegalStateException(
            "credentials(...) conflicts with credentialsProvider(...): set one of them");
      }
      requireCallFactoryAlone();
      CredentialsProvider provider = credentialsProvider;
      Optional<String> profileIam = Optional.empty();
      CredentialsSource resolved;
      if (credentials != null) {
        resolved = ProviderCredentials.fixed(credentials);
      } else if (provider == null) {
        DefaultCredentialsProvider.Builder chain =
            DefaultCredentialsProvider.builder().environment(env);
        if (homeDirectory != null) {
          chain.homeDirectory(homeDirectory);
        }
        DefaultCredentialsProvider defaults = chain.build();
        defaults.resolveCredentials(); // missing credentials fail here, not on the first call
        profileIam = defaults.iamEndpoint();
        resolved = ProviderCredentials.of(defaults);
      } else {
        resolved = ProviderCredentials.of(provider);
      }
      String ownOption = httpOptions.firstOptionSet();
      if (httpClient != null && ownOption != null) {
        throw new IllegalStateException(
            ownOption
                + " conflicts with httpClient(...): set the proxy and TLS on that OkHttpClient,"
                + " which the SDK uses as it is");
      }
      OkHttpClient.Builder http =
          (httpClient != null ? httpClient : SharedHttpClient.get())
              .newBuilder()
              .followRedirects(false)
              .followSslRedirects(false)
              // every attempt is the retry policy's: counted, signed afresh, reported, budgeted
              .retryOnConnectionFailure(false)
              // our callTimeout governs the whole call (every attempt and wait): a caller's own
              // OkHttp call timeout would end one attempt early and be misreported
              .callTimeout(0, TimeUnit.MILLISECONDS)
              .addNetworkInterceptor(RetryAfterShield.INSTANCE);
      boolean own = httpClient == null;
      applyTimeout(http, connectTimeout, own ? DEFAULT_CONNECT_TIMEOUT : null, Kind.CONNECT);
      applyTimeout(http, readTimeout, own ? DEFAULT_READ_TIMEOUT : null, Kind.READ);
      applyTimeout(http, writeTimeout, own ? DEFAULT_WRITE_TIMEOUT : null, Kind.WRITE);
      // the whole-call timeout spans every attempt and wait, so the transport sets it per call
      if (own) {
        httpOptions.applyTo(http, env);
      }
      // the connect timeout bounds the whole set-up, and a failed set-up proves nothing was sent
      ConnectionSetupWatch.install(http);
      OkHttpClient okHttp = http.build();
      String userAgent =
          userAgentSuffix == null ? SdkInfo.USER_AGENT : SdkInfo.USER_AGENT + " " + userAgentSuffix;
      HttpUrl iam = iamEndpoint;
      if (iam == null) {
        String configured = env.get("HUAWEICLOUD_SDK_IAM_ENDPOINT");
        if (configured != null && !configured.isBlank()) {
          iam = parseEndpoint(configured);
        } else if (profileIam.isPresent()) {
          iam = parseEndpoint(profileIam.get());
        } else if (!urls.stream().allMatch(u -> isLoopback(u.host()))) {
          // a loopback endpoint is a simulator or a test: never send its keys to the public IAM
          iam = parseEndpoint(DomainIdDiscovery.DEFAULT_IAM_ENDPOINT);
        }
      }
      if (domainIdDiscovery && iam != null) {
        requireSecure(iam, "IAM endpoint");
        Duration timeout = callTimeout != null ? callTimeout : DEFAULT_CALL_TIMEOUT;
        resolved =
            new DomainIdDiscovery(
                resolved,
                callFactory != null ? callFactory : okHttp,
                iam,
                clock,
                userAgent,
                timeout.toNanos());
      }
      TransportSettings settings = new TransportSettings(okHttp, urls, resolved);
      // a caller's Call.Factory has no set-up watch: without it nothing proves a request unsent
      settings.watchesConnectionSetup = callFactory == null;
      settings.clock = clock;
      settings.userAgent = userAgent;
      settings.retryPolicy = retryPolicy;
      settings.listener = eventListener;
      settings.maxResponseBytes = maxResponseBytes;
      settings.callTimeout = callTimeout != null ? callTimeout : DEFAULT_CALL_TIMEOUT;
      settings.completionExecutor = completionExecutor;
      settings.region = endpoints != null ? null : regionIdOrNull(env);
      settings.callFactory = callFactory;
      Transport transport = new Transport(settings);
      return new SmsClient(transport, transport.endpoint());
    }

    private void requireSecure(HttpUrl url, String what) {
      if (!url.isHttps() && !allowInsecureHttp && !isLoopback(url.host())) {
        throw new IllegalArgumentException(
            what
                + " "
                + url
                + " is plain http on a non-loopback host: use https, or allowInsecureHttp(true)");
      }
    }

    private List<HttpUrl> resolveEndpoints(Map<String, String> env) {
      if (endpoints != null) {
        return endpoints;
      }
      String id = regionIdOrNull(env);
      if (id == null) {
        throw new IllegalStateException(
            "no endpoint: set region(SmsRegion), endpoint(\"https://...\") or HUAWEICLOUD_SDK_REGION");
      }
      SmsRegion resolved = SmsRegion.of(id, env, homeDirectory);
      List<HttpUrl> urls = new ArrayList<>();
      for (String e : resolved.endpoints()) {
        urls.add(parseEndpoint(e));
      }
      return urls;
    }

    /** The region set here, else {@code HUAWEICLOUD_SDK_REGION}; null when neither is. */
    private @Nullable String regionIdOrNull(Map<String, String> env) {
      String id = region != null ? region.id() : regionId;
      if (id == null) {
        id = env.get("HUAWEICLOUD_SDK_REGION");
        return id == null || id.isBlank() ? null : id.strip();
      }
      return id;
    }

    private static final java.util.regex.Pattern LOOPBACK_V4 =
        java.util.regex.Pattern.compile("127\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    /** Returns whether {@code host} is literally loopback: {@code localhost}, 127.x.y.z or ::1. */
    static boolean isLoopback(String host) {
      if (host.equals("localhost") || host.equals("::1") || host.equals("0:0:0:0:0:0:0:1")) {
        return true;
      }
      java.util.regex.Matcher m = LOOPBACK_V4.matcher(host);
      if (!m.matches()) {
        return false;
      }
      for (int i = 1; i <= 3; i++) {
        if (Integer.parseInt(m.group(i)) > 255) {
          return false;
        }
      }
      return true;
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
  }
}
