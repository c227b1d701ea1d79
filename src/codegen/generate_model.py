#!/usr/bin/env python3
"""Generates the SMS wire model and its JSON mapping from the field tables of the API pages.

Run from the repository root:  python3 src/codegen/generate_model.py && mvn spotless:apply
The output is committed and reviewed like hand-written code; edit the tables below, never the output.
Kinds: S string, I Integer, L Long, D Double, B Boolean, T epoch-millisecond Instant,
E:<OpenEnum> open enum, O:<Type> nested object, LO:<Type> list of objects, LS list of strings.
"""
import os
import re

PKG = "org.migrationkit.sms.model"
ROOT = "src/main/java/org/migrationkit/sms"

ENUMS = {
    "TaskType": ("The task type of a migration task.", ["MIGRATE_FILE", "MIGRATE_BLOCK"]),
    "OsType": ("The operating system family of a server.", ["WINDOWS", "LINUX"]),
    "TaskState": (
        "The state of a migration task, as the service documents it for ListTasks.",
        ["READY", "RUNNING", "SYNCING", "MIGRATE_SUCCESS", "MIGRATE_FAIL", "ABORTING", "ABORT",
         "DELETING", "SYNC_F_ROLLBACKING", "SYNC_F_ROLLBACK_SUCCESS"],
    ),
    "SourceServerState": (
        "The state of a source server.",
        ["unavailable", "waiting", "initialize", "replicate", "syncing", "stopping", "stopped",
         "deleting", "error", "cloning", "testing", "finished"],
    ),
    "MigrationCycle": (
        "The current migration stage of a source server.",
        ["cutovering", "cutovered", "checking", "setting", "replicating", "syncing"],
    ),
    "DeviceUse": ("The function of a disk or partition: general, boot or system device.", ["NORMAL", "OS", "BOOT"]),
    "PartitionStyle": ("The partition table type of a disk.", ["MBR", "GPT"]),
}

