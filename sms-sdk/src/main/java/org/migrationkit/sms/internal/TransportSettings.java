package org.migrationkit.sms.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.SmsEventListener;

/** Everything a {@link Transport} needs, gathered and validated by {@code SmsClient.Builder}. */
public final class TransportSettings {
  /** The derived OkHttp client; its own call timeout is replaced per call. */
  public OkHttpClient http;

  /**
   * The caller's own factory of calls, used instead of {@link #http} for every request when set;
   * {@link #http} then only names the timeouts in messages, which are the factory's own.
   */
  public Call.@Nullable Factory callFactory;

  /** One or more base URLs, in fail-over order. */
  public List<HttpUrl> endpoints;

  /** Gives the credentials for each attempt; may throw {@code SmsClientException}. */
  public CredentialsSource credentials;

  public Clock clock = Clock.systemUTC();
  public String userAgent = SdkInfo.USER_AGENT;
  public RetryPolicy retryPolicy = RetryPolicy.defaults();
  public SmsEventListener listener = SmsEventListener.NONE;
  public long maxResponseBytes = 16L * 1024 * 1024;
  public Duration callTimeout = Duration.ofSeconds(60);
  public @Nullable Executor completionExecutor;
  public Duration failback = Duration.ofMinutes(5);

  /**
   * Whether {@link #http} carries the {@link ConnectionSetupWatch} interceptors; without them the
   * transport cannot tell a set-up failure from a request that broke off, and moves to another
   * endpoint or repeats a non-idempotent request only on the failures that prove it never
   * connected.
   */
  public boolean watchesConnectionSetup;

  /** The region id the client was built for, reported in {@code CallInfo}; null for endpoints. */
  public @Nullable String region;

  /** Creates settings with the required parts. */
  public TransportSettings(
      OkHttpClient http, List<HttpUrl> endpoints, CredentialsSource credentials) {
    this.http = http;
    this.endpoints = endpoints;
    this.credentials = credentials;
  }
}
