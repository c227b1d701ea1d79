package org.migrationkit.sms.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
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
 * SMS require: one signed {@code GET {iam}/v3/auth/domains} per access key and IAM endpoint for the
 * whole process, on first use (never inside {@code build()}), shared by concurrent first callers. A
 * failure is not cached, so a later call tries again.
 */
public final class DomainIdDiscovery implements CredentialsSource {
  /** The global IAM endpoint used when none is configured. */
  public static final String DEFAULT_IAM_ENDPOINT = "https://iam.myhuaweicloud.com";

  private static final Map<String, CompletableFuture<String>> CACHE = new ConcurrentHashMap<>();

  private final CredentialsSource credentials;
  private final OkHttpClient http;
  private final HttpUrl iamEndpoint;
  private final Clock clock;
  private final String userAgent;

  /** Wraps {@code credentials}, asking {@code iamEndpoint} for the domain id when they lack one. */
  public DomainIdDiscovery(
      CredentialsSource credentials,
      OkHttpClient http,
      HttpUrl iamEndpoint,
      Clock clock,
      String userAgent) {
    this.credentials = credentials;
    this.http = http;
    this.iamEndpoint = iamEndpoint;
    this.clock = clock;
    this.userAgent = userAgent;
  }

  @Override
  public Credentials get() {
    try {
      return getAsync().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : e;
    }
  }

  @Override
  public CompletableFuture<Credentials> getAsync() {
    Credentials c;
    try {
      c = credentials.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    if (!c.isAkSk() || c.getDomainId() != null) {
      return CompletableFuture.completedFuture(c);
    }
    String key = c.getAccessKey() + "|" + iamEndpoint;
    CompletableFuture<String> mine = new CompletableFuture<>();
    CompletableFuture<String> shared = CACHE.putIfAbsent(key, mine);
    if (shared == null) {
      shared = mine;
      discover(
          c,
          id -> mine.complete(id),
          failure -> {
            CACHE.remove(key, mine); // before any caller sees it: the next call asks again
            mine.completeExceptionally(failure);
          });
    }
    return shared.thenApply(c::withDomainId);
  }

  /** Forgets every discovered id (for tests). */
  public static void clearCache() {
    CACHE.clear();
  }

  private void discover(
      Credentials c,
      java.util.function.Consumer<String> found,
      java.util.function.Consumer<SmsClientException> failed) {
    HttpUrl url = iamEndpoint.newBuilder().encodedPath("/v3/auth/domains").build();
    Map<String, String> auth = AkSkSigner.sign("GET", url.uri(), Map.of(), null, c, clock);
    Request.Builder request = new Request.Builder().url(url).get().header("User-Agent", userAgent);
    auth.forEach(request::header);
    String what =
        "cannot discover the domain id of access key "
            + Secrets.maskAccessKey(c.getAccessKey())
            + ": IAM "
            + iamEndpoint.host();
    String hint =
        "; set it with Credentials.withDomainId(...) or HUAWEICLOUD_SDK_DOMAIN_ID,"
            + " or turn discovery off with SmsClient.Builder.domainIdDiscovery(false)";
    http.newCall(request.build())
        .enqueue(
            new Callback() {
              @Override
              public void onResponse(Call call, Response response) {
                try (response) {
                  ResponseBody body = response.body();
                  if (!response.isSuccessful()) {
                    SmsServiceException error =
                        ErrorResponses.fromBody(
                            response.code(),
                            response.header("X-Request-Id"),
                            body == null ? null : body.byteStream());
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
                              + JsonValues.oneLine(e.getMessage())
                              + ")"
                              + hint,
                          e));
                }
              }

              @Override
              public void onFailure(Call call, IOException e) {
                failed.accept(
                    new SmsClientException(
                        what
                            + " could not be reached ("
                            + JsonValues.oneLine(e.getMessage())
                            + ")"
                            + hint,
                        e));
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
