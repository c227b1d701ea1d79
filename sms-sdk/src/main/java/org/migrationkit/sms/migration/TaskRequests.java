package org.migrationkit.sms.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.SmsClientException;
import org.migrationkit.sms.model.CreateTaskRequest;
import org.migrationkit.sms.model.DiskIntargetServer;
import org.migrationkit.sms.model.InitTargetServer;
import org.migrationkit.sms.model.OsType;
import org.migrationkit.sms.model.ShowServerResponse;
import org.migrationkit.sms.model.SourceServerByTask;
import org.migrationkit.sms.model.TargetDisks;
import org.migrationkit.sms.model.TargetServerByTask;
import org.migrationkit.sms.model.TaskType;
import org.migrationkit.sms.model.VolumeGroup;

/**
 * Builds the {@code CreateTask} request that migrates one source server, from what {@code
 * ShowServer} answers for it.
 *
 * <pre>{@code
 * ShowServerResponse server =
 *     sms.showServer(ShowServerRequest.builder().sourceId(sourceId).build());
 * CreateTaskRequest request =
 *     TaskRequests.forServer(server)
 *         .regionId("ap-southeast-1")
 *         .projectId(projectId)
 *         .templateId(templateId) // or .targetServerId(ecsId).migrationIp(ip)
 *         .build();
 * String taskId = sms.createTask(request).getId();
 * }</pre>
 *
 * <p>The target's disks and volume groups are the ones the service proposes in the server's {@code
 * init_target_server}, unless {@link Builder#disks} or {@link Builder#volumeGroups} replace them.
 * {@link Builder#build()} checks every member the API reference requires and every documented
 * limit, and reports all problems in one {@link SmsClientException} naming each member.
 *
 * <p>Where the values come from on Huawei Cloud:
 *
 * <ul>
 *   <li>{@code regionId}: the code of the region the server migrates to, such as {@code
 *       ap-southeast-1} (console: the region selector; API: IAM {@code KeystoneListRegions}). SMS
 *       itself answers at one endpoint whatever the target region is.
 *   <li>{@code projectId}: the IAM project of that region, one per region and account (console: My
 *       Credentials, API Credentials, the row of the region; API: IAM {@code GET
 *       /v3/auth/projects}, or {@code GET /v3/projects?name=ap-southeast-1}). Not the account
 *       (domain) id.
 *   <li>{@code projectName}: the project's name, which for a region's default project is the region
 *       code itself (the default here); a sub-project is named {@code region_name}.
 *   <li>{@code targetServerId}: the id of an existing ECS in that project (console: ECS list; API:
 *       ECS {@code ListServersDetails}), with disks at least as large as the source's; with it the
 *       task needs a {@code migrationIp}: the ECS's EIP to migrate over the Internet, its private
 *       IP over Direct Connect or VPN.
 *   <li>{@code templateId}: a target template ({@code ListTemplates} or {@code CreateTemplate});
 *       the service then creates the ECS as the template describes.
 * </ul>
 *
 * <p>Builders are not thread-safe; the requests they build are immutable.
 */
public final class TaskRequests {
  /** The longest task name the API reference allows. */
  public static final int MAX_NAME_LENGTH = 64;

  /** The most disks a target may get: an ECS takes 24, and SMS keeps one for itself. */
  public static final int MAX_DISKS = 23;

  /** The highest {@code speed_limit} (Mbit/s) the API reference allows. */
  public static final int MAX_SPEED_LIMIT = 10_000;

  /** The highest {@code priority} the API reference allows. */
  public static final int MAX_PRIORITY = 65_535;

  private static final int MAX_TEXT_LENGTH = 255;

  private TaskRequests() {}

  /**
   * Starts the request for one source server.
   *
   * @param server the server as {@code ShowServer} answers it (its id, OS type and proposed target
   *     are read from it)
   * @return a builder
   */
  public static Builder forServer(ShowServerResponse server) {
    return new Builder(Objects.requireNonNull(server, "server"));
  }

  /**
   * {@return the task name {@link Builder#build()} gives when none is set: {@code migrate-} and the
   * server's name (else its id), with every character the API does not allow replaced by {@code -},
   * cut to {@value #MAX_NAME_LENGTH} characters}
   *
   * <p>Deterministic, so that a tool that lost track of a task can find it again by name.
   *
   * @param server the source server
   */
  public static String defaultTaskName(ShowServerResponse server) {
    String base = server.getName() != null ? server.getName() : server.getId();
    StringBuilder name = new StringBuilder(MAX_NAME_LENGTH).append("migrate-");
    if (base != null) {
      for (int i = 0; i < base.length() && name.length() < MAX_NAME_LENGTH; i++) {
        char c = base.charAt(i);
        name.append(allowedInName(c) ? c : '-');
      }
    }
    return name.toString();
  }

