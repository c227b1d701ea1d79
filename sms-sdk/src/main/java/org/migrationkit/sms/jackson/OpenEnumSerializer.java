package org.migrationkit.sms.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import org.migrationkit.sms.model.OpenEnum;

/**
 * Writes an open enumeration as its wire string, known or not.
 *
 * @param <E> the open enumeration
 */
final class OpenEnumSerializer<E extends OpenEnum> extends StdSerializer<E> {
  private static final long serialVersionUID = 1L;

  OpenEnumSerializer(Class<E> type) {
    super(type);
  }

  @Override
  public void serialize(E value, JsonGenerator g, SerializerProvider provider) throws IOException {
    g.writeString(value.value());
  }
}
