package org.migrationkit.sms.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.Objects;
import org.migrationkit.sms.SmsEventListener;

/**
 * Records the calls of an {@link org.migrationkit.sms.SmsClient} in a Micrometer {@link
 * MeterRegistry}.
 *
 * <pre>{@code
 * SmsClient sms = SmsClient.builder()
 *     .region(SmsRegion.AP_SOUTHEAST_1)
 *     .eventListener(SmsMetrics.listener(meterRegistry))
 *     .build();
 * }</pre>
 *
 * <p>The meters, each tagged with {@code region} (the client's region id, {@code unknown} for a
 * client built with {@code endpoint(...)}) and {@code operation} (such as {@code ShowTask}):
 *
 * <ul>
 *   <li>{@value #CALLS}, a timer of whole calls, every attempt and retry wait included; also tagged
 *       {@code outcome} ({@code success} or {@code failure}), {@code error.type} (the simple name
 *       of the exception the caller got, such as {@code SmsServiceException} or {@code
 *       SmsTimeoutException}; {@code none} on success) and {@code status} (the last HTTP status,
 *       {@code none} when no answer arrived);
 *   <li>{@value #ATTEMPTS}, a counter of HTTP attempts, also tagged {@code outcome};
 *   <li>{@value #RETRIES}, a counter of retries scheduled, also tagged {@code error.type} (the
 *       failure that caused it);
 *   <li>{@value #IN_FLIGHT}, a gauge of the calls under way (tagged with the common tags only).
 * </ul>
 *
 * <p>Every tag value comes from a small fixed set: no task id, URL or message ever becomes a tag.
 * Percentiles and histograms are the registry's to configure (a {@code MeterFilter}). Meters are
 * looked up once per tag set and cached, so a call costs a few map reads and no string building.
 * One listener may serve many clients; make one per registry and tag set, since the in-flight gauge
 * is registered once per registry.
 */
public final class SmsMetrics {
  /** The timer of calls. */
  public static final String CALLS = "sms.client.calls";

  /** The counter of attempts. */
  public static final String ATTEMPTS = "sms.client.attempts";

  /** The counter of retries. */
  public static final String RETRIES = "sms.client.retries";

  /** The gauge of calls in flight. */
  public static final String IN_FLIGHT = "sms.client.inflight";

  private SmsMetrics() {}

  /**
   * {@return a listener that records into {@code registry}, with no common tags}
   *
   * @param registry where the meters go
   */
  public static SmsEventListener listener(MeterRegistry registry) {
    return builder(registry).build();
  }

  /**
   * {@return a builder of a listener that records into {@code registry}}
   *
   * @param registry where the meters go
   */
  public static Builder builder(MeterRegistry registry) {
    return new Builder(Objects.requireNonNull(registry, "registry"));
  }

  /** Options of the listener; not thread-safe. */
  public static final class Builder {
    private final MeterRegistry registry;
    private Tags tags = Tags.empty();

    private Builder(MeterRegistry registry) {
      this.registry = registry;
    }

    /**
     * Adds a tag to every meter, such as {@code application=fleet-migrator}; a later tag with the
     * same key replaces the earlier one.
     *
     * @param key the tag key; not one of the listener's own ({@code region}, {@code operation},
     *     {@code outcome}, {@code error.type}, {@code status})
     * @param value the tag value
     * @return this builder
     * @throws IllegalArgumentException when the key is blank or one of the listener's own
     */
    public Builder tag(String key, String value) {
      Objects.requireNonNull(value, "value");
      if (key == null || key.isBlank()) {
        throw new IllegalArgumentException("tag key must not be null or blank");
      }
      if (MeterListener.OWN_TAGS.contains(key)) {
        throw new IllegalArgumentException(
            "tag key '" + key + "' is set by SmsMetrics itself: choose another key");
      }
      tags = tags.and(key, value);
      return this;
    }

    /**
     * Adds these tags to every meter; see {@link #tag(String, String)}.
     *
     * @param tags the tags
     * @return this builder
     */
    public Builder tags(Iterable<Tag> tags) {
      Objects.requireNonNull(tags, "tags");
      for (Tag t : tags) {
        tag(t.getKey(), t.getValue());
      }
      return this;
    }

    /** {@return the listener; give it to {@code SmsClient.Builder#eventListener}} */
    public SmsEventListener build() {
      return new MeterListener(registry, tags);
    }
  }
}
