package org.migrationkit.sms.jackson;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleSerializers;
import org.migrationkit.sms.internal.json.ModelJson;
import org.migrationkit.sms.model.CloneServer;
import org.migrationkit.sms.model.DeviceUse;
import org.migrationkit.sms.model.LogicalVolume;
import org.migrationkit.sms.model.MigrationCycle;
import org.migrationkit.sms.model.NetworkCheckInfo;
import org.migrationkit.sms.model.OsType;
import org.migrationkit.sms.model.PartitionStyle;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.model.SourceServer;
import org.migrationkit.sms.model.SourceServerState;
import org.migrationkit.sms.model.SubTask;
import org.migrationkit.sms.model.TargetDisk;
import org.migrationkit.sms.model.TargetPhysicalVolume;
import org.migrationkit.sms.model.TaskState;
import org.migrationkit.sms.model.TaskTargetServer;
import org.migrationkit.sms.model.TaskType;
import org.migrationkit.sms.model.VolumeGroup;

/**
 * Teaches an application's {@code ObjectMapper} the SMS model, in the wire format the service uses.
 *
 * <pre>{@code
 * ObjectMapper mapper = new ObjectMapper().registerModule(new SmsJacksonModule());
 * String json = mapper.writeValueAsString(task);          // same JSON as task.toJson()
 * ShowTaskResponse copy = mapper.readValue(json, ShowTaskResponse.class);
 * }</pre>
 *
 * <p>Every model type ({@link ShowTaskResponse} and the types nested in it) is written and read by
 * the SDK's own streaming mapping, so the JSON is exactly what {@link ShowTaskResponse#toJson()}
 * writes (snake_case, timestamps as epoch milliseconds, absent values left out) whatever naming
 * strategy or date settings the mapper has, and reading is as lenient as the client's. The open
 * enumerations ({@link TaskState} and the others) are written as their wire string, unknown values
 * included. Model values nested in the application's own classes work the same way. No {@code
 * jackson-datatype-jsr310} is needed for the model's timestamps.
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
    codecs.model(
        ShowTaskResponse.class, ModelJson::writeShowTaskResponse, ModelJson::readShowTaskResponse);
    codecs.model(SourceServer.class, ModelJson::writeSourceServer, ModelJson::readSourceServer);
    codecs.model(
        TaskTargetServer.class, ModelJson::writeTaskTargetServer, ModelJson::readTaskTargetServer);
    codecs.model(TargetDisk.class, ModelJson::writeTargetDisk, ModelJson::readTargetDisk);
    codecs.model(
        TargetPhysicalVolume.class,
        ModelJson::writeTargetPhysicalVolume,
        ModelJson::readTargetPhysicalVolume);
    codecs.model(VolumeGroup.class, ModelJson::writeVolumeGroup, ModelJson::readVolumeGroup);
    codecs.model(LogicalVolume.class, ModelJson::writeLogicalVolume, ModelJson::readLogicalVolume);
    codecs.model(CloneServer.class, ModelJson::writeCloneServer, ModelJson::readCloneServer);
    codecs.model(SubTask.class, ModelJson::writeSubTask, ModelJson::readSubTask);
    codecs.model(
        NetworkCheckInfo.class, ModelJson::writeNetworkCheckInfo, ModelJson::readNetworkCheckInfo);
    codecs.openEnum(TaskType.class, TaskType::of);
    codecs.openEnum(OsType.class, OsType::of);
    codecs.openEnum(TaskState.class, TaskState::of);
    codecs.openEnum(SourceServerState.class, SourceServerState::of);
    codecs.openEnum(MigrationCycle.class, MigrationCycle::of);
    codecs.openEnum(DeviceUse.class, DeviceUse::of);
    codecs.openEnum(PartitionStyle.class, PartitionStyle::of);
    context.addSerializers(serializers);
    context.addDeserializers(deserializers);
  }
}
