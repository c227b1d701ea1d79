package org.migrationkit.sms.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.SmsClientException;
import org.migrationkit.sms.migration.internal.AtomicFiles;
import org.migrationkit.sms.migration.internal.ReportFormats;

/**
 * What a fleet did, one {@link FleetItem} per server in the fleet's order. Immutable.
 *
 * <pre>{@code
 * FleetReport report = fleet.run();
 * System.out.println(report.succeeded().size() + " migrated, " + report.failed().size() + " failed");
 * report.writeTo(Path.of("report.csv"));
 * }</pre>
 */
public final class FleetReport {
  private final List<FleetItem> items;

  /**
   * Creates a report; the fleet does this, tests of report consumers may too.
   *
   * @param items one item per server
   */
  public FleetReport(List<FleetItem> items) {
    this.items = List.copyOf(items);
  }

  /** {@return every server's item, in the fleet's order} */
  public List<FleetItem> items() {
    return items;
  }

  /** {@return the items of the servers whose task succeeded} */
  public List<FleetItem> succeeded() {
    return withOutcome(FleetItem.Outcome.SUCCEEDED);
  }

  /** {@return the items of the servers that failed} */
  public List<FleetItem> failed() {
    return withOutcome(FleetItem.Outcome.FAILED);
  }

  /** {@return the progress the items add up to} */
  public FleetProgress progress() {
    int pending = 0;
    int running = 0;
    int succeeded = 0;
    int failed = 0;
    for (FleetItem item : items) {
      switch (item.outcome()) {
        case PENDING:
          pending++;
          break;
        case RUNNING:
          running++;
          break;
        case SUCCEEDED:
          succeeded++;
          break;
        default:
          failed++;
      }
    }
    return new FleetProgress(items.size(), pending, running, succeeded, failed);
  }

  /**
   * Returns the item of one server.
   *
   * @param sourceServerId the server's id
   * @return its item, or {@code null} when the server is not in the fleet
   */
  public @Nullable FleetItem item(String sourceServerId) {
    for (FleetItem item : items) {
      if (item.sourceServerId().equals(sourceServerId)) {
        return item;
      }
    }
    return null;
  }

  private List<FleetItem> withOutcome(FleetItem.Outcome outcome) {
    List<FleetItem> matching = new ArrayList<>();
    for (FleetItem item : items) {
      if (item.outcome() == outcome) {
        matching.add(item);
      }
    }
    return List.copyOf(matching);
  }

  /**
   * Returns the report as JSON: {@code {"total":..,"succeeded":..,"failed":..,"pending":..,
   * "running":..,"items":[{"source_server_id":..,"task_id":..,"task_name":..,"outcome":..,
   * "state":..,"error":..,"request_id":..,"started_at":..,"finished_at":..,"restarts":..}]}}, times
   * in ISO-8601, members without a value left out.
   *
   * @return the JSON text
   */
  public String toJson() {
    return ReportFormats.json(items, progress());
  }

  /**
   * Returns the report as CSV (RFC 4180, {@code \r\n} line ends): a header, then one row per server
   * with the columns {@code source_server_id, task_id, task_name, outcome, state, error,
   * request_id, started_at, finished_at, restarts}; a value holding a comma, quote or line break is
   * quoted.
   *
   * @return the CSV text
   */
  public String toCsv() {
    return ReportFormats.csv(items);
  }

  /**
   * Writes the report to a file, atomically: as CSV when the name ends with {@code .csv}, as JSON
   * when it ends with {@code .json} (either case).
   *
   * @param file where to write; replaced when it exists
   * @throws SmsClientException when the name ends otherwise (before any I/O)
   * @throws UncheckedIOException when writing fails
   */
  public void writeTo(Path file) {
    Objects.requireNonNull(file, "file");
    Path name = file.getFileName();
    String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    String text;
    if (lower.endsWith(".csv")) {
      text = toCsv();
    } else if (lower.endsWith(".json")) {
      text = toJson();
    } else {
      throw new SmsClientException(
          "Report file " + file + " must end with .json or .csv to say its format");
    }
    try {
      AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Writing the fleet report " + file + " failed: " + e, e);
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof FleetReport && items.equals(((FleetReport) o).items);
  }

  @Override
  public int hashCode() {
    return items.hashCode();
  }

  @Override
  public String toString() {
    return "FleetReport{" + progress() + "}";
  }
}
