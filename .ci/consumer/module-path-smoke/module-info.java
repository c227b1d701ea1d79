/** A named module that uses the SDK and its simulator, as an application's tests on the module path would. */
module org.migrationkit.sms.consumer {
  requires org.migrationkit.sms;
  requires org.migrationkit.sms.testing;
}
