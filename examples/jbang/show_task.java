///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS org.migrationkit:sms-sdk:0.1.0-SNAPSHOT
//DEPS org.migrationkit:sms-sdk-testing:0.1.0-SNAPSHOT
//DEPS org.slf4j:slf4j-simple:2.0.17

// Shows a migration task from the command line, no project needed:
//
//   CLOUD_SDK_AK=... CLOUD_SDK_SK=... jbang examples/jbang/show_task.java <task-id> [region]
//   jbang examples/jbang/show_task.java          (no keys: asks the embedded simulator)
//
// The SDK must be resolvable: `mvn install` it first while it is a SNAPSHOT. This file is plain Java,
// so the project's test build compiles it (and ExamplesSmokeTest runs it) like the other examples.

import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsException;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.model.SubTask;
import org.migrationkit.sms.testing.SmsSimulator;

public class show_task {
  public static void main(String... args) {
    String ak = System.getenv("CLOUD_SDK_AK");
    String sk = System.getenv("CLOUD_SDK_SK");
    try {
      if (ak != null && sk != null && args.length > 0) {
        String region = args.length > 1 ? args[1] : System.getenv().getOrDefault("SMS_REGION", "ap-southeast-1");
        try (SmsClient sms = SmsClient.builder().region(region).credentials(Credentials.akSk(ak, sk)).build()) {
          print(sms.showTask(args[0]));
        }
      } else {
        Credentials demo = Credentials.akSk("demo-access-key", "demo-secret-key");
        try (SmsSimulator simulator = SmsSimulator.start(demo);
            SmsClient sms = SmsClient.builder().endpoint(simulator.endpoint()).credentials(demo).build()) {
          print(sms.showTask(SmsSimulator.EXAMPLE_TASK_ID));
        }
      }
    } catch (SmsException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }

  static void print(ShowTaskResponse task) {
    System.out.printf("%s  %s  %s%n", task.getName(), task.getState(), task.getId());
    if (task.getSourceServer() != null) {
      System.out.printf("  from %s (%s, %s)%n", task.getSourceServer().getName(),
          task.getSourceServer().getIp(), task.getSourceServer().getOsType());
    }
    for (SubTask sub : task.getSubTasks()) {
      System.out.printf("  %-24s %3s%%%n", sub.getName(), sub.getProgress());
    }
  }
}
