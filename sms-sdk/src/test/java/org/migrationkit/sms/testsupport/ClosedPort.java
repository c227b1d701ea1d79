package org.migrationkit.sms.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Finds a loopback port that nothing listens on, so a connection to it is refused at once. */
public final class ClosedPort {
  private ClosedPort() {}

  /** Returns a port that was free a moment ago: bound by the OS, then released. */
  public static int find() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
