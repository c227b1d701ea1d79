package org.migrationkit.sms.bench;

import com.huaweicloud.sdk.sms.v3.model.PostTask;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.model.CreateTaskRequest;
import org.migrationkit.sms.model.CreateTaskResponse;
import org.migrationkit.sms.model.ListTasksRequest;
import org.migrationkit.sms.model.ListTasksResponse;
import org.migrationkit.sms.model.OsType;
import org.migrationkit.sms.model.PhysicalVolumes;
import org.migrationkit.sms.model.SourceServerByTask;
import org.migrationkit.sms.model.TargetDisks;
import org.migrationkit.sms.model.TargetServerByTask;
import org.migrationkit.sms.model.TaskType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code listTasks} (a page of 100 tasks) and {@code createTask} (a signed JSON body) end to end,
 * ours beside the official SDK, against one {@link RoutingLoopbackServer} in this JVM: GET answers
 * the page, POST the new task's id.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class OperationsBenchmark {
  private RoutingLoopbackServer server;
  private SmsClient ours;
  private com.huaweicloud.sdk.sms.v3.SmsClient official;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    server =
        RoutingLoopbackServer.start(
            taskPage(100),
            "{\"id\":\"0b5a3f3e-3c3d-4d6f-9a7b-1c2d3e4f5a6b\"}".getBytes(StandardCharsets.UTF_8));
    ours = Clients.ours(server.url());
    official = Clients.official(server.url());
    int ourTasks = ours().getTasks().size();
    int theirTasks = official().getTasks().size();
    if (ourTasks != 100 || theirTasks != 100) {
      throw new IllegalStateException("page of 100 read as " + ourTasks + " / " + theirTasks);
    }
    if (oursCreate().getId() == null || officialCreate().getId() == null) {
      throw new IllegalStateException("createTask answered no id");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    ours.close();
    server.close();
  }

  @Benchmark
  public ListTasksResponse ours() {
    return ours.listTasks(ListTasksRequest.builder().limit(100).offset(0).build());
  }

  @Benchmark
  public com.huaweicloud.sdk.sms.v3.model.ListTasksResponse official() {
    return official.listTasks(
        new com.huaweicloud.sdk.sms.v3.model.ListTasksRequest().withLimit(100).withOffset(0));
  }

  @Benchmark
  public CreateTaskResponse oursCreate() {
    return ours.createTask(
        CreateTaskRequest.builder()
            .name("web-01 migration")
            .type(TaskType.MIGRATE_BLOCK)
            .osType(OsType.LINUX)
            .sourceServer(
                SourceServerByTask.builder().id("2b1c3d4e-5f60-4718-9a0b-c1d2e3f40516").build())
            .targetServer(
                TargetServerByTask.builder()
                    .name("web-01-target")
                    .vmId("7d6c5b4a-3928-4716-a5b4-c3d2e1f00918")
                    .disks(
                        List.of(
                            TargetDisks.builder()
                                .name("/dev/vda")
                                .size(42949672960L)
                                .usedSize(10737418240L)
                                .physicalVolumes(
                                    List.of(
                                        PhysicalVolumes.builder()
                                            .name("/dev/vda1")
                                            .size(42949672960L)
                                            .usedSize(10737418240L)
                                            .build()))
                                .build()))
                    .build())
            .regionName("ap-southeast-1")
            .regionId("ap-southeast-1")
            .projectName("ap-southeast-1")
            .projectId("0a1b2c3d4e5f60718293a4b5c6d7e8f9")
            .build());
  }

  @Benchmark
  public com.huaweicloud.sdk.sms.v3.model.CreateTaskResponse officialCreate() {
    return official.createTask(
        new com.huaweicloud.sdk.sms.v3.model.CreateTaskRequest()
            .withBody(
                new PostTask()
                    .withName("web-01 migration")
                    .withType(PostTask.TypeEnum.MIGRATE_BLOCK)
                    .withOsType("LINUX")
                    .withSourceServer(
                        new com.huaweicloud.sdk.sms.v3.model.SourceServerByTask()
                            .withId("2b1c3d4e-5f60-4718-9a0b-c1d2e3f40516"))
                    .withTargetServer(
                        new com.huaweicloud.sdk.sms.v3.model.TargetServerByTask()
                            .withName("web-01-target")
                            .withVmId("7d6c5b4a-3928-4716-a5b4-c3d2e1f00918")
                            .withDisks(
                                List.of(
                                    new com.huaweicloud.sdk.sms.v3.model.TargetDisks()
                                        .withName("/dev/vda")
                                        .withSize(42949672960L)
                                        .withUsedSize(10737418240L)
                                        .withPhysicalVolumes(
                                            List.of(
                                                new com.huaweicloud.sdk.sms.v3.model
                                                        .PhysicalVolumes()
                                                    .withName("/dev/vda1")
                                                    .withSize(42949672960L)
                                                    .withUsedSize(10737418240L))))))
                    .withRegionName("ap-southeast-1")
                    .withRegionId("ap-southeast-1")
                    .withProjectName("ap-southeast-1")
                    .withProjectId("0a1b2c3d4e5f60718293a4b5c6d7e8f9")));
  }

  /** A {@code ListTasks} page of {@code n} tasks, each with its servers and three sub-tasks. */
  static byte[] taskPage(int n) {
    StringBuilder s =
        new StringBuilder(n * 900).append("{\"count\":").append(n * 3).append(",\"tasks\":[");
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        s.append(',');
      }
      s.append("{\"id\":\"task-")
          .append(i)
          .append("\",\"name\":\"migration ")
          .append(i)
          .append("\",\"type\":\"MIGRATE_BLOCK\",\"os_type\":\"LINUX\",\"state\":\"RUNNING\"")
          .append(",\"create_date\":1598435778000,\"estimate_complete_time\":1598445778000")
          .append(",\"priority\":1,\"speed_limit\":0,\"migrate_speed\":12.5,\"compress_rate\":1.8")
          .append(",\"start_target_server\":true,\"total_time\":3600000")
          .append(",\"migration_ip\":\"192.168.0.")
          .append(i % 250)
          .append("\",\"source_server\":{\"id\":\"src-")
          .append(i)
          .append("\",\"ip\":\"10.0.0.")
          .append(i % 250)
          .append("\",\"name\":\"web-")
          .append(i)
          .append("\",\"os_type\":\"LINUX\",\"os_version\":\"CENTOS_7_9_64BIT\"}")
          .append(",\"target_server\":{\"vm_id\":\"vm-")
          .append(i)
          .append("\",\"name\":\"web-")
          .append(i)
          .append("-target\"}")
          .append(",\"sub_tasks\":[")
          .append(
              "{\"name\":\"CREATE_CLOUD_SERVER\",\"progress\":100,\"start_date\":1598435800000,\"end_date\":1598435900000},")
          .append(
              "{\"name\":\"ATTACH_AGENT_IMAGE\",\"progress\":100,\"start_date\":1598435900000,\"end_date\":1598436000000},")
          .append(
              "{\"name\":\"MIGRATE_LINUX_BLOCK\",\"progress\":42,\"start_date\":1598436000000}]}");
    }
    return s.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }
}
