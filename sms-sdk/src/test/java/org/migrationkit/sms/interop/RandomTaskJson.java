package org.migrationkit.sms.interop;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random response bodies that cover every field of the API page's ShowTask tables, or of
 * every model of the API description ({@link #tablesOf(ApiDescription)}).
 *
 * <pre>{@code
 * RandomTaskJson bodies = new RandomTaskJson(new Random(42));
 * String json = bodies.next();
 * }</pre>
 *
 * <p>The field tables below are written from the API page (table 3 and the tables it links), not
 * read from either model, so that {@link ModelParity} can check both models against them. Each
 * field is present with a well-typed random value, {@code null}, or absent; unknown fields are
 * sprinkled in to exercise "ignore unknown" on both sides; enumerations get documented and
 * undocumented values.
 */
final class RandomTaskJson {
  /** How a field's value is shaped on the wire. */
  enum Kind {
    STRING,
    INT,
    LONG,
    DOUBLE,
    BOOLEAN,
    EPOCH_MILLIS,
    ENUM,
    INT_ENUM,
    OBJECT,
    OBJECT_LIST,
    STRING_LIST,
    /** Any JSON value (the description's {@code json}). */
    JSON_VALUE,
    STRING_MAP,
    STRING_MAP_LIST
  }

  /** One field of an object table: wire name, kind, and enum values or the nested table's name. */
  record Field(String wireName, Kind kind, List<String> values, String table) {}

  static final Map<String, List<Field>> TABLES = new LinkedHashMap<>();

  private static final List<String> OS_TYPES = List.of("WINDOWS", "LINUX");
  private static final List<String> DEVICE_USES = List.of("NORMAL", "OS", "BOOT");

  static {
    TABLES.put(
        "ShowTaskResponse",
        List.of(
            s("name"),
            e("type", "MIGRATE_FILE", "MIGRATE_BLOCK"),
            e("os_type", OS_TYPES),
            s("id"),
            new Field("priority", Kind.INT_ENUM, List.of("0", "1", "2"), ""),
            f("speed_limit", Kind.INT),
            s("region_id"),
            f("start_target_server", Kind.BOOLEAN),
            s("enterprise_project_id"),
            s("migration_ip"),
            s("region_name"),
            s("project_name"),
            s("project_id"),
            s("vm_template_id"),
            o("source_server", "SourceServer"),
            o("target_server", "TaskTargetServer"),
            e(
                "state",
                "READY",
                "RUNNING",
                "SYNCING",
                "MIGRATE_SUCCESS",
                "MIGRATE_FAIL",
                "ABORTING",
                "ABORT",
                "DELETING",
                "SYNC_F_ROLLBACKING",
                "SYNC_F_ROLLBACK_SUCCESS"),
            f("estimate_complete_time", Kind.EPOCH_MILLIS),
            f("connected", Kind.BOOLEAN),
            f("create_date", Kind.EPOCH_MILLIS),
            f("start_date", Kind.EPOCH_MILLIS),
            f("finish_date", Kind.EPOCH_MILLIS),
            f("migrate_speed", Kind.DOUBLE),
            f("compress_rate", Kind.DOUBLE),
            s("error_json"),
            f("total_time", Kind.LONG),
            s("float_ip"),
            f("remain_seconds", Kind.LONG),
            s("target_snapshot_id"),
            o("clone_server", "CloneServer"),
            list("sub_tasks", "SubTask"),
            o("network_check_info", "NetworkCheckInfo"),
            f("total_cpu_usage", Kind.DOUBLE),
            f("agent_cpu_usage", Kind.DOUBLE),
            f("total_mem_usage", Kind.DOUBLE),
            f("agent_mem_usage", Kind.DOUBLE),
            f("total_disk_io", Kind.DOUBLE),
            f("agent_disk_io", Kind.DOUBLE)));
    TABLES.put(
        "SourceServer",
        List.of(
            s("id"),
            s("ip"),
            s("name"),
            e("os_type", OS_TYPES),
            s("os_version"),
            f("oem_system", Kind.BOOLEAN),
            e(
                "state",
                "unavailable",
                "waiting",
                "initialize",
                "replicate",
                "syncing",
                "stopping",
                "stopped",
                "deleting",
                "error",
                "cloning",
                "testing",
                "finished",
                "clearing",
                "cleared",
                "clearfailed"),
            e(
                "migration_cycle",
                "cutovering",
                "cutovered",
                "checking",
                "setting",
                "replicating",
                "syncing")));
    TABLES.put(
        "TaskTargetServer",
        List.of(
            s("id"),
            s("vm_id"),
            s("name"),
            s("ip"),
            e("os_type", OS_TYPES),
            s("os_version"),
            s("system_dir"),
            list("disks", "TargetDisk"),
            list("volume_groups", "VolumeGroup"),
            f("btrfs_list", Kind.STRING_LIST),
            s("image_disk_id"),
            s("cutovered_snapshot_ids")));
    TABLES.put(
        "TargetDisk",
        List.of(
            f("id", Kind.LONG),
            e("device_use", DEVICE_USES),
            s("disk_id"),
            s("name"),
            list("physical_volumes", "TargetPhysicalVolume"),
            f("size", Kind.LONG),
            f("used_size", Kind.LONG),
            s("disk_index"),
            f("os_disk", Kind.BOOLEAN),
            e("partition_style", "MBR", "GPT"),
            s("relation_name")));
    TABLES.put(
        "TargetPhysicalVolume",
        List.of(
            f("id", Kind.LONG),
            e("device_use", DEVICE_USES),
            s("file_system"),
            f("index", Kind.INT),
            s("mount_point"),
            s("name"),
            f("size", Kind.LONG),
            f("used_size", Kind.LONG),
            s("uuid"),
            s("relation_name"),
            f("free_size", Kind.LONG)));
    TABLES.put(
        "VolumeGroup",
        List.of(
            s("components"),
            f("free_size", Kind.LONG),
            list("logical_volumes", "LogicalVolume"),
            s("name"),
            f("size", Kind.LONG)));
    TABLES.put(
        "LogicalVolume",
        List.of(
            f("block_count", Kind.INT),
            f("block_size", Kind.LONG),
            s("file_system"),
            f("inode_size", Kind.INT),
            f("inode_nums", Kind.LONG),
            s("device_use"),
            s("mount_point"),
            s("name"),
            f("size", Kind.LONG),
            f("used_size", Kind.LONG),
            f("free_size", Kind.LONG)));
    TABLES.put(
        "CloneServer",
        List.of(s("vm_id"), s("name"), s("clone_error"), s("clone_state"), s("error_msg")));
    TABLES.put(
        "SubTask",
        List.of(
            f("id", Kind.LONG),
            s("name"),
            f("progress", Kind.INT),
            f("start_date", Kind.EPOCH_MILLIS),
            f("end_date", Kind.EPOCH_MILLIS),
            f("migrate_speed", Kind.DOUBLE),
            s("user_op"),
            s("process_trace")));
    TABLES.put(
        "NetworkCheckInfo",
        List.of(
            f("domain_connectivity", Kind.BOOLEAN),
            f("destination_connectivity", Kind.BOOLEAN),
            f("network_delay", Kind.DOUBLE),
            f("network_jitter", Kind.DOUBLE),
            f("migration_speed", Kind.DOUBLE),
            f("loss_percentage", Kind.DOUBLE),
            f("cpu_usage", Kind.DOUBLE),
            f("mem_usage", Kind.DOUBLE),
            s("evaluation_result")));
  }

  private static final String[] TEXT = {
    "",
    "MigrationTask",
    "192.168.0.1",
    "任务-迁移",
    "😀 emoji",
    "quote \" and \\ backslash",
    "line\nbreak\ttab",
    "\u0001control",
    "/",
    "?&=#%",
    "null",
    "12",
    "true",
    "  spaced  ",
    "ü",
    "{\"error_code\":\"SMS.1001\"}"
  };

  private static final JsonFactory JSON = new JsonFactory();

  private final Random random;
  private final Map<String, List<Field>> tables;

  RandomTaskJson(Random random) {
    this(random, TABLES);
  }

  /** Bodies of the given tables; {@link #tablesOf(ApiDescription)} makes them for every model. */
  RandomTaskJson(Random random, Map<String, List<Field>> tables) {
    this.random = random;
    this.tables = tables;
  }

  /**
   * Returns a table per model of the API description, keyed by our class name. Unlike {@link
   * #TABLES} these come from the description, which ApiDescriptionMatchesOfficialSdkTest checks
   * against the official SDK.
   */
  static Map<String, List<Field>> tablesOf(ApiDescription api) {
    Map<String, List<Field>> tables = new LinkedHashMap<>();
    for (ApiDescription.Model model : api.models().values()) {
      List<Field> fields = new ArrayList<>();
      for (ApiDescription.Field f : model.fields()) {
        fields.add(fieldOf(api, f));
      }
      tables.put(model.name(), List.copyOf(fields));
    }
    return tables;
  }

  private static Field fieldOf(ApiDescription api, ApiDescription.Field f) {
    String type = f.type();
    switch (type) {
      case "string":
        return s(f.wire());
      case "integer":
        return f.values().isEmpty()
            ? f(f.wire(), Kind.INT)
            : new Field(f.wire(), Kind.INT_ENUM, f.values(), "");
      case "long":
        return f(f.wire(), Kind.LONG);
      case "double":
        return f(f.wire(), Kind.DOUBLE);
      case "boolean":
        return f(f.wire(), Kind.BOOLEAN);
      case "timestamp":
        return f(f.wire(), Kind.EPOCH_MILLIS);
      case "json":
        return f(f.wire(), Kind.JSON_VALUE);
      case "list<string>":
        return f(f.wire(), Kind.STRING_LIST);
      case "map<string,string>":
        return f(f.wire(), Kind.STRING_MAP);
      case "list<map<string,string>>":
        return f(f.wire(), Kind.STRING_MAP_LIST);
      default:
        if (api.enums().containsKey(type)) {
          return e(f.wire(), api.enums().get(type));
        }
        if (api.models().containsKey(type)) {
          return o(f.wire(), type);
        }
        if (ApiDescription.isList(type) && api.models().containsKey(ApiDescription.inner(type))) {
          return list(f.wire(), ApiDescription.inner(type));
        }
        throw new IllegalArgumentException("no random values for type " + type);
    }
  }

  /** Returns the next random body: a ShowTask response object. */
  String next() {
    return next("ShowTaskResponse");
  }

  /** Returns the next random body: an object of the given table. */
  String next(String table) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      writeObject(g, table, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private void writeObject(JsonGenerator g, String table, int depth) throws IOException {
    g.writeStartObject();
    for (Field field : tables.get(table)) {
      if (random.nextInt(12) == 0) {
        writeUnknown(g);
      }
      int presence = random.nextInt(10);
      if (presence == 0) {
        continue; // absent
      }
      g.writeFieldName(field.wireName());
      if (presence == 1) {
        g.writeNull();
      } else {
        writeValue(g, field, depth);
      }
    }
    g.writeEndObject();
  }

  private void writeValue(JsonGenerator g, Field field, int depth) throws IOException {
    switch (field.kind()) {
      case STRING:
        g.writeString(text());
        break;
      case INT:
        g.writeNumber(
            pick(
                Integer.MIN_VALUE,
                Integer.MAX_VALUE,
                0,
                -1,
                random.nextInt(101),
                random.nextInt()));
        break;
      case LONG:
        g.writeNumber(
            pick(
                Long.MIN_VALUE,
                Long.MAX_VALUE,
                0L,
                1L << 40,
                (long) random.nextInt(1000),
                random.nextLong()));
        break;
      case EPOCH_MILLIS:
        g.writeNumber(
            pick(
                0L,
                -1L,
                1598435778000L,
                4102444800000L,
                Long.MAX_VALUE / 2,
                1_500_000_000_000L + (long) (random.nextDouble() * 200_000_000_000L)));
        break;
      case DOUBLE:
        writeDouble(g);
        break;
      case BOOLEAN:
        g.writeBoolean(random.nextBoolean());
        break;
      case ENUM:
        g.writeString(
            random.nextInt(6) == 0
                ? "UNDOCUMENTED_" + random.nextInt(100)
                : field.values().get(random.nextInt(field.values().size())));
        break;
      case INT_ENUM:
        g.writeNumber(
            random.nextInt(6) == 0
                ? 3 + random.nextInt(5)
                : Integer.parseInt(field.values().get(random.nextInt(field.values().size()))));
        break;
      case OBJECT:
        writeObject(g, field.table(), depth + 1);
        break;
      case OBJECT_LIST:
        g.writeStartArray();
        for (int i = random.nextInt(depth < 2 ? 4 : 2); i > 0; i--) {
          writeObject(g, field.table(), depth + 1);
        }
        g.writeEndArray();
        break;
      case STRING_LIST:
        g.writeStartArray();
        for (int i = random.nextInt(4); i > 0; i--) {
          g.writeString(text());
        }
        g.writeEndArray();
        break;
      case JSON_VALUE:
        writeAnyJson(g, depth);
        break;
      case STRING_MAP:
        writeStringMap(g);
        break;
      case STRING_MAP_LIST:
        g.writeStartArray();
        for (int i = random.nextInt(3); i > 0; i--) {
          writeStringMap(g);
        }
        g.writeEndArray();
        break;
      default:
        throw new IllegalStateException("unhandled kind " + field.kind());
    }
  }

  private void writeStringMap(JsonGenerator g) throws IOException {
    g.writeStartObject();
    for (int i = random.nextInt(4); i > 0; i--) {
      g.writeStringField("key_" + i + text(), text());
    }
    g.writeEndObject();
  }

  private void writeAnyJson(JsonGenerator g, int depth) throws IOException {
    switch (random.nextInt(depth < 3 ? 6 : 4)) {
      case 0:
        g.writeString(text());
        break;
      case 1:
        g.writeNumber(random.nextInt());
        break;
      case 2:
        g.writeBoolean(random.nextBoolean());
        break;
      case 3:
        writeDouble(g);
        break;
      case 4:
        g.writeStartArray();
        for (int i = random.nextInt(3); i > 0; i--) {
          writeAnyJson(g, depth + 1);
        }
        g.writeEndArray();
        break;
      default:
        g.writeStartObject();
        for (int i = random.nextInt(3); i > 0; i--) {
          g.writeFieldName("k" + i);
          writeAnyJson(g, depth + 1);
        }
        g.writeEndObject();
    }
  }

  private void writeDouble(JsonGenerator g) throws IOException {
    switch (random.nextInt(6)) {
      case 0:
        g.writeNumber(random.nextInt(1000)); // an integer token for a double field
        break;
      case 1:
        g.writeNumber(-random.nextDouble());
        break;
      case 2:
        g.writeNumber(pick(0.0, 1e-300, 1.7976931348623157e308, 0.1, 100.0, 33.333333333333336));
        break;
      default:
        g.writeNumber(Math.round(random.nextDouble() * 1e6) / 100.0);
    }
  }

  private void writeUnknown(JsonGenerator g) throws IOException {
    g.writeFieldName("x_undocumented_" + random.nextInt(1000));
    switch (random.nextInt(4)) {
      case 0:
        g.writeStartObject();
        g.writeStringField("nested", text());
        g.writeArrayFieldStart("list");
        g.writeNumber(1);
        g.writeStartObject();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        break;
      case 1:
        g.writeStartArray();
        g.writeString(text());
        g.writeNull();
        g.writeEndArray();
        break;
      case 2:
        g.writeNumber(random.nextDouble());
        break;
      default:
        g.writeString(text());
    }
  }

  private String text() {
    if (random.nextInt(3) == 0) {
      StringBuilder s = new StringBuilder();
      for (int i = random.nextInt(4); i >= 0; i--) {
        s.append(TEXT[random.nextInt(TEXT.length)]);
      }
      return s.toString();
    }
    return TEXT[random.nextInt(TEXT.length)];
  }

  @SafeVarargs
  private <T> T pick(T... choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static Field s(String wireName) {
    return new Field(wireName, Kind.STRING, List.of(), "");
  }

  private static Field f(String wireName, Kind kind) {
    return new Field(wireName, kind, List.of(), "");
  }

  private static Field e(String wireName, String... values) {
    return new Field(wireName, Kind.ENUM, List.of(values), "");
  }

  private static Field e(String wireName, List<String> values) {
    return new Field(wireName, Kind.ENUM, values, "");
  }

  private static Field o(String wireName, String table) {
    return new Field(wireName, Kind.OBJECT, List.of(), table);
  }

  private static Field list(String wireName, String table) {
    return new Field(wireName, Kind.OBJECT_LIST, List.of(), table);
  }
}
