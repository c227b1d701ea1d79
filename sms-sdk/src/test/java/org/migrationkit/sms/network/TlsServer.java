package org.migrationkit.sms.network;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLServerSocket;
import okhttp3.tls.HandshakeCertificates;

/**
 * A loopback server on raw sockets for the hostile cases a TLS client meets: one that answers over
 * TLS with a given certificate, one that accepts and never answers the handshake, one that speaks
 * plain HTTP on the https port, one that takes a request's head and never reads its body. It
 * records the request lines it reads.
 *
 * <pre>{@code
 * try (TlsServer server = TlsServer.answering(TestCertificates.loopback(), body)) {
 *   ... endpoint(server.url()) ...
 *   assertThat(server.requests()).hasSize(1);
 * }
 * }</pre>
 */
public final class TlsServer implements AutoCloseable {
  private enum Mode {
    ANSWER,
    STALL,
    PLAIN_HTTP,
    NEVER_READ_BODY
  }

  private final ServerSocket server;
  private final Mode mode;
  private final String answer;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  private TlsServer(ServerSocket server, Mode mode, String answer) {
    this.server = server;
    this.mode = mode;
    this.answer = answer;
    Thread t = new Thread(this::accept, "tls-test-server");
    t.setDaemon(true);
    t.start();
  }

  /** Answers every request with 200 and {@code body} over TLS with {@code certificates}. */
  public static TlsServer answering(HandshakeCertificates certificates, String body) {
    try {
      SSLServerSocket socket =
          (SSLServerSocket)
              certificates
                  .sslContext()
                  .getServerSocketFactory()
                  .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
      return new TlsServer(socket, Mode.ANSWER, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Accepts TCP connections and never answers the TLS handshake. */
  public static TlsServer stallingHandshake() {
    return plain(Mode.STALL);
  }

  /** Answers in plain HTTP on what the client takes for an https port. */
  public static TlsServer plainHttp() {
    return plain(Mode.PLAIN_HTTP);
  }

  /** Reads a plain-HTTP request's head, then neither reads its body nor answers. */
  public static TlsServer neverReadingBody() {
    return plain(Mode.NEVER_READ_BODY);
  }

  private static TlsServer plain(Mode mode) {
    try {
      return new TlsServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), mode, "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns {@code https://127.0.0.1:port} ({@code http://} for a never-reading server). */
  public String url() {
    return (mode == Mode.NEVER_READ_BODY ? "http" : "https") + "://127.0.0.1:" + port();
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Returns the request lines read so far. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        open.add(socket);
        Thread t = new Thread(() -> serve(socket), "tls-test-connection");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket) {
    try {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      switch (mode) {
        case STALL -> in.transferTo(OutputStream.nullOutputStream()); // reads, never answers
        case PLAIN_HTTP -> {
          in.read(new byte[512]);
          out.write(
              "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
          out.flush();
          socket.close();
        }
        case NEVER_READ_BODY -> {
          requests.add(readHead(in).get(0));
          // holds the connection open and reads nothing more
        }
        case ANSWER -> {
          List<String> head = readHead(in);
          requests.add(head.get(0));
          long length = 0;
          for (String line : head) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
              length = Long.parseLong(line.substring(15).trim());
            }
          }
          in.readNBytes((int) length);
          byte[] body = answer.getBytes(StandardCharsets.UTF_8);
          out.write(
              ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                      + body.length
                      + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
          out.write(body);
          out.flush();
          socket.close();
        }
      }
    } catch (IOException e) {
      // the client went away: what the hostile cases expect
    }
  }

  static List<String> readHead(InputStream in) throws IOException {
    List<String> lines = new CopyOnWriteArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1).replace("\r", "");
        line.reset();
        if (text.isEmpty()) {
          return lines;
        }
        lines.add(text);
      } else {
        line.write(b);
      }
    }
    throw new IOException("the head broke off");
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      s.close();
    }
  }
}
