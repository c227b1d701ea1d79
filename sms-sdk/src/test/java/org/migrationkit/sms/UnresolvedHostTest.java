package org.migrationkit.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.migrationkit.sms.ConnectionSetupTest.client;
import static org.migrationkit.sms.ConnectionSetupTest.goodServer;
import static org.migrationkit.sms.ConnectionSetupTest.millisSince;
import static org.migrationkit.sms.ConnectionSetupTest.timed;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.network.TlsServer;

/**
 * A host name that does not resolve ends the call at once, naming the host. Runs only in the {@code
 * no-dns} surefire execution (see sms-sdk/pom.xml), whose JVM resolves names from a hosts file of
 * loopback names ({@code -Djdk.net.hosts.file}), so no DNS query leaves the machine.
 */
class UnresolvedHostTest {
  private static final String TASK_ID = "ef3b9722-07a0-40ae-89b0-889ee96dfc56";
  private static final String HOST = "sms.no-such-region.invalid";

  @BeforeEach
  void onlyWithTheHostsFile() {
    // in any other JVM (a -Dtest=... run) this test is skipped before any name is looked up
    assumeThat(System.getProperty("sms.test.noDns")).isEqualTo("true");
    String hostsFile = System.getProperty("jdk.net.hosts.file");
    assertThat(hostsFile).as("the no-dns execution sets jdk.net.hosts.file").isNotNull();
    assertThat(Files.isRegularFile(Path.of(hostsFile))).isTrue();
  }

  @Test
  void hostsFile_resolvesLoopbackOnly() throws Exception {
    assertThat(InetAddress.getByName("localhost").isLoopbackAddress()).isTrue();
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> InetAddress.getByName(HOST)))
        .isInstanceOf(UnknownHostException.class);
  }

  @Test
  void unresolvedHost_endsAtOnceNamingTheHost() {
    try (SmsClient sms = client().endpoint("https://" + HOST).build()) {
      long start = System.nanoTime();
      Throwable e = timed("unresolved host", () -> sms.showTask(TASK_ID));
      assertThat(millisSince(start)).isLessThan(1_000);
      assertThat(e)
          .isInstanceOf(SmsConnectionException.class)
          .hasMessageContaining("the host " + HOST + " does not resolve")
          .hasMessageContaining("region or endpoint");
      assertThat(((SmsException) e).getAttempts()).isEqualTo(1);
    }
  }

  @Test
  void unresolvedHost_failsOverToTheNextEndpoint() throws Exception {
    try (TlsServer good = goodServer();
        SmsClient sms = client().endpoints(List.of("https://" + HOST, good.url())).build()) {
      assertThat(sms.showTask(TASK_ID).getName()).isEqualTo("MigrationTask");
      assertThat(good.requests()).hasSize(1);
    }
  }
}
