package org.migrationkit.sms.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.SmsClientException;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.auth.AkSkSigner;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.internal.json.JsonValues;

/**
 * Fills in the domain (account) id of AK/SK credentials that have none, as global services such as
 * SMS require: one signed {@code GET {iam}/v3/auth/domains} per access key for the client, on first
 * use (never inside {@code build()}), shared by the client's concurrent first callers. A failure is
 * not cached, so a later call tries again. The IAM request is bounded by the client's whole-call
 * timeout and cancelled by {@link #close()}; callers wait for it through a future, so their own
 * deadline, {@code close()} and interrupts reach them while it runs.
 */
public final class DomainIdDiscovery implements CredentialsSource {
  /** The global IAM endpoint used when none is configured. */
  public static final String DEFAULT_IAM_ENDPOINT = "https://iam.myhuaweicloud.com";

  /** Discovered (or being discovered) domain ids by access key; this client's only. */
  private final Map<String, CompletableFuture<String>> domainIds = new ConcurrentHashMap<>();

  private final Set<Call> iamCalls = ConcurrentHashMap.newKeySet();
  private final CredentialsSource credentials;
  private final Call.Factory http;
  private final HttpUrl iamEndpoint;
  private final Clock clock;
  private final String userAgent;
  private final long timeoutNanos;
  private volatile boolean closed;

  /** The last credentials completed, so fixed credentials are not copied on every call. */
  private volatile @Nullable Completed last;

  private record Completed(Credentials given, Credentials withDomainId) {}

  /**
   * Wraps {@code credentials}, asking {@code iamEndpoint} for the domain id when they lack one; an
   * IAM request lasts at most {@code timeoutNanos}.
   */
  public DomainIdDiscovery(
      CredentialsSource credentials,
      Call.Factory http,
      HttpUrl iamEndpoint,
      Clock clock,
      String userAgent,
      long timeoutNanos) {
    this.credentials = credentials;
    this.http = http;
    this.iamEndpoint = iamEndpoint;
    this.clock = clock;
    this.userAgent = userAgent;
    this.timeoutNanos = timeoutNanos;
  }

  @Override
  public @Nullable Credentials immediate() {
    Credentials c = credentials.immediate();
    if (c == null) {
      return null;
    }
    if (!c.isAkSk() || c.getDomainId() != null) {
      return c;
    }
    Completed known = last;
    return known != null && known.given == c ? known.withDomainId : null;
  }

  @Override
  public CompletableFuture<Credentials> resolve() {
    Credentials c = credentials.immediate();
    if (c != null) {
      return withDomainId(c);
    }
    return credentials.resolve().thenCompose(this::withDomainId);
  }

  private CompletableFuture<Credentials> withDomainId(Credentials c) {
    if (!c.isAkSk() || c.getDomainId() != null) {
      return CompletableFuture.completedFuture(c);
    }
    Completed known = last;
    if (known != null && known.given == c) {
      return CompletableFuture.completedFuture(known.withDomainId);
    }
    String key = c.getAccessKey();
    CompletableFuture<String> mine = new CompletableFuture<>();
    CompletableFuture<String> shared = domainIds.putIfAbsent(key, mine);
    if (shared == null) {
      shared = mine;
      Consumer<SmsClientException> failed =
          failure -> {
            domainIds.remove(key, mine); // before any caller sees it: the next call asks again
            mine.completeExceptionally(failure);
          };
      try {
        discover(c, mine::complete, failed);
      } catch (RuntimeException e) { // signing or building the request: the callers must hear it
        failed.accept(
            new SmsClientException("cannot discover the domain id: " + e.getClass().getName(), e));
      }
    }
    return shared.thenApply(
        id -> {
          Credentials completed = c.withDomainId(id);
          last = new Completed(c, completed);
          return completed;
        });
  }

  @Override
  public void close() {
    closed = true;
    for (Call call : iamCalls) {
      call.cancel();
    }
    credentials.close();
  }

  private void discover(
      Credentials c, Consumer<String> found, Consumer<SmsClientException> failed) {
    HttpUrl url = iamEndpoint.newBuilder().encodedPath("/v3/auth/domains").build();
    Map<String, String> auth = AkSkSigner.sign("GET", url.uri(), Map.of(), null, c, clock);
    Request.Builder request = new Request.Builder().url(url).get().header("User-Agent", userAgent);
    auth.forEach(request::header);
    // an IAM endpoint may echo the request's headers in its error: none of them reaches a message
    SentSecrets sent = SentSecrets.of(auth);
    String what =
        "cannot discover the domain id of access key "
            + Secrets.maskAccessKey(c.getAccessKey())
            + ": IAM "
            + iamEndpoint.host();
    String hint =
        "; set it with Credentials.withDomainId(...) or HUAWEICLOUD_SDK_DOMAIN_ID,"
            + " or turn discovery off with SmsClient.Builder.domainIdDiscovery(false)";
    Call iamCall = http.newCall(request.build());
    iamCall.timeout().timeout(timeoutNanos, TimeUnit.NANOSECONDS);
    iamCalls.add(iamCall);
    if (closed) {
      iamCall.cancel();
    }
    iamCall.enqueue(
        new Callback() {
          @Override
          public void onResponse(Call call, Response response) {
            iamCalls.remove(call);
            try (response) {
              ResponseBody body = response.body();
              if (!response.isSuccessful()) {
                SmsServiceException error =
                    ErrorResponses.fromBody(
                        response.code(),
                        response.header("X-Request-Id"),
                        body == null ? null : body.byteStream(),
                        sent);
                failed.accept(
                    new SmsClientException(
                        what
                            + " answered HTTP "
                            + response.code()
                            + (error.getErrorCode() != null
                                ? " (" + error.getErrorCode() + ")"
                                : "")
                            + hint,
                        error));
                return;
              }
              String id = body == null ? null : firstDomainId(body.byteStream());
              if (id == null) {
                failed.accept(new SmsClientException(what + " listed no domain" + hint));
              } else {
                found.accept(id);
              }
            } catch (IOException | RuntimeException e) {
              failed.accept(
                  new SmsClientException(
                      what
                          + " answered unreadably ("
                          + JsonValues.oneLine(sent.redact(e.getMessage()))
                          + ")"
                          + hint,
                      sent.clean(e)));
            }
          }

          @Override
          public void onFailure(Call call, IOException e) {
            iamCalls.remove(call);
            failed.accept(
                new SmsClientException(
                    what
                        + " could not be reached ("
                        + JsonValues.oneLine(sent.redact(e.getMessage()))
                        + ")"
                        + hint,
                    sent.clean(e)));
          }
        });
  }

  private static @Nullable String firstDomainId(InputStream in) throws IOException {
    try (JsonParser p = JsonValues.FACTORY.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      String name;
      while ((name = p.nextFieldName()) != null) {
        JsonToken t = p.nextToken();
        if (name.equals("domains") && t == JsonToken.START_ARRAY) {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            String field;
            while ((field = p.nextFieldName()) != null) {
              p.nextToken();
              if (field.equals("id")) {
                return p.getValueAsString();
              }
              p.skipChildren();
            }
          }
          return null;
        }
        p.skipChildren();
      }
      return null;
    }
  }
}