# (class, summary, [(wire name, kind, description)])
TYPES = [
    ("ShowTaskResponse", "A migration task as returned by {@code GET /v3/tasks/{task_id}} (table 3 of the API page).", [
        ("name", "S", "The task name, defined by the user."),
        ("type", "E:TaskType", "The task type: file-level or block-level migration."),
        ("os_type", "E:OsType", "The OS type."),
        ("id", "S", "The migration task ID."),
        ("priority", "I", "The migration process priority: 0 low, 1 standard, 2 high."),
        ("speed_limit", "I", "The migration rate limit."),
        ("region_id", "S", "The ID of the region where the target server is located."),
        ("start_target_server", "B", "Whether the target server is started after the migration is complete."),
        ("enterprise_project_id", "S", "The enterprise project ID."),
        ("migration_ip", "S", "The IP address of the target server used for the migration."),
        ("region_name", "S", "The name of the region where the target server is located."),
        ("project_name", "S", "The name of the project to which the target server belongs."),
        ("project_id", "S", "The ID of the project to which the target server belongs."),
        ("vm_template_id", "S", "The template ID."),
        ("source_server", "O:SourceServer", "The source server."),
        ("target_server", "O:TaskTargetServer", "The target server of the migration task."),
        ("state", "E:TaskState", "The task state."),
        ("estimate_complete_time", "T", "The estimated completion time."),
        ("connected", "B", "The connection status."),
        ("create_date", "T", "The task creation time."),
        ("start_date", "T", "The task start time."),
        ("finish_date", "T", "The task end time."),
        ("migrate_speed", "D", "The migration rate, in MB/s."),
        ("compress_rate", "D", "The compression rate."),
        ("error_json", "S", "The error message."),
        ("total_time", "L", "The task duration."),
        ("float_ip", "S", "Kept by the service for compatibility with earlier SMS-Agent versions."),
        ("remain_seconds", "L", "The remaining migration time, in seconds."),
        ("target_snapshot_id", "S", "The ID of the snapshot for the target server."),
        ("clone_server", "O:CloneServer", "The cloned server."),
        ("sub_tasks", "LO:SubTask", "The sub-tasks of the migration task."),
        ("network_check_info", "O:NetworkCheckInfo", "The network performance metrics and measurement results."),
        ("total_cpu_usage", "D", "The CPU usage of the server, in percent."),
        ("agent_cpu_usage", "D", "The CPU usage of the Agent, in percent."),
        ("total_mem_usage", "D", "The memory usage of the server, in MB."),
        ("agent_mem_usage", "D", "The memory usage of the Agent, in MB."),
        ("total_disk_io", "D", "The disk I/O of the server, in MB/s."),
        ("agent_disk_io", "D", "The disk I/O of the Agent, in MB/s."),
    ]),
    ("SourceServer", "The source server of a migration task (table 4, SourceServerResponse).", [
        ("id", "S", "The ID of the source server in the SMS database."),
        ("ip", "S", "The IP address of the source server."),
        ("name", "S", "The name of the source server shown on the SMS console."),
        ("os_type", "E:OsType", "The OS type of the source server."),
        ("os_version", "S", "The OS version."),
        ("oem_system", "B", "Whether the OS is an OEM OS (Windows)."),
        ("state", "E:SourceServerState", "The source server state."),
        ("migration_cycle", "E:MigrationCycle", "The current migration stage of the source server."),
    ]),
    ("TaskTargetServer", "The target server of a migration task (table 5).", [
        ("id", "S", "The ID of the target server in the SMS database."),
        ("vm_id", "S", "The ID of the target server."),
        ("name", "S", "The name of the target server."),
        ("ip", "S", "The IP address of the target server."),
        ("os_type", "E:OsType", "The OS type."),
        ("os_version", "S", "The OS version."),
        ("system_dir", "S", "The system directory (Windows)."),
        ("disks", "LO:TargetDisk", "The disks of the target server."),
        ("volume_groups", "LO:VolumeGroup", "The volume groups of the target server."),
        ("btrfs_list", "LS", "The Btrfs file systems on the source server."),
        ("image_disk_id", "S", "The ID of the disk that holds the agent image on the target server."),
        ("cutovered_snapshot_ids", "S", "The ID of the snapshot used for rollback on the target server."),
    ]),
    ("TargetDisk", "A disk of the target server (table 6).", [
        ("id", "L", "The disk ID."),
        ("device_use", "E:DeviceUse", "The partition function: general, boot or OS device."),
        ("disk_id", "S", "The disk ID."),
        ("name", "S", "The disk name."),
        ("physical_volumes", "LO:TargetPhysicalVolume", "The physical volumes on the disk."),
        ("size", "L", "The size."),
        ("used_size", "L", "The used space."),
        ("disk_index", "S", "The disk index."),
        ("os_disk", "B", "Whether the disk is the system disk."),
        ("partition_style", "E:PartitionStyle", "The partition table type."),
        ("relation_name", "S", "The name of the paired target server disk in Linux."),
    ]),
    ("TargetPhysicalVolume", "A physical volume (partition) of a target disk (table 7).", [
        ("id", "L", "The volume ID."),
        ("device_use", "E:DeviceUse", "The partition function."),
        ("file_system", "S", "The file system."),
        ("index", "I", "The serial number."),
        ("mount_point", "S", "The mount point."),
        ("name", "S", "The name."),
        ("size", "L", "The size."),
        ("used_size", "L", "The used space."),
        ("uuid", "S", "The UUID."),
        ("relation_name", "S", "The name of the paired target server disk in Linux."),
        ("free_size", "L", "The idle partition space."),
    ]),
    ("VolumeGroup", "A volume group of the target server (table 8).", [
        ("components", "S", "The physical volume information."),
        ("free_size", "L", "The available space."),
        ("logical_volumes", "LO:LogicalVolume", "The logical volumes in the group."),
        ("name", "S", "The name."),
        ("size", "L", "The size."),
    ]),
    ("LogicalVolume", "A logical volume of a volume group (table 9).", [
        ("block_count", "I", "The number of blocks."),
        ("block_size", "L", "The block size."),
        ("file_system", "S", "The file system."),
        ("inode_size", "I", "The inode size."),
        ("inode_nums", "L", "The number of inodes."),
        ("device_use", "S", "The partition function (the page documents it as a free string here)."),
        ("mount_point", "S", "The mount point."),
        ("name", "S", "The name."),
        ("size", "L", "The size."),
        ("used_size", "L", "The used space."),
        ("free_size", "L", "The available space."),
    ]),
    ("CloneServer", "The cloned server of a migration task (table 10).", [
        ("vm_id", "S", "The cloned server ID."),
        ("name", "S", "The name of the cloned server."),
        ("clone_error", "S", "The error returned for a clone failure."),
        ("clone_state", "S", "The clone state."),
        ("error_msg", "S", "The error message returned for a clone failure."),
    ]),
    ("SubTask", "A sub-task of a migration task (table 11).", [
        ("id", "L", "The sub-task ID."),
        ("name", "S", "The sub-task name."),
        ("progress", "I", "The progress of the sub-task, 0 to 100."),
        ("start_date", "T", "The start time of the sub-task."),
        ("end_date", "T", "The end time of the sub-task; {@code null} while it is not complete."),
        ("migrate_speed", "D", "The migration speed, in Mbit/s."),
        ("user_op", "S", "The user operation that triggered the sub-task."),
        ("process_trace", "S", "The detailed progress of the migration or synchronisation."),
    ]),
    ("NetworkCheckInfo", "Network performance metrics and measurement results (table 12).", [
        ("domain_connectivity", "B", "The connectivity to domain names."),
        ("destination_connectivity", "B", "The connectivity to the target server."),
        ("network_delay", "D", "The network latency."),
        ("network_jitter", "D", "The network jitter."),
        ("migration_speed", "D", "The bandwidth."),
        ("loss_percentage", "D", "The packet loss rate."),
        ("cpu_usage", "D", "The CPU usage."),
        ("mem_usage", "D", "The memory usage."),
        ("evaluation_result", "S", "The network evaluation result."),
    ]),
]

