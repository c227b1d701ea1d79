package org.migrationkit.sms.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.migration.FleetMigration;
import picocli.CommandLine.Option;

/**
 * The options 'fleet run' and 'fleet resume' share: how many at once, and where the report goes.
 */
final class FleetRunOptions {
  @Option(
      names = "--max-concurrent",
      paramLabel = "N",
      defaultValue = "20",
      description = "Migrations in flight at once, 1 to 100 (default ${DEFAULT-VALUE}).")
  int maxConcurrent;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "Write a report at the end: FILE.json or FILE.csv, one row per server.")
  @Nullable Path report;

  /** {@return --max-concurrent, checked before any call} */
  int maxConcurrent() {
    if (maxConcurrent < 1 || maxConcurrent > FleetMigration.MAX_CONCURRENT) {
      throw new UsageException("--max-concurrent must be 1 to 100, was " + maxConcurrent);
    }
    return maxConcurrent;
  }

  /** {@return the report file, its extension checked before any call, or null for none} */
  @Nullable Path reportFile() {
    return FleetExecution.reportFile(report);
  }
}
