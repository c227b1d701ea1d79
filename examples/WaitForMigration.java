import java.io.PrintStream;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.migrationkit.sms.CallInfo;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsEventListener;
import org.migrationkit.sms.SmsException;
import org.migrationkit.sms.TaskFailedException;
import org.migrationkit.sms.TaskProgress;
import org.migrationkit.sms.TaskProgressListener;
import org.migrationkit.sms.WaitOptions;
import org.migrationkit.sms.WaitTimeoutException;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.model.TaskState;
import org.migrationkit.sms.testing.SmsSimulator;
import org.migrationkit.sms.testing.TaskScript;

/**
 * Waits for a migration task to finish, with a progress bar on the terminal.
 *
 * <p>With {@code CLOUD_SDK_AK} and {@code CLOUD_SDK_SK} set it waits on the real service: region
 * from {@code SMS_REGION} (default {@code ap-southeast-1}), task id from {@code SMS_TASK_ID} or the
 * first argument, polling every 10 s up to 60 s for at most 12 hours. Otherwise it starts the
 * embedded simulator with a scripted Linux migration that runs in about a second (each poll stands
 * for a minute of the simulator's virtual clock, so the remaining time counts down).
 *
 * <p>On a terminal the bar redraws in place; when the output is a file or a pipe, each change is a
 * line of its own.
 */
public final class WaitForMigration {
  public static void main(String[] args) {
    String ak = System.getenv("CLOUD_SDK_AK");
    String sk = System.getenv("CLOUD_SDK_SK");
    if (ak != null && sk != null) {
      String taskId = args.length > 0 ? args[0] : System.getenv("SMS_TASK_ID");
      if (taskId == null) {
        System.err.println("Set SMS_TASK_ID (or pass the task id as the first argument).");
        System.exit(2);
      }
      String region = System.getenv().getOrDefault("SMS_REGION", "ap-southeast-1");
      try (SmsClient sms =
          SmsClient.builder().region(region).credentials(Credentials.akSk(ak, sk)).build()) {
        WaitOptions options =
            WaitOptions.builder()
                .pollInterval(Duration.ofSeconds(10))
                .maxPollInterval(Duration.ofSeconds(60))
                .maxWait(Duration.ofHours(12))
                .build();
        System.exit(waitWithProgressBar(sms, taskId, options, System.out) ? 0 : 1);
      }
    } else {
      waitOnSimulator(System.out);
    }
  }

  private static void waitOnSimulator(PrintStream out) {
    Credentials credentials = Credentials.akSk("demo-access-key", "demo-secret-key");
    try (SmsSimulator simulator = SmsSimulator.start(credentials)) {
      simulator.script(
          "demo-task",
          TaskScript.builder()
              .stepEvery(Duration.ofMinutes(2))
              .hold(TaskState.READY, 1)
              .subTask("CREATE_CLOUD_SERVER", 2)
              .subTask("SSL_CONFIG", 1)
              .subTask("ATTACH_AGENT_IMAGE", 1)
              .subTask("FORMAT_DISK_LINUX", 2)
              .subTask("MIGRATE_LINUX_FILE", 8)
              .subTask("CONFIGURE_LINUX", 2)
              .succeed()
              .migrateSpeed(85.3)
              .build());
      SmsEventListener minutePerPoll =
          new SmsEventListener() {
            @Override
            public void callEnd(CallInfo call, Duration duration) {
              simulator.advance(Duration.ofMinutes(1));
            }
          };
      // Polls run on OkHttp's dispatcher, whose idle threads are not daemons and linger 60 s: a
      // JVM (and `mvn exec:java`, which waits for them) would sit a minute after the last poll.
      // An OkHttpClient of our own lets this demo shut its threads down as soon as it is done.
      OkHttpClient http = new OkHttpClient();
      try (SmsClient sms =
          SmsClient.builder()
              .endpoint(simulator.endpoint())
              .credentials(credentials)
              .eventListener(minutePerPoll)
              .httpClient(http)
              .build()) {
        out.println(
            "No CLOUD_SDK_AK/CLOUD_SDK_SK set: waiting on a scripted task in the embedded simulator");
        WaitOptions options =
            WaitOptions.builder()
                .pollInterval(Duration.ofMillis(20))
                .maxPollInterval(Duration.ofMillis(40))
                .maxWait(Duration.ofMinutes(1))
                .build();
        waitWithProgressBar(sms, "demo-task", options, out);
      } finally {
        http.dispatcher().executorService().shutdown();
      }
    }
  }

  /** Waits for the task, drawing its progress; returns whether it ended successfully. */
  static boolean waitWithProgressBar(
      SmsClient sms, String taskId, WaitOptions options, PrintStream out) {
    boolean terminal = System.console() != null && out == System.out;
    TaskProgressListener bar =
        new TaskProgressListener() {
          @Override
          public void onProgress(TaskProgress p) {
            if (p.stateChanged() && p.previousState() != null && terminal) {
              out.println();
            }
            out.print((terminal ? "\r" : "") + line(p) + (terminal ? "" : System.lineSeparator()));
            out.flush();
          }

          @Override
          public void onPollFailed(SmsException failure, int consecutiveFailures) {
            out.print(
                (terminal ? System.lineSeparator() : "")
                    + "  poll failed ("
                    + consecutiveFailures
                    + " in a row), still waiting: "
                    + failure.getMessage()
                    + System.lineSeparator());
          }
        };
    try {
      ShowTaskResponse done =
          sms.waitForTask(taskId, options.toBuilder().progressListener(bar).build());
      out.println(
          (terminal ? System.lineSeparator() : "")
              + "Task "
              + taskId
              + " finished: "
              + done.getState());
      return true;
    } catch (TaskFailedException e) {
      out.println();
      out.println("Task " + taskId + " failed in state " + e.getLastResponse().getState());
      out.println("  error_json:    " + e.getErrorJson());
      out.println("  process_trace: " + e.getProcessTrace());
    } catch (WaitTimeoutException e) {
      out.println();
      out.println("Gave up waiting: " + e.getMessage());
    } catch (SmsException e) {
      out.println();
      out.println("Cannot poll the task: " + e.getMessage());
    }
    return false;
  }

  /** {@code [##########..........] 50% RUNNING MIGRATE_LINUX_FILE 25% 85.3 MB/s ~16 min left}. */
  static String line(TaskProgress p) {
    int width = 30;
    int filled = p.overallPercent() * width / 100;
    StringBuilder s = new StringBuilder(100).append('[');
    for (int i = 0; i < width; i++) {
      s.append(i < filled ? '#' : '.');
    }
    s.append("] ").append(pad(p.overallPercent())).append("%  ").append(p.state());
    if (p.currentSubTask() != null) {
      s.append("  ")
          .append(p.currentSubTask())
          .append(' ')
          .append(p.currentSubTaskPercent())
          .append('%');
    }
    if (p.migrateSpeed() != null && p.migrateSpeed() > 0) {
      s.append("  ").append(p.migrateSpeed()).append(" MB/s");
    }
    if (p.remaining() != null && !p.remaining().isZero()) {
      s.append("  ~").append(p.remaining().toMinutes()).append(" min left");
    }
    return s.toString();
  }

  private static String pad(int percent) {
    return percent < 10 ? "  " + percent : percent < 100 ? " " + percent : String.valueOf(percent);
  }
}
