package org.migrationkit.sms.overloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.ListTasksRequest;
import org.migrationkit.sms.model.ShowTaskRequest;
import org.migrationkit.sms.model.TaskState;
import org.migrationkit.sms.testing.JournalEntry;
import org.migrationkit.sms.testing.SmsSimulator;

/** The {@code Consumer<XxxRequest.Builder>} overloads of {@link SmsClient}, as AWS SDK v2 has. */
class ConsumerOverloadsTest {
  private static final Credentials CREDENTIALS =
      Credentials.akSk("lambda-test-ak", "lambda-test-sk").withDomainId("lambda-domain");
  private static final String TASK = SmsSimulator.EXAMPLE_TASK_ID;

  private final SmsSimulator simulator = SmsSimulator.start(CREDENTIALS);
  private final SmsClient sms =
      SmsClient.builder()
          .endpoint(simulator.endpoint())
          .credentials(CREDENTIALS)
          .retryPolicy(RetryPolicy.none())
          .build();

  @AfterEach
  void stop() {
    sms.close();
    simulator.close();
  }

  @Test
  void listTasks_consumer_sendsWhatTheBuiltRequestSends() {
    sms.listTasks(b -> b.state(TaskState.RUNNING).limit(100));
    sms.listTasks(ListTasksRequest.builder().state(TaskState.RUNNING).limit(100).build());

    List<JournalEntry> journal = simulator.journal();
    assertThat(journal).hasSize(2);
    assertThat(journal.get(0).path()).isEqualTo(journal.get(1).path());
    assertThat(journal.get(0).query()).isEqualTo(journal.get(1).query()).contains("limit=100");
  }

  @Test
  void showTask_consumer_syncAndAsync_answerTheTask() throws Exception {
    String expected = SmsSimulator.exampleTask().getId();

    assertThat(sms.showTask(b -> b.taskId(TASK)).getId()).isEqualTo(expected);
    assertThat(sms.showTaskAsync(b -> b.taskId(TASK)).get(10, TimeUnit.SECONDS).getId())
        .isEqualTo(expected);
    assertThat(sms.listTasksAsync(b -> b.limit(10)).get(10, TimeUnit.SECONDS).getCount())
        .isEqualTo(sms.listTasks(b -> {}).getCount());
  }

  @Test
  void listTasksPaginator_consumer_walksEveryPage() {
    long count = sms.listTasksPaginator(b -> b.limit(1)).stream().count();

    assertThat(count).isEqualTo(sms.listTasks(b -> {}).getCount().longValue()).isGreaterThan(1);
    // one page a request, each of one task
    assertThat(simulator.journal()).hasSizeGreaterThan(2);
    assertThat(simulator.journal().get(0).query()).contains("limit=1");
  }

  @Test
  void nullConsumer_failsWithNpe_beforeAnyRequest() {
    assertThatThrownBy(() -> sms.listTasks((Consumer<ListTasksRequest.Builder>) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("request");
    assertThatThrownBy(() -> sms.listTasksAsync((Consumer<ListTasksRequest.Builder>) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("request");
    assertThatThrownBy(() -> sms.showTask((Consumer<ShowTaskRequest.Builder>) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("request");
    assertThatThrownBy(() -> sms.listTasksPaginator((Consumer<ListTasksRequest.Builder>) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("request");
    assertThat(simulator.requestCount()).isZero();
  }

  @Test
  void consumerLeavingARequiredMemberUnset_failsWithIae_beforeAnyRequest() {
    assertThatThrownBy(() -> sms.showTask(b -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("taskId");
    // the asynchronous overload throws at once too, instead of returning a failed future
    assertThatThrownBy(() -> sms.showTaskAsync(b -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("taskId");
    assertThatThrownBy(() -> sms.createTask(b -> b.name("no type, no os")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(simulator.requestCount()).isZero();
  }

  @Test
  void everyRequestTakingMethod_hasAConsumerOverload() {
    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (Method m : SmsClient.class.getMethods()) {
      Class<?>[] params = m.getParameterTypes();
      if (params.length != 1
          || Modifier.isStatic(m.getModifiers())
          || !params[0].getName().startsWith("org.migrationkit.sms.model.")
          || !params[0].getSimpleName().endsWith("Request")) {
        continue;
      }
      checked++;
      Class<?> builder = builderOf(params[0]);
      boolean found =
          Arrays.stream(SmsClient.class.getMethods())
              .anyMatch(
                  o ->
                      o.getName().equals(m.getName())
                          && o.getParameterCount() == 1
                          && o.getParameterTypes()[0] == Consumer.class
                          && typeArgument(o.getGenericParameterTypes()[0]) == builder
                          && o.getGenericReturnType().equals(m.getGenericReturnType()));
      if (!found) {
        missing.add(m.getName() + "(Consumer<" + params[0].getSimpleName() + ".Builder>)");
      }
    }
    // the 51 operations of the description, sync and async, and the 5 paginators
    assertThat(checked).isEqualTo(51 * 2 + 5);
    assertThat(missing).isEmpty();
  }

  private static Class<?> builderOf(Class<?> request) {
    for (Class<?> nested : request.getClasses()) {
      if (nested.getSimpleName().equals("Builder")) {
        return nested;
      }
    }
    throw new AssertionError(request + " has no Builder");
  }

  private static Type typeArgument(Type type) {
    return type instanceof ParameterizedType
        ? ((ParameterizedType) type).getActualTypeArguments()[0]
        : Object.class;
  }
}
