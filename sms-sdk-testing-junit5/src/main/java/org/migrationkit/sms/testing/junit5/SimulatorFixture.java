package org.migrationkit.sms.testing.junit5;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.testing.SmsSimulator;

/**
 * A simulator and a client for one test or one test class, kept in its {@code ExtensionContext}
 * store, which closes it when the test or class ends.
 *
 * <p>A class's fixture lends its simulator to one test at a time ({@link #tryLend()}); the test's
 * fixture gives it back when it closes, so the next test may reset and use it.
 */
// JUnit 5.13+ closes stored AutoCloseables (and then ignores CloseableResource); earlier versions
// close only CloseableResource, deprecated since 5.13. Implementing both closes it once on either.
@SuppressWarnings("deprecation")
final class SimulatorFixture implements AutoCloseable, ExtensionContext.Store.CloseableResource {
  private final SmsSimulator simulator;
  private final SmsClient client;
  private final @Nullable SimulatorFixture lender;
  private final Consumer<SimulatorFixture> onClose;
  // a class fixture's: whether a test holds its simulator now
  private final AtomicBoolean lent = new AtomicBoolean();
  private final AtomicBoolean open = new AtomicBoolean(true);

  private SimulatorFixture(
      SmsSimulator simulator,
      SmsClient client,
      @Nullable SimulatorFixture lender,
      Consumer<SimulatorFixture> onClose) {
    this.simulator = simulator;
    this.client = client;
    this.lender = lender;
    this.onClose = onClose;
  }

  /** A fixture that closes its simulator with it. */
  static SimulatorFixture owning(
      SmsSimulator simulator, SmsClient client, Consumer<SimulatorFixture> onClose) {
    return new SimulatorFixture(simulator, client, null, onClose);
  }

  /** A fixture that gives the simulator of {@code lender} back when it closes. */
  static SimulatorFixture borrowing(
      SimulatorFixture lender, SmsClient client, Consumer<SimulatorFixture> onClose) {
    return new SimulatorFixture(lender.simulator, client, lender, onClose);
  }

  SmsSimulator simulator() {
    return simulator;
  }

  SmsClient client() {
    return client;
  }

  boolean isOpen() {
    return open.get();
  }

  /** Takes the simulator for one test; {@code false} when another test holds it. */
  boolean tryLend() {
    return open.get() && lent.compareAndSet(false, true);
  }

  void giveBack() {
    lent.set(false);
  }

  @Override
  public void close() {
    if (!open.compareAndSet(true, false)) {
      return;
    }
    onClose.accept(this);
    try {
      client.close();
    } finally {
      if (lender != null) {
        lender.giveBack();
      } else {
        simulator.close();
      }
    }
  }
}
