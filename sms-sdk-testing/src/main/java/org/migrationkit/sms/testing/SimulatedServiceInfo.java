package org.migrationkit.sms.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.model.Link;
import org.migrationkit.sms.model.ListApiVersionResponse;
import org.migrationkit.sms.model.ShowApiVersionResponse;
import org.migrationkit.sms.model.ShowConfigResponse;
import org.migrationkit.sms.model.ShowPrivacyAgreementsResponse;
import org.migrationkit.sms.model.ShowSha256Response;
import org.migrationkit.sms.model.Version;

/**
 * What the service says about itself (ListApiVersion, ShowApiVersion, ShowConfig,
 * ShowPrivacyAgreements, CreatePrivacyAgreements, ShowSha256), answered from memory.
 *
 * <ul>
 *   <li>{@code ListApiVersion} ({@code GET /}): one version, {@code v3}, status {@code CURRENT},
 *       updated {@value #V3_UPDATED}, its {@code self} link the simulator's endpoint followed by
 *       {@code /v3}. {@code ShowApiVersion} ({@code GET /v3}) answers that version; any other
 *       version is 404 {@code APIGW.0101}, as the gateway answers a path no API is published at.
 *       Only {@code GET /} and one-segment paths are versions: {@code GET /v3/tasks} and the other
 *       operations route as before.
 *   <li>{@code ShowConfig}: a fixed configuration, {@code config} {@code mainRegion}
 *       ap-southeast-1, {@code obs_domain} obs.ap-southeast-1.myhuaweicloud.com, {@code disktype}
 *       SAS, and {@code regions} ap-southeast-1, ap-southeast-3, cn-north-4 and my-kualalumpur-1,
 *       each as {@code region_name} and {@code project_name} (a region's default project is named
 *       after it).
 *   <li>{@code ShowPrivacyAgreements}: {@code flag} false until {@code CreatePrivacyAgreements} is
 *       called on this simulator, true from then on.
 *   <li>{@code ShowSha256}: {@code value} is the lowercase hex SHA-256 of the key's UTF-8 bytes
 *       (the path segment, percent-decoded). The service does not document how it derives the
 *       value; this is the simulator's choice.
 * </ul>
 */
final class SimulatedServiceInfo implements EmulatedOperations {
  /** The {@code updated} date of version v3, as the API pages show it. */
  static final String V3_UPDATED = "2020-09-02T17:50:00Z";

  private static final Map<String, String> CONFIG = config();

  private static final List<Map<String, String>> REGIONS =
      List.of(
          region("ap-southeast-1"),
          region("ap-southeast-3"),
          region("cn-north-4"),
          region("my-kualalumpur-1"));

  private final SmsSimulator simulator;
  private boolean privacyAgreed;

  SimulatedServiceInfo(SmsSimulator simulator) {
    this.simulator = simulator;
  }

  @Override
  public @Nullable Answer answer(ServiceRequest request) {
    switch (request.operation()) {
      case "ListApiVersion":
        return Answer.json(
            200, ListApiVersionResponse.builder().versions(List.of(v3())).build().toJson());
      case "ShowApiVersion":
        return showVersion(request.param(0), request.requestId());
      case "ShowConfig":
        return Answer.json(
            200, ShowConfigResponse.builder().config(CONFIG).regions(REGIONS).build().toJson());
      case "ShowPrivacyAgreements":
        return Answer.json(
            200, ShowPrivacyAgreementsResponse.builder().flag(privacyAgreed).build().toJson());
      case "CreatePrivacyAgreements":
        privacyAgreed = true;
        return Answer.json(200, "{}");
      case "ShowSha256":
        return Answer.json(
            200, ShowSha256Response.builder().value(sha256(request.param(0))).build().toJson());
      default:
        return null;
    }
  }

  private Answer showVersion(String version, String requestId) {
    if (!version.equals("v3")) {
      return Answer.json(404, ErrorBodies.noSuchApi(requestId));
    }
    Version v3 = v3();
    return Answer.json(
        200,
        ShowApiVersionResponse.builder()
            .id(v3.getId())
            .links(v3.getLinks())
            .status(v3.getStatus())
            .updated(v3.getUpdated())
            .build()
            .toJson());
  }

  private Version v3() {
    return Version.builder()
        .id("v3")
        .links(List.of(Link.builder().rel("self").href(simulator.endpoint() + "/v3").build()))
        .status("CURRENT")
        .updated(V3_UPDATED)
        .build();
  }

  private static Map<String, String> config() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("mainRegion", "ap-southeast-1");
    config.put("obs_domain", "obs.ap-southeast-1.myhuaweicloud.com");
    config.put("disktype", "SAS");
    return config;
  }

  private static Map<String, String> region(String name) {
    Map<String, String> region = new LinkedHashMap<>();
    region.put("region_name", name);
    region.put("project_name", name);
    return region;
  }

  private static String sha256(String key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
