package org.migrationkit.sms.migration.internal;

import java.util.List;
import java.util.Map;
import org.migrationkit.sms.migration.FleetItem;

/**
 * What a state file holds: the fleet's identity (id, servers, waves), the caller's attributes and
 * one item per server, in the servers' order. Immutable.
 */
public final class FleetStateData {
  private final String fleetId;
  private final List<List<String>> waves;
  private final List<String> servers;
  private final Map<String, String> attributes;
  private final List<FleetItem> items;

  /** The waves hold every server once; items hold one entry per server, in the servers' order. */
  public FleetStateData(
      String fleetId,
      List<List<String>> waves,
      Map<String, String> attributes,
      List<FleetItem> items) {
    this.fleetId = fleetId;
    this.waves = Waves.copy(waves);
    this.servers = Waves.flatten(this.waves);
    this.attributes = Map.copyOf(attributes);
    this.items = List.copyOf(items);
  }

  /** Returns the id the fleet got when its state file was first written. */
  public String fleetId() {
    return fleetId;
  }

  /** Returns every server, wave after wave. */
  public List<String> servers() {
    return servers;
  }

  /** Returns the waves; one wave when the fleet has none of its own. */
  public List<List<String>> waves() {
    return waves;
  }

  /** Returns the caller's attributes. */
  public Map<String, String> attributes() {
    return attributes;
  }

  /** Returns one item per server, in the servers' order. */
  public List<FleetItem> items() {
    return items;
  }
}
