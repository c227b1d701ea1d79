package org.migrationkit.sms.docs;

import org.migrationkit.sms.AttemptOutcome;
import org.migrationkit.sms.CallInfo;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsEventListener;
import org.migrationkit.sms.auth.Credentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The observability guide's examples; DocSnippetsTest runs them against the simulator. */
final class ObservabilitySnippets {
  private static final Logger log = LoggerFactory.getLogger(ObservabilitySnippets.class);

  private ObservabilitySnippets() {}

  static SmsClient listener(String endpoint, Credentials credentials) {
    // [START listener]
    SmsClient sms =
        SmsClient.builder()
            .endpoint(endpoint)
            .credentials(credentials)
            .eventListener(
                new SmsEventListener() {
                  @Override
                  public void attemptEnd(CallInfo call, AttemptOutcome outcome) {
                    log.info(
                        "{} -> {} in {} ms, request id {}",
                        call.operation(),
                        outcome.statusCode(),
                        outcome.duration().toMillis(),
                        outcome.requestId());
                  }
                })
            .build();
    // [END listener]
    return sms;
  }
}