  // The current v3 reference: letters, digits, underscores and hyphens (the Chinese page adds
  // Chinese characters, which Character.isLetter covers).
  private static boolean allowedInName(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }

  /** A {@code CreateTask} request in the making; {@link #build()} checks it whole. */
  public static final class Builder {
    private final ShowServerResponse server;
    private @Nullable String regionId;
    private @Nullable String regionName;
    private @Nullable String projectId;
    private @Nullable String projectName;
    private @Nullable String targetServerId;
    private @Nullable String templateId;
    private @Nullable String targetServerName;
    private @Nullable String migrationIp;
    private @Nullable String name;
    private @Nullable TaskType type;
    private @Nullable OsType osType;
    private @Nullable List<TargetDisks> disks;
    private @Nullable List<VolumeGroup> volumeGroups;
    private @Nullable Boolean usePublicIp;
    private @Nullable Boolean useIpv6;
    private @Nullable Boolean syncing;
    private @Nullable Boolean startTargetServer;
    private @Nullable Boolean autoStart;
    private @Nullable Boolean startNetworkCheck;
    private @Nullable Boolean consistencyCheck;
    private @Nullable Integer speedLimit;
    private @Nullable Double overSpeedThreshold;
    private @Nullable Integer priority;

    private Builder(ShowServerResponse server) {
      this.server = server;
    }

    /**
     * Sets the region the server migrates to (required), which is also the region name unless
     * {@link #regionName} sets another.
     *
     * @param regionId a region code such as {@code ap-southeast-1}
     * @return this builder
     */
    public Builder regionId(String regionId) {
      this.regionId = Objects.requireNonNull(regionId, "regionId");
      return this;
    }

    /**
     * Sets the region name the task records; default: the {@link #regionId}.
     *
     * @param regionName the region's name
     * @return this builder
     */
    public Builder regionName(String regionName) {
      this.regionName = Objects.requireNonNull(regionName, "regionName");
      return this;
    }

    /**
     * Sets the IAM project of the target region (required): the project id of that region, not the
     * account id. See the class documentation for where to find it.
     *
     * @param projectId the project id
     * @return this builder
     */
    public Builder projectId(String projectId) {
      this.projectId = Objects.requireNonNull(projectId, "projectId");
      return this;
    }

    /**
     * Sets the project's name; default: the {@link #regionId}, the name of a region's default
     * project.
     *
     * @param projectName the project name, such as {@code ap-southeast-1_dev} for a sub-project
     * @return this builder
     */
    public Builder projectName(String projectName) {
      this.projectName = Objects.requireNonNull(projectName, "projectName");
      return this;
    }

    /**
     * Migrates to an existing ECS; exactly one of this and {@link #templateId} is required. The
     * task then needs a {@link #migrationIp} too, and records {@code exist_server=true}.
     *
     * @param targetServerId the ECS id
     * @return this builder
     */
    public Builder targetServerId(String targetServerId) {
      this.targetServerId = Objects.requireNonNull(targetServerId, "targetServerId");
      return this;
    }

    /**
     * Migrates to an ECS the service creates from a template; exactly one of this and {@link
     * #targetServerId} is required.
     *
     * @param templateId the template id ({@code vm_template_id})
     * @return this builder
     */
    public Builder templateId(String templateId) {
      this.templateId = Objects.requireNonNull(templateId, "templateId");
      return this;
    }

    /**
     * Sets the target server's name in the task; default: the source server's name.
     *
     * @param targetServerName the name
     * @return this builder
     */
    public Builder targetServerName(String targetServerName) {
      this.targetServerName = Objects.requireNonNull(targetServerName, "targetServerName");
      return this;
    }

    /**
     * Sets the target's IP address the source reaches it by: an EIP over the Internet, a private IP
     * over Direct Connect or VPN. Required with {@link #targetServerId}; IPv4 unless {@link
     * #useIpv6} is true.
     *
     * @param migrationIp an IP address literal
     * @return this builder
     */
    public Builder migrationIp(String migrationIp) {
      this.migrationIp = Objects.requireNonNull(migrationIp, "migrationIp");
      return this;
    }

