package org.migrationkit.sms.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.internal.EnvironmentProxySelector;

/** {@code HTTPS_PROXY}, {@code HTTP_PROXY} and {@code NO_PROXY}, read as curl reads them. */
class ConfigEnvironmentProxySelectorTest {
  private static final Proxy CORPORATE =
      new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.corp", 3128));

  @Test
  void fromEnvironment_noProxyVariable_isNull() {
    assertThat(EnvironmentProxySelector.fromEnvironment(Map.of("NO_PROXY", "*"))).isNull();
  }

  @Test
  void select_httpsProxy_usedForHttpsOnly() {
    EnvironmentProxySelector selector =
        EnvironmentProxySelector.fromEnvironment(Map.of("HTTPS_PROXY", "http://proxy.corp:3128"));

    assertThat(
            selector.select(URI.create("https://sms.ap-southeast-1.myhuaweicloud.com/v3/tasks/x")))
        .containsExactly(CORPORATE);
    assertThat(selector.select(URI.create("http://sms.example.com/")))
        .containsExactly(Proxy.NO_PROXY);
  }

  @Test
  void select_lowerCaseVariableWithoutScheme_isRead() {
    EnvironmentProxySelector selector =
        EnvironmentProxySelector.fromEnvironment(Map.of("https_proxy", "proxy.corp:3128"));

    assertThat(selector.select(URI.create("https://sms.example.com/"))).containsExactly(CORPORATE);
  }

  @Test
  void select_httpProxyOnly_alsoServesHttps() {
    EnvironmentProxySelector selector =
        EnvironmentProxySelector.fromEnvironment(Map.of("HTTP_PROXY", "http://proxy.corp:3128"));

    assertThat(selector.select(URI.create("https://sms.example.com/"))).containsExactly(CORPORATE);
  }

  @Test
  void select_noProxyEntries_matchHostAndSubdomains() {
    EnvironmentProxySelector selector =
        EnvironmentProxySelector.fromEnvironment(
            Map.of(
                "HTTPS_PROXY",
                "http://proxy.corp:3128",
                "NO_PROXY",
                " .internal.example , 127.0.0.1,Localhost"));

    assertThat(selector.select(URI.create("https://sms.internal.example/")))
        .containsExactly(Proxy.NO_PROXY);
    assertThat(selector.select(URI.create("https://internal.example/")))
        .containsExactly(Proxy.NO_PROXY);
    assertThat(selector.select(URI.create("https://127.0.0.1:8443/")))
        .containsExactly(Proxy.NO_PROXY);
    assertThat(selector.select(URI.create("https://localhost:8443/")))
        .containsExactly(Proxy.NO_PROXY);
    assertThat(selector.select(URI.create("https://notinternal.example/")))
        .containsExactly(CORPORATE);
  }

  @Test
  void select_noProxyStar_bypassesEverything() {
    EnvironmentProxySelector selector =
        EnvironmentProxySelector.fromEnvironment(
            Map.of("HTTPS_PROXY", "http://proxy.corp:3128", "NO_PROXY", "*"));

    assertThat(selector.select(URI.create("https://sms.example.com/")))
        .containsExactly(Proxy.NO_PROXY);
  }

  @Test
  void proxyFor_keepsUserInfoForTheAuthenticator() {
    EnvironmentProxySelector selector =
        EnvironmentProxySelector.fromEnvironment(
            Map.of("HTTPS_PROXY", "http://user:p%40ss@proxy.corp:3128"));

    assertThat(selector.proxyFor("https").username()).isEqualTo("user");
    assertThat(selector.proxyFor("https").password()).isEqualTo("p@ss");
  }

  @Test
  void fromEnvironment_notAUrl_failsNamingTheValue() {
    assertThatThrownBy(
            () -> EnvironmentProxySelector.fromEnvironment(Map.of("HTTPS_PROXY", "http://")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http://");
  }
}
