package org.migrationkit.sms.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.model.CreateTemplateReq;
import org.migrationkit.sms.model.CreateTemplateResponse;
import org.migrationkit.sms.model.DeletetemplatesReq;
import org.migrationkit.sms.model.Nics;
import org.migrationkit.sms.model.PublicIp;
import org.migrationkit.sms.model.SgObject;
import org.migrationkit.sms.model.ShowTargetPasswordResponse;
import org.migrationkit.sms.model.ShowTemplateResponse;
import org.migrationkit.sms.model.TemplateDisk;
import org.migrationkit.sms.model.TemplateRequest;
import org.migrationkit.sms.model.TemplateResponseBody;
import org.migrationkit.sms.model.UpdateTemplateReq;
import org.migrationkit.sms.model.VpcObject;

/**
 * Server templates (ListTemplates, CreateTemplate, ShowTemplate, UpdateTemplate, DeleteTemplate,
 * DeleteTemplates, ShowTargetPassword), answered from memory.
 *
 * <p>State rules:
 *
 * <ul>
 *   <li>CreateTemplate needs {@code template} with the members its model marks required ({@code
 *       name}, {@code is_template}, {@code region}, {@code projectid}), and every nested object it
 *       sends ({@code vpc}, {@code nics}, {@code security_groups}, {@code publicip}, {@code disk})
 *       complete by the same flags; otherwise 400 {@code SMS.9001} naming every missing member. It
 *       answers {@code {"id": <new uuid>}}.
 *   <li>Template names are unique: creating a template with a name another template has, or
 *       renaming one to it, is refused 400 {@code SMS.1503}.
 *   <li>At most {@value #MAX_TEMPLATES} templates are kept; one more is refused 403 {@code
 *       SMS.SIMULATOR.0403}.
 *   <li>ShowTemplate and ListTemplates answer {@code id}, {@code is_template} (the request's
 *       boolean as the text {@code "true"} or {@code "false"}, the response model's type) and every
 *       other member exactly as the template was last given it; members never given stay absent.
 *       They never carry {@code target_password}: the secret is only answered by
 *       ShowTargetPassword.
 *   <li>ListTemplates filters by {@code name} (contained), {@code availability_zone} and {@code
 *       region} (equal), lists in creation order and pages with {@code limit} (0 to 100, default
 *       50) and {@code offset} (0 to 65535); {@code count} is the whole filtered count.
 *   <li>UpdateTemplate changes only the members its {@code template} carries (a list sent empty
 *       counts as not sent, as the wire leaves it out); nested objects it sends replace the old
 *       ones whole and must be complete. A body without {@code template} changes nothing.
 *   <li>ShowTargetPassword answers {@code template_id} and the password the template was last
 *       created or updated with; a template never given one answers without {@code
 *       target_password}.
 *   <li>DeleteTemplate and DeleteTemplates delete every named template or, when one is unknown,
 *       none (404). An unknown template id is answered 404 {@code SMS.1502}.
 *   <li>Templates are independent of tasks: a task's {@code vm_template_id} is not checked, and
 *       deleting a task or a source server leaves the templates alone.
 * </ul>
 */
final class SimulatedTemplates implements EmulatedOperations {
  /** The most templates kept at once. */
  static final int MAX_TEMPLATES = 1_000;

  // insertion order is list order; each template is kept as the request members it was given
  private final Map<String, TemplateRequest> templates = new LinkedHashMap<>();

  @Override
  public @Nullable Answer answer(ServiceRequest request) {
    String requestId = request.requestId();
    switch (request.operation()) {
      case "ListTemplates":
        return list(request.query());
      case "CreateTemplate":
        return create(CreateTemplateReq.fromJson(request.text()).getTemplate(), requestId);
      case "ShowTemplate":
        return show(request.param(0), requestId);
      case "UpdateTemplate":
        return update(request.param(0), optionalBody(request), requestId);
      case "DeleteTemplate":
        return delete(List.of(request.param(0)), requestId);
      case "DeleteTemplates":
        return delete(DeletetemplatesReq.fromJson(request.text()).getIds(), requestId);
      case "ShowTargetPassword":
        return targetPassword(request.param(0), requestId);
      default:
        return null;
    }
  }

  private Answer list(Query q) {
    List<TemplateResponseBody> all = new ArrayList<>();
    for (Map.Entry<String, TemplateRequest> e : templates.entrySet()) {
      TemplateRequest t = e.getValue();
      if (q.contains("name", t.getName())
          && q.matches("availability_zone", t.getAvailabilityZone())
          && q.matches("region", t.getRegion())) {
        all.add(body(e.getKey(), t));
      }
    }
    return ListBody.of(
        all.size(), "templates", q.page(all, Query.Paging.TEMPLATES), TemplateResponseBody::toJson);
  }

  private Answer create(@Nullable TemplateRequest template, String requestId) {
    if (template == null) {
      throw new BadRequest("CreateTemplate needs template");
    }
    List<String> missing = new ArrayList<>();
    need(missing, "template.name", template.getName());
    need(missing, "template.is_template", template.getIsTemplate());
    need(missing, "template.region", template.getRegion());
    need(missing, "template.projectid", template.getProjectid());
    checkNested(missing, template);
    refuseMissing("CreateTemplate", missing);
    String taken = holderOfName(template.getName(), null);
    if (taken != null) {
      return Answer.json(400, ErrorBodies.templateNameTaken(template.getName(), requestId));
    }
    if (templates.size() >= MAX_TEMPLATES) {
      return Answer.json(403, ErrorBodies.full("templates", requestId));
    }
    String id = UUID.randomUUID().toString();
    templates.put(id, template);
    return Answer.json(200, CreateTemplateResponse.builder().id(id).build().toJson());
  }

