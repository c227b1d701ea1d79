package org.migrationkit.sms.migration.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks and copies a fleet's waves: ordered, non-empty groups holding each server once. */
public final class Waves {
  private Waves() {}

  /**
   * Returns an immutable copy of {@code waves}.
   *
   * @throws IllegalArgumentException when a wave is empty, an id is blank, or a server is in the
   *     waves twice; the message names the first such
   */
  public static List<List<String>> copy(List<List<String>> waves) {
    if (waves.isEmpty()) {
      throw new IllegalArgumentException("a fleet needs at least one server");
    }
    Set<String> seen = new HashSet<>();
    List<List<String>> copy = new ArrayList<>(waves.size());
    for (int i = 0; i < waves.size(); i++) {
      List<String> wave = waves.get(i);
      if (wave == null || wave.isEmpty()) {
        throw new IllegalArgumentException("wave " + (i + 1) + " holds no server");
      }
      for (String id : wave) {
        if (id == null || id.isBlank()) {
          throw new IllegalArgumentException(
              "wave " + (i + 1) + " holds a null or blank server id");
        }
        if (!seen.add(id)) {
          throw new IllegalArgumentException("server " + id + " is in the fleet twice");
        }
      }
      copy.add(List.copyOf(wave));
    }
    return List.copyOf(copy);
  }

  /** Returns every server, wave after wave. */
  public static List<String> flatten(List<List<String>> waves) {
    List<String> all = new ArrayList<>();
    for (List<String> wave : waves) {
      all.addAll(wave);
    }
    return List.copyOf(all);
  }
}
