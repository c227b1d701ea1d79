/**
 * MigrationKit SMS test kit: {@code SmsSimulator}, an SMS on loopback for tests of code that uses
 * the client, in the JVM or stand-alone for any language.
 *
 * <p>Compiled after the tests (see the {@code module-descriptor} execution in the parent pom), as the
 * client's descriptor is.
 */
module org.migrationkit.sms.testing {
  // SmsSimulator.client() returns an SmsClient, and its models are the simulator's vocabulary.
  requires transitive org.migrationkit.sms;
  requires com.fasterxml.jackson.core;
  requires static transitive org.jspecify;

  exports org.migrationkit.sms.testing;
}
