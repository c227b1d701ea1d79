package org.migrationkit.sms.docs;

import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsRegion;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.SmsTimeoutException;

/** The errors guide's examples; compiled, not run (they ask the real service). */
final class ErrorsSnippets {
  private ErrorsSnippets() {}

  static void retryPolicy(String taskId) {
    // [START retry-policy]
    SmsClient sms =
        SmsClient.builder()
            .region(SmsRegion.AP_SOUTHEAST_1)
            .retryPolicy(
                RetryPolicy.builder()
                    .maxAttempts(5)
                    .retryIf(
                        e ->
                            RetryPolicy.isRetryableByDefault(e)
                                && !(e instanceof SmsTimeoutException))
                    .build())
            .build();
    try {
      sms.showTask(taskId);
    } catch (SmsServiceException e) {
      if (e.getStatusCode() == 404) {
        System.out.println("task " + taskId + " is gone");
      }
    } catch (SmsTimeoutException e) {
      System.out.println(e.getTimeout() + " timeout after " + e.getAttempts() + " attempt(s)");
    }
    // [END retry-policy]
    sms.close();
  }
}
