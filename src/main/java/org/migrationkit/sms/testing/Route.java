package org.migrationkit.sms.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.internal.PercentEncoding;

/**
 * One operation of the SMS v3 API description as the simulator routes it: method and path template
 * (such as {@code /v3/tasks/{task_id}}). {@link #match} finds the operation a request is for; a
 * literal segment wins over a variable one, so {@code POST /v3/tasks/delete} is DeleteTasks.
 */
record Route(String operation, String method, String template) {
  // every operation of src/codegen/sms-v3.json, in its order; SimulatorRoutesTest checks the count
  static final List<Route> ALL =
      sorted(
          List.of(
              new Route("ListMigprojects", "GET", "/v3/migprojects"),
              new Route("CreateMigproject", "POST", "/v3/migprojects"),
              new Route("DeleteMigproject", "DELETE", "/v3/migprojects/{mig_project_id}"),
              new Route("ShowMigproject", "GET", "/v3/migprojects/{mig_project_id}"),
              new Route("UpdateMigproject", "PUT", "/v3/migprojects/{mig_project_id}"),
              new Route(
                  "UpdateDefaultMigproject", "PUT", "/v3/migprojects/{mig_project_id}/default"),
              new Route("ListApiVersion", "GET", "/"),
              new Route("ShowConfig", "GET", "/v3/config"),
              new Route("ShowPrivacyAgreements", "GET", "/v3/privacy-agreements"),
              new Route("CreatePrivacyAgreements", "POST", "/v3/privacy-agreements"),
              new Route("ShowSha256", "GET", "/v3/sha256/{key}"),
              new Route("ShowApiVersion", "GET", "/{version}"),
              new Route("ListErrorServers", "GET", "/v3/errors"),
              new Route("ListServers", "GET", "/v3/sources"),
              new Route("RegisterServer", "POST", "/v3/sources"),
              new Route("DeleteServers", "POST", "/v3/sources/delete"),
              new Route("ShowOverview", "GET", "/v3/sources/overview"),
              new Route("ShowCommand", "GET", "/v3/sources/{server_id}/command"),
              new Route("UpdateCommandResult", "POST", "/v3/sources/{server_id}/command_result"),
              new Route("DeleteServer", "DELETE", "/v3/sources/{source_id}"),
              new Route("ShowServer", "GET", "/v3/sources/{source_id}"),
              new Route("UpdateServerName", "PUT", "/v3/sources/{source_id}"),
              new Route("UpdateCopyState", "PUT", "/v3/sources/{source_id}/changestate"),
              new Route("UpdateDiskInfo", "PUT", "/v3/sources/{source_id}/diskinfo"),
              new Route("ListTasks", "GET", "/v3/tasks"),
              new Route("CreateTask", "POST", "/v3/tasks"),
              new Route("DeleteTasks", "POST", "/v3/tasks/delete"),
              new Route(
                  "CheckNetAcl", "GET", "/v3/tasks/{t_project_id}/networkacl/{t_network_id}/check"),
              new Route("DeleteTask", "DELETE", "/v3/tasks/{task_id}"),
              new Route("ShowTask", "GET", "/v3/tasks/{task_id}"),
              new Route("UpdateTask", "PUT", "/v3/tasks/{task_id}"),
              new Route("UpdateTaskStatus", "POST", "/v3/tasks/{task_id}/action"),
              new Route("ShowCertKey", "GET", "/v3/tasks/{task_id}/certkey"),
              new Route("ShowConfigSetting", "GET", "/v3/tasks/{task_id}/configuration-setting"),
              new Route(
                  "UploadSpecialConfigurationSetting",
                  "POST",
                  "/v3/tasks/{task_id}/configuration-setting"),
              new Route("ShowConsistencyResult", "GET", "/v3/tasks/{task_id}/consistency-result"),
              new Route(
                  "UpdateConsistencyResult", "POST", "/v3/tasks/{task_id}/consistency-result"),
              new Route("CollectLog", "POST", "/v3/tasks/{task_id}/log"),
              new Route("ShowPassphrase", "GET", "/v3/tasks/{task_id}/passphrase"),
              new Route("UpdateTaskSpeed", "PUT", "/v3/tasks/{task_id}/progress"),
              new Route("ShowsSpeedLimits", "GET", "/v3/tasks/{task_id}/speed-limit"),
              new Route("UpdateSpeed", "POST", "/v3/tasks/{task_id}/speed-limit"),
              new Route("UnlockTargetEcs", "POST", "/v3/tasks/{task_id}/unlock"),
              new Route(
                  "UpdateNetworkCheckInfo", "POST", "/v3/{task_id}/update-network-check-info"),
              new Route("ListTemplates", "GET", "/v3/vm/templates"),
              new Route("CreateTemplate", "POST", "/v3/vm/templates"),
              new Route("DeleteTemplates", "POST", "/v3/vm/templates/delete"),
              new Route("DeleteTemplate", "DELETE", "/v3/vm/templates/{id}"),
              new Route("ShowTemplate", "GET", "/v3/vm/templates/{id}"),
              new Route("UpdateTemplate", "PUT", "/v3/vm/templates/{id}"),
              new Route("ShowTargetPassword", "GET", "/v3/vm/templates/{id}/target-password")));

  /** A route that matched, with its path parameters decoded, in template order. */
  record Match(Route route, List<String> params) {
    String param(int index) {
      return params.get(index);
    }
  }

  private static List<Route> sorted(List<Route> routes) {
    List<Route> copy = new ArrayList<>(routes);
    copy.sort(Comparator.comparingInt(r -> variables(r.template())));
    return List.copyOf(copy);
  }

  private static int variables(String template) {
    int n = 0;
    for (int i = 0; i < template.length(); i++) {
      n += template.charAt(i) == '{' ? 1 : 0;
    }
    return n;
  }

  /** Returns the operation {@code method rawPath} is for, or {@code null} when none is. */
  static @Nullable Match match(String method, String rawPath) {
    String[] segments = rawPath.split("/", -1);
    for (Route route : ALL) {
      if (!route.method().equals(method)) {
        continue;
      }
      List<String> params = route.bind(segments);
      if (params != null) {
        return new Match(route, params);
      }
    }
    return null;
  }

  private @Nullable List<String> bind(String[] segments) {
    String[] parts = template.split("/", -1);
    if (parts.length != segments.length) {
      return null;
    }
    List<String> params = new ArrayList<>(2);
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].startsWith("{")) {
        if (segments[i].isEmpty()) {
          return null;
        }
        params.add(PercentEncoding.decode(segments[i]));
      } else if (!parts[i].equals(segments[i])) {
        return null;
      }
    }
    return params;
  }
}
