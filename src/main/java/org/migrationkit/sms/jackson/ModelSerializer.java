package org.migrationkit.sms.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import org.migrationkit.sms.internal.json.JsonValues;

/**
 * Writes a model object through the SDK's generated writer, straight into the mapper's generator
 * (so indentation and non-text formats such as a TokenBuffer work).
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
}
