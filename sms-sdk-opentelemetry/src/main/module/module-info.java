/**
 * MigrationKit SMS tracing for OpenTelemetry: {@code SmsTracing.listener(openTelemetry)}, an {@code
 * SmsEventListener} that makes a {@code CLIENT} span of every {@code SmsClient} call.
 *
 * <p>Compiled after the tests (the parent pom's {@code module-descriptor} execution), as the other
 * modules' descriptors are.
 */
module org.migrationkit.sms.opentelemetry {
  // SmsTracing returns an SmsEventListener, for SmsClient.Builder#eventListener.
  requires transitive org.migrationkit.sms;
  // Callers hand over an OpenTelemetry: its API is this module's API.
  requires transitive io.opentelemetry.api;
  requires io.opentelemetry.context;
  requires static transitive org.jspecify;

  exports org.migrationkit.sms.opentelemetry;
}
