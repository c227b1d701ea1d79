package org.migrationkit.sms.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The inputs every benchmark shares: the two bodies and one set of credentials. */
public final class Fixtures {
  /** An access key the loopback server never checks; signing costs the same with a real one. */
  public static final String AK = "HPUABENCHMARK0000001";

  public static final String SK = "bench+secret/key0000000000000000000000000";
  public static final String DOMAIN_ID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
  public static final String TASK_ID = "ef3b9722-07a0-40ae-89b0-889ee96dfc56";

  private Fixtures() {}

  /** Returns the API page's example 200 body, byte for byte (about 3 KB). */
  public static byte[] smallBody() {
    try (InputStream in = Fixtures.class.getResourceAsStream("show-task-200.json")) {
      if (in == null) {
        throw new IllegalStateException("show-task-200.json is missing from the bench resources");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the example grown to 1,000 disks and 500 sub-tasks; see {@link LargeTaskBody}. */
  public static byte[] largeBody() {
    return LargeTaskBody.generate(smallBody(), 1_000, 500);
  }

  /**
   * Returns {@code small} or {@code large}, as the benchmarks' {@code body} parameter names them.
   */
  public static byte[] body(String name) {
    return switch (name) {
      case "small" -> smallBody();
      case "large" -> largeBody();
      default -> throw new IllegalArgumentException("body must be small or large, was " + name);
    };
  }
}
