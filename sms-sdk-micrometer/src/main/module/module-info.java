/**
 * MigrationKit SMS metrics for Micrometer: {@code SmsMetrics.listener(registry)}, an {@code
 * SmsEventListener} that records every call, attempt and retry of an {@code SmsClient}.
 *
 * <p>Compiled after the tests (the parent pom's {@code module-descriptor} execution), as the other
 * modules' descriptors are.
 */
module org.migrationkit.sms.micrometer {
  // SmsMetrics returns an SmsEventListener, for SmsClient.Builder#eventListener.
  requires transitive org.migrationkit.sms;
  // Callers hand over a MeterRegistry and Tags: Micrometer's types are this module's API.
  requires transitive micrometer.core;
  requires static transitive org.jspecify;

  exports org.migrationkit.sms.micrometer;
}
