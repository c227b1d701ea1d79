package org.migrationkit.sms.bench.cold;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.migrationkit.sms.bench.FloorClient;

/**
 * Cold start with the floor client: a new JVM builds it, fetches one task into a {@code Map} and
 * prints it. Run by {@code src/jmh/cold-start.sh} on OkHttp and jackson-databind only.
 *
 * <p>Usage: {@code FloorFirstTask <endpoint> <task id> <ak> <sk> <domain id>}
 */
public final class FloorFirstTask {
  private FloorFirstTask() {}

  public static void main(String[] args) throws IOException {
    FloorClient floor = new FloorClient(args[0], args[2], args[3], args[4]);
    Map<String, Object> task = floor.showTask(args[1]);
    Map<?, ?> target = (Map<?, ?>) task.get("target_server");
    System.out.println(
        "task "
            + task.get("id")
            + " "
            + task.get("state")
            + " disks="
            + ((List<?>) target.get("disks")).size());
    Instant printed = Instant.now();
    System.out.println(
        "printed-at-us " + (printed.getEpochSecond() * 1_000_000L + printed.getNano() / 1_000));
    System.exit(0); // the same for all three: lingering pool threads must not decide the time
  }
}
