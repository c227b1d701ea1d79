package org.migrationkit.sms.testing;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request line and its headers as the simulator's listener parsed them, with how the body is
 * framed. Header names are lower case; bytes are read as ISO-8859-1, as the JDK's own HTTP server
 * reads them.
 */
final class RequestHead {
  /** {@link #contentLength()} when the request declares none. */
  static final long NO_LENGTH = -1;

  private final String method;
  private final String rawPath;
  private final @Nullable String rawQuery;
  private final Map<String, List<String>> headers;
  private final boolean keepAlive;
  private final long contentLength;
  private final boolean chunked;
  private final boolean expectContinue;

  private RequestHead(
      String method,
      String rawPath,
      @Nullable String rawQuery,
      Map<String, List<String>> headers,
      boolean keepAlive,
      long contentLength,
      boolean chunked,
      boolean expectContinue) {
    this.method = method;
    this.rawPath = rawPath;
    this.rawQuery = rawQuery;
    this.headers = headers;
    this.keepAlive = keepAlive;
    this.contentLength = contentLength;
    this.chunked = chunked;
    this.expectContinue = expectContinue;
  }

  /** Thrown for a head the simulator cannot serve; carries the status to answer. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    Malformed(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }

    int status() {
      return status;
    }
  }

  /** Parses {@code bytes[from, to)}: a whole head, its blank line excluded or not. */
  static RequestHead parse(byte[] bytes, int from, int to) throws Malformed {
    String text = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    int lineEnd = text.indexOf('\n');
    String requestLine = stripCr(lineEnd < 0 ? text : text.substring(0, lineEnd));
    int firstSpace = requestLine.indexOf(' ');
    int lastSpace = requestLine.lastIndexOf(' ');
    if (firstSpace <= 0 || lastSpace == firstSpace) {
      throw new Malformed(400, "Bad request line");
    }
    String method = requestLine.substring(0, firstSpace);
    String target = requestLine.substring(firstSpace + 1, lastSpace);
    String version = requestLine.substring(lastSpace + 1);
    if (!isToken(method)) {
      throw new Malformed(400, "Bad request method");
    }
    boolean http11 = "HTTP/1.1".equals(version);
    if (!http11 && !"HTTP/1.0".equals(version)) {
      throw new Malformed(version.startsWith("HTTP/") ? 505 : 400, "Unsupported HTTP version");
    }
    URI uri;
    try {
      uri = new URI(target);
    } catch (URISyntaxException e) {
      throw new Malformed(400, "Bad request target");
    }
    if (uri.getRawPath() == null) {
      throw new Malformed(400, "Bad request target");
    }

    Map<String, List<String>> headers = new LinkedHashMap<>();
    int at = lineEnd < 0 ? text.length() : lineEnd + 1;
    while (at < text.length()) {
      int end = text.indexOf('\n', at);
      String line = stripCr(text.substring(at, end < 0 ? text.length() : end));
      at = end < 0 ? text.length() : end + 1;
      if (line.isEmpty()) {
        break;
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || !isToken(line.substring(0, colon))) {
        throw new Malformed(400, "Bad header line"); // obsolete folding included
      }
      headers
          .computeIfAbsent(
              line.substring(0, colon).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(line.substring(colon + 1).strip());
    }
    headers.replaceAll((k, v) -> List.copyOf(v));

    List<String> connection = tokens(headers.get("connection"));
    boolean keepAlive = http11 ? !connection.contains("close") : connection.contains("keep-alive");
    long contentLength = contentLength(headers.get("content-length"));
    List<String> codings = tokens(headers.get("transfer-encoding"));
    boolean chunked = !codings.isEmpty();
    if (chunked && !codings.equals(List.of("chunked"))) {
      throw new Malformed(501, "Transfer-Encoding other than chunked is not supported");
    }
    if (chunked && contentLength != NO_LENGTH) {
      throw new Malformed(400, "Both Content-Length and Transfer-Encoding");
    }
    boolean expectContinue = http11 && tokens(headers.get("expect")).contains("100-continue");
    return new RequestHead(
        method,
        uri.getRawPath(),
        uri.getRawQuery(),
        Collections.unmodifiableMap(headers),
        keepAlive,
        contentLength,
        chunked,
        expectContinue);
  }

  private static long contentLength(@Nullable List<String> values) throws Malformed {
    if (values == null) {
      return NO_LENGTH;
    }
    long length = NO_LENGTH;
    for (String value : values) {
      if (value.isEmpty()
          || value.length() > 18
          || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new Malformed(400, "Bad Content-Length");
      }
      long parsed = Long.parseLong(value);
      if (length != NO_LENGTH && parsed != length) {
        throw new Malformed(400, "Conflicting Content-Length");
      }
      length = parsed;
    }
    return length;
  }

  /** Returns the comma-separated values of a header, trimmed and lower case. */
  private static List<String> tokens(@Nullable List<String> values) {
    if (values == null) {
      return List.of();
    }
    List<String> tokens = new ArrayList<>();
    for (String value : values) {
      for (String token : value.split(",", -1)) {
        if (!token.isBlank()) {
          tokens.add(token.strip().toLowerCase(Locale.ROOT));
        }
      }
    }
    return tokens;
  }

  private static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= ' ' || c >= 0x7f || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  private static String stripCr(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  String method() {
    return method;
  }

  String rawPath() {
    return rawPath;
  }

  @Nullable String rawQuery() {
    return rawQuery;
  }

  /** Returns the headers by lower-case name. */
  Map<String, List<String>> headers() {
    return headers;
  }

  /** Returns the first value of a header, any case, or {@code null}. */
  @Nullable String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Returns whether the connection may carry another request after this one's answer. */
  boolean keepAlive() {
    return keepAlive;
  }

  /** Returns the declared body length, or {@link #NO_LENGTH}. */
  long contentLength() {
    return contentLength;
  }

  boolean chunked() {
    return chunked;
  }

  /** Returns whether a body follows: chunked, or a declared length above zero. */
  boolean hasBody() {
    return chunked || contentLength > 0;
  }

  /** Returns whether the client waits for {@code 100 Continue} before sending its body. */
  boolean expectContinue() {
    return expectContinue;
  }

  boolean isHead() {
    return "HEAD".equals(method);
  }
}
