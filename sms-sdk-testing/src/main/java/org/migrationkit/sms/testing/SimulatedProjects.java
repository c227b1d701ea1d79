package org.migrationkit.sms.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.model.MigProject;
import org.migrationkit.sms.model.MigprojectsResponseBody;
import org.migrationkit.sms.model.PostMigProjectBody;
import org.migrationkit.sms.model.ShowMigprojectResponse;
import org.migrationkit.sms.model.TaskType;

/**
 * Migration projects (ListMigprojects, CreateMigproject, ShowMigproject, UpdateMigproject,
 * UpdateDefaultMigproject, DeleteMigproject), answered from memory.
 *
 * <p>State rules:
 *
 * <ul>
 *   <li>The simulator starts with one project, as the service gives every account one: id {@value
 *       #DEFAULT_PROJECT_ID}, name {@code default}, {@code isdefault} true, region {@code
 *       ap-southeast-1}, {@code use_public_ip} true, {@code exist_server} false, type {@code
 *       MIGRATE_FILE}, {@code syncing} false.
 *   <li>Exactly one project is the default at any time. {@code UpdateDefaultMigproject}, or a
 *       create or update with {@code isdefault} true, makes that project the default and every
 *       other one not; an update with {@code isdefault} false on the default project is refused
 *       (400 {@code SMS.9001}: make another project the default instead).
 *   <li>{@code ListMigprojects}: creation order, {@code limit} 0 to 100 (default 50), {@code
 *       offset} the item offset (0 to 65535), {@code count} the number of all projects.
 *   <li>{@code CreateMigproject}: the members the model requires ({@code name}, {@code region},
 *       {@code use_public_ip}, {@code exist_server}, {@code type}, {@code syncing}) missing, or a
 *       {@code type} other than {@code MIGRATE_BLOCK} and {@code MIGRATE_FILE}: 400 {@code
 *       SMS.9001} naming them. Absent optional members take the service's defaults: {@code
 *       start_target_server}, {@code start_network_check} (sent as {@code start_networck_check}, as
 *       the service spells it in this body) false, {@code speed_limit} 0 (no limit), {@code
 *       enterprise_project} {@code "0"} (the default enterprise project). Answers {@code {"id":
 *       ...}}, a new UUID.
 *   <li>Names are unique (compared exactly): creating, or renaming to, a name another project has
 *       is refused, 400 {@code SMS.1603}.
 *   <li>{@code UpdateMigproject}: the members present replace the project's, those absent keep
 *       theirs (the simulator's choice; a body without members changes nothing); an {@code id} in
 *       the body must be the path's.
 *   <li>{@code DeleteMigproject}: the default project cannot be deleted, 400 {@code SMS.1604}.
 *       Source servers do not record their project in the simulator, so the service's "only a
 *       project without servers" rule is not emulated.
 *   <li>An unknown project id: 404 {@code SMS.1602}. At most {@value #MAX_PROJECTS} projects, the
 *       default included: one more is refused, 403 {@code SMS.SIMULATOR.0403}.
 * </ul>
 */
final class SimulatedProjects implements EmulatedOperations {
  /** The id of the project the simulator starts with. */
  static final String DEFAULT_PROJECT_ID = "00000000-0000-4000-8000-000000000001";

  /** The most projects the simulator holds. */
  static final int MAX_PROJECTS = 100;

  private static final List<TaskType> PROJECT_TYPES =
      List.of(TaskType.MIGRATE_BLOCK, TaskType.MIGRATE_FILE);

  // insertion order is list order: the service lists projects in creation order
  private final Map<String, ShowMigprojectResponse> projects = new LinkedHashMap<>();

  SimulatedProjects() {
    projects.put(
        DEFAULT_PROJECT_ID,
        ShowMigprojectResponse.builder()
            .id(DEFAULT_PROJECT_ID)
            .name("default")
            .description("")
            .isdefault(true)
            .region("ap-southeast-1")
            .startTargetServer(false)
            .speedLimit(0)
            .usePublicIp(true)
            .existServer(false)
            .type(TaskType.MIGRATE_FILE)
            .enterpriseProject("0")
            .syncing(false)
            .startNetworkCheck(false)
            .build());
  }

  @Override
  public @Nullable Answer answer(ServiceRequest request) {
    String requestId = request.requestId();
    switch (request.operation()) {
      case "ListMigprojects":
        return list(request.query());
      case "CreateMigproject":
        return create(PostMigProjectBody.fromJson(request.text()), requestId);
      case "ShowMigproject":
        return show(request.param(0), requestId);
      case "UpdateMigproject":
        return update(request, requestId);
      case "UpdateDefaultMigproject":
        return makeDefault(request.param(0), requestId);
      case "DeleteMigproject":
        return delete(request.param(0), requestId);
      default:
        return null;
    }
  }

  private Answer list(Query q) {
    List<MigprojectsResponseBody> all = new ArrayList<>(projects.size());
    for (ShowMigprojectResponse p : projects.values()) {
      all.add(MigprojectsResponseBody.fromJson(p.toJson()));
    }
    return ListBody.of(
        all.size(),
        "migprojects",
        q.page(all, Query.Paging.PROJECTS),
        MigprojectsResponseBody::toJson);
  }

