package org.migrationkit.sms.testing.standalone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code java -jar sms-sdk-testing-<version>-standalone.jar} as a child process: started with a
 * clean {@code SMS_SIMULATOR_*} environment, its standard error in a file, its standard output read
 * line by line. Destroyed (SIGTERM, then SIGKILL) on {@link #close()}.
 */
final class StandaloneProcess implements AutoCloseable {
  static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  final Process process;
  private final Path stderr;
  private final BufferedReader stdout;

  private StandaloneProcess(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
    this.stdout =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  static Path jar() {
    String jar = System.getProperty("standalone.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException(
          "system property standalone.jar names no file ("
              + jar
              + "): run through `mvn verify`, which packages the jar first");
    }
    return Path.of(jar);
  }

  static StandaloneProcess start(Path workDir, Map<String, String> env, String... flags)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(List.of(flags));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("SMS_SIMULATOR_"));
    builder.environment().putAll(env);
    Path stderr = Files.createTempFile(workDir, "stderr", ".txt");
    builder.redirectError(stderr.toFile());
    return new StandaloneProcess(builder.start(), stderr);
  }

  /** {@return the next line of standard output, or {@code null} at its end} */
  String readLine(Duration timeout) throws Exception {
    CompletableFuture<String> line = CompletableFuture.supplyAsync(this::readLineUnchecked);
    try {
      return line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError(
          "no line on standard output within " + timeout + "; standard error: " + stderr());
    }
  }

  private String readLineUnchecked() {
    try {
      return stdout.readLine();
    } catch (IOException e) {
      throw new IllegalStateException("standard output unreadable", e);
    }
  }

  /** Reads the listening line; {@return the endpoint it names} */
  String awaitEndpoint() throws Exception {
    String line = readLine(START_TIMEOUT);
    String prefix = "SMS simulator listening on ";
    if (line == null || !line.startsWith(prefix)) {
      throw new AssertionError(
          "expected the listening line, got " + line + "; standard error: " + stderr());
    }
    return line.substring(prefix.length());
  }

  /** {@return the exit status, once the process ended within {@code timeout}} */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("still running after " + timeout);
    }
    return process.exitValue();
  }

  String stdoutRest() throws IOException {
    StringBuilder s = new StringBuilder();
    for (String line; (line = stdout.readLine()) != null; ) {
      s.append(line).append('\n');
    }
    return s.toString();
  }

  String stderr() throws IOException {
    return Files.readString(stderr, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }
}
