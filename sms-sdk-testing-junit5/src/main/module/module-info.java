/**
 * MigrationKit SMS test kit for JUnit 5: {@code @SmsSimulatorTest} and {@code
 * SmsSimulatorExtension}, an empty {@code SmsSimulator} and a client for every test.
 *
 * <p>Compiled after the tests (the parent pom's {@code module-descriptor} execution), as the other
 * modules' descriptors are.
 */
module org.migrationkit.sms.testing.junit5 {
  // Tests take SmsSimulator and SmsClient parameters: the simulator's API is this module's API.
  requires transitive org.migrationkit.sms.testing;
  // The extension and the annotation are JUnit types; users' tests need them to compile.
  requires transitive org.junit.jupiter.api;
  requires static transitive org.jspecify;

  exports org.migrationkit.sms.testing.junit5;
}
