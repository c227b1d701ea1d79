/**
 * MigrationKit SMS: a typed Java client for Huawei Cloud Server Migration Service.
 *
 * <p>Compiled on its own after the tests (see the {@code module-descriptor} execution in the parent
 * pom), so the tests run on the class path while the jar is this module on the module path.
 */
module org.migrationkit.sms {
  // SmsClient.Builder accepts the application's own OkHttpClient, so OkHttp is part of the API.
  requires transitive okhttp3;
  requires com.fasterxml.jackson.core;
  requires org.slf4j;
  // Type-use nullness annotations in public signatures; not needed at run time.
  requires static transitive org.jspecify;
  // SmsJacksonModule, for applications that have jackson-databind; never loaded otherwise.
  requires static com.fasterxml.jackson.databind;
  // Reads ~/.huaweicloud/regions.yaml when the application adds jackson-dataformat-yaml.
  requires static com.fasterxml.jackson.dataformat.yaml;

  exports org.migrationkit.sms;
  exports org.migrationkit.sms.auth;
  exports org.migrationkit.sms.jackson;
  exports org.migrationkit.sms.migration;
  exports org.migrationkit.sms.model;
  // The simulator (sms-sdk-testing) reuses the client's percent-encoding and JSON writers instead of
  // copying them; nothing else may read these packages.
  exports org.migrationkit.sms.internal to
      org.migrationkit.sms.testing;
  exports org.migrationkit.sms.internal.json to
      org.migrationkit.sms.testing;

  // A model's fromJson throws SmsClientException through this service, so that the JSON package
  // (which the model uses) need not name the client's package (which uses the model).
  uses org.migrationkit.sms.internal.json.DocumentFailure;

  provides org.migrationkit.sms.internal.json.DocumentFailure with
      org.migrationkit.sms.internal.ClientDocumentFailure;
}