    /**
     * Sets the task name; default: {@link TaskRequests#defaultTaskName}. Letters, digits, {@code _}
     * and {@code -}, 1 to {@value TaskRequests#MAX_NAME_LENGTH} characters.
     *
     * @param name the task name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Sets file-level or block-level migration; default: {@link TaskType#MIGRATE_BLOCK} for a
     * Windows server, {@link TaskType#MIGRATE_FILE} otherwise.
     *
     * @param type the task type
     * @return this builder
     */
    public Builder type(TaskType type) {
      this.type = Objects.requireNonNull(type, "type");
      return this;
    }

    /**
     * Sets the OS type; default: the one the source server reports.
     *
     * @param osType the OS type
     * @return this builder
     */
    public Builder osType(OsType osType) {
      this.osType = Objects.requireNonNull(osType, "osType");
      return this;
    }

    /**
     * Replaces the proposed target disks ({@code init_target_server.disks}).
     *
     * @param disks the target's disks, at most {@value TaskRequests#MAX_DISKS}
     * @return this builder
     */
    public Builder disks(List<TargetDisks> disks) {
      this.disks = List.copyOf(disks);
      return this;
    }

    /**
     * Replaces the proposed volume groups ({@code init_target_server.volume_groups}).
     *
     * @param volumeGroups the target's LVM volume groups
     * @return this builder
     */
    public Builder volumeGroups(List<VolumeGroup> volumeGroups) {
      this.volumeGroups = List.copyOf(volumeGroups);
      return this;
    }

    /**
     * Sets whether the migration goes over a public IP; the service's default: {@code true}.
     *
     * @param usePublicIp whether to use a public IP
     * @return this builder
     */
    public Builder usePublicIp(boolean usePublicIp) {
      this.usePublicIp = usePublicIp;
      return this;
    }

    /**
     * Sets whether the migration goes over IPv6, and so whether {@link #migrationIp} is IPv6.
     *
     * @param useIpv6 whether to use IPv6
     * @return this builder
     */
    public Builder useIpv6(boolean useIpv6) {
      this.useIpv6 = useIpv6;
      return this;
    }

    /**
     * Sets whether the task keeps synchronizing after the first full copy (state {@code SYNCING});
     * the service's default: {@code false}.
     *
     * @param syncing whether to keep synchronizing
     * @return this builder
     */
    public Builder syncing(boolean syncing) {
      this.syncing = syncing;
      return this;
    }

    /**
     * Sets whether the target ECS is started after the migration; the service's default: {@code
     * true}.
     *
     * @param startTargetServer whether to start the target
     * @return this builder
     */
    public Builder startTargetServer(boolean startTargetServer) {
      this.startTargetServer = startTargetServer;
      return this;
    }

    /**
     * Sets whether the service starts the task by itself once it is created.
     *
     * @param autoStart whether to start at once
     * @return this builder
     */
    public Builder autoStart(boolean autoStart) {
      this.autoStart = autoStart;
      return this;
    }

    /**
     * Sets whether the task checks the network between source and target.
     *
     * @param startNetworkCheck whether to check the network
     * @return this builder
     */
    public Builder startNetworkCheck(boolean startNetworkCheck) {
      this.startNetworkCheck = startNetworkCheck;
      return this;
    }

    /**
     * Sets whether the task checks the copied data's consistency ({@code
     * is_need_consistency_check}).
     *
     * @param consistencyCheck whether to check consistency
     * @return this builder
     */
    public Builder consistencyCheck(boolean consistencyCheck) {
      this.consistencyCheck = consistencyCheck;
      return this;
    }

    /**
     * Limits the migration's speed.
     *
     * @param mbitPerSecond 0 (no limit) to {@value TaskRequests#MAX_SPEED_LIMIT} Mbit/s
     * @return this builder
     */
    public Builder speedLimit(int mbitPerSecond) {
      this.speedLimit = mbitPerSecond;
      return this;
    }

    /**
     * Sets the speed, in percent of the limit, beyond which the service stops the task.
     *
     * @param percent a non-negative percentage
     * @return this builder
     */
    public Builder overSpeedThreshold(double percent) {
      this.overSpeedThreshold = percent;
      return this;
    }

    /**
     * Sets the task's priority; the service's default: 1.
     *
     * @param priority 0 to {@value TaskRequests#MAX_PRIORITY}
     * @return this builder
     */
    public Builder priority(int priority) {
      this.priority = priority;
      return this;
    }

