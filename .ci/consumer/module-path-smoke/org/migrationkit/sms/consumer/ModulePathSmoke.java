package org.migrationkit.sms.consumer;

import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.testing.SmsSimulator;

/**
 * Queries the example task from the embedded simulator, signed and over loopback HTTP, on the
 * module path: OkHttp, Okio, Kotlin, Jackson and SLF4J must all be resolved through the SDK's
 * module descriptor; the simulator needs nothing beyond {@code java.base}.
 */
public final class ModulePathSmoke {
  private ModulePathSmoke() {}

  public static void main(String[] args) {
    if (!SmsClient.class.getModule().isNamed()) {
      throw new IllegalStateException("sms-sdk is not on the module path: " + SmsClient.class.getModule());
    }
    Credentials credentials = Credentials.akSk("module-path-ak", "module-path-sk").withDomainId("d");
    try (SmsSimulator simulator = SmsSimulator.start(credentials);
        SmsClient sms =
            SmsClient.builder().endpoint(simulator.endpoint()).credentials(credentials).build()) {
      ShowTaskResponse task = sms.showTask(SmsSimulator.EXAMPLE_TASK_ID);
      System.out.println(
          "module-path smoke: "
              + SmsClient.class.getModule().getName()
              + " read task "
              + task.getId()
              + " ("
              + task.getOsType()
              + ", "
              + task.getState()
              + ")");
    }
  }
}
