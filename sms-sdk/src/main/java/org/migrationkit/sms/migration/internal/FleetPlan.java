package org.migrationkit.sms.migration.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.WaitOptions;
import org.migrationkit.sms.migration.FleetListener;
import org.migrationkit.sms.model.CreateTaskRequest;
import org.migrationkit.sms.model.ShowServerResponse;

/** What a fleet run is asked to do, as the public builder checked it. Immutable. */
public final class FleetPlan {
  final SmsClient sms;
  final Function<ShowServerResponse, CreateTaskRequest> taskRequest;
  final int maxConcurrent;
  final WaitOptions waitOptions;
  final @Nullable Path stateFile;
  final FleetListener listener;
  final int maxRestarts;
  final Duration throttleBackoff;
  final Clock clock;

  /** Holds the checked settings; see {@code FleetMigration.Builder} for each. */
  public FleetPlan(
      SmsClient sms,
      Function<ShowServerResponse, CreateTaskRequest> taskRequest,
      int maxConcurrent,
      WaitOptions waitOptions,
      @Nullable Path stateFile,
      FleetListener listener,
      int maxRestarts,
      Duration throttleBackoff,
      Clock clock) {
    this.sms = sms;
    this.taskRequest = taskRequest;
    this.maxConcurrent = maxConcurrent;
    this.waitOptions = waitOptions;
    this.stateFile = stateFile;
    this.listener = listener;
    this.maxRestarts = maxRestarts;
    this.throttleBackoff = throttleBackoff;
    this.clock = clock;
  }

  /** Returns the state file, or null. */
  public @Nullable Path stateFile() {
    return stateFile;
  }

  /** Returns how many servers migrate at once. */
  public int maxConcurrent() {
    return maxConcurrent;
  }

  /** Returns the caller's listener. */
  public FleetListener listener() {
    return listener;
  }
}