    /**
     * Checks the request whole and builds it.
     *
     * @return the request, ready for {@code SmsClient.createTask}
     * @throws SmsClientException naming every member that is missing or out of its documented
     *     range, before any network I/O
     */
    public CreateTaskRequest build() {
      Problems problems = new Problems();
      String serverId = server.getId();
      if (serverId == null || serverId.isBlank()) {
        problems.add("server id is missing (pass the server as ShowServer answers it)");
      }
      problems.text("regionId", regionId, true);
      problems.text("regionName", regionName, false);
      problems.text("projectId", projectId, true);
      problems.text("projectName", projectName, false);
      if (targetServerId == null && templateId == null) {
        problems.add("targetServerId or templateId is missing (an existing ECS, or a template)");
      } else if (targetServerId != null && templateId != null) {
        problems.add("targetServerId and templateId are both set (set one)");
      }
      problems.text("targetServerId", targetServerId, false);
      problems.text("templateId", templateId, false);
      problems.text("targetServerName", targetServerName, false);
      boolean ipv6 = Boolean.TRUE.equals(useIpv6);
      if (targetServerId != null && migrationIp == null) {
        problems.add("migrationIp is missing (required with targetServerId: the ECS's EIP or IP)");
      } else if (migrationIp != null && !(ipv6 ? isIpv6(migrationIp) : isIpv4(migrationIp))) {
        problems.add("migrationIp is not an IPv" + (ipv6 ? "6" : "4") + " address: " + migrationIp);
      }
      String taskName = name != null ? name : defaultTaskName(server);
      checkName(problems, taskName);
      OsType os = osType != null ? osType : server.getOsType();
      if (os == null) {
        problems.add("osType is missing (the server reports none; set osType)");
      }
      List<TargetDisks> targetDisks = disks != null ? disks : proposedDisks();
      checkDisks(problems, targetDisks, disks != null);
      if (speedLimit != null && (speedLimit < 0 || speedLimit > MAX_SPEED_LIMIT)) {
        problems.add("speedLimit " + speedLimit + " is outside 0.." + MAX_SPEED_LIMIT);
      }
      if (priority != null && (priority < 0 || priority > MAX_PRIORITY)) {
        problems.add("priority " + priority + " is outside 0.." + MAX_PRIORITY);
      }
      if (overSpeedThreshold != null
          && !(overSpeedThreshold >= 0 && Double.isFinite(overSpeedThreshold))) {
        problems.add("overSpeedThreshold " + overSpeedThreshold + " is not a percentage");
      }
      problems.throwIfAny(server);

      String region = Objects.requireNonNull(regionId);
      TargetServerByTask.Builder target =
          TargetServerByTask.builder()
              .name(targetServerName != null ? targetServerName : sourceName())
              .disks(targetDisks)
              .volumeGroups(volumeGroups != null ? volumeGroups : proposedVolumeGroups());
      // The reference marks vm_id required, but a template's ECS does not exist yet: Huawei's
      // Terraform provider sends no vm_id then, and neither do we.
      if (targetServerId != null) {
        target.vmId(targetServerId);
      }
      return CreateTaskRequest.builder()
          .name(taskName)
          .type(
              type != null
                  ? type
                  : OsType.WINDOWS.equals(os) ? TaskType.MIGRATE_BLOCK : TaskType.MIGRATE_FILE)
          .osType(os)
          .sourceServer(SourceServerByTask.builder().id(serverId).build())
          .targetServer(target.build())
          .regionId(region)
          .regionName(regionName != null ? regionName : region)
          .projectId(projectId)
          .projectName(projectName != null ? projectName : region)
          .vmTemplateId(templateId)
          .existServer(targetServerId != null ? Boolean.TRUE : null)
          .migrationIp(migrationIp)
          .usePublicIp(usePublicIp)
          .useIpv6(useIpv6)
          .syncing(syncing)
          .startTargetServer(startTargetServer)
          .autoStart(autoStart)
          .startNetworkCheck(startNetworkCheck)
          .isNeedConsistencyCheck(consistencyCheck)
          .speedLimit(speedLimit)
          .overSpeedThreshold(overSpeedThreshold)
          .priority(priority)
          .build();
    }

    private String sourceName() {
      String n = server.getName();
      return n != null ? n : Objects.requireNonNull(server.getId());
    }

    private List<TargetDisks> proposedDisks() {
      InitTargetServer proposed = server.getInitTargetServer();
      List<TargetDisks> result = new ArrayList<>();
      if (proposed != null) {
        for (DiskIntargetServer d : proposed.getDisks()) {
          result.add(
              TargetDisks.builder()
                  .name(d.getName())
                  .size(d.getSize())
                  .usedSize(d.getUsedSize())
                  .deviceUse(d.getDeviceUse())
                  .physicalVolumes(d.getPhysicalVolumes())
                  .build());
        }
      }
      return result;
    }

