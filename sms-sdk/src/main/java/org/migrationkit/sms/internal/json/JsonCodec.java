package org.migrationkit.sms.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Reads and writes one model type with Jackson's streaming API: one pass, no data binding.
 *
 * <p>Each model's codec is generated beside it, package-private in {@code
 * org.migrationkit.sms.model}; code outside that package gets it from {@link JsonCodecs#of(Class)}
 * once, when it builds its tables, and then calls it directly.
 *
 * @param <T> the model type
 */
public interface JsonCodec<T> extends JsonValues.Reader<T>, JsonValues.Writer<T> {
  /**
   * Reads one value; the parser stands on its {@code START_OBJECT} and is left on the matching
   * {@code END_OBJECT}. Unknown members are skipped.
   *
   * @throws JsonReadException when a member cannot be converted, naming its JSON path
   * @throws IOException when the parser fails
   */
  @Override
  T read(JsonParser p) throws IOException;

  /**
   * Writes one value as a JSON object, leaving out nulls and empty lists and maps.
   *
   * @throws IOException when the generator fails
   */
  @Override
  void write(JsonGenerator g, T value) throws IOException;
}
