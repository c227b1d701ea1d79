package org.migrationkit.sms.bench.cold;

import java.time.Instant;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.ShowTaskResponse;

/**
 * Cold start with our client: a new JVM builds the client, fetches one task and prints it. Run by
 * {@code src/jmh/cold-start.sh} on our jar and its runtime dependencies only.
 *
 * <p>Usage: {@code OursFirstTask <endpoint> <task id> <ak> <sk> <domain id>}
 */
public final class OursFirstTask {
  private OursFirstTask() {}

  public static void main(String[] args) {
    SmsClient sms =
        SmsClient.builder()
            .endpoint(args[0])
            .credentials(Credentials.akSk(args[2], args[3]).withDomainId(args[4]))
            .build();
    ShowTaskResponse task = sms.showTask(args[1]);
    System.out.println(
        "task "
            + task.getId()
            + " "
            + task.getState().value()
            + " disks="
            + task.getTargetServer().getDisks().size());
    Instant printed = Instant.now();
    System.out.println(
        "printed-at-us " + (printed.getEpochSecond() * 1_000_000L + printed.getNano() / 1_000));
    System.exit(0); // the same for all three: lingering pool threads must not decide the time
  }
}
