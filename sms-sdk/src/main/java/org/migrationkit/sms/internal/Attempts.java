package org.migrationkit.sms.internal;

import java.util.function.ObjIntConsumer;
import org.migrationkit.sms.SmsException;

/**
 * Lets the transport record on an {@link SmsException} how many attempts its call made, without
 * making that setter public API. {@code SmsException} registers the setter when it is loaded.
 */
public final class Attempts {
  private static volatile ObjIntConsumer<SmsException> setter;

  private Attempts() {}

  /** Called once by {@code SmsException}'s static initialiser; later calls are ignored. */
  public static synchronized void register(ObjIntConsumer<SmsException> attemptsSetter) {
    if (setter == null) {
      setter = attemptsSetter;
    }
  }

  static void record(SmsException failure, int attempts) {
    setter.accept(failure, attempts);
  }
}
