package org.migrationkit.sms.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.migrationkit.sms.model.ShowTaskResponse;

/** The API page's example task, read once from the SDK jar. */
final class ExampleTask {
  private ExampleTask() {}

  private static final class Holder {
    static final ShowTaskResponse TASK = read();
  }

  static ShowTaskResponse get() {
    return Holder.TASK;
  }

  private static ShowTaskResponse read() {
    try (InputStream in = ExampleTask.class.getResourceAsStream("show-task-200.json")) {
      if (in == null) {
        throw new IllegalStateException("show-task-200.json is missing from the SDK jar");
      }
      return ShowTaskResponse.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
