package org.migrationkit.sms.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsPaginator;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.ListTasksRequest;
import org.migrationkit.sms.model.TasksResponseBody;

/**
 * {@code listTasksPaginator}: pages fetched on demand over real HTTP, limit/offset as the service
 * pages, stopping at {@code count}; never every page at once.
 */
class PaginatorTest {
  private static final Credentials CREDENTIALS =
      Credentials.akSk("HPUA6QWERTYASDF1234Z", "s3cr3tK3yExample0123456789abcdefghijklmno")
          .withDomainId("0970dd7a1300f5672ff2c003c60ae115");
  private static final Pattern OFFSET = Pattern.compile("[?&]offset=(\\d+)");
  private static final Pattern LIMIT = Pattern.compile("[?&]limit=(\\d+)");

  private final List<String> requestLines = new CopyOnWriteArrayList<>();

  /** Serves {@code total} tasks, {@code count} reported, paged by the query's limit and offset. */
  private RawServer taskList(int total, int count) {
    return RawServer.answering(
        head -> {
          String line = RawServer.requestLine(head);
          requestLines.add(line);
          int offset = number(OFFSET, line, 0);
          int limit = number(LIMIT, line, 50);
          StringBuilder tasks = new StringBuilder();
          for (int i = offset; i < Math.min(total, offset + limit); i++) {
            tasks
                .append(tasks.length() == 0 ? "" : ",")
                .append("{\"id\":\"task-")
                .append(i)
                .append("\",\"name\":\"task ")
                .append(i)
                .append("\"}");
          }
          byte[] body =
              ("{\"count\":" + count + ",\"tasks\":[" + tasks + "]}")
                  .getBytes(StandardCharsets.UTF_8);
          return RawServer.response(200, "OK", "", body);
        });
  }

  private static int number(Pattern p, String line, int fallback) {
    Matcher m = p.matcher(line);
    return m.find() ? Integer.parseInt(m.group(1)) : fallback;
  }

  private static SmsClient client(RawServer server) {
    return SmsClient.builder()
        .endpoint(server.baseUrl())
        .credentials(CREDENTIALS)
        .retryPolicy(RetryPolicy.none())
        .build();
  }

  @Test
  void listTasksPaginator_iteratesEveryItem_onePagePerLimit() {
    try (RawServer server = taskList(250, 250);
        SmsClient sms = client(server)) {
      List<String> ids = new ArrayList<>();
      for (TasksResponseBody task :
          sms.listTasksPaginator(ListTasksRequest.builder().limit(100).build())) {
        ids.add(task.getId());
      }

      assertThat(ids).hasSize(250).startsWith("task-0", "task-1").endsWith("task-249");
      assertThat(requestLines).hasSize(3);
      assertThat(requestLines.get(2)).contains("offset=200").contains("limit=100");
    }
  }

  @Test
  void listTasksPaginator_isLazy_fetchesOnlyWhatIsConsumed() {
    try (RawServer server = taskList(1000, 1000);
        SmsClient sms = client(server)) {
      SmsPaginator<TasksResponseBody> tasks =
          sms.listTasksPaginator(ListTasksRequest.builder().limit(100).build());
      assertThat(requestLines).isEmpty();

      List<String> first =
          tasks.stream().limit(150).map(TasksResponseBody::getId).collect(Collectors.toList());

      assertThat(first).hasSize(150).endsWith("task-149");
      assertThat(requestLines).hasSize(2);
    }
  }

  @Test
  void listTasksPaginator_stopsAtCount_evenWhenTheServiceListsMore() {
    try (RawServer server = taskList(500, 120);
        SmsClient sms = client(server)) {
      long seen =
          sms.listTasksPaginator(ListTasksRequest.builder().limit(100).build()).stream().count();

      assertThat(seen).isEqualTo(120); // the second page lists 100 more; the count says 20
      assertThat(requestLines).hasSize(2);
    }
  }

  @Test
  void listTasksPaginator_startsAtTheRequestsOffset_andEndsOnAnEmptyPage() {
    try (RawServer server = taskList(30, 1000);
        SmsClient sms = client(server)) {
      List<String> ids =
          sms.listTasksPaginator(ListTasksRequest.builder().offset(25).limit(10).build()).stream()
              .map(TasksResponseBody::getId)
              .collect(Collectors.toList());

      assertThat(ids).containsExactly("task-25", "task-26", "task-27", "task-28", "task-29");
      assertThat(requestLines)
          .hasSize(2); // the second page is empty: a count of 1000 is not believed
    }
  }

  @Test
  void listTasksPaginator_failedPage_throwsTheCallsException() {
    byte[] denied =
        "{\"error_code\":\"SMS.9004\",\"error_msg\":\"denied\"}".getBytes(StandardCharsets.UTF_8);
    try (RawServer server =
            RawServer.answering(head -> RawServer.response(403, "Forbidden", "", denied));
        SmsClient sms = client(server)) {
      Iterator<TasksResponseBody> tasks =
          sms.listTasksPaginator(ListTasksRequest.builder().build()).iterator();

      Throwable failure = catchThrowable(tasks::hasNext);

      assertThat(failure).isInstanceOf(SmsServiceException.class);
      assertThat(((SmsServiceException) failure).getStatusCode()).isEqualTo(403);
    }
  }
}
