package org.migrationkit.sms.jackson;

import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleSerializers;
import java.util.function.Function;
import org.migrationkit.sms.internal.json.JsonCodec;
import org.migrationkit.sms.internal.json.JsonCodecs;
import org.migrationkit.sms.model.OpenEnum;

/** Registers one serializer and one deserializer per model type. */
final class Codecs {
  private final SimpleSerializers serializers;
  private final SimpleDeserializers deserializers;

  Codecs(SimpleSerializers serializers, SimpleDeserializers deserializers) {
    this.serializers = serializers;
    this.deserializers = deserializers;
  }

  <T> void model(Class<T> type) {
    JsonCodec<T> codec = JsonCodecs.of(type);
    serializers.addSerializer(type, new ModelSerializer<>(type, codec));
    deserializers.addDeserializer(type, new ModelDeserializer<>(type, codec));
  }

  <E extends OpenEnum> void openEnum(Class<E> type, Function<String, E> factory) {
    serializers.addSerializer(type, new OpenEnumSerializer<>(type));
    deserializers.addDeserializer(type, new OpenEnumDeserializer<>(type, factory));
  }
}
