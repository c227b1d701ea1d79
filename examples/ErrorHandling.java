import java.time.Duration;
import org.migrationkit.sms.RetryBudget;
import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsClientException;
import org.migrationkit.sms.SmsConnectionException;
import org.migrationkit.sms.SmsException;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.SmsTimeoutException;
import org.migrationkit.sms.TaskFailedException;
import org.migrationkit.sms.WaitOptions;
import org.migrationkit.sms.WaitTimeoutException;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.TaskState;
import org.migrationkit.sms.testing.Fault;
import org.migrationkit.sms.testing.FaultPlan;
import org.migrationkit.sms.testing.SmsSimulator;
import org.migrationkit.sms.testing.TaskScript;

/**
 * How to tell the SDK's failures apart and what to do about each, shown against the embedded
 * simulator, which produces every one of them on purpose (no cloud account needed).
 *
 * <p>The one method to copy is {@link #advice(SmsException)}: one {@code catch (SmsException e)}
 * and a look at its type and fields.
 */
public final class ErrorHandling {
  private static final String TASK = SmsSimulator.EXAMPLE_TASK_ID;

  public static void main(String[] args) {
    Credentials credentials = Credentials.akSk("demo-access-key", "demo-secret-key");
    RetryPolicy quick =
        RetryPolicy.builder()
            .maxAttempts(3)
            .baseDelay(Duration.ofMillis(10))
            .maxDelay(Duration.ofMillis(50)) // also caps a Retry-After, so the demo stays quick
            .retryBudget(RetryBudget.unlimited())
            .build();
    try (SmsSimulator simulator = SmsSimulator.start(credentials);
        SmsClient sms =
            SmsClient.builder()
                .endpoint(simulator.endpoint())
                .credentials(credentials)
                .retryPolicy(quick)
                .build();
        SmsClient impatient =
            SmsClient.builder()
                .endpoint(simulator.endpoint())
                .credentials(credentials)
                .callTimeout(
                    Duration.ofMillis(300)) // the whole call, every attempt and wait included
                .build()) {
      show("unknown task", simulator, FaultPlan.NONE, () -> sms.showTask("no-such-task"));
      show("no permission", simulator, only(Fault.status(403)), () -> sms.showTask(TASK));
      show(
          "throttled twice, then fine",
          simulator,
          FaultPlan.builder()
              .onRequests(1, 2, Fault.tooManyRequests(Duration.ofSeconds(1)))
              .build(),
          () -> sms.showTask(TASK));
      show(
          "service down",
          simulator,
          FaultPlan.builder().always(Fault.status(503)).build(),
          () -> sms.showTask(TASK));
      show(
          "connection dropped every time",
          simulator,
          FaultPlan.builder().always(Fault.dropConnection()).build(),
          () -> sms.showTask(TASK));
      show(
          "too slow",
          simulator,
          FaultPlan.builder().always(Fault.latency(Duration.ofSeconds(2))).build(),
          () -> impatient.showTask(TASK));
      show("garbled answer", simulator, only(Fault.malformedJson()), () -> sms.showTask(TASK));

      simulator.script(
          "failing-task",
          TaskScript.builder()
              .subTask("CREATE_CLOUD_SERVER", 1)
              .fail(
                  "MIGRATE_LINUX_FILE",
                  63,
                  "{\"error_code\":\"SM-3802\",\"error_msg\":\"disk full\"}",
                  "rsync: write failed: No space left on device (28)")
              .build());
      WaitOptions fast = WaitOptions.builder().pollInterval(Duration.ofMillis(10)).build();
      show(
          "migration failed",
          simulator,
          FaultPlan.NONE,
          () -> sms.waitForTask("failing-task", fast));

      simulator.script("slow-task", TaskScript.builder().hold(TaskState.RUNNING, 1).build());
      show(
          "migration still running",
          simulator,
          FaultPlan.NONE,
          () ->
              sms.waitForTask(
                  "slow-task", fast.toBuilder().maxWait(Duration.ofMillis(100)).build()));
    }
  }

  /** What to do about a failure: the pattern to copy into your own code. */
  static String advice(SmsException e) {
    if (e instanceof TaskFailedException) {
      TaskFailedException failed = (TaskFailedException) e;
      return "the migration failed in "
          + failed.getFailingSubTask().getName()
          + ": "
          + failed.getErrorJson()
          + " / "
          + failed.getProcessTrace()
          + " -> fix the cause, then retry the task";
    }
    if (e instanceof WaitTimeoutException) {
      return "still "
          + ((WaitTimeoutException) e).getLastResponse().getState()
          + " -> wait longer or alert";
    }
    if (e instanceof SmsServiceException) {
      SmsServiceException s = (SmsServiceException) e;
      String what =
          s.getStatusCode() == 404
              ? "no such task -> stop polling it"
              : s.getStatusCode() == 403
                  ? "permission denied -> fix the IAM policy"
                  : s.isThrottling()
                      ? "throttled -> slow down"
                      : s.isRetryable()
                          ? "service trouble -> try again later"
                          : "rejected -> check the request";
      return "HTTP "
          + s.getStatusCode()
          + " "
          + s.getErrorCode()
          + " (request id "
          + s.getRequestId()
          + ", "
          + s.getAttempts()
          + " attempt(s)): "
          + what;
    }
    if (e instanceof SmsTimeoutException) {
      return "timed out ("
          + ((SmsTimeoutException) e).getTimeout()
          + ") -> raise the timeout or retry later";
    }
    if (e instanceof SmsConnectionException) {
      return "no connection after "
          + e.getAttempts()
          + " attempt(s) -> check network, proxy and endpoint";
    }
    if (e instanceof SmsClientException) {
      return "unusable answer -> report it with the request id: " + e.getMessage();
    }
    return e.getMessage();
  }

  private static FaultPlan only(Fault fault) {
    return FaultPlan.builder().onRequest(1, fault).build();
  }

  private static void show(
      String scenario, SmsSimulator simulator, FaultPlan faults, Runnable call) {
    simulator.faults(faults);
    long before = simulator.requestCount();
    try {
      call.run();
      System.out.println(
          scenario + ": succeeded after " + (simulator.requestCount() - before) + " request(s)");
    } catch (SmsException e) {
      System.out.println(scenario + ": " + e.getClass().getSimpleName() + " - " + advice(e));
    } finally {
      simulator.faults(FaultPlan.NONE);
    }
  }
}
