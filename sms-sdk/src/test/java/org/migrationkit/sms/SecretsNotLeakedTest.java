package org.migrationkit.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.testsupport.CapturedOutput;
import org.migrationkit.sms.testsupport.ClosedPort;
import org.migrationkit.sms.testsupport.Fixtures;
import org.migrationkit.sms.testsupport.QuietNotifier;
import org.migrationkit.sms.testsupport.ThrowableText;

/**
 * No secret ever reaches a log line, an exception (message, cause or suppressed) or a {@code
 * toString()}: not the secret key, not the security token, not the IAM token, and not any
 * Authorization value the server saw. The SDK logs at TRACE here (see simplelogger.properties), so
 * every line it can print is captured.
 */
class SecretsNotLeakedTest {
  private static final String TASK_ID = "ef3b9722-07a0-40ae-89b0-889ee96dfc56";
  private static final String AK = "HPUA6QWERTYASDF1234Z";
  private static final String SK = "SecretKeyNeverShown0123456789abcdefghijk";
  private static final String SECURITY_TOKEN =
      "gQpjbi1ub3J0aC00RjQ0c2VjdXJpdHlUb2tlbi1uZXZlci1zaG93bg==";
  private static final String DOMAIN_ID = "0970dd7a1300f5672ff2c003c60ae115";
  private static final String X_AUTH_TOKEN =
      "MIIZxAuthTokenNeverShown-0123456789abcdefghijklmnopqrstuvwxyz";

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(
              wireMockConfig().dynamicPort().bindAddress("127.0.0.1").notifier(new QuietNotifier()))
          .build();

  enum Outcome {
    SUCCESS(
        aResponse()
            .withStatus(200)
            .withHeader("X-Request-Id", "req-ok")
            .withBody(Fixtures.text(Fixtures.SHOW_TASK_200))),
    HTTP_403(
        aResponse()
            .withStatus(403)
            .withHeader("X-Request-Id", "req-403")
            .withBody(Fixtures.text(Fixtures.SHOW_TASK_403))),
    READ_TIMEOUT(aResponse().withStatus(200).withBody("{}").withFixedDelay(1_000)),
    CONNECTION_REFUSED(null);

    final ResponseDefinitionBuilder response;

    Outcome(ResponseDefinitionBuilder response) {
      this.response = response;
    }
  }

  enum Kind {
    AK_SK_WITH_SECURITY_TOKEN,
    IAM_TOKEN;

    Credentials credentials() {
      return this == IAM_TOKEN
          ? Credentials.token(X_AUTH_TOKEN)
          : Credentials.akSk(AK, SK).withDomainId(DOMAIN_ID).withSecurityToken(SECURITY_TOKEN);
    }
  }