HEADER = "// Generated by src/codegen/generate_model.py from the SMS API field tables. Do not edit.\n"


def camel(wire):
    parts = wire.split("_")
    return parts[0] + "".join(p[:1].upper() + p[1:] for p in parts[1:])


def cap(s):
    return s[:1].upper() + s[1:]


def java_type(kind):
    if kind == "S": return "String"
    if kind == "I": return "Integer"
    if kind == "L": return "Long"
    if kind == "D": return "Double"
    if kind == "B": return "Boolean"
    if kind == "T": return "Instant"
    if kind == "LS": return "List<String>"
    k, t = kind.split(":")
    if k == "LO": return "List<%s>" % t
    return t


def is_list(kind):
    return kind == "LS" or kind.startswith("LO:")


def gen_model(cls, summary, fields):
    imports = {"java.util.Objects", "org.jspecify.annotations.Nullable"}
    if any(is_list(k) for _, k, _ in fields):
        imports.add("java.util.List")
    if any(k == "T" for _, k, _ in fields):
        imports.add("java.time.Instant")
    out = [HEADER, "package %s;\n" % PKG]
    out += ["import %s;" % i for i in sorted(imports)]
    out.append("")
    out.append("/**\n * %s\n *\n * <p>Immutable and thread-safe. Every value is {@code null} when the service left it out or sent\n"
               " * {@code null}; lists are never {@code null} (absent means empty). Derive a changed copy with\n"
               " * {@link #toBuilder()}.\n */" % summary)
    out.append("public final class %s {" % cls)
    for w, k, _ in fields:
        t = java_type(k)
        ann = "" if is_list(k) else "@Nullable "
        out.append("  private final %s%s %s;" % (ann, t, camel(w)))
    out.append("")
    out.append("  private %s(Builder builder) {" % cls)
    for w, k, _ in fields:
        out.append("    this.%s = builder.%s;" % (camel(w), camel(w)))
    out.append("  }\n")
    out.append("  /**\n   * Returns a new, empty builder.\n   *\n   * @return a builder with every value unset\n   */")
    out.append("  public static Builder builder() {\n    return new Builder();\n  }\n")
    out.append("  /**\n   * Returns a builder holding this object's values.\n   *\n   * @return a builder to derive a changed copy from\n   */")
    out.append("  public Builder toBuilder() {\n    return new Builder(this);\n  }\n")
    if cls == "ShowTaskResponse":
        out.append("  /**\n   * Reads a task from its wire JSON (snake_case), as leniently as the client reads responses.\n   *\n"
                   "   * @param json the task as the service sends it\n   * @return the task\n"
                   "   * @throws org.migrationkit.sms.SmsClientException when the text is not JSON or a value cannot be\n"
                   "   *     converted; the message names the JSON path\n   */")
        out.append("  public static ShowTaskResponse fromJson(String json) {\n"
                   "    Objects.requireNonNull(json, \"json\");\n"
                   "    return org.migrationkit.sms.internal.json.ModelJson.showTaskResponseFromJson(json);\n  }\n")
        out.append("  /**\n   * Writes this task as wire JSON (snake_case; timestamps as epoch milliseconds; nulls left out).\n"
                   "   *\n   * @return compact JSON text that {@link #fromJson(String)} reads back into an equal task\n   */")
        out.append("  public String toJson() {\n    return org.migrationkit.sms.internal.json.ModelJson.toJson(this);\n  }\n")
    for w, k, d in fields:
        t = java_type(k)
        ann = "" if is_list(k) else "@Nullable "
        ret = ("the values; empty, never {@code null}, when the service left them out" if is_list(k)
               else "the value, or {@code null} when the service left it out")
        out.append("  /**\n   * %s Wire name {@code %s}.\n   *\n   * @return %s\n   */" % (d, w, ret))
        out.append("  public %s%s get%s() {\n    return %s;\n  }\n" % (ann, t, cap(camel(w)), camel(w)))
    names = [camel(w) for w, _, _ in fields]
    out.append("  @Override\n  public boolean equals(@Nullable Object o) {")
    out.append("    if (this == o) {\n      return true;\n    }")
    out.append("    if (!(o instanceof %s)) {\n      return false;\n    }" % cls)
    out.append("    %s that = (%s) o;" % (cls, cls))
    conds = ["Objects.equals(%s, that.%s)" % (n, n) for n in names]
    out.append("    return " + "\n        && ".join(conds) + ";\n  }\n")
    out.append("  @Override\n  public int hashCode() {")
    out.append("    return Objects.hash(\n        " + ",\n        ".join(names) + ");\n  }\n")
    out.append("  @Override\n  public String toString() {")
    out.append("    StringBuilder s = new StringBuilder(\"%s{\");" % cls)
    out.append("    String sep = \"\";")
    for w, k, _ in fields:
        n = camel(w)
        if is_list(k):
            out.append("    if (!%s.isEmpty()) {" % n)
        else:
            out.append("    if (%s != null) {" % n)
        out.append("      s.append(sep).append(\"%s=\").append(%s);\n      sep = \", \";\n    }" % (n, n))
    out.append("    return s.append('}').toString();\n  }\n")
    # builder
    out.append("  /** Builds {@link %s} values; not thread-safe. */" % cls)
    out.append("  public static final class Builder {")
    for w, k, _ in fields:
        t = java_type(k)
        if is_list(k):
            out.append("    private %s %s = List.of();" % (t, camel(w)))
        else:
            out.append("    private @Nullable %s %s;" % (t, camel(w)))
    out.append("\n    private Builder() {}\n")
    out.append("    private Builder(%s source) {" % cls)
    for n in names:
        out.append("      this.%s = source.%s;" % (n, n))
    out.append("    }\n")
    for w, k, d in fields:
        t = java_type(k)
        n = camel(w)
        param = ("the values; {@code null} means empty" if is_list(k)
                 else "the value, or {@code null} to leave it out")
        out.append("    /**\n     * Sets {@code %s}.\n     *\n     * @param %s %s\n     * @return this builder\n     */"
                   % (w, n, param))
        if is_list(k):
            out.append("    public Builder %s(@Nullable %s %s) {" % (n, t, n))
            out.append("      this.%s = %s == null ? List.of() : List.copyOf(%s);" % (n, n, n))
        else:
            out.append("    public Builder %s(@Nullable %s %s) {" % (n, t, n))
            out.append("      this.%s = %s;" % (n, n))
        out.append("      return this;\n    }\n")
    out.append("    /**\n     * Returns the immutable value.\n     *\n     * @return a new {@link %s} holding this builder's values\n     */" % cls)
    out.append("    public %s build() {\n      return new %s(this);\n    }\n  }\n}" % (cls, cls))
    return "\n".join(out) + "\n"


