package org.migrationkit.sms.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.WritableTypeId;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import org.migrationkit.sms.internal.json.JsonValues;

/**
 * Writes a model object through the SDK's generated writer, straight into the mapper's generator
 * (so indentation and non-text formats such as a TokenBuffer work).
 *
 * @param <T> the model type
 */
final class ModelSerializer<T> extends StdSerializer<T> {
  private static final long serialVersionUID = 1L;

  private final transient JsonValues.Writer<T> writer;

  ModelSerializer(Class<T> type, JsonValues.Writer<T> writer) {
    super(type);
    this.writer = writer;
  }

  @Override
  public void serialize(T value, JsonGenerator g, SerializerProvider provider) throws IOException {
    writer.write(g, value);
  }

  @Override
  public void serializeWithType(
      T value, JsonGenerator g, SerializerProvider provider, TypeSerializer typeSer)
      throws IOException {
    // The generated writer writes the whole object, so a type id cannot go inside it: declared as
    // something other than an object, Jackson wraps it as ["type", {...}], which it reads back too.
    WritableTypeId typeId =
        typeSer.writeTypePrefix(g, typeSer.typeId(value, JsonToken.VALUE_EMBEDDED_OBJECT));
    writer.write(g, value);
    typeSer.writeTypeSuffix(g, typeId);
  }
}
