package org.migrationkit.sms.testing.internal.standalone;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.migrationkit.sms.testing.JournalEntry;

/**
 * The {@code --journal} file: one {@link JournalEntry#toJson()} per line, flushed after each line
 * so that a reader (or a crash) never sees half an entry. Created or truncated when opened.
 *
 * <p>A write that fails (disk full, file removed from under it) is reported once on standard error
 * and the journal stops; the simulator goes on answering. Thread-safe.
 */
final class JournalFile implements Consumer<JournalEntry>, Closeable {
  private final Path path;
  private final Writer out;
  private final PrintStream err;
  // guarded by this
  private boolean closed;

  private JournalFile(Path path, Writer out, PrintStream err) {
    this.path = path;
    this.out = out;
    this.err = err;
  }

  /**
   * Creates or truncates {@code path}.
   *
   * @param flag the flag or variable the path came from, to blame in the message
   * @param err where a later write failure is reported
   * @throws UsageException when the file cannot be opened for writing
   */
  static JournalFile open(Path path, String flag, PrintStream err) throws UsageException {
    try {
      return new JournalFile(path, Files.newBufferedWriter(path, StandardCharsets.UTF_8), err);
    } catch (NoSuchFileException e) {
      throw new UsageException(flag + ": cannot write " + path + ": no such directory");
    } catch (AccessDeniedException e) {
      throw new UsageException(flag + ": cannot write " + path + ": permission denied");
    } catch (IOException e) {
      throw new UsageException(flag + ": cannot write " + path + ": " + e.getMessage());
    }
  }

  @Override
  public synchronized void accept(JournalEntry entry) {
    if (closed) {
      return;
    }
    try {
      out.write(entry.toJson());
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      closed = true;
      err.println("journal " + path + " stopped: " + e.getMessage());
      closeQuietly();
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (!closed) {
      closed = true;
      out.close();
    }
  }

  private void closeQuietly() {
    try {
      out.close();
    } catch (IOException ignored) {
      // already reported: the journal has stopped
    }
  }

  @Override
  public String toString() {
    return "JournalFile{" + path + "}";
  }
}
