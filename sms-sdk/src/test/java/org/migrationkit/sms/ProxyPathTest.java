package org.migrationkit.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.migrationkit.sms.ConnectionSetupTest.client;
import static org.migrationkit.sms.ConnectionSetupTest.goodServer;
import static org.migrationkit.sms.ConnectionSetupTest.millisSince;
import static org.migrationkit.sms.ConnectionSetupTest.timed;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.config.ChallengingProxy;
import org.migrationkit.sms.config.ChallengingProxy.Seen;
import org.migrationkit.sms.network.FaultyProxy;
import org.migrationkit.sms.network.TlsServer;
import org.migrationkit.sms.testsupport.CapturedOutput;
import org.migrationkit.sms.testsupport.ThrowableText;

/**
 * The proxy path on loopback: proxy credentials answer a real {@code 407} wherever the proxy came
 * from, a {@code 407} that cannot be answered ends the call at once, every message names the proxy
 * and never its credentials, {@code NO_PROXY} takes {@code host:port} and CIDR entries.
 */
class ProxyPathTest {
  private static final String TASK_ID = "ef3b9722-07a0-40ae-89b0-889ee96dfc56";
  private static final String USER = "proxy-user";
  private static final String PASSWORD = "proxy-Pa55w0rd-never-shown";
  private static final String BASIC =
      "Basic "
          + Base64.getEncoder()
              .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

  @Test
  void proxyCredentials_proxyFromHttpsProxyVariable_answer407() throws Exception {
    try (TlsServer good = goodServer();
        ChallengingProxy proxy = ChallengingProxy.requiringBasic(USER, PASSWORD);
        SmsClient sms =
            client()
                .environment(Map.of("HTTPS_PROXY", "http://127.0.0.1:" + proxy.port()))
                .endpoint(good.url())
                .proxyCredentials(USER, PASSWORD)
                .build()) {
      assertThat(sms.showTask(TASK_ID).getName()).isEqualTo("MigrationTask");
      assertThat(proxy.requests())
          .containsExactly(
              new Seen("CONNECT", "127.0.0.1:" + good.port(), null),
              new Seen("CONNECT", "127.0.0.1:" + good.port(), BASIC));
    }
  }

  @Test
  void proxyUrlCredentials_winOverProxyCredentials() throws Exception {
    try (TlsServer good = goodServer();
        ChallengingProxy proxy = ChallengingProxy.requiringBasic(USER, PASSWORD);
        SmsClient sms =
            client()
                .environment(
                    Map.of(
                        "HTTPS_PROXY",
                        "http://" + USER + ":" + PASSWORD + "@127.0.0.1:" + proxy.port()))
                .endpoint(good.url())
                .proxyCredentials("someone-else", "wrong")
                .build()) {
      assertThat(sms.showTask(TASK_ID).getName()).isEqualTo("MigrationTask");
      assertThat(proxy.requests()).last().extracting(Seen::proxyAuthorization).isEqualTo(BASIC);
    }
  }

  @Test
  void proxyCredentials_proxyFromJvmSettings_answer407() throws Exception {
    String[] keys = {"https.proxyHost", "https.proxyPort", "http.nonProxyHosts"};
    String[] saved = new String[keys.length];
    for (int i = 0; i < keys.length; i++) {
      saved[i] = System.getProperty(keys[i]);
    }
    try (TlsServer good = goodServer();
        ChallengingProxy proxy = ChallengingProxy.requiringBasic(USER, PASSWORD)) {
      System.setProperty("https.proxyHost", "127.0.0.1");
      System.setProperty("https.proxyPort", String.valueOf(proxy.port()));
      System.setProperty("http.nonProxyHosts", ""); // the JVM's default skips loopback
      try (SmsClient sms = client().endpoint(good.url()).proxyCredentials(USER, PASSWORD).build()) {
        assertThat(sms.showTask(TASK_ID).getName()).isEqualTo("MigrationTask");
      }
      assertThat(proxy.requests()).last().extracting(Seen::proxyAuthorization).isEqualTo(BASIC);
    } finally {
      for (int i = 0; i < keys.length; i++) {
        if (saved[i] == null) {
          System.clearProperty(keys[i]);
        } else {
          System.setProperty(keys[i], saved[i]);
        }
      }
    }
  }

