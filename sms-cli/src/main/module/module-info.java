/**
 * MigrationKit SMS command line: {@code sms tasks list}, {@code sms task show|wait} and {@code sms
 * fleet run|status|resume}, built on the client's public API only.
 *
 * <p>Compiled after the tests (the parent pom's {@code module-descriptor} execution), as the other
 * modules' descriptors are. The stand-alone jar leaves it out: it is a class-path program.
 */
module org.migrationkit.sms.cli {
  requires org.migrationkit.sms;
  requires info.picocli;
  requires static org.jspecify;

  exports org.migrationkit.sms.cli;

  // picocli reads and sets the package-private command classes' annotated fields reflectively
  opens org.migrationkit.sms.cli to
      info.picocli;
}
