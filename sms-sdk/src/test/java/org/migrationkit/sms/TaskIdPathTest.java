package org.migrationkit.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.testsupport.PercentDecoder;
import org.migrationkit.sms.testsupport.ReferenceSignatureVerifier;
import org.migrationkit.sms.testsupport.ReferenceSignatureVerifier.Verdict;

/**
 * A task id is data, never path syntax: whatever characters it holds, it reaches the server as one
 * encoded segment under {@code /v3/tasks/}, and ids that cannot be sent faithfully are refused
 * before any I/O.
 */
class TaskIdPathTest {
  private static final String AK = "HPUA6QWERTYASDF1234Z";
  private static final String SK = "s3cr3tK3yExample0123456789abcdefghijklmno";
  private static final String PREFIX = "/v3/tasks/";

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @BeforeEach
  void answerEveryRequest() {
    wm.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"id\":\"t\"}")));
  }

  private SmsClient client() {
    return SmsClient.builder()
        .endpoint("http://127.0.0.1:" + wm.getPort())
        .credentials(Credentials.akSk(AK, SK))
        .build();
  }

  static Stream<Arguments> oddIds() {
    return Stream.of(
        Arguments.of("space", "task 1"),
        Arguments.of("unicode", "任务-1"),
        Arguments.of("supplementary character", "task-\uD83D\uDE80"),
        Arguments.of("slash", "/"),
        Arguments.of("question mark", "?"),
        Arguments.of("hash", "#"),
        Arguments.of("percent", "%"),
        Arguments.of("encoded-looking", "a%2Fb%3F"),
        Arguments.of("plus", "a+b"),
        Arguments.of("dot dot slash x", "../x"),
        Arguments.of("traversal", "a/../../servers"),
        Arguments.of("dots with text", "..."),
        Arguments.of("backslash", "..\\x"),
        Arguments.of("semicolon", "a;b=c"),
        Arguments.of("255 characters", "x".repeat(255)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oddIds")
  void showTask_oddTaskId_arrivesAsOneEncodedSegment(String label, String taskId) {
    try (SmsClient sms = client()) {
      sms.showTask(taskId);
    }

    String url = onlyRequest().getUrl();
    assertThat(url).startsWith(PREFIX);
    String segment = url.substring(PREFIX.length());
    assertThat(segment).isNotEmpty().doesNotContain("/", "?", "#");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oddIds")
  void showTask_oddTaskId_decodesBackToTheId(String label, String taskId) {
    try (SmsClient sms = client()) {
      sms.showTask(taskId);
    }

    String segment = onlyRequest().getUrl().substring(PREFIX.length());
    assertThat(PercentDecoder.decode(segment)).isEqualTo(taskId);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oddIds")
  void showTask_oddTaskId_carriesAValidSignature(String label, String taskId) {
    try (SmsClient sms = client()) {
      sms.showTask(taskId);
    }

    Verdict verdict = new ReferenceSignatureVerifier(AK, SK).verify(onlyRequest());
    assertThat(verdict.valid()).as(verdict.reason()).isTrue();
  }

  @Test
  void showTask_256Characters_isRejectedBeforeSending() {
    assertRejectedWithoutRequest("x".repeat(256));
  }

  @Test
  void showTask_blankId_isRejectedBeforeSending() {
    assertRejectedWithoutRequest(" \t ");
  }

  @Test
  void showTask_emptyId_isRejectedBeforeSending() {
    assertRejectedWithoutRequest("");
  }

  @Test
  void showTask_nullId_isRejectedBeforeSending() {
    assertRejectedWithoutRequest(null);
  }

  @Test
  void showTask_dot_isRejectedBeforeSending() {
    assertRejectedWithoutRequest(".");
  }

  @Test
  void showTask_dotDot_isRejectedBeforeSending() {
    assertRejectedWithoutRequest("..");
  }

  /**
   * A lone surrogate has no UTF-8 form: encoding it silently yields {@code ?} (%3F), which would
   * address another task, so the id must be refused instead.
   */
  @Test
  void showTask_unpairedSurrogate_isRejectedBeforeSending() {
    assertRejectedWithoutRequest("task-\uD83D");
  }

  private void assertRejectedWithoutRequest(String taskId) {
    try (SmsClient sms = client()) {
      assertThatThrownBy(() -> sms.showTask(taskId))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("taskId");
    }
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  private static LoggedRequest onlyRequest() {
    List<LoggedRequest> requests =
        wm.getAllServeEvents().stream().map(e -> e.getRequest()).toList();
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }
}
