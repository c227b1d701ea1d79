package org.migrationkit.sms.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP proxy on loopback, written on raw sockets, that demands Basic credentials with a real
 * {@code 407} challenge: {@code CONNECT} tunnels (for https) and absolute-form requests (for plain
 * http). It forwards only to loopback targets, so no packet leaves the machine, and records every
 * request head it receives.
 *
 * <pre>{@code
 * try (ChallengingProxy proxy = ChallengingProxy.requiringBasic("user", "pass")) {
 *   SmsClient.builder().proxy("127.0.0.1", proxy.port()).proxyCredentials("user", "pass")...
 *   assertThat(proxy.requests()).extracting(Seen::method).containsExactly("CONNECT", "CONNECT");
 * }
 * }</pre>
 */
public final class ChallengingProxy implements AutoCloseable {
  /** One request head the proxy received. */
  public record Seen(String method, String target, @Nullable String proxyAuthorization) {}

  private final ServerSocket server;
  private final @Nullable String expectedAuthorization;
  private final List<Seen> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  private ChallengingProxy(ServerSocket server, @Nullable String expectedAuthorization) {
    this.server = server;
    this.expectedAuthorization = expectedAuthorization;
    TcpRelay.start(this::accept);
  }

  /** Starts a proxy that answers {@code 407} until a request carries these Basic credentials. */
  public static ChallengingProxy requiringBasic(String user, String password) {
    String token =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return start("Basic " + token);
  }

  /** Starts a proxy that asks for no credentials. */
  public static ChallengingProxy open() {
    return start(null);
  }

  private static ChallengingProxy start(@Nullable String expectedAuthorization) {
    try {
      return new ChallengingProxy(
          new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), expectedAuthorization);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the port the proxy listens on. */
  public int port() {
    return server.getLocalPort();
  }

  /** Returns every request head received, in order. */
  public List<Seen> requests() {
    return List.copyOf(requests);
  }

  /** Returns how many TCP connections the proxy has accepted. */
  public int connections() {
    return connections.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        client.setTcpNoDelay(true);
        connections.incrementAndGet();
        open.add(client);
        TcpRelay.start(() -> serve(client));
      } catch (IOException e) {
        // closed
      }
    }
  }

  private void serve(Socket client) {
    try {
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      while (true) {
        List<String> head = readHead(in);
        if (head.isEmpty()) {
          client.close();
          return;
        }
        String[] requestLine = head.get(0).split(" ");
        Map<String, String> headers = headers(head);
        String method = requestLine[0];
        String target = requestLine.length > 1 ? requestLine[1] : "";
        String authorization = headers.get("proxy-authorization");
        requests.add(new Seen(method, target, authorization));
        if (expectedAuthorization != null && !expectedAuthorization.equals(authorization)) {
          write(
              out,
              "HTTP/1.1 407 Proxy Authentication Required\r\n"
                  + "Proxy-Authenticate: Basic realm=\"x\"\r\n"
                  + "Content-Length: 0\r\n\r\n");
          continue; // the client may retry on this connection
        }
        if (method.equals("CONNECT")) {
          tunnel(client, out, target);
        } else {
          forward(client, out, method, target, head);
        }
        return;
      }
    } catch (IOException e) {
      closeQuietly(client);
    }
  }

  private void tunnel(Socket client, OutputStream out, String authority) throws IOException {
    int colon = authority.lastIndexOf(':');
    if (colon < 0 || !isLoopback(authority.substring(0, colon))) {
      write(out, "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
      client.close();
      return;
    }
    Socket upstream =
        new Socket(
            InetAddress.getLoopbackAddress(), Integer.parseInt(authority.substring(colon + 1)));
    upstream.setTcpNoDelay(true);
    open.add(upstream);
    write(out, "HTTP/1.1 200 Connection established\r\n\r\n");
    TcpRelay.splice(client, upstream);
  }

  /** Sends one absolute-form request on to its loopback origin and relays the answer verbatim. */
  private void forward(
      Socket client, OutputStream out, String method, String target, List<String> head)
      throws IOException {
    URI uri = URI.create(target);
    if (uri.getHost() == null || !isLoopback(uri.getHost())) {
      write(out, "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
      client.close();
      return;
    }
    try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), uri.getPort())) {
      StringBuilder request = new StringBuilder();
      request.append(method).append(' ').append(uri.getRawPath());
      if (uri.getRawQuery() != null) {
        request.append('?').append(uri.getRawQuery());
      }
      request.append(" HTTP/1.1\r\n");
      for (String line : head.subList(1, head.size())) {
        String name = line.substring(0, Math.max(0, line.indexOf(':'))).toLowerCase(Locale.ROOT);
        if (!name.startsWith("proxy-") && !name.equals("connection")) {
          request.append(line).append("\r\n");
        }
      }
      request.append("Connection: close\r\n\r\n");
      write(upstream.getOutputStream(), request.toString());
      upstream.getInputStream().transferTo(out);
      out.flush();
    } finally {
      client.close();
    }
  }

  private static boolean isLoopback(String host) {
    return host.equals("127.0.0.1") || host.equals("localhost");
  }

  /** Reads header lines up to the blank line, byte by byte so nothing after the head is taken. */
  private static List<String> readHead(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1);
        if (text.endsWith("\r")) {
          text = text.substring(0, text.length() - 1);
        }
        line.reset();
        if (text.isEmpty() && !lines.isEmpty()) {
          return lines;
        }
        if (text.isEmpty()) {
          continue; // a stray line break between requests
        }
        lines.add(text);
      } else {
        line.write(b);
      }
    }
    return List.of();
  }

  private static Map<String, String> headers(List<String> head) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line : head.subList(1, head.size())) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(
            line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim());
      }
    }
    return headers;
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing to do
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      closeQuietly(s);
    }
  }
}
