package org.migrationkit.sms.cli;

import java.io.PrintWriter;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.TaskProgress;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.model.SourceServer;
import org.migrationkit.sms.model.SubTask;
import org.migrationkit.sms.model.TaskTargetServer;

/** The readable form of one task, as {@code sms task show} prints it: what a person asks first. */
final class TaskSummary {
  private TaskSummary() {}

  static void print(ShowTaskResponse task, PrintWriter out) {
    TaskProgress progress = TaskProgress.of(task, null);
    line(out, "Task", task.getId() + (task.getName() != null ? "  " + task.getName() : ""));
    line(out, "State", task.getState() + "  " + progress.overallPercent() + "%");
    if (progress.currentSubTask() != null) {
      line(
          out,
          "Sub-task",
          progress.currentSubTask()
              + (progress.currentSubTaskPercent() != null
                  ? "  " + progress.currentSubTaskPercent() + "%"
                  : ""));
    }
    line(out, "Type", task.getType());
    SourceServer source = task.getSourceServer();
    if (source != null) {
      line(out, "Source", server(source.getId(), source.getName(), source.getIp()));
    }
    TaskTargetServer target = task.getTargetServer();
    if (target != null) {
      line(
          out,
          "Target",
          server(
              target.getVmId() != null ? target.getVmId() : target.getId(),
              target.getName(),
              target.getIp()));
    }
    line(
        out,
        "Region",
        task.getRegionId() == null
            ? null
            : task.getRegionId()
                + (task.getProjectId() != null ? "  project " + task.getProjectId() : ""));
    if (task.getVmTemplateId() != null) {
      line(out, "Template", task.getVmTemplateId());
    }
    line(out, "Created", task.getCreateDate());
    if (task.getStartDate() != null) {
      line(out, "Started", task.getStartDate());
    }
    if (task.getFinishDate() != null) {
      line(out, "Finished", task.getFinishDate());
    }
    if (progress.migrateSpeed() != null) {
      line(out, "Speed", progress.migrateSpeed() + " MB/s");
    }
    Duration remaining = progress.remaining();
    if (remaining != null && !remaining.isZero()) {
      line(out, "Remaining", DurationConverter.format(remaining));
    }
    if (task.getErrorJson() != null && !task.getErrorJson().isBlank()) {
      line(out, "Error", task.getErrorJson());
    }
    if (!task.getSubTasks().isEmpty()) {
      out.println("Sub-tasks:");
      TextTable table = new TextTable("  NAME", "PROGRESS", "STARTED", "ENDED");
      for (SubTask s : task.getSubTasks()) {
        table.row(
            "  " + s.getName(),
            s.getEndDate() != null
                ? "100%"
                : s.getProgress() == null ? null : s.getProgress() + "%",
            s.getStartDate(),
            s.getEndDate());
      }
      table.print(out);
      for (SubTask s : task.getSubTasks()) {
        if (s.getProcessTrace() != null && !s.getProcessTrace().isBlank()) {
          line(out, "Trace", s.getName() + ": " + s.getProcessTrace());
        }
      }
    }
  }

  private static String server(@Nullable String id, @Nullable String name, @Nullable String ip) {
    StringBuilder s = new StringBuilder(id == null || id.isBlank() ? "-" : id);
    if (name != null && !name.isBlank()) {
      s.append("  ").append(name);
    }
    if (ip != null && !ip.isBlank()) {
      s.append("  ").append(ip);
    }
    return s.toString();
  }

  private static void line(PrintWriter out, String label, @Nullable Object value) {
    StringBuilder s = new StringBuilder(label).append(':');
    while (s.length() < 11) {
      s.append(' ');
    }
    out.println(s.append(value == null ? "-" : Failures.oneLine(String.valueOf(value))));
  }
}
