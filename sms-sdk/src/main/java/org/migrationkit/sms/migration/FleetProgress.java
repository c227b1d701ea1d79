package org.migrationkit.sms.migration;

import org.jspecify.annotations.Nullable;

/**
 * How far a fleet is: how many servers wait, run, succeeded and failed. The four counts add up to
 * {@link #total()}. Immutable.
 */
public final class FleetProgress {
  private final int total;
  private final int pending;
  private final int running;
  private final int succeeded;
  private final int failed;

  /**
   * Creates the counts; the fleet does this, tests of listeners may too.
   *
   * @param total every server of the fleet
   * @param pending servers whose migration has not begun (or, after a cancel, did not get a task)
   * @param running servers with a task being created, started or polled
   * @param succeeded servers whose task succeeded
   * @param failed servers whose task or a call for them failed
   * @throws IllegalArgumentException when a count is negative or they do not add up to total
   */
  public FleetProgress(int total, int pending, int running, int succeeded, int failed) {
    if (pending < 0 || running < 0 || succeeded < 0 || failed < 0) {
      throw new IllegalArgumentException("FleetProgress counts must not be negative");
    }
    if (pending + running + succeeded + failed != total) {
      throw new IllegalArgumentException(
          "FleetProgress counts must add up to total "
              + total
              + ", were "
              + pending
              + "+"
              + running
              + "+"
              + succeeded
              + "+"
              + failed);
    }
    this.total = total;
    this.pending = pending;
    this.running = running;
    this.succeeded = succeeded;
    this.failed = failed;
  }

  /** {@return every server of the fleet} */
  public int total() {
    return total;
  }

  /** {@return the servers whose migration has not begun} */
  public int pending() {
    return pending;
  }

  /** {@return the servers with a task being created, started or polled} */
  public int running() {
    return running;
  }

  /** {@return the servers whose task succeeded} */
  public int succeeded() {
    return succeeded;
  }

  /** {@return the servers whose task, or a call for them, failed} */
  public int failed() {
    return failed;
  }

  /** {@return whether every server has succeeded or failed} */
  public boolean isDone() {
    return succeeded + failed == total;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof FleetProgress)) {
      return false;
    }
    FleetProgress p = (FleetProgress) o;
    return total == p.total
        && pending == p.pending
        && running == p.running
        && succeeded == p.succeeded
        && failed == p.failed;
  }

  @Override
  public int hashCode() {
    return ((((total * 31) + pending) * 31 + running) * 31 + succeeded) * 31 + failed;
  }

  @Override
  public String toString() {
    return "FleetProgress{total="
        + total
        + ", pending="
        + pending
        + ", running="
        + running
        + ", succeeded="
        + succeeded
        + ", failed="
        + failed
        + "}";
  }
}
