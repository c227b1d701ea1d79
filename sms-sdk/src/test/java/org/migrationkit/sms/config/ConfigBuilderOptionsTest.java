package org.migrationkit.sms.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsRegion;

/** HTTP options fail at once, with one line naming the option, before anything is built. */
class ConfigBuilderOptionsTest {
  @Test
  void connectTimeout_zero_refusedNamingIt() {
    assertThatThrownBy(() -> SmsClient.builder().connectTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("connectTimeout must be positive");
  }

  @Test
  void readTimeout_negative_refusedNamingIt() {
    assertThatThrownBy(() -> SmsClient.builder().readTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("readTimeout");
  }

  @Test
  void callTimeout_belowOneMillisecond_refusedNamingIt() {
    assertThatThrownBy(() -> SmsClient.builder().callTimeout(Duration.ofNanos(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("callTimeout must be at least 1 ms");
  }

  @Test
  void proxy_blankHost_refused() {
    assertThatThrownBy(() -> SmsClient.builder().proxy(" ", 3128))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("proxy");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 65536})
  void proxy_portOutOfRange_refused(int port) {
    assertThatThrownBy(() -> SmsClient.builder().proxy("proxy.corp", port))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1..65535");
  }

  @Test
  void proxyCredentials_blankUser_refused() {
    assertThatThrownBy(() -> SmsClient.builder().proxyCredentials(" ", "secret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("proxyCredentials")
        .hasMessageNotContaining("secret");
  }

  @Test
  void endpointAfterRegion_refusedNamingBoth() {
    assertThatThrownBy(
            () ->
                SmsClient.builder()
                    .region(SmsRegion.AP_SOUTHEAST_1)
                    .endpoint("https://sms.example.com"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("endpoint('https://sms.example.com')")
        .hasMessageContaining("region(ap-southeast-1)");
  }

  @Test
  void regionAfterEndpoint_refusedNamingBoth() {
    assertThatThrownBy(
            () -> SmsClient.builder().endpoint("https://sms.example.com").region("cn-north-4"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("region('cn-north-4')")
        .hasMessageContaining("endpoint(https://sms.example.com");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sms.example.com",
        "ftp://sms.example.com",
        "https://sms.example.com/?a=b",
        "https://"
      })
  void endpoint_notAnHttpBaseUrl_refusedNamingIt(String endpoint) {
    assertThatThrownBy(() -> SmsClient.builder().endpoint(endpoint))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(endpoint);
  }

  @Test
  void iamEndpoint_notAUrl_refusedNamingIt() {
    assertThatThrownBy(() -> SmsClient.builder().iamEndpoint("iam.example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("iam.example.com");
  }
}
