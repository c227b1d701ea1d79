package org.migrationkit.sms.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the files under {@code src/test/resources/fixtures/}. */
public final class Fixtures {
  /** The 200 example of the API page. */
  public static final String SHOW_TASK_200 = "show-task-200.json";

  /** The 403 example of the API page. */
  public static final String SHOW_TASK_403 = "show-task-403.json";

  /** The AK/SK signing vectors. */
  public static final String SIGNING_VECTORS = "vectors.json";

  private Fixtures() {}

  /** Returns the fixture's text (UTF-8). */
  public static String text(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