def const_name(v):
    return re.sub(r"[^A-Z0-9_]", "_", v.upper())


def gen_enum(cls, summary, values):
    out = [HEADER, "package %s;\n" % PKG]
    out.append("import java.util.List;\nimport java.util.Map;\n")
    out.append("/**\n * %s\n *\n * <p>An open enumeration: the documented values are constants, and any other value the service sends\n"
               " * is kept as it is ({@link #isKnown()} is then {@code false}) and written back unchanged.\n */" % summary)
    out.append("public final class %s extends OpenEnum {" % cls)
    for v in values:
        out.append("  /** Wire value {@code %s}. */" % v)
        out.append("  public static final %s %s = new %s(\"%s\", true);\n" % (cls, const_name(v), cls, v))
    out.append("  private static final List<%s> KNOWN = List.of(%s);" % (cls, ", ".join(const_name(v) for v in values)))
    out.append("  private static final Map<String, %s> BY_VALUE = index(KNOWN);\n" % cls)
    out.append("  private %s(String value, boolean known) {\n    super(value, known);\n  }\n" % cls)
    out.append("  /**\n   * Returns the constant for a documented value, or a new instance holding any other value.\n   *\n"
               "   * @param value the wire value, as the service sends it\n   * @return the constant, or an unknown value that writes back unchanged\n   */")
    out.append("  public static %s of(String value) {" % cls)
    out.append("    %s known = BY_VALUE.get(value);" % cls)
    out.append("    return known != null ? known : new %s(requireValue(value), false);\n  }\n" % cls)
    out.append("  /**\n   * Returns the documented values, in the page's order.\n   *\n   * @return an immutable list of the constants\n   */")
    out.append("  public static List<%s> knownValues() {\n    return KNOWN;\n  }\n}" % cls)
    return "\n".join(out) + "\n"


