package org.migrationkit.sms.internal;

import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * Picks the endpoint for the next attempt: the first, unless it failed in a way that proves the
 * request never reached the service; then the next one, until {@code failback} has passed, after
 * which the first is tried again instead of staying on a backup forever. Thread-safe.
 */
final class EndpointSelector {
  private final List<Endpoint> endpoints;
  private final long failbackNanos;
  private volatile int current;
  private volatile long switchedAt;

  EndpointSelector(List<HttpUrl> urls, long failbackNanos) {
    List<Endpoint> list = new ArrayList<>(urls.size());
    for (HttpUrl url : urls) {
      list.add(new Endpoint(url));
    }
    this.endpoints = List.copyOf(list);
    this.failbackNanos = failbackNanos;
  }

  int size() {
    return endpoints.size();
  }

  Endpoint current() {
    int index = current;
    if (index != 0 && System.nanoTime() - switchedAt > failbackNanos) {
      current = 0;
      index = 0;
    }
    return endpoints.get(index);
  }

  /** Moves on from {@code failed} to the endpoint after it, unless another call already did. */
  synchronized void markUnreachable(Endpoint failed) {
    int index = endpoints.indexOf(failed);
    if (index == current) {
      current = (index + 1) % endpoints.size();
      switchedAt = System.nanoTime();
    }
  }

  Endpoint first() {
    return endpoints.get(0);
  }

  /** One endpoint, with what every request to it shares worked out once. */
  static final class Endpoint {
    final HttpUrl url;

    /** The endpoint's own path without its trailing slash; empty for the root. */
    final String basePath;

    /** The {@code Host} header OkHttp sends to this endpoint, which the signature covers. */
    final String hostHeader;

    Endpoint(HttpUrl url) {
      this.url = url;
      String base = url.encodedPath();
      this.basePath = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
      this.hostHeader = hostHeader(url);
    }

    /** Returns the {@code Host} header OkHttp sends for {@code url}. */
    static String hostHeader(HttpUrl url) {
      String host = url.host().indexOf(':') >= 0 ? "[" + url.host() + "]" : url.host();
      return url.port() == HttpUrl.defaultPort(url.scheme()) ? host : host + ":" + url.port();
    }

    @Override
    public String toString() {
      return url.toString();
    }
  }
}
