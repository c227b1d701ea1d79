package org.migrationkit.sms.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures everything printed to {@code System.out} and {@code System.err} (slf4j-simple's log
 * lines among it) until closed, when the original streams are put back.
 *
 * <pre>{@code
 * try (CapturedOutput output = CapturedOutput.start()) {
 *   ...
 *   assertThat(output.text()).doesNotContain(secret);
 * }
 * }</pre>
 */
public final class CapturedOutput implements AutoCloseable {
  private final PrintStream originalOut = System.out;
  private final PrintStream originalErr = System.err;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  private CapturedOutput() {
    PrintStream sink = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setOut(sink);
    System.setErr(sink);
  }

  /** Starts capturing. */
  public static CapturedOutput start() {
    return new CapturedOutput();
  }

  /** Returns what was printed so far. */
  public String text() {
    synchronized (captured) {
      return captured.toString(StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }
}