  static Stream<Arguments> everyOutcomeWithEveryCredentialKind() {
    List<Arguments> all = new ArrayList<>();
    for (Outcome outcome : Outcome.values()) {
      for (Kind kind : Kind.values()) {
        all.add(Arguments.of(outcome, kind));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("everyOutcomeWithEveryCredentialKind")
  void showTask_anyOutcome_leaksNoSecret(Outcome outcome, Kind kind) {
    String endpoint = wm.baseUrl();
    if (outcome == Outcome.CONNECTION_REFUSED) {
      endpoint = "http://127.0.0.1:" + ClosedPort.find();
    } else {
      wm.stubFor(any(anyUrl()).willReturn(outcome.response));
    }
    Credentials credentials = kind.credentials();
    // retries on: more attempts, more log lines that could leak
    RetryPolicy retries =
        RetryPolicy.builder()
            .baseDelay(Duration.ofMillis(1))
            .maxDelay(Duration.ofMillis(10))
            .retryBudget(RetryBudget.unlimited())
            .build();
    Duration readTimeout =
        outcome == Outcome.READ_TIMEOUT ? Duration.ofMillis(200) : Duration.ofSeconds(10);

    StringBuilder shown = new StringBuilder();
    Throwable failure;
    try (CapturedOutput output = CapturedOutput.start()) {
      try (SmsClient sms =
          SmsClient.builder()
              .endpoint(endpoint)
              .credentials(credentials)
              .readTimeout(readTimeout)
              .retryPolicy(retries)
              .build()) {
        failure = catchThrowable(() -> sms.showTask(TASK_ID));
        shown.append(sms).append('\n').append(credentials).append('\n');
      }
      if (failure != null) {
        shown.append(ThrowableText.of(failure));
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        shown.append(trace);
      }
      shown.append(output.text());
      assertThat(output.text()).as("the SDK's debug log was captured").contains("ShowTask GET");
    }

    assertOutcome(outcome, failure);
    assertThat(shown.toString()).doesNotContain(secretsSeen());
  }

  /**
   * A token pasted with a trailing no-break space is not blank, so it is accepted, but it cannot go
   * into an HTTP header; whatever fails must not quote the token.
   */
  @Test
  void showTask_tokenWithNonAsciiCharacter_leaksNoSecret() {
    String pasted = X_AUTH_TOKEN + "\u00A0";
    wm.stubFor(any(anyUrl()).willReturn(Outcome.SUCCESS.response));

    StringBuilder shown = new StringBuilder();
    try (CapturedOutput output = CapturedOutput.start()) {
      Throwable failure =
          catchThrowable(
              () -> {
                Credentials credentials = Credentials.token(pasted);
                shown.append(credentials).append('\n');
                try (SmsClient sms =
                    SmsClient.builder()
                        .endpoint(wm.baseUrl())
                        .credentials(credentials)
                        .retryPolicy(RetryPolicy.none())
                        .build()) {
                  sms.showTask(TASK_ID);
                }
              });
      assertThat(failure).as("a token that cannot be sent is refused").isNotNull();
      shown.append(ThrowableText.of(failure)).append(output.text());
    }

    assertThat(shown.toString()).doesNotContain(X_AUTH_TOKEN);
  }

  @Test
  void showTask_securityTokenWithNonAsciiCharacter_leaksNoSecret() {
    String pasted = SECURITY_TOKEN + "\u00A0";
    wm.stubFor(any(anyUrl()).willReturn(Outcome.SUCCESS.response));

    StringBuilder shown = new StringBuilder();
    try (CapturedOutput output = CapturedOutput.start()) {
      Throwable failure =
          catchThrowable(
              () -> {
                Credentials credentials = Credentials.akSk(AK, SK).withSecurityToken(pasted);
                shown.append(credentials).append('\n');
                try (SmsClient sms =
                    SmsClient.builder()
                        .endpoint(wm.baseUrl())
                        .credentials(credentials)
                        .retryPolicy(RetryPolicy.none())
                        .build()) {
                  sms.showTask(TASK_ID);
                }
              });
      assertThat(failure).as("a security token that cannot be sent is refused").isNotNull();
      shown.append(ThrowableText.of(failure)).append(output.text());
    }

    assertThat(shown.toString()).doesNotContain(SECURITY_TOKEN, SK);
  }

  private static void assertOutcome(Outcome outcome, Throwable failure) {
    switch (outcome) {
      case SUCCESS:
        assertThat(failure).isNull();
        break;
      case HTTP_403:
        assertThat(failure).isInstanceOf(SmsServiceException.class);
        break;
      case READ_TIMEOUT:
        assertThat(failure).isInstanceOf(SmsTimeoutException.class);
        break;
      case CONNECTION_REFUSED:
        assertThat(failure).isInstanceOf(SmsConnectionException.class);
        break;
    }
  }

  /** The fixed secrets, and every Authorization value (and its bare signature) the server got. */
  private static String[] secretsSeen() {
    List<String> secrets = new ArrayList<>(List.of(SK, SECURITY_TOKEN, X_AUTH_TOKEN));
    for (LoggedRequest request :
        wm.getAllServeEvents().stream().map(e -> e.getRequest()).toList()) {
      if (request.containsHeader("Authorization")) {
        String authorization = request.getHeader("Authorization");
        secrets.add(authorization);
        secrets.add(
            authorization.substring(authorization.indexOf("Signature=") + "Signature=".length()));
      }
    }
    return secrets.toArray(new String[0]);
  }
}
