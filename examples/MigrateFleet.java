import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.WaitOptions;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.migration.FleetEvent;
import org.migrationkit.sms.migration.FleetItem;
import org.migrationkit.sms.migration.FleetListener;
import org.migrationkit.sms.migration.FleetMigration;
import org.migrationkit.sms.migration.FleetReport;
import org.migrationkit.sms.migration.TaskRequests;
import org.migrationkit.sms.model.TaskState;
import org.migrationkit.sms.testing.SmsSimulator;
import org.migrationkit.sms.testing.TaskScript;

/**
 * Migrates a fleet: every connected source server, at most 20 at a time, resumable from a state
 * file, with a CSV report at the end.
 *
 * <p>With {@code CLOUD_SDK_AK} and {@code CLOUD_SDK_SK} set it runs against the real service: the
 * target region from {@code SMS_REGION} (default {@code ap-southeast-1}), its IAM project id from
 * {@code SMS_PROJECT_ID}, one template for every target from {@code SMS_TEMPLATE_ID}, the state
 * file from the first argument (default {@code fleet-state.json}: run again with it after a crash
 * and the fleet goes on where it was). Otherwise it migrates twelve servers in the embedded
 * simulator, two of which fail.
 */
public final class MigrateFleet {
  public static void main(String[] args) throws IOException {
    String ak = System.getenv("CLOUD_SDK_AK");
    String sk = System.getenv("CLOUD_SDK_SK");
    if (ak != null && sk != null) {
      String region = System.getenv().getOrDefault("SMS_REGION", "ap-southeast-1");
      String projectId = System.getenv("SMS_PROJECT_ID");
      String templateId = System.getenv("SMS_TEMPLATE_ID");
      Path state = Path.of(args.length > 0 ? args[0] : "fleet-state.json");
      try (SmsClient sms =
          SmsClient.builder().region(region).credentials(Credentials.akSk(ak, sk)).build()) {
        WaitOptions waits =
            WaitOptions.builder()
                .pollInterval(Duration.ofSeconds(30))
                .maxPollInterval(Duration.ofMinutes(2))
                .maxWait(Duration.ofHours(48))
                .build();
        FleetReport report = migrate(sms, region, projectId, templateId, state, waits, System.out);
        System.exit(report.failed().isEmpty() ? 0 : 1);
      }
    }
    Credentials credentials = Credentials.akSk("demo-access-key", "demo-secret-key");
    OkHttpClient http = new OkHttpClient(); // our own, so its threads end with the demo
    Path dir = Files.createTempDirectory("sms-fleet-demo");
    try (SmsSimulator simulator = SmsSimulator.builder().accept(credentials).empty().start();
        SmsClient sms =
            SmsClient.builder()
                .endpoint(simulator.endpoint())
                .credentials(credentials)
                .httpClient(http)
                .build()) {
      for (int i = 1; i <= 12; i++) {
        String id = simulator.addSourceServer(String.format("app-%02d", i)).getId();
        if (i == 4) {
          simulator.scriptServer(
              id,
              TaskScript.builder()
                  .subTask("MIGRATE_LINUX_FILE", 2)
                  .fail(
                      "CONFIGURE_LINUX",
                      40,
                      "{\"error_code\":\"SMS.6201\",\"error_msg\":\"No space left on device\"}",
                      "grub2-mkconfig: no space left on device")
                  .build());
        } else if (i == 9) {
          simulator.scriptServer(id, TaskScript.builder().end(TaskState.MIGRATE_FAIL).build());
        }
      }
      System.out.println("No CLOUD_SDK_AK/CLOUD_SDK_SK set: migrating 12 servers in the simulator");
      WaitOptions waits = WaitOptions.builder().pollInterval(Duration.ofMillis(5)).build();
      migrate(
          sms,
          "ap-southeast-1",
          "demo-project",
          "demo-template", // the simulator takes any template id
          dir.resolve("fleet-state.json"),
          waits,
          System.out);
    } finally {
      http.dispatcher().executorService().shutdown();
    }
  }

  static FleetReport migrate(
      SmsClient sms,
      String region,
      String projectId,
      String templateId,
      Path stateFile,
      WaitOptions waits,
      PrintStream out) {
    FleetListener progress =
        new FleetListener() {
          @Override
          public void onServerEvent(FleetEvent e) {
            if (e.kind() == FleetEvent.Kind.SUCCEEDED || e.kind() == FleetEvent.Kind.FAILED) {
              out.println(e.kind() + " " + e.sourceServerId() + " " + e.message());
            }
          }
        };
    FleetReport report =
        FleetMigration.builder(sms)
            .servers(server -> Boolean.TRUE.equals(server.getConnected()))
            .taskRequest(
                server ->
                    TaskRequests.forServer(server)
                        .regionId(region)
                        .projectId(projectId)
                        .templateId(templateId)
                        .build())
            .maxConcurrent(20)
            .maxRestarts(1)
            .waitOptions(waits)
            .stateFile(stateFile)
            .listener(progress)
            .build()
            .run();
    List<FleetItem> failed = report.failed();
    out.println(
        "Fleet done: " + report.succeeded().size() + " migrated, " + failed.size() + " failed");
    for (FleetItem item : failed) {
      out.println("  " + item.sourceServerId() + ": " + item.error());
    }
    out.print(report.toCsv());
    return report;
  }
}
