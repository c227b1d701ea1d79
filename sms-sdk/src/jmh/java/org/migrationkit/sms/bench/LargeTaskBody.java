package org.migrationkit.sms.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Grows the API page's example task into a large one, to show how cost scales with a task's size.
 *
 * <pre>{@code
 * byte[] body = LargeTaskBody.generate(Fixtures.smallBody(), 1_000, 500); // about 1 MB
 * }</pre>
 *
 * <p>Every disk is a copy of the example's disk (two physical volumes each) and every sub-task a
 * copy of one of its five, with ids, names and indexes made distinct; the output uses the example's
 * own layout (Jackson's default pretty printer), so bytes per field stay comparable. Deterministic.
 */
public final class LargeTaskBody {
  private LargeTaskBody() {}

  /** Returns {@code example} with {@code disks} disks on the target server and {@code subTasks}. */
  public static byte[] generate(byte[] example, int disks, int subTasks) {
    ObjectMapper mapper = new ObjectMapper();
    try {
      ObjectNode task = (ObjectNode) mapper.readTree(example);
      ArrayNode templateTasks = (ArrayNode) task.get("sub_tasks");
      ArrayNode tasks = mapper.createArrayNode();
      for (int i = 0; i < subTasks; i++) {
        ObjectNode sub = (ObjectNode) templateTasks.get(i % templateTasks.size()).deepCopy();
        sub.put("id", 7278 + i);
        sub.put("progress", i % 101);
        tasks.add(sub);
      }
      task.set("sub_tasks", tasks);

      ObjectNode target = (ObjectNode) task.get("target_server");
      ObjectNode templateDisk = (ObjectNode) target.get("disks").get(0);
      ArrayNode diskArray = mapper.createArrayNode();
      for (int d = 0; d < disks; d++) {
        ObjectNode disk = templateDisk.deepCopy();
        disk.put("id", 88008 + d);
        disk.put("name", "Disk " + (d + 1));
        disk.put("disk_id", Integer.toString(d));
        disk.put("disk_index", Integer.toString(d));
        disk.put("os_disk", d == 0);
        disk.put("device_use", d == 0 ? "OS" : "NORMAL");
        ArrayNode volumes = (ArrayNode) disk.get("physical_volumes");
        for (int v = 0; v < volumes.size(); v++) {
          ObjectNode volume = (ObjectNode) volumes.get(v);
          volume.put("id", 135055 + 2L * d + v);
          volume.put("index", v + 1);
          volume.put("uuid", String.format("\\\\?\\Volume{586b7157-%04x-0000-0000-%012x}\\", d, v));
        }
        diskArray.add(disk);
      }
      target.set("disks", diskArray);
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(task);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