    private List<VolumeGroup> proposedVolumeGroups() {
      InitTargetServer proposed = server.getInitTargetServer();
      return proposed == null ? List.of() : proposed.getVolumeGroups();
    }
  }

  private static void checkName(Problems problems, String name) {
    if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
      problems.add("name has " + name.length() + " characters, not 1.." + MAX_NAME_LENGTH);
    }
    for (int i = 0; i < name.length(); i++) {
      if (!allowedInName(name.charAt(i))) {
        problems.add("name may hold letters, digits, '_' and '-' only: \"" + name + "\"");
        return;
      }
    }
  }

  private static void checkDisks(Problems problems, List<TargetDisks> disks, boolean given) {
    if (disks.isEmpty()) {
      problems.add(
          given
              ? "disks is empty (the target needs at least one)"
              : "disks is missing (the server proposes none in init_target_server: set disks)");
      return;
    }
    if (disks.size() > MAX_DISKS) {
      problems.add("disks has " + disks.size() + " entries, at most " + MAX_DISKS);
    }
    for (int i = 0; i < disks.size(); i++) {
      TargetDisks d = disks.get(i);
      String at = "disks[" + i + "]";
      if (d.getName() == null || d.getName().isBlank()) {
        problems.add(at + ".name is missing");
      }
      Long size = d.getSize();
      if (size == null || size <= 0) {
        problems.add(at + ".size " + (size == null ? "is missing" : "must be positive"));
      }
      Long used = d.getUsedSize();
      if (used == null || used < 0) {
        problems.add(at + ".usedSize " + (used == null ? "is missing" : "must not be negative"));
      } else if (size != null && used > size) {
        problems.add(at + ".usedSize " + used + " exceeds its size " + size);
      }
    }
  }

  static boolean isIpv4(String ip) {
    String[] parts = ip.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
        return false;
      }
      for (int i = 0; i < part.length(); i++) {
        if (part.charAt(i) < '0' || part.charAt(i) > '9') {
          return false;
        }
      }
      if (Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  static boolean isIpv6(String ip) {
    String s = ip;
    int lastColon = s.lastIndexOf(':');
    if (lastColon < 0) {
      return false;
    }
    if (s.indexOf('.', lastColon) >= 0) { // an IPv4 tail (::ffff:10.0.0.1) stands for two groups
      if (!isIpv4(s.substring(lastColon + 1))) {
        return false;
      }
      s = s.substring(0, lastColon + 1) + "0:0";
    }
    int gap = s.indexOf("::");
    if (gap < 0) {
      return hexGroups(s) == 8;
    }
    if (s.indexOf("::", gap + 1) >= 0) {
      return false;
    }
    int left = hexGroups(s.substring(0, gap));
    int right = hexGroups(s.substring(gap + 2));
    return left >= 0 && right >= 0 && left + right < 8;
  }

  /** {@return how many groups of 1 to 4 hex digits {@code part} holds, or -1 when malformed} */
  private static int hexGroups(String part) {
    if (part.isEmpty()) {
      return 0;
    }
    String[] groups = part.split(":", -1);
    for (String g : groups) {
      if (g.isEmpty() || g.length() > 4) {
        return -1;
      }
      for (int k = 0; k < g.length(); k++) {
        if (Character.digit(g.charAt(k), 16) < 0) {
          return -1;
        }
      }
    }
    return groups.length;
  }

  /** Collects what is wrong, so that one exception names every problem. */
  private static final class Problems {
    private final List<String> found = new ArrayList<>();

    void add(String problem) {
      found.add(problem);
    }

    void text(String member, @Nullable String value, boolean required) {
      if (value == null) {
        if (required) {
          found.add(member + " is missing");
        }
      } else if (value.isBlank()) {
        found.add(member + " is blank");
      } else if (value.length() > MAX_TEXT_LENGTH) {
        found.add(member + " has " + value.length() + " characters, at most " + MAX_TEXT_LENGTH);
      }
    }

    void throwIfAny(ShowServerResponse server) {
      if (found.isEmpty()) {
        return;
      }
      String who = server.getName() != null ? server.getName() : server.getId();
      throw new SmsClientException(
          "CreateTask request for source server "
              + (who == null ? "(no id)" : who)
              + " is invalid: "
              + String.join("; ", found));
    }
  }
}
