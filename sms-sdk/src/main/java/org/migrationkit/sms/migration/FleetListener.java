package org.migrationkit.sms.migration;

/**
 * Told what a {@link FleetMigration} does, server by server and in aggregate.
 *
 * <pre>{@code
 * FleetMigration.builder(sms)
 *     .listener(new FleetListener() {
 *       public void onServerEvent(FleetEvent e) { log.info("{}", e); }
 *       public void onProgress(FleetProgress p) { System.out.println(p); }
 *     })
 * }</pre>
 *
 * <p>Called on the fleet's own listener thread, one call at a time, in the order things happened;
 * never on a thread that calls the service, so a slow listener does not stall the fleet (events
 * queue up, and past 10,000 waiting ones are dropped, logged once at WARN). Progress updates that
 * arrive while an earlier one is waiting are merged into the latest. What a listener throws is
 * caught and logged once at WARN; the fleet goes on.
 */
public interface FleetListener {
  /** A listener that does nothing. */
  FleetListener NONE = new FleetListener() {};

  /**
   * Something happened to one server's migration.
   *
   * @param event what happened
   */
  default void onServerEvent(FleetEvent event) {}

  /**
   * The fleet's counts changed.
   *
   * @param progress the counts now
   */
  default void onProgress(FleetProgress progress) {}
}
