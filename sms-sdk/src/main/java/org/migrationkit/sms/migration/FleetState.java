package org.migrationkit.sms.migration;

import java.util.List;
import java.util.Map;
import org.migrationkit.sms.migration.internal.FleetStateData;

/**
 * What a fleet's state file holds, read with {@link FleetMigration#readState}: the fleet's servers
 * and waves, the caller's attributes, and how far each server got. A read-only view: reading it
 * calls no service. Immutable.
 *
 * <pre>{@code
 * FleetState state = FleetMigration.readState(Path.of("fleet.json"));
 * System.out.println(state.report().progress());
 * }</pre>
 */
public final class FleetState {
  private final FleetStateData data;

  FleetState(FleetStateData data) {
    this.data = data;
  }

  /** {@return the id the fleet got when its state file was first written} */
  public String fleetId() {
    return data.fleetId();
  }

  /** {@return every server of the fleet, wave after wave} */
  public List<String> servers() {
    return data.servers();
  }

  /** {@return the fleet's waves; one wave holding every server when it had none of its own} */
  public List<List<String>> waves() {
    return data.waves();
  }

  /** {@return the attributes the fleet was given ({@link FleetMigration.Builder#attribute})} */
  public Map<String, String> attributes() {
    return data.attributes();
  }

  /** {@return each server's item as last saved} */
  public FleetReport report() {
    return new FleetReport(data.items());
  }

  @Override
  public String toString() {
    return "FleetState{" + data.fleetId() + ", " + report().progress() + "}";
  }
}
