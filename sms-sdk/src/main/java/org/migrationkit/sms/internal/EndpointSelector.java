package org.migrationkit.sms.internal;

import java.util.List;
import okhttp3.HttpUrl;

/**
 * Picks the endpoint for the next attempt: the first, unless it failed in a way that proves the
 * request never reached the service; then the next one, until {@code failback} has passed, after
 * which the first is tried again instead of staying on a backup forever. Thread-safe.
 */
final class EndpointSelector {
  private final List<HttpUrl> endpoints;
  private final long failbackNanos;
  private volatile int current;
  private volatile long switchedAt;

  EndpointSelector(List<HttpUrl> endpoints, long failbackNanos) {
    this.endpoints = List.copyOf(endpoints);
    this.failbackNanos = failbackNanos;
  }

  int size() {
    return endpoints.size();
  }

  HttpUrl current() {
    int index = current;
    if (index != 0 && System.nanoTime() - switchedAt > failbackNanos) {
      current = 0;
      index = 0;
    }
    return endpoints.get(index);
  }

  /** Moves on from {@code failed} to the endpoint after it, unless another call already did. */
  synchronized void markUnreachable(HttpUrl failed) {
    int index = endpoints.indexOf(failed);
    if (index == current) {
      current = (index + 1) % endpoints.size();
      switchedAt = System.nanoTime();
    }
  }

  HttpUrl first() {
    return endpoints.get(0);
  }
}
