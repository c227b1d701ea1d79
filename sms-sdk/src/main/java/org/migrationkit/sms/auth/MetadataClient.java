package org.migrationkit.sms.auth;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.internal.json.JsonValues;

/**
 * Fetches temporary credentials from the ECS/BMS metadata service with IMDSv2: a session token
 * first, then the security key.
 *
 * <p>Uses {@link HttpURLConnection}, which starts no threads, never through a proxy (the service is
 * link-local), with short timeouts so that a host without the service fails within seconds.
 */
final class MetadataClient {
  static final String DEFAULT_ENDPOINT = "http://169.254.169.254";
  private static final int CONNECT_TIMEOUT_MILLIS = 1_000;
  private static final int READ_TIMEOUT_MILLIS = 2_000;

  /** Each token is used once, straight away, so it need not live long. */
  private static final String TOKEN_TTL_SECONDS = "300";

  private static final int MAX_ANSWER_BYTES = 64 * 1024;

  /** Temporary credentials and when they stop working. */
  record Expiring(Credentials credentials, Instant expiresAt) {}

  /**
   * Why no credentials came: a one-line message of our own, such as {@code "token request: HTTP
   * 404"}. Never a response body or a parser message, either of which could quote a secret.
   */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;

    Failure(String message, @Nullable Throwable cause) {
      super(message, cause);
    }
  }

  private final String endpoint;

  /** Creates a client of the service at {@code endpoint}, a base URL without a trailing slash. */
  MetadataClient(String endpoint) {
    this.endpoint = endpoint;
  }

  Expiring fetch() throws Failure {
    byte[] tokenAnswer =
        call(
            "PUT",
            "/meta-data/latest/api/token",
            "X-Metadata-Token-Ttl-Seconds",
            TOKEN_TTL_SECONDS,
            "token request");
    String token = new String(tokenAnswer, StandardCharsets.UTF_8).strip();
    if (token.isEmpty()) {
      throw new Failure("token request: empty answer", null);
    }
    return parse(
        call(
            "GET",
            "/openstack/latest/securitykey",
            "X-Metadata-Token",
            token,
            "security key request"));
  }

  private byte[] call(String method, String path, String header, String value, String what)
      throws Failure {
    HttpURLConnection connection = null;
    try {
      connection =
          (HttpURLConnection) URI.create(endpoint + path).toURL().openConnection(Proxy.NO_PROXY);
      connection.setRequestMethod(method);
      connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
      connection.setReadTimeout(READ_TIMEOUT_MILLIS);
      connection.setInstanceFollowRedirects(false);
      connection.setUseCaches(false);
      connection.setRequestProperty(header, value);
      if (method.equals("PUT")) {
        // an empty body with Content-Length: 0, which some servers require of a PUT
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(0);
        connection.getOutputStream().close();
      }
      int status = connection.getResponseCode();
      if (status != HttpURLConnection.HTTP_OK) {
        throw new Failure(what + ": HTTP " + status, null);
      }
      try (InputStream in = connection.getInputStream()) {
        byte[] answer = in.readNBytes(MAX_ANSWER_BYTES + 1);
        if (answer.length > MAX_ANSWER_BYTES) {
          throw new Failure(what + ": answer larger than " + MAX_ANSWER_BYTES + " bytes", null);
        }
        return answer;
      }
    } catch (SocketTimeoutException e) {
      throw new Failure(what + ": timed out", e);
    } catch (ConnectException e) {
      throw new Failure(what + ": connection failed (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new Failure(what + ": " + e.getClass().getSimpleName(), e);
    } finally {
      if (connection != null) {
        connection.disconnect();
      }
    }
  }

  /** Reads {@code {"credential":{"access","secret","securitytoken","expires_at"}}}. */
  static Expiring parse(byte[] answer) throws Failure {
    Map<String, String> fields = new HashMap<>();
    try (JsonParser p = JsonValues.FACTORY.createParser(answer)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new Failure("security key answer: not a JSON object", null);
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        if (p.nextToken() == JsonToken.START_OBJECT && name.equals("credential")) {
          readStrings(p, fields);
        } else {
          p.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new Failure("security key answer: malformed JSON", null);
    }
    String access = fields.get("access");
    String secret = fields.get("secret");
    String securityToken = fields.get("securitytoken");
    String expiresAt = fields.get("expires_at");
    if (access == null || secret == null || securityToken == null || expiresAt == null) {
      throw new Failure(
          "security key answer: credential needs access, secret, securitytoken and expires_at",
          null);
    }
    try {
      return new Expiring(
          Credentials.akSk(access, secret).withSecurityToken(securityToken),
          Instant.parse(expiresAt));
    } catch (DateTimeParseException e) {
      throw new Failure("security key answer: expires_at is not an ISO-8601 instant", null);
    }
  }

  /** Collects the non-blank string fields of the object {@code p} stands on. */
  private static void readStrings(JsonParser p, Map<String, String> into) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      if (p.nextToken() == JsonToken.VALUE_STRING && !p.getText().isBlank()) {
        into.put(name, p.getText());
      } else {
        p.skipChildren();
      }
    }
  }
}
