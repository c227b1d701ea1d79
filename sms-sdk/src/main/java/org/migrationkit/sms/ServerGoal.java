package org.migrationkit.sms;

import java.time.Duration;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.internal.Messages;
import org.migrationkit.sms.model.ShowServerResponse;

/** What {@link SmsClient#waitForServer} waits for: a caller's condition on the source server. */
final class ServerGoal implements Poller.Goal<ShowServerResponse> {
  private final String serverId;
  private final Predicate<ShowServerResponse> ready;

  ServerGoal(String serverId, Predicate<ShowServerResponse> ready) {
    this.serverId = serverId;
    this.ready = ready;
  }

  @Override
  public boolean reached(ShowServerResponse server) {
    return ready.test(server);
  }

  @Override
  public RuntimeException timedOut(Duration maxWait, @Nullable ShowServerResponse last) {
    return new WaitTimeoutException(
        "Source server "
            + Messages.quote(serverId)
            + " was not ready within "
            + maxWait
            + (last != null
                ? "; last state " + last.getState() + ", connected " + last.getConnected()
                : "; no poll succeeded"));
  }
}
