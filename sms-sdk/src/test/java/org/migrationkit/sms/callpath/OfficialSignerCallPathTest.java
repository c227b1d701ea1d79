package org.migrationkit.sms.callpath;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.huaweicloud.sdk.core.auth.AKSKSigner;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.migrationkit.sms.callpath.TestOperations.ListTasks;
import org.migrationkit.sms.callpath.TestOperations.NewTask;
import org.migrationkit.sms.internal.Transport;
import org.migrationkit.sms.testsupport.QuietNotifier;

/**
 * What the call path puts on the wire, signed again by Huawei Cloud's own {@code AKSKSigner}
 * (huaweicloud-sdk-core 3.1.143) from the decoded query parameters and the body it received: the
 * {@code Authorization} must be the one we sent. Repeated query keys are left out, since there the
 * official signer's order is not the gateway's (see {@code OfficialSignerDifferentialTest}).
 */
class OfficialSignerCallPathTest {
  private static final String AWKWARD = "a b+c/d=e&f?g%h 任务😀";

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(
              wireMockConfig().dynamicPort().bindAddress("127.0.0.1").notifier(new QuietNotifier()))
          .build();

  private final Transport transport = LoopbackTransport.create(wm.baseUrl());

  @BeforeEach
  void answer() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
  }

  @AfterEach
  void close() {
    transport.close();
  }

  @Test
  void getWithAwkwardQuery_officialSignerAgrees() {
    transport.execute(
        TestOperations.LIST_TASKS, new ListTasks(AWKWARD, "RUNNING", 5, "=+/ ", null));

    Map<String, List<String>> query = new LinkedHashMap<>();
    query.put("name", List.of(AWKWARD));
    query.put("state", List.of("RUNNING"));
    query.put("limit", List.of("5"));
    query.put("marker", List.of("=+/ "));
    assertOfficialAuthorization(onlyRequest(), "GET", "/v3/tasks", query, null);
  }

  @Test
  void postWithQueryAndBody_officialSignerAgrees() {
    transport.execute(TestOperations.CREATE_TASK, new NewTask(AWKWARD, "任务 1", 2, "n\"ote"));

    LoggedRequest request = onlyRequest();
    assertThat(request.getBodyAsString()).startsWith("{\"name\":");
    assertOfficialAuthorization(
        request, "POST", "/v3/tasks", Map.of("tag", List.of(AWKWARD)), request.getBodyAsString());
  }

  @Test
  void postWithoutBody_officialSignerAgrees() {
    transport.execute(TestOperations.UNLOCK_TASK, new TestOperations.TaskId("t-1"));

    assertOfficialAuthorization(onlyRequest(), "POST", "/v3/tasks/t-1/unlock", Map.of(), "");
  }

  private static void assertOfficialAuthorization(
      LoggedRequest received,
      String method,
      String path,
      Map<String, List<String>> query,
      @Nullable String body) {
    HttpRequest.HttpRequestBuilder official =
        HttpRequest.newBuilder()
            .withEndpoint(wm.baseUrl())
            .withPath(path)
            .withMethod(HttpMethod.valueOf(method))
            .addHeader("X-Sdk-Date", received.getHeader("X-Sdk-Date"))
            .addHeader("X-Domain-Id", received.getHeader("X-Domain-Id"));
    query.forEach(official::addQueryParam);
    if (body != null) {
      official.withBodyAsString(body);
    }
    String expected =
        AKSKSigner.getInstance()
            .sign(
                official.build(),
                new BasicCredentials().withAk(LoopbackTransport.AK).withSk(LoopbackTransport.SK))
            .get("Authorization");

    assertThat(received.getHeader("Authorization")).isEqualTo(expected);
  }

  private static LoggedRequest onlyRequest() {
    List<LoggedRequest> requests =
        wm.getAllServeEvents().stream().map(e -> e.getRequest()).toList();
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }
}
