package org.migrationkit.sms.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import org.migrationkit.sms.internal.json.JsonReadException;
import org.migrationkit.sms.internal.json.JsonValues;

/**
 * Reads a model object with the SDK's generated reader, as leniently as the client does.
 *
 * @param <T> the model type
 */
final class ModelDeserializer<T> extends StdDeserializer<T> {
  private static final long serialVersionUID = 1L;

  private final transient JsonValues.Reader<T> reader;

  ModelDeserializer(Class<T> type, JsonValues.Reader<T> reader) {
    super(type);
    this.reader = reader;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
    try {
      if (p.currentToken() == JsonToken.START_OBJECT) {
        return reader.read(p);
      }
      if (p.currentToken() == JsonToken.FIELD_NAME || p.currentToken() == JsonToken.END_OBJECT) {
        // Databind hands over an object whose START_OBJECT it already consumed (it does so for
        // polymorphic and buffered values); the generated reader starts at START_OBJECT.
        return readRestOfObject(p, ctx);
      }
    } catch (JsonReadException e) {
      throw MismatchedInputException.from(
          p, handledType(), "Cannot read " + handledType().getSimpleName() + ": " + e.getMessage());
    }
    return (T) ctx.handleUnexpectedToken(handledType(), p);
  }

  private T readRestOfObject(JsonParser p, DeserializationContext ctx) throws IOException {
    TokenBuffer buffer = new TokenBuffer(p, ctx);
    buffer.writeStartObject();
    for (JsonToken t = p.currentToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      buffer.copyCurrentStructure(p);
    }
    buffer.writeEndObject();
    try (JsonParser whole = buffer.asParser(p.getCodec())) {
      whole.nextToken();
      return reader.read(whole);
    }
  }
}