  private Answer create(PostMigProjectBody body, String requestId) {
    List<String> missing = new ArrayList<>();
    if (body.getName() == null || body.getName().isEmpty()) {
      missing.add("name");
    }
    if (body.getRegion() == null || body.getRegion().isEmpty()) {
      missing.add("region");
    }
    if (body.getUsePublicIp() == null) {
      missing.add("use_public_ip");
    }
    if (body.getExistServer() == null) {
      missing.add("exist_server");
    }
    if (body.getType() == null) {
      missing.add("type");
    }
    if (body.getSyncing() == null) {
      missing.add("syncing");
    }
    if (!missing.isEmpty()) {
      throw new BadRequest("CreateMigproject needs " + String.join(", ", missing));
    }
    checkType(body.getType());
    String taken = holderOf(body.getName());
    if (taken != null) {
      return Answer.json(400, ErrorBodies.projectNameTaken(body.getName(), taken, requestId));
    }
    if (projects.size() >= MAX_PROJECTS) {
      return Answer.json(403, ErrorBodies.full("migration projects", requestId));
    }
    String id = UUID.randomUUID().toString();
    projects.put(
        id,
        ShowMigprojectResponse.builder()
            .id(id)
            .name(body.getName())
            .description(body.getDescription())
            .isdefault(false)
            .region(body.getRegion())
            .startTargetServer(orFalse(body.getStartTargetServer()))
            .speedLimit(body.getSpeedLimit() == null ? 0 : body.getSpeedLimit())
            .usePublicIp(body.getUsePublicIp())
            .existServer(body.getExistServer())
            .type(body.getType())
            .enterpriseProject(
                body.getEnterpriseProject() == null ? "0" : body.getEnterpriseProject())
            .syncing(body.getSyncing())
            .startNetworkCheck(orFalse(body.getStartNetworckCheck()))
            .build());
    if (Boolean.TRUE.equals(body.getIsdefault())) {
      setDefault(id);
    }
    return Answer.json(200, "{\"id\":\"" + id + "\"}");
  }

  private Answer show(String id, String requestId) {
    ShowMigprojectResponse p = projects.get(id);
    return p == null
        ? Answer.json(404, ErrorBodies.noSuchProject(id, requestId))
        : Answer.json(200, p.toJson());
  }

  private Answer update(ServiceRequest request, String requestId) {
    String id = request.param(0);
    ShowMigprojectResponse p = projects.get(id);
    if (p == null) {
      return Answer.json(404, ErrorBodies.noSuchProject(id, requestId));
    }
    if (request.body().length == 0) {
      return Answer.json(200, "{}"); // the body is optional: nothing to change
    }
    MigProject body = MigProject.fromJson(request.text());
    if (body.getId() != null && !body.getId().equals(id)) {
      throw new BadRequest("UpdateMigproject: the body's id " + body.getId() + " is not " + id);
    }
    if (body.getName() != null && body.getName().isEmpty()) {
      throw new BadRequest("UpdateMigproject: name must not be empty");
    }
    if (body.getRegion() != null && body.getRegion().isEmpty()) {
      throw new BadRequest("UpdateMigproject: region must not be empty");
    }
    if (body.getType() != null) {
      checkType(body.getType());
    }
    if (Boolean.FALSE.equals(body.getIsdefault()) && Boolean.TRUE.equals(p.getIsdefault())) {
      throw new BadRequest(
          "UpdateMigproject: " + id + " is the default project; make another one the default");
    }
    if (body.getName() != null) {
      String taken = holderOf(body.getName());
      if (taken != null && !taken.equals(id)) {
        return Answer.json(400, ErrorBodies.projectNameTaken(body.getName(), taken, requestId));
      }
    }
    // the default moves only through setDefault, which keeps exactly one
    MigProject change = body.toBuilder().isdefault(null).build();
    projects.put(
        id, ShowMigprojectResponse.fromJson(JsonMerge.members(p.toJson(), change.toJson())));
    if (Boolean.TRUE.equals(body.getIsdefault())) {
      setDefault(id);
    }
    return Answer.json(200, "{}");
  }

  private Answer makeDefault(String id, String requestId) {
    if (!projects.containsKey(id)) {
      return Answer.json(404, ErrorBodies.noSuchProject(id, requestId));
    }
    setDefault(id);
    return Answer.json(200, "{}");
  }

  private Answer delete(String id, String requestId) {
    ShowMigprojectResponse p = projects.get(id);
    if (p == null) {
      return Answer.json(404, ErrorBodies.noSuchProject(id, requestId));
    }
    if (Boolean.TRUE.equals(p.getIsdefault())) {
      return Answer.json(400, ErrorBodies.defaultProjectUndeletable(id, requestId));
    }
    projects.remove(id);
    return Answer.json(200, "{}");
  }

  /** Makes {@code id} the one default project. */
  private void setDefault(String id) {
    projects.replaceAll((key, p) -> p.toBuilder().isdefault(key.equals(id)).build());
  }

  private @Nullable String holderOf(String name) {
    for (ShowMigprojectResponse p : projects.values()) {
      if (name.equals(p.getName())) {
        return p.getId();
      }
    }
    return null;
  }

  private static void checkType(TaskType type) {
    if (!PROJECT_TYPES.contains(type)) {
      throw new BadRequest("type must be MIGRATE_BLOCK or MIGRATE_FILE, was " + type.value());
    }
  }

  private static boolean orFalse(@Nullable Boolean value) {
    return Boolean.TRUE.equals(value);
  }
}
