package org.migrationkit.sms.bench.cold;

import com.huaweicloud.sdk.core.auth.GlobalCredentials;
import com.huaweicloud.sdk.sms.v3.SmsClient;
import com.huaweicloud.sdk.sms.v3.model.ShowTaskRequest;
import com.huaweicloud.sdk.sms.v3.model.ShowTaskResponse;
import java.time.Instant;
import java.util.List;

/**
 * Cold start with the official SDK: a new JVM builds its client, fetches one task and prints it.
 * Run by {@code src/jmh/cold-start.sh} on the official SDK's own dependencies (as a user gets
 * them).
 *
 * <p>Usage: {@code OfficialFirstTask <endpoint> <task id> <ak> <sk> <domain id>}
 */
public final class OfficialFirstTask {
  private OfficialFirstTask() {}

  public static void main(String[] args) {
    SmsClient sms =
        SmsClient.newBuilder()
            .withCredential(
                new GlobalCredentials().withAk(args[2]).withSk(args[3]).withDomainId(args[4]))
            .withEndpoints(List.of(args[0]))
            .build();
    ShowTaskResponse task = sms.showTask(new ShowTaskRequest().withTaskId(args[1]));
    System.out.println(
        "task "
            + task.getId()
            + " "
            + task.getState()
            + " disks="
            + task.getTargetServer().getDisks().size());
    Instant printed = Instant.now();
    System.out.println(
        "printed-at-us " + (printed.getEpochSecond() * 1_000_000L + printed.getNano() / 1_000));
    System.exit(0); // the same for all three: lingering pool threads must not decide the time
  }
}
