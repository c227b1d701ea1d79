package org.migrationkit.sms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A Huawei Cloud region with the endpoint of its SMS service.
 *
 * <pre>{@code
 * SmsClient.builder().region(SmsRegion.AP_SOUTHEAST_1)...
 * SmsClient.builder().region(SmsRegion.of("la-south-2"))...   // not in the table: derived
 * }</pre>
 *
 * <p>The table holds the regions this release knows. {@link #of(String)} derives the endpoint of any
 * other well-formed region id as {@code https://sms.{id}.myhuaweicloud.com}, so a new region never
 * forces an upgrade. Immutable; equal when id and endpoint are equal.
 */
public final class SmsRegion {
  /** Asia Pacific (Singapore). */
  public static final SmsRegion AP_SOUTHEAST_1 =
      new SmsRegion("ap-southeast-1", "https://sms.ap-southeast-1.myhuaweicloud.com");

  /** Asia Pacific (Hong Kong). */
  public static final SmsRegion AP_SOUTHEAST_3 =
      new SmsRegion("ap-southeast-3", "https://sms.ap-southeast-3.myhuaweicloud.com");

  /** Malaysia (Kuala Lumpur). */
  public static final SmsRegion MY_KUALALUMPUR_1 =
      new SmsRegion("my-kualalumpur-1", "https://sms.my-kualalumpur-1.myhuaweicloud.com");

  /** Russia (Moscow); note its host name {@code sms-api}. */
  public static final SmsRegion RU_MOSCOW_1 =
      new SmsRegion("ru-moscow-1", "https://sms-api.ru-moscow-1.myhuaweicloud.com");

  /** Chinese mainland (Beijing 4). */
  public static final SmsRegion CN_NORTH_4 =
      new SmsRegion("cn-north-4", "https://sms.cn-north-4.myhuaweicloud.com");

  private static final Map<String, SmsRegion> KNOWN = index(
      AP_SOUTHEAST_1, AP_SOUTHEAST_3, MY_KUALALUMPUR_1, RU_MOSCOW_1, CN_NORTH_4);

  private static final Pattern WELL_FORMED = Pattern.compile("[a-z]{2,}(-[a-z0-9]+)+");

  private final String id;
  private final String endpoint;

  private SmsRegion(String id, String endpoint) {
    this.id = id;
    this.endpoint = endpoint;
  }

  private static Map<String, SmsRegion> index(SmsRegion... regions) {
    Map<String, SmsRegion> byId = new LinkedHashMap<>();
    for (SmsRegion r : regions) {
      byId.put(r.id, r);
    }
    return byId;
  }

  /**
   * Returns the region with the given id: a table constant when known, else one whose endpoint is
   * {@code https://sms.{id}.myhuaweicloud.com}.
   *
   * @throws IllegalArgumentException when the id is not of the form {@code xx-name-1}; the message
   *     lists the known ids
   */
  public static SmsRegion of(String id) {
    if (id == null) {
      throw new IllegalArgumentException("region id must not be null; known ids: " + KNOWN.keySet());
    }
    SmsRegion known = KNOWN.get(id);
    if (known != null) {
      return known;
    }
    if (!WELL_FORMED.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "region id '" + id + "' is malformed (expected lower-case like ap-southeast-1); known ids: "
              + KNOWN.keySet());
    }
    return new SmsRegion(id, "https://sms." + id + ".myhuaweicloud.com");
  }

  /** Returns the regions of the built-in table. */
  public static List<SmsRegion> knownRegions() {
    return List.copyOf(KNOWN.values());
  }

  /** Returns the region id, such as {@code ap-southeast-1}. */
  public String id() {
    return id;
  }

  /** Returns the SMS endpoint of the region, such as {@code https://sms.ap-southeast-1.myhuaweicloud.com}. */
  public String endpoint() {
    return endpoint;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SmsRegion
        && ((SmsRegion) o).id.equals(id)
        && ((SmsRegion) o).endpoint.equals(endpoint);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, endpoint);
  }

  @Override
  public String toString() {
    return id + " (" + endpoint + ")";
  }
}
