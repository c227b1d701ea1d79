package org.migrationkit.sms.jackson;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleSerializers;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.model.TaskState;

/**
 * Teaches an application's {@code ObjectMapper} the SMS model, in the wire format the service uses.
 *
 * <pre>{@code
 * ObjectMapper mapper = new ObjectMapper().registerModule(new SmsJacksonModule());
 * String json = mapper.writeValueAsString(task);          // same JSON as task.toJson()
 * ShowTaskResponse copy = mapper.readValue(json, ShowTaskResponse.class);
 * }</pre>
 *
 * <p>Every model type of {@code org.migrationkit.sms.model} (all the models of the API description
 * {@code src/codegen/sms-v3.json}, registered by generated code) is written and read by the SDK's
 * own streaming mapping, so the JSON is exactly what {@link ShowTaskResponse#toJson()} and the
 * other models' {@code toJson()} writes (snake_case, timestamps as epoch milliseconds, absent
 * values left out) whatever naming strategy or date settings the mapper has, and reading is as
 * lenient as the client's. The open enumerations ({@link TaskState} and the others) are written as
 * their wire string, unknown values included. Model values nested in the application's own classes
 * work the same way. No {@code jackson-datatype-jsr310} is needed for the model's timestamps.
 *
 * <p>{@code ObjectMapper.findAndRegisterModules()} finds this module on the class path by itself
 * ({@code META-INF/services}); in Spring, declare it as a {@code Module} bean. Needs
 * jackson-databind 2.14 or later.
 */
public final class SmsJacksonModule extends Module {
  /** Creates the module; it holds no state, so one instance can serve any number of mappers. */
  public SmsJacksonModule() {}

  @Override
  public String getModuleName() {
    return "MigrationKitSms";
  }

  @Override
  public Version version() {
    return Version.unknownVersion();
  }

  @Override
  public void setupModule(SetupContext context) {
    SimpleSerializers serializers = new SimpleSerializers();
    SimpleDeserializers deserializers = new SimpleDeserializers();
    Codecs codecs = new Codecs(serializers, deserializers);
    ModelCodecs.registerAll(codecs);
    context.addSerializers(serializers);
    context.addDeserializers(deserializers);
  }
}
