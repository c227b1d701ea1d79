package org.migrationkit.sms.docs;

import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsRegion;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.model.SubTask;

/** The README's example; compiled, not run (it asks the real service). */
final class ReadmeSnippets {
  private ReadmeSnippets() {}

  static void quickstart(String ak, String sk, String domainId, String taskId) {
    // [START quickstart]
    try (SmsClient sms =
        SmsClient.builder()
            .region(SmsRegion.AP_SOUTHEAST_1) // or .endpoint("https://...")
            .credentials(Credentials.akSk(ak, sk).withDomainId(domainId)) // or Credentials.token(t)
            .build()) {
      ShowTaskResponse task = sms.showTask(taskId);
      System.out.println(task.getName() + " is " + task.getState());
      for (SubTask sub : task.getSubTasks()) {
        System.out.println("  " + sub.getName() + " " + sub.getProgress() + "%");
      }
    } catch (SmsServiceException e) {
      // the service said no: status, error code and request id are on the exception
      System.err.println(e.getStatusCode() + " " + e.getErrorCode() + " " + e.getRequestId());
    }
    // [END quickstart]
  }
}
