package org.migrationkit.sms.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Lenient scalar reading and null-skipping writing shared by the generated codecs (one {@link
 * JsonCodec} beside each model), which call these methods member by member.
 *
 * <p>Leniency rule: a value is converted when no information is lost ({@code "12"} for an Integer,
 * a number for a String, {@code 12.0} for a Long); anything else is a {@link JsonReadException}
 * naming what was found. A 200 answer must not fail because the service sent a type the page did
 * not promise.
 */
public final class JsonValues {
  /** The one factory of the SDK: thread-safe, and cheap to create parsers from. */
  public static final JsonFactory FACTORY =
      JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();

  private static final int SNIPPET = 40;

  private JsonValues() {}

  /** Reads one value with {@code p} standing on a token, from a parser over a whole document. */
  @FunctionalInterface
  public interface Reader<T> {
    T read(JsonParser p) throws IOException;
  }

  /** Writes one value. */
  @FunctionalInterface
  public interface Writer<T> {
    void write(JsonGenerator g, T value) throws IOException;
  }

  /**
   * Reads a whole document from a stream; the caller maps the exceptions to its own context.
   *
   * @throws JsonReadException when a value cannot be converted or the document is not an object
   * @throws IOException when the stream fails or the JSON is malformed or truncated
   */
  public static <T> T readObjectDocument(InputStream in, Reader<T> reader) throws IOException {
    try (JsonParser p = FACTORY.createParser(in)) {
      return readRoot(p, reader);
    }
  }

  /**
   * Reads a whole document from text, for a model's {@code fromJson}.
   *
   * @throws RuntimeException the client's {@code SmsClientException} (see {@link DocumentFailure})
   *     when the text is not JSON or a value cannot be converted
   */
  public static <T> T readDocument(String json, Reader<T> reader) {
    try (JsonParser p = FACTORY.createParser(json)) {
      return readRoot(p, reader);
    } catch (JsonReadException e) {
      throw documentFailure().unreadable("Unreadable JSON: " + e.getMessage(), e);
    } catch (IOException e) {
      throw documentFailure().unreadable("Malformed JSON: " + oneLine(e.getMessage()), e);
    }
  }

  private static DocumentFailure documentFailure() {
    DocumentFailure failure = DocumentFailures.INSTANCE;
    if (failure == null) {
      throw new IllegalStateException(
          "No "
              + DocumentFailure.class.getName()
              + " service: the sms-sdk jar lost its META-INF/services entry");
    }
    return failure;
  }

  /** The client's {@link DocumentFailure}, loaded on the first unreadable document. */
  private static final class DocumentFailures {
    static final @Nullable DocumentFailure INSTANCE =
        ServiceLoader.load(DocumentFailure.class, DocumentFailure.class.getClassLoader())
            .findFirst()
            .orElse(null);
  }

  private static <T> T readRoot(JsonParser p, Reader<T> reader) throws IOException {
    JsonToken first = p.nextToken();
    if (first == null) {
      throw new JsonReadException("the document is empty");
    }
    if (first != JsonToken.START_OBJECT) {
      throw new JsonReadException("expected an object but found " + describe(p));
    }
    T value = reader.read(p);
    if (p.nextToken() != null) {
      throw new JsonReadException("unexpected content after the end of the document");
    }
    return value;
  }

  /** Writes a whole document as compact text, for a model's {@code toJson}. */
  public static <T> String writeDocument(T value, Writer<T> writer) {
    StringWriter out = new StringWriter(1024);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      writer.write(g, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  public static void requireEndObject(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.END_OBJECT) {
      throw new JsonReadException("expected a field name or the end of the object");
    }
  }

  public static @Nullable String readString(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case VALUE_STRING:
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
      case VALUE_TRUE:
      case VALUE_FALSE:
        return p.getText();
      case VALUE_NULL:
        return null;
      case START_OBJECT:
      case START_ARRAY:
        return copyStructure(p);
      default:
        throw new JsonReadException("expected a string but found " + t);
    }
  }

