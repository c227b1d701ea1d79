package org.migrationkit.sms.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.SmsClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 3: temporary credentials from the ECS/BMS metadata service, refreshed before they expire.
 *
 * <p>Off unless enabled: probing the link-local address from a laptop or CI only waits for
 * timeouts.
 */
final class MetadataCredentialsStep implements CredentialsStep {
  static final String ENABLED = "HUAWEICLOUD_SDK_METADATA_ENABLED";

  /**
   * Refresh when less than this remains, so that no request is signed with expiring credentials.
   */
  static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);

  /**
   * At most one early refresh per this interval, so that a failing service, or one that hands out
   * credentials already near their expiry, is not asked again on every call.
   */
  static final Duration EARLY_REFRESH_INTERVAL = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(DefaultCredentialsProvider.class);

  private final boolean enabled;
  private final String endpoint;
  private final MetadataClient client;
  private final Clock clock;

  /**
   * Held by the one caller that fetches; the others use {@link #held} meanwhile, if still valid.
   */
  private final ReentrantLock refreshing = new ReentrantLock();

  /**
   * The last credentials fetched: {@code null} before the first fetch. Replaced under {@link
   * #refreshing}; read without it, which is what lets callers go on while a refresh is in flight.
   */
  private volatile MetadataClient.@Nullable Expiring held;

  /** No early refresh is tried before this instant; pushed back by each one tried. */
  private volatile Instant nextEarlyRefresh = Instant.MIN;

  /**
   * Fetches started, so that callers who waited for a failed one share its failure; written under
   * the lock.
   */
  private volatile int fetches;

  /** Why the last fetch failed, or {@code null} after a success. Written under the lock. */
  private MetadataClient.@Nullable Failure lastFailure;

  MetadataCredentialsStep(boolean enabled, String endpoint, Clock clock) {
    this.enabled = enabled;
    this.endpoint = endpoint;
    this.client = new MetadataClient(endpoint);
    this.clock = clock;
  }

  @Override
  public @Nullable Found find(List<String> whyNot) {
    if (!enabled) {
      whyNot.add("ECS metadata (disabled: set " + ENABLED + "=true)");
      return null;
    }
    try {
      current();
    } catch (MetadataClient.Failure e) {
      whyNot.add("ECS metadata " + endpoint + " (" + e.getMessage() + ")");
      return null;
    }
    return new Found(this::credentials, null, "ECS metadata " + endpoint);
  }

  /** Returns valid credentials, refreshing them when they expire or are about to. */
  Credentials credentials() {
    try {
      return current();
    } catch (MetadataClient.Failure e) {
      throw new SmsClientException(
          "ECS metadata credentials expired and could not be refreshed from "
              + endpoint
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private Credentials current() throws MetadataClient.Failure {
    MetadataClient.Expiring seen = held;
    Instant now = clock.instant();
    if (seen != null && now.isBefore(seen.expiresAt())) {
      boolean early = !now.isBefore(seen.expiresAt().minus(REFRESH_BEFORE_EXPIRY));
      if (early && !now.isBefore(nextEarlyRefresh) && refreshing.tryLock()) {
        try {
          return refreshEarly(seen, now);
        } finally {
          refreshing.unlock();
        }
      }
      return seen.credentials();
    }
    int fetchesBefore = fetches;
    refreshing.lock();
    try {
      MetadataClient.Expiring latest = held;
      if (latest != seen && latest != null && clock.instant().isBefore(latest.expiresAt())) {
        return latest.credentials(); // another caller fetched while this one waited
      }
      MetadataClient.Failure failure = lastFailure;
      if (fetches != fetchesBefore && failure != null) {
        // another caller's fetch failed while this one waited: one timeout per wave, not one each
        throw new MetadataClient.Failure(failure.getMessage(), failure);
      }
      return fetch().credentials();
    } finally {
      refreshing.unlock();
    }
  }

  private Credentials refreshEarly(MetadataClient.Expiring seen, Instant now) {
    MetadataClient.Expiring latest = held;
    if (latest != seen && latest != null) {
      return latest.credentials(); // another caller refreshed since this one looked
    }
    nextEarlyRefresh = now.plus(EARLY_REFRESH_INTERVAL);
    try {
      return fetch().credentials();
    } catch (MetadataClient.Failure e) {
      LOG.warn(
          "Could not refresh ECS metadata credentials expiring at {} ({}); using them meanwhile",
          seen.expiresAt(),
          e.getMessage());
      return seen.credentials();
    }
  }

  private MetadataClient.Expiring fetch() throws MetadataClient.Failure {
    fetches++;
    MetadataClient.Expiring fetched;
    try {
      fetched = client.fetch();
    } catch (MetadataClient.Failure e) {
      lastFailure = e;
      throw e;
    }
    lastFailure = null;
    held = fetched;
    LOG.debug("Fetched ECS metadata credentials expiring at {}", fetched.expiresAt());
    return fetched;
  }
}
