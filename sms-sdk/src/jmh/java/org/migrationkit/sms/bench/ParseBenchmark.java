package org.migrationkit.sms.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huaweicloud.sdk.core.utils.JsonUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.migrationkit.sms.internal.json.JsonCodec;
import org.migrationkit.sms.internal.json.JsonCodecs;
import org.migrationkit.sms.internal.json.JsonValues;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a 200 body into each client's result, starting from the bytes the socket delivered:
 *
 * <ul>
 *   <li>{@code ours}: the path {@code Transport} takes, Jackson's streaming parser over the byte
 *       stream straight into the immutable model;
 *   <li>{@code oursFromString}: {@code ShowTaskResponse.fromJson}, given the text;
 *   <li>{@code official}: what {@code HcClient} does, the body decoded to a {@code String} and
 *       bound by the official SDK's own mapper ({@code JsonUtils.toObjectIgnoreUnknown});
 *   <li>{@code officialFromString}: the same bind given the text, the typed parse alone;
 *   <li>{@code floor}: {@code ObjectMapper.readValue} of the byte stream into a {@code Map}.
 * </ul>
 *
 * <p>{@code body=small} is the API page's 3 KB example, {@code body=large} the generated task with
 * 1,000 disks and 500 sub-tasks; divide by the size for the cost per KB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ParseBenchmark {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final JsonCodec<ShowTaskResponse> TASK = JsonCodecs.of(ShowTaskResponse.class);

  @Param({"small", "large"})
  public String body;

  private byte[] bytes;
  private String text;
  private final ObjectMapper floorMapper = new ObjectMapper();

  @Setup
  public void setUp() throws IOException {
    bytes = Fixtures.body(body);
    text = new String(bytes, StandardCharsets.UTF_8);
    int disks = body.equals("small") ? 1 : 1_000;
    Clients.expectDisks("ours", disks, ours().getTargetServer().getDisks().size());
    Clients.expectDisks("official", disks, official().getTargetServer().getDisks().size());
    Clients.expectDisks(
        "floor", disks, ((List<?>) ((Map<?, ?>) floor().get("target_server")).get("disks")).size());
    System.out.printf("%n%s body: %,d bytes%n", body, bytes.length);
  }

  @Benchmark
  public ShowTaskResponse ours() throws IOException {
    return JsonValues.readObjectDocument(new ByteArrayInputStream(bytes), TASK);
  }

  @Benchmark
  public ShowTaskResponse oursFromString() {
    return ShowTaskResponse.fromJson(text);
  }

  @Benchmark
  public com.huaweicloud.sdk.sms.v3.model.ShowTaskResponse official() {
    return JsonUtils.toObjectIgnoreUnknown(
        new String(bytes, StandardCharsets.UTF_8),
        com.huaweicloud.sdk.sms.v3.model.ShowTaskResponse.class);
  }

  @Benchmark
  public com.huaweicloud.sdk.sms.v3.model.ShowTaskResponse officialFromString() {
    return JsonUtils.toObjectIgnoreUnknown(
        text, com.huaweicloud.sdk.sms.v3.model.ShowTaskResponse.class);
  }

  @Benchmark
  public Map<String, Object> floor() throws IOException {
    return floorMapper.readValue(new ByteArrayInputStream(bytes), MAP);
  }
}