READERS = {"S": "readString", "I": "readInteger", "L": "readLong", "D": "readDouble", "B": "readBoolean",
           "T": "readInstant", "LS": "readStringList"}
WRITERS = {"S": "writeString", "I": "writeNumber", "L": "writeNumber", "D": "writeNumber", "B": "writeBoolean",
           "T": "writeInstant", "LS": "writeStringList"}


def gen_json():
    out = [HEADER, "package org.migrationkit.sms.internal.json;\n"]
    out.append("import static org.migrationkit.sms.internal.json.JsonValues.*;\n")
    out.append("import com.fasterxml.jackson.core.JsonGenerator;")
    out.append("import com.fasterxml.jackson.core.JsonParser;")
    out.append("import java.io.IOException;")
    for cls, _, _ in TYPES:
        out.append("import %s.%s;" % (PKG, cls))
    for e in sorted(ENUMS):
        out.append("import %s.%s;" % (PKG, e))
    out.append("")
    out.append("/** Reads and writes the SMS model with Jackson's streaming API: one pass, no data binding. */")
    out.append("public final class ModelJson {\n  private ModelJson() {}\n")
    out.append("  /** Reads a {@link ShowTaskResponse} from JSON text. */")
    out.append("  public static ShowTaskResponse showTaskResponseFromJson(String json) {\n"
               "    return JsonValues.readDocument(json, ModelJson::readShowTaskResponse);\n  }\n")
    out.append("  /** Writes a {@link ShowTaskResponse} as compact JSON text. */")
    out.append("  public static String toJson(ShowTaskResponse task) {\n"
               "    return JsonValues.writeDocument(task, ModelJson::writeShowTaskResponse);\n  }\n")
    for cls, _, fields in TYPES:
        out.append("  /** Reads one {@link %s}; the parser stands on its START_OBJECT. */" % cls)
        out.append("  public static %s read%s(JsonParser p) throws IOException {" % (cls, cls))
        out.append("    %s.Builder b = %s.builder();" % (cls, cls))
        out.append("    String field = null;\n    try {")
        out.append("      while ((field = p.nextFieldName()) != null) {")
        out.append("        p.nextToken();\n        switch (field) {")
        for w, k, _ in fields:
            n = camel(w)
            if k in READERS:
                expr = "%s(p)" % READERS[k]
            else:
                kk, t = k.split(":")
                if kk == "E":
                    expr = "readEnum(p, %s::of)" % t
                elif kk == "O":
                    expr = "readObject(p, ModelJson::read%s)" % t
                else:
                    expr = "readObjectList(p, ModelJson::read%s)" % t
            out.append("          case \"%s\":\n            b.%s(%s);\n            break;" % (w, n, expr))
        out.append("          default:\n            p.skipChildren();\n        }\n      }")
        out.append("    } catch (JsonReadException e) {\n      throw e.inField(field);\n    }")
        out.append("    requireEndObject(p);\n    return b.build();\n  }\n")
    for cls, _, fields in TYPES:
        out.append("  /** Writes one {@link %s} as a JSON object; SmsJacksonModule writes through here too. */" % cls)
        out.append("  public static void write%s(JsonGenerator g, %s v) throws IOException {" % (cls, cls))
        out.append("    g.writeStartObject();")
        for w, k, _ in fields:
            getter = "v.get%s()" % cap(camel(w))
            if k in WRITERS:
                out.append("    %s(g, \"%s\", %s);" % (WRITERS[k], w, getter))
            else:
                kk, t = k.split(":")
                if kk == "E":
                    out.append("    writeEnum(g, \"%s\", %s);" % (w, getter))
                elif kk == "O":
                    out.append("    writeObject(g, \"%s\", %s, ModelJson::write%s);" % (w, getter, t))
                else:
                    out.append("    writeList(g, \"%s\", %s, ModelJson::write%s);" % (w, getter, t))
        out.append("    g.writeEndObject();\n  }\n")
    out[-1] = out[-1].rstrip("\n")
    out.append("}")
    return "\n".join(out) + "\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


if __name__ == "__main__":
    for cls, summary, fields in TYPES:
        write("%s/model/%s.java" % (ROOT, cls), gen_model(cls, summary, fields))
    for cls, (summary, values) in ENUMS.items():
        write("%s/model/%s.java" % (ROOT, cls), gen_enum(cls, summary, values))
    write("%s/internal/json/ModelJson.java" % ROOT, gen_json())
