package org.migrationkit.sms.migration.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.migrationkit.sms.SmsClientException;
import org.migrationkit.sms.internal.json.JsonValues;
import org.migrationkit.sms.migration.FleetItem;

/**
 * The fleet's state file, version 1: {@code {"format":"migrationkit-sms-fleet-state","version":1,
 * "fleet_id":..,"waves":[[..]],"attributes":{..},"items":[..]}}. Read strictly: a file that is not
 * this format, of another version, or whose items do not match its servers is refused, never
 * repaired.
 */
public final class StateFile {
  /** The {@code format} member every state file carries. */
  public static final String FORMAT = "migrationkit-sms-fleet-state";

  /** The version this code writes and reads. */
  public static final int VERSION = 1;

  /** No fleet's state comes near this; a larger file is not one. */
  private static final long MAX_BYTES = 64L * 1024 * 1024;

  private StateFile() {}

  /**
   * Reads a state file.
   *
   * @return the state, or {@code null} when there is no file
   * @throws SmsClientException naming the file when it cannot be read or is not a fleet state file
   *     of this version
   */
  public static @org.jspecify.annotations.Nullable FleetStateData readIfExists(Path file) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw refused(file, "it is larger than " + MAX_BYTES + " bytes");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new SmsClientException("Fleet state file " + file + " cannot be read: " + e, e);
    }
    try {
      return decode(bytes);
    } catch (StateFileException e) {
      throw refused(file, e.getMessage());
    } catch (JsonProcessingException e) {
      throw refused(file, "it is not JSON (" + JsonValues.oneLine(e.getOriginalMessage()) + ")");
    } catch (IOException e) {
      throw refused(file, e.toString());
    }
  }

  /**
   * Reads a state file that must exist.
   *
   * @throws SmsClientException naming the file when it is missing, unreadable or refused
   */
  public static FleetStateData read(Path file) {
    FleetStateData state = readIfExists(file);
    if (state == null) {
      throw new SmsClientException("Fleet state file " + file + " does not exist");
    }
    return state;
  }

  /** Returns the exception for a file that is no state file this code may use. */
  static SmsClientException refused(Path file, String reason) {
    return new SmsClientException(
        "Fleet state file " + file + " is refused and left as it is: " + reason);
  }

  /** Encodes the state as the file's bytes. */
  public static byte[] encode(FleetStateData state) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512 + state.items().size() * 220);
    try (JsonGenerator g = JsonValues.FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeNumberField("version", VERSION);
      g.writeStringField("fleet_id", state.fleetId());
      g.writeArrayFieldStart("waves");
      for (List<String> wave : state.waves()) {
        g.writeStartArray();
        for (String server : wave) {
          g.writeString(server);
        }
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("attributes");
      for (Map.Entry<String, String> a : new java.util.TreeMap<>(state.attributes()).entrySet()) {
        g.writeStringField(a.getKey(), a.getValue());
      }
      g.writeEndObject();
      g.writeArrayFieldStart("items");
      for (FleetItem item : state.items()) {
        ReportFormats.writeItem(g, item);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return out.toByteArray();
  }

  static FleetStateData decode(byte[] bytes) throws IOException {
    String format = null;
    Integer version = null;
    String fleetId = null;
    List<List<String>> waves = null;
    Map<String, String> attributes = new HashMap<>();
    List<FleetItem> items = new ArrayList<>();
    try (JsonParser p = JsonValues.FACTORY.createParser(bytes)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new StateFileException("it is not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        switch (name) {
          case "format":
            format = value == JsonToken.VALUE_STRING ? p.getText() : "";
            break;
          case "version":
            version = value == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : -1;
            break;
          case "fleet_id":
            fleetId = value == JsonToken.VALUE_STRING ? p.getText() : null;
            break;
          case "waves":
            waves = readWaves(p);
            break;
          case "attributes":
            readAttributes(p, attributes);
            break;
          case "items":
            if (value != JsonToken.START_ARRAY) {
              throw new StateFileException("items is not an array");
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
              items.add(ReportFormats.readItem(p));
            }
            break;
          default:
            p.skipChildren();
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new StateFileException("it does not end where its JSON object ends");
      }
    }
    if (!FORMAT.equals(format)) {
      throw new StateFileException("it has no \"format\":\"" + FORMAT + "\"");
    }
    if (version == null || version != VERSION) {
      throw new StateFileException(
          "its version is " + version + ", this SDK reads version " + VERSION);
    }
    if (fleetId == null || fleetId.isBlank()) {
      throw new StateFileException("it has no fleet_id");
    }
    if (waves == null) {
      throw new StateFileException("it has no waves");
    }
    try {
      waves = Waves.copy(waves);
    } catch (IllegalArgumentException e) {
      throw new StateFileException(e.getMessage());
    }
    return new FleetStateData(fleetId, waves, attributes, matchItems(waves, items));
  }

  /** Returns one item per server, in the servers' order; a server without one is pending. */
  private static List<FleetItem> matchItems(List<List<String>> waves, List<FleetItem> items) {
    Map<String, FleetItem> byServer = new LinkedHashMap<>();
    for (FleetItem item : items) {
      if (byServer.put(item.sourceServerId(), item) != null) {
        throw new StateFileException("server " + item.sourceServerId() + " has two items");
      }
    }
    List<FleetItem> matched = new ArrayList<>();
    for (String server : Waves.flatten(waves)) {
      FleetItem item = byServer.remove(server);
      matched.add(item != null ? item : FleetItem.builder(server).build());
    }
    if (!byServer.isEmpty()) {
      throw new StateFileException(
          "it holds an item of server "
              + byServer.keySet().iterator().next()
              + ", not in its waves");
    }
    return matched;
  }

  private static List<List<String>> readWaves(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new StateFileException("waves is not an array");
    }
    List<List<String>> waves = new ArrayList<>();
    while (p.nextToken() == JsonToken.START_ARRAY) {
      List<String> wave = new ArrayList<>();
      while (p.nextToken() == JsonToken.VALUE_STRING) {
        wave.add(p.getText());
      }
      if (p.currentToken() != JsonToken.END_ARRAY) {
        throw new StateFileException("a wave holds something other than server ids");
      }
      waves.add(wave);
    }
    if (p.currentToken() != JsonToken.END_ARRAY) {
      throw new StateFileException("waves holds something other than arrays");
    }
    return waves;
  }

  private static void readAttributes(JsonParser p, Map<String, String> attributes)
      throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw new StateFileException("attributes is not an object");
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      if (p.nextToken() != JsonToken.VALUE_STRING) {
        throw new StateFileException("attribute " + JsonValues.oneLine(key) + " is not a string");
      }
      attributes.put(key, p.getText());
    }
  }
}