  private Answer show(String id, String requestId) {
    TemplateRequest t = templates.get(id);
    if (t == null) {
      return Answer.json(404, ErrorBodies.noSuchTemplate(id, requestId));
    }
    return Answer.json(200, ShowTemplateResponse.builder().template(body(id, t)).build().toJson());
  }

  private static @Nullable TemplateRequest optionalBody(ServiceRequest request) {
    // the body is optional for UpdateTemplate: without one there is nothing to change
    return request.body().length == 0
        ? null
        : UpdateTemplateReq.fromJson(request.text()).getTemplate();
  }

  private Answer update(String id, @Nullable TemplateRequest change, String requestId) {
    TemplateRequest old = templates.get(id);
    if (old == null) {
      return Answer.json(404, ErrorBodies.noSuchTemplate(id, requestId));
    }
    if (change == null) {
      return Answer.json(200, "{}");
    }
    List<String> missing = new ArrayList<>();
    checkNested(missing, change);
    refuseMissing("UpdateTemplate", missing);
    if (change.getName() != null && holderOfName(change.getName(), id) != null) {
      return Answer.json(400, ErrorBodies.templateNameTaken(change.getName(), requestId));
    }
    templates.put(id, TemplateRequest.fromJson(JsonMerge.members(old.toJson(), change.toJson())));
    return Answer.json(200, "{}");
  }

  /** Deletes every template or, when one is unknown, none. */
  private Answer delete(List<String> ids, String requestId) {
    if (ids.isEmpty()) {
      throw new BadRequest("ids must not be empty");
    }
    Set<String> unique = new LinkedHashSet<>(ids);
    for (String id : unique) {
      if (!templates.containsKey(id)) {
        return Answer.json(404, ErrorBodies.noSuchTemplate(id, requestId));
      }
    }
    templates.keySet().removeAll(unique);
    return Answer.json(200, "{}");
  }

  private Answer targetPassword(String id, String requestId) {
    TemplateRequest t = templates.get(id);
    if (t == null) {
      return Answer.json(404, ErrorBodies.noSuchTemplate(id, requestId));
    }
    return Answer.json(
        200,
        ShowTargetPasswordResponse.builder()
            .templateId(id)
            .targetPassword(t.getTargetPassword())
            .build()
            .toJson());
  }

  /** Returns the id of the template other than {@code self} named {@code name}, if any. */
  private @Nullable String holderOfName(String name, @Nullable String self) {
    for (Map.Entry<String, TemplateRequest> e : templates.entrySet()) {
      if (name.equals(e.getValue().getName()) && !e.getKey().equals(self)) {
        return e.getKey();
      }
    }
    return null;
  }

  private static TemplateResponseBody body(String id, TemplateRequest t) {
    return TemplateResponseBody.builder()
        .id(id)
        .name(t.getName())
        .isTemplate(t.getIsTemplate() == null ? null : t.getIsTemplate().toString())
        .region(t.getRegion())
        .projectid(t.getProjectid())
        .targetServerName(t.getTargetServerName())
        .availabilityZone(t.getAvailabilityZone())
        .volumetype(t.getVolumetype())
        .flavor(t.getFlavor())
        .vpc(t.getVpc())
        .nics(t.getNics())
        .securityGroups(t.getSecurityGroups())
        .publicip(t.getPublicip())
        .disk(t.getDisk())
        .dataVolumeType(t.getDataVolumeType())
        .imageId(t.getImageId())
        .build();
  }

  /** Adds the required members of the nested objects {@code t} carries that are missing. */
  private static void checkNested(List<String> missing, TemplateRequest t) {
    VpcObject vpc = t.getVpc();
    if (vpc != null) {
      need(missing, "template.vpc.id", vpc.getId());
      need(missing, "template.vpc.name", vpc.getName());
    }
    for (int i = 0; i < t.getNics().size(); i++) {
      Nics nic = t.getNics().get(i);
      String at = "template.nics[" + i + "].";
      need(missing, at + "id", nic.getId());
      need(missing, at + "name", nic.getName());
      need(missing, at + "cidr", nic.getCidr());
    }
    for (int i = 0; i < t.getSecurityGroups().size(); i++) {
      SgObject sg = t.getSecurityGroups().get(i);
      String at = "template.security_groups[" + i + "].";
      need(missing, at + "id", sg.getId());
      need(missing, at + "name", sg.getName());
    }
    PublicIp ip = t.getPublicip();
    if (ip != null) {
      need(missing, "template.publicip.type", ip.getType());
      need(missing, "template.publicip.bandwidth_size", ip.getBandwidthSize());
    }
    for (int i = 0; i < t.getDisk().size(); i++) {
      TemplateDisk d = t.getDisk().get(i);
      String at = "template.disk[" + i + "].";
      need(missing, at + "index", d.getIndex());
      need(missing, at + "name", d.getName());
      need(missing, at + "disktype", d.getDisktype());
      need(missing, at + "size", d.getSize());
    }
  }

  private static void need(List<String> missing, String member, @Nullable Object value) {
    if (value == null) {
      missing.add(member);
    }
  }

  // names only the members, never their values: the template may carry a password
  private static void refuseMissing(String operation, List<String> missing) {
    if (!missing.isEmpty()) {
      throw new BadRequest(operation + " needs " + String.join(", ", missing));
    }
  }
}
