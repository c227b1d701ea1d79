package org.migrationkit.sms.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns, as ssh does for a private key, when a secrets file is open to group or others.
 *
 * <p>The file is still used: refusing it would break users whose umask left it {@code 644}.
 */
final class OpenFilePermissions {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultCredentialsProvider.class);

  private static final Set<PosixFilePermission> GROUP_OR_OTHERS =
      EnumSet.complementOf(
          EnumSet.of(
              PosixFilePermission.OWNER_READ,
              PosixFilePermission.OWNER_WRITE,
              PosixFilePermission.OWNER_EXECUTE));

  /** The files warned about in this process, so that each is named once however often read. */
  private static final Set<Path> WARNED = ConcurrentHashMap.newKeySet();

  private OpenFilePermissions() {}

  /** Logs one WARN per file and process when group or others have any permission on it. */
  static void warnOnce(Path file) {
    Set<PosixFilePermission> permissions;
    try {
      permissions = Files.getPosixFilePermissions(file);
    } catch (UnsupportedOperationException | IOException e) {
      return; // Windows and other non-POSIX file systems: nothing to compare with ssh's rule
    }
    if (permissions.stream().noneMatch(GROUP_OR_OTHERS::contains)
        || !WARNED.add(file.toAbsolutePath().normalize())) {
      return;
    }
    LOG.warn(
        "Credentials file {} is accessible by group or others ({}); run: chmod 600 {}",
        file,
        PosixFilePermissions.toString(permissions),
        file);
  }
}
