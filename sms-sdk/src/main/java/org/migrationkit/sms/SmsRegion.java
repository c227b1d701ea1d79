package org.migrationkit.sms;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.internal.Messages;
import org.migrationkit.sms.internal.RegionsFile;

/**
 * A Huawei Cloud region with the endpoint of its SMS service.
 *
 * <pre>{@code
 * SmsClient.builder().region(SmsRegion.AP_SOUTHEAST_1)...
 * SmsClient.builder().region(SmsRegion.of("la-south-2"))...   // not in the table: derived
 * }</pre>
 *
 * <p>{@link #of(String)} looks a region up in this order, first hit wins:
 *
 * <ol>
 *   <li>the environment variable {@code HUAWEICLOUD_SDK_REGION_SMS_<ID>} (upper case, {@code -} as
 *       {@code _}; a comma-separated list gives several endpoints, tried in order on connection
 *       failures);
 *   <li>the regions file {@code $HUAWEICLOUD_SDK_REGIONS_FILE} or {@code
 *       ~/.huaweicloud/regions.yaml} (needs the optional {@code jackson-dataformat-yaml});
 *   <li>the built-in table;
 *   <li>for any other well-formed id, {@code https://sms.{id}.myhuaweicloud.com}, so a new region
 *       never forces an upgrade.
 * </ol>
 *
 * <p>Immutable; equal when id and endpoints are equal.
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

  private static final Map<String, SmsRegion> KNOWN =
      index(AP_SOUTHEAST_1, AP_SOUTHEAST_3, MY_KUALALUMPUR_1, RU_MOSCOW_1, CN_NORTH_4);

  private static final Pattern WELL_FORMED = Pattern.compile("[a-z]{2,}(-[a-z0-9]+)+");

  private final String id;
  private final List<String> endpoints;

  private SmsRegion(String id, String endpoint) {
    this(id, List.of(endpoint));
  }

  private SmsRegion(String id, List<String> endpoints) {
    this.id = id;
    this.endpoints = List.copyOf(endpoints);
  }

  private static Map<String, SmsRegion> index(SmsRegion... regions) {
    Map<String, SmsRegion> byId = new LinkedHashMap<>();
    for (SmsRegion r : regions) {
      byId.put(r.id, r);
    }
    return byId;
  }

  /**
   * {@return the region with the given id: a table constant when known, else one whose endpoint is
   * {@code https://sms.{id}.myhuaweicloud.com}}
   *
   * @param id a region id, such as {@code ap-southeast-1}
   * @throws IllegalArgumentException when the id is not of the form {@code xx-name-1}; the message
   *     lists the known ids
   */
  public static SmsRegion of(String id) {
    return of(id, System.getenv(), null);
  }

  static SmsRegion of(@Nullable String id, Map<String, String> env, @Nullable Path home) {
    if (id == null) {
      throw new IllegalArgumentException(
          "region id must not be null; known ids: " + KNOWN.keySet());
    }
    if (!KNOWN.containsKey(id) && !WELL_FORMED.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "region id "
              + Messages.quote(id)
              + " is malformed (expected lower-case like ap-southeast-1); known ids: "
              + KNOWN.keySet());
    }
    String variable = "HUAWEICLOUD_SDK_REGION_SMS_" + id.toUpperCase(Locale.ROOT).replace('-', '_');
    String fromEnv = env.get(variable);
    if (fromEnv != null && !fromEnv.isBlank()) {
      List<String> endpoints = new ArrayList<>();
      for (String e : fromEnv.split(",")) {
        if (!e.isBlank()) {
          endpoints.add(e.trim());
        }
      }
      return new SmsRegion(id, endpoints);
    }
    List<String> fromFile =
        RegionsFile.endpoints(RegionsFile.location(env, home), id, RegionsFile.yamlAvailable());
    if (!fromFile.isEmpty()) {
      return new SmsRegion(id, fromFile);
    }
    SmsRegion known = KNOWN.get(id);
    if (known != null) {
      return known;
    }
    return new SmsRegion(id, "https://sms." + id + ".myhuaweicloud.com");
  }

  /** {@return the regions of the built-in table} */
  public static List<SmsRegion> knownRegions() {
    return List.copyOf(KNOWN.values());
  }

  /** {@return the region id, such as {@code ap-southeast-1}} */
  public String id() {
    return id;
  }

  /**
   * {@return the (first) SMS endpoint of the region, such as {@code
   * https://sms.ap-southeast-1.myhuaweicloud.com}}
   */
  public String endpoint() {
    return endpoints.get(0);
  }

  /** {@return every endpoint of the region, in fail-over order; one unless configured otherwise} */
  public List<String> endpoints() {
    return endpoints;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SmsRegion
        && ((SmsRegion) o).id.equals(id)
        && ((SmsRegion) o).endpoints.equals(endpoints);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, endpoints);
  }

  @Override
  public String toString() {
    return id + " " + endpoints;
  }
}
