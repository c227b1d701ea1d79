package org.migrationkit.sms.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.testsupport.SimulatorClients;

/** The simulator configures its own server and leaves the JVM's system properties alone. */
class SystemPropertiesTest {
  private static final Credentials PERMANENT =
      Credentials.akSk("HPUAPERMANENTKEY0001", "permanent-secret-key-value")
          .withDomainId("domain-1");
  // what the simulator once set at class load
  private static final String NODELAY = "sun.net.httpserver.nodelay";

  @Test
  void loadingStartingAndServing_changeNoSystemProperty() throws Exception {
    String nodelay = System.clearProperty(NODELAY); // so that setting it would show
    try {
      Map<Object, Object> before = new HashMap<>(System.getProperties());

      // a fresh class loader runs the simulator's static initialisation again
      try (URLClassLoader isolated =
          new URLClassLoader(classPath(), ClassLoader.getPlatformClassLoader())) {
        Class<?> loaded = Class.forName(SmsSimulator.class.getName(), true, isolated);
        assertThat(loaded).isNotSameAs(SmsSimulator.class);
      }
      assertThat(changedSince(before)).as("properties changed by loading").isEmpty();

      try (SmsSimulator simulator = SmsSimulator.start(PERMANENT);
          SmsClient sms = SimulatorClients.withoutRetries(simulator, PERMANENT)) {
        sms.showTask(SmsSimulator.EXAMPLE_TASK_ID);
      }
      assertThat(changedSince(before)).as("properties changed by starting and serving").isEmpty();
    } finally {
      if (nodelay != null) {
        System.setProperty(NODELAY, nodelay);
      }
    }
  }

  /** Returns each property added, removed or changed since {@code before}: name to old -> new. */
  private static Map<Object, String> changedSince(Map<Object, Object> before) {
    Map<Object, Object> now = new HashMap<>(System.getProperties());
    Map<Object, String> changed = new TreeMap<>(Comparator.comparing(String::valueOf));
    Set<Object> names = new HashSet<>(before.keySet());
    names.addAll(now.keySet());
    for (Object name : names) {
      if (!Objects.equals(before.get(name), now.get(name))) {
        changed.put(name, before.get(name) + " -> " + now.get(name));
      }
    }
    return changed;
  }

  private static URL[] classPath() throws MalformedURLException {
    String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
    URL[] urls = new URL[entries.length];
    for (int i = 0; i < entries.length; i++) {
      urls[i] = new File(entries[i]).toURI().toURL();
    }
    return urls;
  }
}
