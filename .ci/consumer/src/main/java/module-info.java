/** A named module that uses the SDK, as an application on the module path would. */
module org.migrationkit.sms.consumer {
  requires org.migrationkit.sms;
}
