package org.migrationkit.sms.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files of this repository for tests, found from whichever module's folder the test runs in (each
 * module's tests run with that module as the working directory).
 */
public final class SourceTree {
  /** The API description every generator and several tests read. */
  public static final Path API_DESCRIPTION = file("sms-sdk/src/codegen/sms-v3.json");

  private SourceTree() {}

  /**
   * Returns a file given by its path from the repository's top folder.
   *
   * @throws IllegalStateException when no folder from the working directory up holds it
   */
  public static Path file(String pathFromTop) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(pathFromTop);
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "no " + pathFromTop + " in " + Path.of("").toAbsolutePath() + " or a folder above it");
  }
}
