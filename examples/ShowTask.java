import java.io.PrintStream;
import java.time.Instant;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsException;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.LogicalVolume;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.model.SourceServer;
import org.migrationkit.sms.model.SubTask;
import org.migrationkit.sms.model.TargetDisk;
import org.migrationkit.sms.model.TargetPhysicalVolume;
import org.migrationkit.sms.model.TaskTargetServer;
import org.migrationkit.sms.model.VolumeGroup;
import org.migrationkit.sms.testing.SmsSimulator;

/**
 * Shows one migration task as a typed tree.
 *
 * <p>With {@code CLOUD_SDK_AK} and {@code CLOUD_SDK_SK} set it asks the real service: region from
 * {@code SMS_REGION} (default {@code ap-southeast-1}), task id from {@code SMS_TASK_ID} or the
 * first argument, domain id from {@code HUAWEICLOUD_SDK_DOMAIN_ID} when set. Otherwise it starts
 * the embedded {@link SmsSimulator} and asks that for the API page's example task.
 */
public final class ShowTask {
  public static void main(String[] args) {
    String ak = System.getenv("CLOUD_SDK_AK");
    String sk = System.getenv("CLOUD_SDK_SK");
    try {
      if (ak != null && sk != null) {
        showFromService(ak, sk, args.length > 0 ? args[0] : System.getenv("SMS_TASK_ID"));
      } else {
        showFromSimulator();
      }
    } catch (SmsException e) {
      System.err.println("ShowTask failed: " + e.getMessage());
      System.exit(1);
    }
  }

  private static void showFromService(String ak, String sk, String taskId) {
    if (taskId == null) {
      System.err.println("Set SMS_TASK_ID (or pass the task id as the first argument).");
      System.exit(2);
    }
    Credentials credentials = Credentials.akSk(ak, sk);
    String domainId = System.getenv("HUAWEICLOUD_SDK_DOMAIN_ID");
    if (domainId != null) {
      credentials = credentials.withDomainId(domainId);
    }
    String region = System.getenv().getOrDefault("SMS_REGION", "ap-southeast-1");
    try (SmsClient sms = SmsClient.builder().region(region).credentials(credentials).build()) {
      System.out.println("Asking SMS in " + region + " for task " + taskId);
      print(sms.showTask(taskId), System.out);
    }
  }

  private static void showFromSimulator() {
    Credentials credentials =
        Credentials.akSk("demo-access-key", "demo-secret-key").withDomainId("demo-domain");
    try (SmsSimulator simulator = SmsSimulator.start(credentials);
        SmsClient sms =
            SmsClient.builder().endpoint(simulator.endpoint()).credentials(credentials).build()) {
      System.out.println(
          "No CLOUD_SDK_AK/CLOUD_SDK_SK set: asking the embedded simulator at "
              + simulator.endpoint());
      print(sms.showTask(SmsSimulator.EXAMPLE_TASK_ID), System.out);
    }
  }

  static void print(ShowTaskResponse task, PrintStream out) {
    out.printf("Task %s  %s%n", task.getName(), task.getId());
    out.printf(
        "  type %s, OS %s, state %s, priority %s%n",
        task.getType(), task.getOsType(), task.getState(), task.getPriority());
    out.printf(
        "  created %s, started %s, finished %s%n",
        time(task.getCreateDate()), time(task.getStartDate()), time(task.getFinishDate()));
    out.printf(
        "  region %s (%s), project %s%n",
        task.getRegionName(), task.getRegionId(), task.getProjectName());
    SourceServer source = task.getSourceServer();
    if (source != null) {
      out.printf(
          "  source server %s  %s  %s %s, state %s, stage %s%n",
          source.getName(),
          source.getIp(),
          source.getOsType(),
          source.getOsVersion(),
          source.getState(),
          source.getMigrationCycle());
    }
    TaskTargetServer target = task.getTargetServer();
    if (target != null) {
      out.printf(
          "  target server %s  %s %s, system dir %s%n",
          target.getId(), target.getOsType(), target.getOsVersion(), target.getSystemDir());
      for (TargetDisk disk : target.getDisks()) {
        out.printf(
            "    disk %s  %s  %s, %s bytes (%s used), %s%n",
            disk.getName(),
            disk.getDeviceUse(),
            disk.getPartitionStyle(),
            disk.getSize(),
            disk.getUsedSize(),
            Boolean.TRUE.equals(disk.getOsDisk()) ? "system disk" : "data disk");
        for (TargetPhysicalVolume volume : disk.getPhysicalVolumes()) {
          out.printf(
              "      volume %s  %s %s, %s bytes (%s free)%n",
              volume.getName(),
              volume.getDeviceUse(),
              volume.getFileSystem(),
              volume.getSize(),
              volume.getFreeSize());
        }
      }
      for (VolumeGroup group : target.getVolumeGroups()) {
        out.printf("    volume group %s, %s bytes%n", group.getName(), group.getSize());
        for (LogicalVolume volume : group.getLogicalVolumes()) {
          out.printf(
              "      logical volume %s on %s, %s bytes%n",
              volume.getName(), volume.getMountPoint(), volume.getSize());
        }
      }
    }
    out.println("  sub-tasks:");
    for (SubTask sub : task.getSubTasks()) {
      out.printf(
          "    %-24s %3s%%  %s%n",
          sub.getName(),
          sub.getProgress(),
          sub.getStartDate() == null ? "not started" : "started " + time(sub.getStartDate()));
    }
  }

  private static String time(Instant instant) {
    return instant == null ? "-" : instant.toString();
  }
}
