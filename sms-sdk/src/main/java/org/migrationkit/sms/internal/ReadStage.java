package org.migrationkit.sms.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.SmsClientException;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.internal.json.JsonReadException;
import org.migrationkit.sms.internal.json.JsonValues;

/**
 * Reads an attempt's answer: a 2xx body into the operation's result (within the client's size
 * limit), any other status into the service's error. Records on the exchange what the retry
 * decision and the events need: the status, the request id, the bytes read, the {@code Date} of a
 * refused signature and the {@code Retry-After} wait.
 */
final class ReadStage {
  private ReadStage() {}

  /**
   * Returns the result of a 2xx answer.
   *
   * @throws SmsServiceException for any other status
   * @throws SmsClientException when the body is missing, too large or cannot be read
   * @throws IOException when the body breaks off
   */
  static <R> R read(Exchange<?, R> exchange, Response response) throws IOException {
    Operation<?, R> operation = exchange.operation;
    int status = response.code();
    // the server's text: cleaned of what the request carried as credentials before anyone sees it
    String requestId = exchange.sentSecrets.redact(response.header("X-Request-Id"));
    exchange.status = status;
    exchange.requestId = requestId;
    ResponseBody body = response.body();
    if (status < 200 || status > 299) {
      if (status == 401 || status == 403) {
        exchange.serverDate = response.headers().getDate("Date");
      }
      exchange.retryAfterNanos = retryAfterNanos(exchange.transport, response);
      SmsServiceException error =
          ErrorResponses.fromBody(
              status, requestId, body == null ? null : body.byteStream(), exchange.sentSecrets);
      exchange.responseBytes = body == null ? 0 : Math.max(0, body.contentLength());
      throw error;
    }
    if (body == null) {
      if (operation.responseKind() == Operation.ResponseKind.MODEL) {
        throw unreadable(exchange, "the body is empty", null);
      }
      return operation.responseKind() == Operation.ResponseKind.TEXT
          ? operation.fromText("", requestId)
          : operation.emptyAnswer(requestId);
    }
    long limit = exchange.transport.maxResponseBytes;
    if (body.contentLength() > limit) {
      throw unreadable(
          exchange,
          "the answer declares " + body.contentLength() + " bytes, over the limit of " + limit,
          null);
    }
    LimitedInputStream in = new LimitedInputStream(body.byteStream(), limit);
    try {
      if (operation.responseKind() == Operation.ResponseKind.MODEL) {
        return JsonValues.readObjectDocument(in, operation.responseReader());
      }
      if (operation.responseKind() == Operation.ResponseKind.TEXT) {
        MediaType type = body.contentType();
        Charset charset =
            type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
        return operation.fromText(new String(in.readAllBytes(), charset), requestId);
      }
      in.transferTo(OutputStream.nullOutputStream()); // read to the end: the connection is reused
      return operation.emptyAnswer(requestId);
    } catch (JsonReadException e) {
      throw unreadable(exchange, e.getMessage(), e);
    } catch (JsonProcessingException e) {
      throw unreadable(exchange, "malformed or truncated JSON: " + e.getOriginalMessage(), e);
    } catch (LimitedInputStream.TooLargeException e) {
      throw unreadable(exchange, e.getMessage(), e);
    } finally {
      exchange.responseBytes = in.count();
    }
  }

  /** Returns the wait the answer's {@code Retry-After} asks for, or -1 when it has none. */
  static long retryAfterNanos(Transport transport, Response response) {
    // a caller's Call.Factory has no RetryAfterShield: its answers carry Retry-After itself
    String header = RetryAfterShield.HEADER;
    String value = response.header(header);
    if (value == null) {
      header = "Retry-After";
      value = response.header(header);
    }
    if (value == null) {
      return -1;
    }
    value = value.trim();
    try {
      return TimeUnit.SECONDS.toNanos(Math.max(0, Long.parseLong(value)));
    } catch (NumberFormatException e) {
      Date date = response.headers().getDate(header);
      if (date == null) {
        return -1;
      }
      long millis = date.getTime() - transport.clock.millis();
      return TimeUnit.MILLISECONDS.toNanos(Math.max(0, millis));
    }
  }

  private static SmsClientException unreadable(
      Exchange<?, ?> exchange, @Nullable String problem, @Nullable Throwable cause) {
    SentSecrets sent = exchange.sentSecrets;
    return new SmsClientException(
        JsonValues.oneLine(
            exchange.operation.name()
                + " answer cannot be read (HTTP "
                + exchange.status
                + (exchange.requestId != null ? ", request id " + exchange.requestId : "")
                + "): "
                + sent.redact(problem)),
        cause == null ? null : sent.clean(cause));
  }
}