  public static @Nullable Integer readInteger(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NUMBER_INT
        && p.getNumberType() == JsonParser.NumberType.INT) {
      return p.getIntValue();
    }
    BigDecimal exact = readExactNumber(p, "an integer");
    try {
      return exact == null ? null : exact.intValueExact();
    } catch (ArithmeticException e) {
      throw new JsonReadException("expected an integer but found " + describe(p));
    }
  }

  public static @Nullable Long readLong(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NUMBER_INT
        && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      return p.getLongValue();
    }
    BigDecimal exact = readExactNumber(p, "a long integer");
    try {
      return exact == null ? null : exact.longValueExact();
    } catch (ArithmeticException e) {
      throw new JsonReadException("expected a long integer but found " + describe(p));
    }
  }

  public static @Nullable Double readDouble(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    double value;
    if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
      value = p.getDoubleValue();
    } else {
      BigDecimal exact = readExactNumber(p, "a number");
      if (exact == null) {
        return null;
      }
      value = exact.doubleValue();
    }
    if (!Double.isFinite(value)) {
      throw new JsonReadException("expected a number within double range but found " + describe(p));
    }
    return value;
  }

  public static @Nullable Boolean readBoolean(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      case VALUE_STRING:
        String text = p.getText().trim();
        if (text.isEmpty()) {
          return null;
        }
        if (text.equalsIgnoreCase("true")) {
          return Boolean.TRUE;
        }
        if (text.equalsIgnoreCase("false")) {
          return Boolean.FALSE;
        }
        break;
      case VALUE_NUMBER_INT:
        if (p.getNumberType() == JsonParser.NumberType.INT) {
          int n = p.getIntValue();
          if (n == 0 || n == 1) {
            return n == 1;
          }
        }
        break;
      default:
        break;
    }
    throw new JsonReadException("expected a boolean but found " + describe(p));
  }

  public static @Nullable Instant readInstant(JsonParser p) throws IOException {
    Long millis = readLong(p);
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }

  public static <E> @Nullable E readEnum(JsonParser p, Function<String, E> factory)
      throws IOException {
    String value = readString(p);
    return value == null ? null : factory.apply(value);
  }

  public static <T> @Nullable T readObject(JsonParser p, Reader<T> reader) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      return reader.read(p);
    }
    if (t == JsonToken.VALUE_NULL || isEmptyText(p)) {
      return null;
    }
    throw new JsonReadException("expected an object but found " + describe(p));
  }

  public static <T> List<T> readList(JsonParser p, Reader<T> reader) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL || isEmptyText(p)) {
      return List.of();
    }
    if (t != JsonToken.START_ARRAY) {
      throw new JsonReadException("expected an array but found " + describe(p));
    }
    List<T> items = new ArrayList<>();
    int index = 0;
    try {
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t == null) {
          throw new JsonReadException("the array is not closed");
        }
        if (t != JsonToken.VALUE_NULL) {
          T item = reader.read(p);
          if (item != null) {
            items.add(item);
          }
        }
        index++;
      }
    } catch (JsonReadException e) {
      throw e.atIndex(index);
    }
    return items;
  }

  public static <T> List<T> readObjectList(JsonParser p, Reader<T> reader) throws IOException {
    return readList(p, element -> readObject(element, reader));
  }

  public static List<String> readStringList(JsonParser p) throws IOException {
    return readList(p, JsonValues::readString);
  }

  public static <T> Map<String, T> readMap(JsonParser p, Reader<T> reader) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL || isEmptyText(p)) {
      return Map.of();
    }
    if (t != JsonToken.START_OBJECT) {
      throw new JsonReadException("expected an object but found " + describe(p));
    }
    Map<String, T> entries = new LinkedHashMap<>();
    String key = null;
    try {
      while ((key = p.nextFieldName()) != null) {
        p.nextToken();
        T value = reader.read(p);
        if (value != null) {
          entries.put(key, value);
        }
      }
    } catch (JsonReadException e) {
      throw e.inField(key);
    }
    return Collections.unmodifiableMap(entries);
  }

  /** Reads any JSON value as its compact JSON text; {@code null} for a JSON null. */
  public static @Nullable String readRawJson(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    return copyStructure(p);
  }

  private static boolean isEmptyText(JsonParser p) throws IOException {
    return p.currentToken() == JsonToken.VALUE_STRING && p.getText().isBlank();
  }

  private static @Nullable BigDecimal readExactNumber(JsonParser p, String expected)
      throws IOException {
    switch (p.currentToken()) {
      case VALUE_NULL:
        return null;
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return p.getDecimalValue();
      case VALUE_STRING:
        String text = p.getText().trim();
        if (text.isEmpty()) {
          return null;
        }
        try {
          return new BigDecimal(text);
        } catch (NumberFormatException e) {
          throw new JsonReadException("expected " + expected + " but found " + describe(p));
        }
      default:
        throw new JsonReadException("expected " + expected + " but found " + describe(p));
    }
  }

  private static String copyStructure(JsonParser p) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.copyCurrentStructure(p);
    }
    return out.toString();
  }

  private static String describe(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == null) {
      return "the end of the input";
    }
    switch (t) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "\"" + snippet(p.getText()) + "\"";
      default:
        return snippet(p.getText());
    }
  }

  private static String snippet(String text) {
    String line = oneLine(text);
    return line.length() <= SNIPPET ? line : line.substring(0, SNIPPET) + "...";
  }

  /**
   * Folds a text onto one line: control characters and Unicode line and paragraph separators become
   * spaces.
   */
  public static String oneLine(@Nullable String text) {
    if (text == null) {
      return "";
    }
    StringBuilder s = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (breaksLine(c)) {
        if (s == null) {
          s = new StringBuilder(text.length()).append(text, 0, i);
        }
        s.append(' ');
      } else if (s != null) {
        s.append(c);
      }
    }
    return s == null ? text : s.toString();
  }

  /** Returns whether {@code c} is a control character or a Unicode line or paragraph separator. */
  public static boolean breaksLine(char c) {
    return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
  }

  public static void writeString(JsonGenerator g, String name, @Nullable String value)
      throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

  public static void writeNumber(JsonGenerator g, String name, @Nullable Number value)
      throws IOException {
    if (value instanceof Integer) {
      g.writeNumberField(name, value.intValue());
    } else if (value instanceof Long) {
      g.writeNumberField(name, value.longValue());
    } else if (value != null && Double.isFinite(value.doubleValue())) {
      // NaN and infinities have no JSON form; leaving them out reads back as null
      g.writeNumberField(name, value.doubleValue());
    }
  }

  public static void writeBoolean(JsonGenerator g, String name, @Nullable Boolean value)
      throws IOException {
    if (value != null) {
      g.writeBooleanField(name, value);
    }
  }

  public static void writeInstant(JsonGenerator g, String name, @Nullable Instant value)
      throws IOException {
    if (value != null) {
      g.writeNumberField(name, value.toEpochMilli());
    }
  }

  public static <E> void writeEnum(
      JsonGenerator g, String name, @Nullable E value, Function<E, String> wireValue)
      throws IOException {
    if (value != null) {
      g.writeStringField(name, wireValue.apply(value));
    }
  }

  public static <T> void writeObject(
      JsonGenerator g, String name, @Nullable T value, Writer<T> writer) throws IOException {
    if (value != null) {
      g.writeFieldName(name);
      writer.write(g, value);
    }
  }

  /**
   * Writes a list member; an empty list is left out, as a {@code null} value is: the model holds no
   * {@code null} lists, and a request must not send {@code []} for a list its caller never set (on
   * an update that could read as "remove them all"; the official SDK leaves an unset list out too).
   */
  public static <T> void writeList(JsonGenerator g, String name, List<T> values, Writer<T> writer)
      throws IOException {
    if (values.isEmpty()) {
      return;
    }
    g.writeFieldName(name);
    writeListValue(g, values, writer);
  }

  public static void writeRawJson(JsonGenerator g, String name, @Nullable String json)
      throws IOException {
    if (json != null) {
      g.writeFieldName(name);
      g.writeRawValue(json);
    }
  }

  public static void writeNumberValue(JsonGenerator g, Number value) throws IOException {
    if (value instanceof Integer) {
      g.writeNumber(value.intValue());
    } else if (value instanceof Long) {
      g.writeNumber(value.longValue());
    } else if (Double.isFinite(value.doubleValue())) {
      g.writeNumber(value.doubleValue());
    } else {
      g.writeNull();
    }
  }

  public static <T> void writeListValue(JsonGenerator g, List<T> values, Writer<T> writer)
      throws IOException {
    g.writeStartArray();
    for (T value : values) {
      writer.write(g, value);
    }
    g.writeEndArray();
  }

  /** Writes a map member; an empty map is left out, for the reason {@link #writeList} gives. */
  public static <T> void writeMap(
      JsonGenerator g, String name, Map<String, T> values, Writer<T> writer) throws IOException {
    if (values.isEmpty()) {
      return;
    }
    g.writeFieldName(name);
    writeMapValue(g, values, writer);
  }

  public static <T> void writeMapValue(JsonGenerator g, Map<String, T> values, Writer<T> writer)
      throws IOException {
    g.writeStartObject();
    for (Map.Entry<String, T> entry : values.entrySet()) {
      g.writeFieldName(entry.getKey());
      writer.write(g, entry.getValue());
    }
    g.writeEndObject();
  }

  public static void writeStringList(JsonGenerator g, String name, List<String> values)
      throws IOException {
    writeList(g, name, values, JsonGenerator::writeString);
  }
}
