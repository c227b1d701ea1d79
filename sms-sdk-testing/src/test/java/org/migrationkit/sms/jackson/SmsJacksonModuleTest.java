package org.migrationkit.sms.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.model.Firmware;
import org.migrationkit.sms.model.ShowServerResponse;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.model.SubTask;
import org.migrationkit.sms.model.TaskState;
import org.migrationkit.sms.testing.SmsSimulator;

/** An application's own ObjectMapper writes and reads the model in the wire format. */
class SmsJacksonModuleTest {
  private static final ShowTaskResponse TASK = SmsSimulator.exampleTask();

  private final ObjectMapper mapper = new ObjectMapper().registerModule(new SmsJacksonModule());

  /** What a Spring controller or a message queue would carry: the model inside the app's type. */
  public static final class TaskEvent {
    public String source;
    public ShowTaskResponse task;
    public List<SubTask> subTasks;
    public TaskState previousState;
    public Map<String, TaskState> stateByTask;
  }

  @Test
  void writeValueAsString_showTaskResponse_isTheWireJson() throws Exception {
    String json = mapper.writeValueAsString(TASK);

    assertThat(json).isEqualTo(TASK.toJson());
    assertThat(json).contains("\"os_type\":", "\"create_date\":");
  }

  @Test
  void everyDescribedModel_writtenAndReadLikeItsOwnJson() throws Exception {
    ShowServerResponse server =
        ShowServerResponse.fromJson(
            "{\"id\":\"s1\",\"firmware\":\"UEFI\",\"disks\":[{\"name\":\"sda\"}],"
                + "\"current_task\":{\"state\":\"RUNNING\"}}");

    assertThat(mapper.writeValueAsString(server)).isEqualTo(server.toJson());
    assertThat(mapper.readValue(server.toJson(), ShowServerResponse.class)).isEqualTo(server);
    assertThat(mapper.writeValueAsString(Firmware.of("FUTURE"))).isEqualTo("\"FUTURE\"");
  }

  @Test
  void readValue_wireJson_equalsTheModelsOwnReader() throws Exception {
    ShowTaskResponse read = mapper.readValue(TASK.toJson(), ShowTaskResponse.class);

    assertThat(read).isEqualTo(TASK).isEqualTo(ShowTaskResponse.fromJson(TASK.toJson()));
  }

  @Test
  void roundTrip_insideApplicationPojo_keepsEveryValue() throws Exception {
    TaskEvent event = new TaskEvent();
    event.source = "poller-1";
    event.task = TASK;
    event.subTasks = TASK.getSubTasks();
    event.previousState = TaskState.of("SOME_FUTURE_STATE");
    event.stateByTask = Map.of("t-1", TaskState.RUNNING);

    String json = mapper.writeValueAsString(event);
    TaskEvent back = mapper.readValue(json, TaskEvent.class);

    assertThat(back.source).isEqualTo("poller-1");
    assertThat(back.task).isEqualTo(TASK);
    assertThat(back.subTasks).isEqualTo(TASK.getSubTasks()).isNotEmpty();
    assertThat(back.previousState.value()).isEqualTo("SOME_FUTURE_STATE");
    assertThat(back.previousState.isKnown()).isFalse();
    assertThat(back.stateByTask).containsEntry("t-1", TaskState.RUNNING);
    JsonNode tree = mapper.readTree(json);
    assertThat(tree.get("previousState").asText()).isEqualTo("SOME_FUTURE_STATE");
    assertThat(tree.get("task")).isEqualTo(mapper.readTree(TASK.toJson()));
  }

  @Test
  void mapperSettings_namingAndDates_doNotChangeTheWireFormat() throws Exception {
    ObjectMapper camelAndIsoDates =
        new ObjectMapper()
            .registerModule(new SmsJacksonModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    String json = camelAndIsoDates.writeValueAsString(TASK);

    assertThat(json).isEqualTo(TASK.toJson());
    assertThat(camelAndIsoDates.readTree(json).get("create_date").isIntegralNumber()).isTrue();
    assertThat(camelAndIsoDates.readValue(json, ShowTaskResponse.class)).isEqualTo(TASK);
  }

  @Test
  void convertValue_throughTokenBuffer_roundTrips() {
    Map<String, Object> asMap =
        mapper.convertValue(TASK, new TypeReference<Map<String, Object>>() {});

    assertThat(asMap.get("create_date")).isEqualTo(TASK.getCreateDate().toEpochMilli());
    assertThat(mapper.convertValue(asMap, ShowTaskResponse.class)).isEqualTo(TASK);
  }

  @Test
  void indentOutput_isApplied_andReadsBack() throws Exception {
    String pretty = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(TASK);

    assertThat(pretty).contains("\n  \"name\" : ");
    assertThat(mapper.readValue(pretty, ShowTaskResponse.class)).isEqualTo(TASK);
  }

  /** An application that asks for type ids, as caches and queues with default typing do. */
  public static final class Typed {
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@kind")
    public ShowTaskResponse task;
  }

  @Test
  void roundTrip_withTypeIds_keepsTheTask() throws Exception {
    Typed typed = new Typed();
    typed.task = TASK;

    String json = mapper.writeValueAsString(typed);

    assertThat(json).startsWith("{\"task\":[\"ShowTaskResponse\",{");
    assertThat(mapper.readValue(json, Typed.class).task).isEqualTo(TASK);
  }

  @Test
  void readValue_typeIdAsFirstProperty_readsTheRestOfTheObject() throws Exception {
    // databind consumes the object's start and its type id, then hands over the next field
    String json =
        "{\"task\":{\"@kind\":\"ShowTaskResponse\",\"name\":\"n\",\"create_date\":1598435778000,"
            + "\"state\":\"RUNNING\"}}";

    ShowTaskResponse task = mapper.readValue(json, Typed.class).task;

    assertThat(task.getName()).isEqualTo("n");
    assertThat(task.getCreateDate()).isEqualTo(Instant.ofEpochMilli(1598435778000L));
    assertThat(task.getState()).isEqualTo(TaskState.RUNNING);
  }

  @Test
  void readValue_lenientAsTheClient_numberAsText() throws Exception {
    ShowTaskResponse task = mapper.readValue("{\"priority\":\"2\"}", ShowTaskResponse.class);

    assertThat(task.getPriority()).isEqualTo(2);
  }

  @Test
  void readValue_unconvertibleValue_failsNamingThePath() {
    Throwable failure =
        catchThrowable(
            () ->
                mapper.readValue(
                    "{\"target_server\":{\"disks\":[{\"size\":\"big\"}]}}",
                    ShowTaskResponse.class));

    assertThat(failure)
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("$.target_server.disks[0].size");
  }

  @Test
  void readValue_arrayForTask_failsAsMismatchedInput() {
    Throwable failure = catchThrowable(() -> mapper.readValue("[1]", ShowTaskResponse.class));

    assertThat(failure).isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void findAndRegisterModules_findsTheModuleOnTheClassPath() throws Exception {
    ObjectMapper discovered = new ObjectMapper().findAndRegisterModules();

    assertThat(discovered.getRegisteredModuleIds()).contains(SmsJacksonModule.class.getName());
    assertThat(discovered.writeValueAsString(TASK)).isEqualTo(TASK.toJson());
  }
}
