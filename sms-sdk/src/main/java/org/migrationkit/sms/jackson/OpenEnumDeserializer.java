package org.migrationkit.sms.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.function.Function;
import org.migrationkit.sms.model.OpenEnum;

/**
 * Reads an open enumeration from its wire string; an undocumented value is kept, not refused.
 *
 * @param <E> the open enumeration
 */
final class OpenEnumDeserializer<E extends OpenEnum> extends StdDeserializer<E> {
  private static final long serialVersionUID = 1L;

  private final transient Function<String, E> factory;

  OpenEnumDeserializer(Class<E> type, Function<String, E> factory) {
    super(type);
    this.factory = factory;
  }

  @Override
  @SuppressWarnings("unchecked")
  public E deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
    if (p.currentToken().isScalarValue()) {
      return factory.apply(p.getText());
    }
    return (E) ctx.handleUnexpectedToken(handledType(), p);
  }
}
