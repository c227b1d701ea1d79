package org.migrationkit.sms.internal;

import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The one connection pool and dispatcher that every SDK-built client shares, so that a process with
 * a hundred {@code SmsClient}s still has one pool and one set of threads. Created on first use.
 */
public final class SharedHttpClient {
  private SharedHttpClient() {}

  private static final class Holder {
    static final OkHttpClient CLIENT = create();
  }

  /** Returns the shared base client; derive per-client settings with {@code newBuilder()}. */
  public static OkHttpClient get() {
    return Holder.CLIENT;
  }

  private static OkHttpClient create() {
    // Daemon threads: a script that used showTaskAsync or waitForTask must exit when main returns,
    // not linger for OkHttp's 60 s idle keep-alive of non-daemon dispatcher threads.
    Dispatcher dispatcher = new Dispatcher(DaemonThreads.elastic("migrationkit-sms-http", 60));
    dispatcher.setMaxRequests(256);
    dispatcher.setMaxRequestsPerHost(64);
    return new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectionPool(new ConnectionPool(32, 5, TimeUnit.MINUTES))
        .followRedirects(false)
        .followSslRedirects(false)
        .build();
  }
}