  @Test
  void proxyCredentials_withoutAnyProxy_refusedAtBuild() {
    assertThatThrownBy(
            () -> client().endpoint("https://127.0.0.1:1").proxyCredentials(USER, PASSWORD).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("proxyCredentials(...) is set but no proxy is")
        .hasMessageNotContaining(PASSWORD);
  }

  @Test
  void proxyOption_withOwnHttpClient_refusedAtBuild() {
    assertThatThrownBy(
            () ->
                SmsClient.builder()
                    .environment(Map.of())
                    .credentials(Credentials.token("x-auth-token-0123456789"))
                    .endpoint("https://127.0.0.1:1")
                    .httpClient(new OkHttpClient())
                    .proxy("127.0.0.1", 3128)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("proxy(...) conflicts with httpClient(...)");
  }

  @Test
  void proxy407_noCredentials_failsAtOnceNamingTheProxy() throws Exception {
    try (TlsServer good = goodServer();
        ChallengingProxy proxy = ChallengingProxy.requiringBasic(USER, PASSWORD);
        SmsClient sms = client().endpoint(good.url()).proxy("127.0.0.1", proxy.port()).build()) {
      long start = System.nanoTime();
      Throwable e = timed("407 without credentials", () -> sms.showTask(TASK_ID));
      assertThat(millisSince(start)).isLessThan(1_000);
      assertThat(e)
          .isExactlyInstanceOf(SmsClientException.class)
          .hasMessageContaining("the proxy 127.0.0.1:" + proxy.port() + " answered 407");
      assertThat(((SmsException) e).getAttempts()).isEqualTo(1);
      assertThat(proxy.requests()).hasSize(1);
    }
  }

  @Test
  void proxy407_wrongCredentials_failsAtOnceWithoutThePassword() throws Exception {
    try (TlsServer good = goodServer();
        ChallengingProxy proxy = ChallengingProxy.requiringBasic(USER, "another-password");
        SmsClient sms =
            client()
                .endpoint(good.url())
                .proxy("127.0.0.1", proxy.port())
                .proxyCredentials(USER, PASSWORD)
                .build()) {
      Throwable e = timed("407 refusing the credentials", () -> sms.showTask(TASK_ID));
      assertThat(e).hasMessageContaining("refused the proxy credentials");
      assertThat(ThrowableText.of(e)).doesNotContain(PASSWORD).doesNotContain(BASIC.substring(6));
      assertThat(((SmsException) e).getAttempts()).isEqualTo(1);
      assertThat(proxy.requests()).hasSize(2); // the challenge, then the one answer
    }
  }

  @Test
  void proxy502_messageNamesTheProxy() throws Exception {
    try (TlsServer good = goodServer();
        FaultyProxy proxy = FaultyProxy.start(FaultyProxy.Fault.ANSWER_502);
        SmsClient sms =
            client()
                .endpoint(good.url())
                .proxy("127.0.0.1", proxy.port())
                .retryPolicy(RetryPolicy.none())
                .build()) {
      Throwable e = timed("proxy answers 502", () -> sms.showTask(TASK_ID));
      assertThat(e)
          .isInstanceOf(SmsConnectionException.class)
          .hasMessageContaining("the proxy 127.0.0.1:" + proxy.port() + " did not open the tunnel")
          .hasMessageContaining("502");
    }
  }

  @Test
  void proxyDroppingTheConnection_messageNamesTheProxy() throws Exception {
    try (TlsServer good = goodServer();
        FaultyProxy proxy = FaultyProxy.start(FaultyProxy.Fault.DROP);
        SmsClient sms =
            client()
                .endpoint(good.url())
                .proxy("127.0.0.1", proxy.port())
                .retryPolicy(RetryPolicy.none())
                .build()) {
      Throwable e = timed("proxy drops the connection", () -> sms.showTask(TASK_ID));
      assertThat(e)
          .isInstanceOf(SmsConnectionException.class)
          .hasMessageContaining("through the proxy 127.0.0.1:" + proxy.port());
    }
  }

  @Test
  void malformedProxyVariable_withPassword_isMaskedInTheMessage() {
    for (String value :
        new String[] {"http://" + USER + ":" + PASSWORD + "@", USER + ":" + PASSWORD + "@:x"}) {
      assertThatThrownBy(
              () ->
                  client()
                      .environment(Map.of("HTTPS_PROXY", value))
                      .endpoint("https://127.0.0.1:1")
                      .build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("HTTPS_PROXY")
          .hasMessageNotContaining(PASSWORD);
    }
  }

  @Test
  void proxyHostWithUserInfo_refusedAndMasked() {
    assertThatThrownBy(() -> SmsClient.builder().proxy(USER + ":" + PASSWORD + "@proxy", 3128))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("proxyCredentials")
        .hasMessageNotContaining(PASSWORD);
  }

  @Test
  void noProxyCidrAndHostPort_bypassTheProxy_otherPortDoesNot() throws Exception {
    try (TlsServer good = goodServer();
        FaultyProxy proxy = FaultyProxy.start(FaultyProxy.Fault.DROP)) {
      String httpsProxy = "http://127.0.0.1:" + proxy.port();
      for (String noProxy : new String[] {"127.0.0.0/8", "example.com, 127.0.0.1:" + good.port()}) {
        try (SmsClient sms =
            client()
                .environment(Map.of("HTTPS_PROXY", httpsProxy, "NO_PROXY", noProxy))
                .endpoint(good.url())
                .build()) {
          assertThat(sms.showTask(TASK_ID).getName()).as(noProxy).isEqualTo("MigrationTask");
        }
      }
      assertThat(proxy.heads()).isEmpty();
      try (SmsClient sms =
          client()
              .environment(Map.of("HTTPS_PROXY", httpsProxy, "NO_PROXY", "127.0.0.1:1, 10.0.0.0/8"))
              .endpoint(good.url())
              .retryPolicy(RetryPolicy.none())
              .build()) {
        assertThatThrownBy(() -> sms.showTask(TASK_ID)).isInstanceOf(SmsConnectionException.class);
      }
      assertThat(proxy.heads()).hasSize(1);
    }
  }

  @Test
  void traceLog_proxyPassword_neverLogged() throws Exception {
    try (CapturedOutput output = CapturedOutput.start();
        TlsServer good = goodServer();
        ChallengingProxy proxy = ChallengingProxy.requiringBasic(USER, PASSWORD);
        ChallengingProxy refusing = ChallengingProxy.requiringBasic(USER, "another-password")) {
      try (SmsClient sms =
          client()
              .environment(
                  Map.of(
                      "HTTPS_PROXY",
                      "http://" + USER + ":" + PASSWORD + "@127.0.0.1:" + proxy.port()))
              .endpoint(good.url())
              .build()) {
        sms.showTask(TASK_ID);
      }
      try (SmsClient sms =
          client()
              .endpoint(good.url())
              .proxy("127.0.0.1", refusing.port())
              .proxyCredentials(USER, PASSWORD)
              .build()) {
        assertThatThrownBy(() -> sms.showTask(TASK_ID)).isInstanceOf(SmsClientException.class);
      }
      String log = output.text();
      // the backend really logs at TRACE/DEBUG: without these lines the check below proves nothing
      assertThat(log).contains("ShowTask GET /v3/tasks/" + TASK_ID + " attempt 1 of");
      assertThat(log).contains("refused the proxy credentials");
      assertThat(log).doesNotContain(PASSWORD).doesNotContain(BASIC.substring(6));
    }
  }
}
