package org.migrationkit.sms.interop;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.internal.PercentEncoding;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.testing.SmsSimulator;

/**
 * The reverse direction: our {@link SmsClient} against a WireMock stub, and every request it sent
 * re-signed with Huawei Cloud's own {@code AKSKSigner} from what arrived (method, raw path, the
 * headers our {@code SignedHeaders} names, their values as received). The official signer must
 * reach the same {@code Authorization}, including for task ids that need percent-encoding.
 *
 * <p>The official signer is handed the path as it arrived, decoded, as the official client hands
 * its signer the unencoded path. Ids with {@code ?} or {@code #} are left out of the comparison:
 * the official client cannot put them in a path at all (see {@link
 * OfficialClientPathParameterTest}).
 */
class OurClientCheckedByOfficialSignerTest {
  private static final String AK = "HPUA6QWERTYASDF1234Z";
  private static final String SK = "s3cr3tK3yExample0123456789abcdefghijklmno";
  private static final String DOMAIN_ID = "0970dd7a1300f5672ff2c003c60ae115";
  private static final String SECURITY_TOKEN = "gQpjbi1ub3J0aC00RjQ0c2VjdXJpdHlUb2tlbg==";

  private static final List<String> TASK_IDS =
      List.of(
          SmsSimulator.EXAMPLE_TASK_ID,
          "a/b",
          "a?b=c",
          "a#b",
          "50% done",
          "a+b&c=d",
          "任务-1",
          "emoji😀",
          "~tilde_.-",
          "\"quoted\"",
          "semi;colon,comma:colon@at");

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @BeforeEach
  void serveTheExample() {
    wm.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json;charset=UTF-8")
                    .withBody(SmsSimulator.exampleTask().toJson())));
  }

  @Test
  void showTask_permanentKeys_officialSignerReachesOurAuthorization() {
    checkEveryTaskId(Credentials.akSk(AK, SK).withDomainId(DOMAIN_ID));
  }

  @Test
  void showTask_temporaryKeys_officialSignerReachesOurAuthorization() {
    checkEveryTaskId(
        Credentials.akSk(AK, SK).withDomainId(DOMAIN_ID).withSecurityToken(SECURITY_TOKEN));
  }

  private void checkEveryTaskId(Credentials credentials) {
    try (SmsClient client =
        SmsClient.builder().endpoint(wm.baseUrl()).credentials(credentials).build()) {
      for (String taskId : TASK_IDS) {
        wm.resetRequests();
        ShowTaskResponse task = client.showTask(taskId);
        assertThat(task.getName()).isEqualTo("MigrationTask");

        List<LoggedRequest> requests =
            wm.getAllServeEvents().stream().map(e -> e.getRequest()).toList();
        assertThat(requests).as(taskId).hasSize(1);
        LoggedRequest sent = requests.get(0);
        String rawPath = URI.create(sent.getUrl()).getRawPath();

        assertThat(rawPath).as(taskId).isEqualTo("/v3/tasks/" + PercentEncoding.encode(taskId));
        assertThat(sent.getHeader("Host")).isEqualTo(URI.create(wm.baseUrl()).getRawAuthority());
        String authorization = sent.getHeader("Authorization");
        assertThat(authorization).contains("SignedHeaders=host;x-domain-id;x-sdk-date");
        if (taskId.contains("?") || taskId.contains("#")) {
          continue;
        }
        assertThat(
                OfficialResigner.authorization(
                    AK,
                    SK,
                    sent.getMethod().getName(),
                    wm.baseUrl(),
                    PercentEncoding.decode(rawPath),
                    sent::getHeader))
            .as(taskId)
            .isEqualTo(authorization);
      }
    }
  }
}
