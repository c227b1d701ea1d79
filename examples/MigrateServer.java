import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsException;
import org.migrationkit.sms.TaskFailedException;
import org.migrationkit.sms.TaskProgress;
import org.migrationkit.sms.TaskProgressListener;
import org.migrationkit.sms.WaitOptions;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.migration.TaskRequests;
import org.migrationkit.sms.model.CreateTaskRequest;
import org.migrationkit.sms.model.DeleteTaskRequest;
import org.migrationkit.sms.model.ListServersRequest;
import org.migrationkit.sms.model.ShowServerRequest;
import org.migrationkit.sms.model.ShowServerResponse;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.model.SourceServersResponseBody;
import org.migrationkit.sms.model.TaskOperation;
import org.migrationkit.sms.model.UpdateTaskStatusRequest;
import org.migrationkit.sms.testing.SmsSimulator;

/**
 * Migrates one source server end to end: find it, build the task with {@link TaskRequests} from its
 * {@code init_target_server}, start it, wait with a progress bar, report, delete the task.
 *
 * <p>With {@code CLOUD_SDK_AK} and {@code CLOUD_SDK_SK} set it runs against the real service: the
 * target region from {@code SMS_REGION} (default {@code ap-southeast-1}), that region's IAM project
 * id from {@code SMS_PROJECT_ID}, and the target from {@code SMS_TEMPLATE_ID} (a template the
 * service creates the ECS from) or from {@code SMS_TARGET_VM_ID} with {@code SMS_MIGRATION_IP} (an
 * existing ECS and the IP the source reaches it by); the source server is the one named by the
 * first argument, else the first connected one. Otherwise it starts the embedded simulator with one
 * registered source server, where the whole migration takes well under a second.
 */
public final class MigrateServer {
  public static void main(String[] args) {
    String ak = System.getenv("CLOUD_SDK_AK");
    String sk = System.getenv("CLOUD_SDK_SK");
    if (ak != null && sk != null) {
      String region = System.getenv().getOrDefault("SMS_REGION", "ap-southeast-1");
      String projectId = System.getenv("SMS_PROJECT_ID");
      String templateId = System.getenv("SMS_TEMPLATE_ID");
      String vmId = System.getenv("SMS_TARGET_VM_ID");
      String migrationIp = System.getenv("SMS_MIGRATION_IP");
      try (SmsClient sms =
          SmsClient.builder().region(region).credentials(Credentials.akSk(ak, sk)).build()) {
        WaitOptions options =
            WaitOptions.builder()
                .pollInterval(Duration.ofSeconds(10))
                .maxPollInterval(Duration.ofSeconds(60))
                .maxWait(Duration.ofHours(24))
                .build();
        boolean ok =
            migrate(
                sms,
                args.length > 0 ? args[0] : null,
                server -> {
                  // build() names every missing value at once: SMS_PROJECT_ID, the target...
                  TaskRequests.Builder task = TaskRequests.forServer(server).regionId(region);
                  if (projectId != null) {
                    task.projectId(projectId);
                  }
                  if (templateId != null) {
                    task.templateId(templateId);
                  }
                  if (vmId != null) {
                    task.targetServerId(vmId);
                  }
                  if (migrationIp != null) {
                    task.migrationIp(migrationIp);
                  }
                  return task.build();
                },
                options,
                System.out);
        System.exit(ok ? 0 : 1);
      }
    }
    Credentials credentials = Credentials.akSk("demo-access-key", "demo-secret-key");
    OkHttpClient http = new OkHttpClient(); // our own, so its threads end with the demo
    try (SmsSimulator simulator = SmsSimulator.start(credentials);
        SmsClient sms =
            SmsClient.builder()
                .endpoint(simulator.endpoint())
                .credentials(credentials)
                .httpClient(http)
                .build()) {
      simulator.addSourceServer("web-server-01");
      System.out.println("No CLOUD_SDK_AK/CLOUD_SDK_SK set: migrating in the embedded simulator");
      WaitOptions options = WaitOptions.builder().pollInterval(Duration.ofMillis(5)).build();
      migrate(
          sms,
          null,
          // The simulator takes any template id; on Huawei Cloud it comes from ListTemplates.
          server ->
              TaskRequests.forServer(server)
                  .regionId("ap-southeast-1")
                  .projectId("demo-project")
                  .templateId("demo-template")
                  .build(),
          options,
          System.out);
    } finally {
      http.dispatcher().executorService().shutdown();
    }
  }

  /** Runs the migration; returns whether it succeeded. */
  static boolean migrate(
      SmsClient sms,
      String serverName,
      Function<ShowServerResponse, CreateTaskRequest> taskRequest,
      WaitOptions options,
      PrintStream out) {
    SourceServersResponseBody found = null;
    for (SourceServersResponseBody s :
        sms.listServersPaginator(ListServersRequest.builder().name(serverName).build())) {
      if (Boolean.TRUE.equals(s.getConnected())) {
        found = s;
        break;
      }
    }
    if (found == null) {
      out.println(
          "No connected source server" + (serverName == null ? "" : " named " + serverName));
      return false;
    }
    ShowServerResponse server =
        sms.showServer(ShowServerRequest.builder().sourceId(found.getId()).build());
    out.println("Source server " + server.getName() + " (" + server.getIp() + ")");

    CreateTaskRequest request;
    try {
      request = taskRequest.apply(server);
    } catch (SmsException e) { // every missing or invalid value, in one line
      out.println(e.getMessage());
      return false;
    }
    String taskId = sms.createTask(request).getId();
    out.println("Created task " + taskId);
    sms.updateTaskStatus(
        UpdateTaskStatusRequest.builder().taskId(taskId).operation(TaskOperation.START).build());

    TaskProgressListener bar =
        new TaskProgressListener() {
          @Override
          public void onProgress(TaskProgress p) {
            out.println(bar(p));
          }
        };
    boolean ok = false;
    try {
      ShowTaskResponse done =
          sms.waitForTask(taskId, options.toBuilder().progressListener(bar).build());
      out.println("Migrated " + server.getName() + ": " + done.getState());
      ok = true;
    } catch (TaskFailedException e) {
      out.println("Migration failed: " + e.getErrorJson());
    } catch (SmsException e) {
      out.println("Cannot follow the task: " + e.getMessage());
    }
    if (!ok) { // a task still running cannot be deleted: stop it first
      try {
        sms.updateTaskStatus(
            UpdateTaskStatusRequest.builder().taskId(taskId).operation(TaskOperation.STOP).build());
      } catch (SmsException e) {
        out.println("Cannot stop the task (it may have ended): " + e.getMessage());
      }
    }
    sms.deleteTask(DeleteTaskRequest.builder().taskId(taskId).build());
    out.println("Deleted task " + taskId);
    return ok;
  }

  /** {@code [###############...............] 50% RUNNING MIGRATE_LINUX_FILE 25%}. */
  static String bar(TaskProgress p) {
    StringBuilder s = new StringBuilder(80).append('[');
    for (int i = 0; i < 30; i++) {
      s.append(i < p.overallPercent() * 30 / 100 ? '#' : '.');
    }
    s.append("] ").append(p.overallPercent()).append("%  ").append(p.state());
    if (p.currentSubTask() != null) {
      s.append("  ").append(p.currentSubTask()).append(' ').append(p.currentSubTaskPercent());
      s.append('%');
    }
    return s.toString();
  }
}
