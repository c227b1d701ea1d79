package org.migrationkit.sms.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.ErrorDetail;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.internal.json.JsonValues;

/**
 * Turns a non-2xx answer into an {@link SmsServiceException}, reading every error shape Huawei
 * Cloud gateways use: SMS's own ({@code error_code}, {@code error_msg}, ...), {@code
 * {"code","message"}} and {@code {"error":{"code","message"}}}. A body that is not JSON keeps a
 * short one-line snippet.
 */
public final class ErrorResponses {
  /**
   * The most of an error body read; error bodies are small, a proxy's HTML page need not be read
   * whole.
   */
  public static final int MAX_ERROR_BODY = 64 * 1024;

  private static final int SNIPPET_LENGTH = 200;

  private ErrorResponses() {}

  /**
   * Reads at most {@link #MAX_ERROR_BODY} bytes of an error answer's body and builds its exception.
   * A body that breaks off keeps what arrived: the status must not be hidden by a broken body.
   */
  public static SmsServiceException fromBody(
      int status, @Nullable String requestIdHeader, @Nullable InputStream body) {
    return fromBody(status, requestIdHeader, body, SentSecrets.NONE);
  }

  /**
   * As {@link #fromBody(int, String, InputStream)}, with every value in {@code sent} (what the
   * request carried as credentials) hidden from the exception's text: the body is the server's.
   */
  public static SmsServiceException fromBody(
      int status, @Nullable String requestIdHeader, @Nullable InputStream body, SentSecrets sent) {
    byte[] buffer = new byte[MAX_ERROR_BODY];
    int length = 0;
    if (body != null) {
      try (InputStream in = body) {
        int n;
        while (length < buffer.length
            && (n = in.read(buffer, length, buffer.length - length)) > 0) {
          length += n;
        }
      } catch (IOException e) {
        // keep what arrived
      }
    }
    return toException(status, requestIdHeader, buffer, length, sent);
  }

  /** Builds the exception for one answer. */
  public static SmsServiceException toException(
      int status, @Nullable String requestIdHeader, byte[] body, int length) {
    return toException(status, requestIdHeader, body, length, SentSecrets.NONE);
  }

  /** Builds the exception for one answer, hiding the values in {@code sent} from its text. */
  public static SmsServiceException toException(
      int status, @Nullable String requestIdHeader, byte[] body, int length, SentSecrets sent) {
    Fields f = new Fields();
    boolean json = false;
    if (looksLikeJsonObject(body, length)) {
      try (JsonParser p = JsonValues.FACTORY.createParser(body, 0, length)) {
        p.nextToken();
        readObject(p, f);
        json = true;
      } catch (IOException | RuntimeException e) {
        f = new Fields(); // not JSON after all: fall back to the snippet
      }
    }
    String snippet = null;
    if (!json || (f.code == null && f.message == null)) {
      snippet = snippet(body, length, sent);
    }
    String requestId =
        requestIdHeader != null && !requestIdHeader.isBlank() ? requestIdHeader : f.requestId;
    List<String> params = f.params;
    List<ErrorDetail> details = f.details;
    if (sent != SentSecrets.NONE) {
      params = new ArrayList<>(f.params.size());
      for (String param : f.params) {
        params.add(sent.redact(param));
      }
      details = new ArrayList<>(f.details.size());
      for (ErrorDetail d : f.details) {
        details.add(new ErrorDetail(sent.redact(d.getErrorCode()), sent.redact(d.getErrorMsg())));
      }
    }
    return new SmsServiceException(
        status,
        sent.redact(f.code),
        sent.redact(f.message),
        sent.redact(requestId),
        sent.redact(f.encodedAuthorizationMessage),
        params,
        details,
        snippet);
  }

  private static final class Fields {
    @Nullable String code;
    @Nullable String message;
    @Nullable String requestId;
    @Nullable String encodedAuthorizationMessage;
    List<String> params = new ArrayList<>();
    List<ErrorDetail> details = new ArrayList<>();
  }

  private static void readObject(JsonParser p, Fields f) throws IOException {
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      switch (name) {
        case "error_code":
        case "code":
          f.code = firstNonNull(f.code, text(p));
          break;
        case "error_msg":
        case "message":
          f.message = firstNonNull(f.message, text(p));
          break;
        case "request_id":
          f.requestId = firstNonNull(f.requestId, text(p));
          break;
        case "encoded_authorization_message":
          f.encodedAuthorizationMessage = text(p);
          break;
        case "error_param":
          readParams(p, f.params);
          break;
        case "details":
          readDetails(p, f.details);
          break;
        case "error":
          if (t == JsonToken.START_OBJECT) {
            readObject(p, f);
          } else {
            f.message = firstNonNull(f.message, text(p));
          }
          break;
        default:
          p.skipChildren();
      }
    }
  }

  private static void readParams(JsonParser p, List<String> params) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      String single = text(p);
      if (single != null) {
        params.add(single);
      }
      return;
    }
    while (p.nextToken() != JsonToken.END_ARRAY) {
      String value = text(p);
      if (value != null) {
        params.add(value);
      }
    }
  }

  private static void readDetails(JsonParser p, List<ErrorDetail> details) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        p.skipChildren();
        continue;
      }
      Fields d = new Fields();
      readObject(p, d);
      details.add(new ErrorDetail(d.code, d.message));
    }
  }

  private static @Nullable String text(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
      p.skipChildren();
      return null;
    }
    return p.getText();
  }

  private static @Nullable String firstNonNull(@Nullable String current, @Nullable String next) {
    return current != null ? current : next;
  }

  private static boolean looksLikeJsonObject(byte[] body, int length) {
    for (int i = 0; i < length; i++) {
      byte b = body[i];
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return b == '{';
      }
    }
    return false;
  }

  private static @Nullable String snippet(byte[] body, int length, SentSecrets sent) {
    // cleaned whole before it is cut: a secret longer than the snippet must not show in part
    String text =
        sent == SentSecrets.NONE
            ? new String(body, 0, Math.min(length, SNIPPET_LENGTH * 4), StandardCharsets.UTF_8)
            : sent.redact(new String(body, 0, length, StandardCharsets.UTF_8));
    StringBuilder s = new StringBuilder(SNIPPET_LENGTH);
    boolean space = false;
    for (int i = 0; i < text.length() && s.length() < SNIPPET_LENGTH; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        space = s.length() > 0;
      } else {
        if (space) {
          s.append(' ');
          space = false;
        }
        s.append(c);
      }
    }
    return s.length() == 0 ? null : s.toString();
  }
}
