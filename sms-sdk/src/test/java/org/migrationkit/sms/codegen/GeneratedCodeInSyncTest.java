package org.migrationkit.sms.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The generated model, JSON mapping and Jackson registrations are what {@code
 * src/codegen/generate_model.py} makes from {@code src/codegen/sms-v3.json}: {@code mvn verify}
 * fails when someone edits the description without regenerating, or edits generated code by hand.
 *
 * <p>The generator's {@code --check} mode regenerates in memory and compares with the committed
 * files, ignoring only what Spotless re-flows (whitespace and Javadoc's leading {@code *}).
 */
class GeneratedCodeInSyncTest {
  @Test
  void generatedCode_matchesTheApiDescription() throws Exception {
    Process python;
    try {
      python =
          new ProcessBuilder("python3", "src/codegen/generate_model.py", "--check")
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      assumeTrue(false, "python3 is not on the PATH, so the generated code is not checked: " + e);
      return;
    }
    String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(python.waitFor(60, TimeUnit.SECONDS)).as("generator finished").isTrue();

    assertThat(python.exitValue()).as(output).isZero();
  }
}
