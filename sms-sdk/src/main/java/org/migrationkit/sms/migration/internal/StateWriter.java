package org.migrationkit.sms.migration.internal;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Writes the state file on its own thread, as a group commit: every {@link #save()} asked for while
 * a write waits to begin is served by that one write, which takes its snapshot after they were all
 * asked for. So the state a caller saved is on the disk when its future completes, and a fleet of a
 * thousand servers does not force the disk thousands of times.
 *
 * <p>State: {@code pending} is the write that has not taken its snapshot yet, or null.
 */
final class StateWriter {
  private final Path file;
  private final Supplier<CompletableFuture<byte[]>> snapshot;
  private final ExecutorService thread;
  private @Nullable CompletableFuture<Void> pending;

  /**
   * @param snapshot encodes the state as it is when called; runs on the thread that owns the state,
   *     which the future completes from
   */
  StateWriter(Path file, Supplier<CompletableFuture<byte[]>> snapshot, String threadName) {
    this.file = file;
    this.snapshot = snapshot;
    this.thread = FleetThreads.single(threadName);
  }

  /** Returns a future completed once a write holding the state as it is now has reached disk. */
  synchronized CompletableFuture<Void> save() {
    CompletableFuture<Void> write = pending;
    if (write == null) {
      write = new CompletableFuture<>();
      pending = write;
      CompletableFuture<Void> mine = write;
      try {
        thread.execute(this::writeNow);
      } catch (RuntimeException e) {
        pending = null;
        mine.completeExceptionally(e);
      }
    }
    return write;
  }

  private void writeNow() {
    CompletableFuture<Void> write;
    synchronized (this) {
      write = pending;
      pending = null;
    }
    if (write == null) {
      return;
    }
    try {
      byte[] bytes = snapshot.get().get();
      AtomicFiles.write(file, bytes);
      write.complete(null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      write.completeExceptionally(e);
    } catch (Exception e) {
      write.completeExceptionally(
          e instanceof java.util.concurrent.ExecutionException && e.getCause() != null
              ? e.getCause()
              : e);
    }
  }

  /** Lets the writes asked for finish, then ends the thread. */
  void close(long timeout, TimeUnit unit) throws InterruptedException {
    thread.shutdown();
    thread.awaitTermination(timeout, unit);
  }
}
