package org.migrationkit.sms.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.sms.v3.model.ShowTaskRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.internal.PercentEncoding;

/**
 * How a task id reaches the wire: Huawei Cloud's own client (3.1.143) substitutes {@code task_id}
 * into {@code /v3/tasks/{task_id}} unencoded and lets OkHttp parse the result, so {@code /}, {@code
 * ?}, {@code #}, {@code %} and {@code ..} change which resource is addressed or break the request;
 * ours percent-encodes the id as exactly one segment. Both clients talk to a {@link
 * RecordingServer} that records the request line as it arrived and judges the signature with our
 * verifier.
 *
 * <p>Real SMS task ids are UUIDs, for which both clients send the same bytes and signatures; these
 * tests pin down what happens beyond that.
 */
class OfficialClientPathParameterTest {
  private static final String AK = "HPUA6QWERTYASDF1234Z";
  private static final String SK = "s3cr3tK3yExample0123456789abcdefghijklmno";
  private static final String DOMAIN_ID = "0970dd7a1300f5672ff2c003c60ae115";

  private RecordingServer server;
  private com.huaweicloud.sdk.sms.v3.SmsClient official;
  private SmsClient ours;

  @BeforeEach
  void start() {
    Credentials credentials = Credentials.akSk(AK, SK).withDomainId(DOMAIN_ID);
    server = RecordingServer.start(credentials);
    official = OfficialClients.at(server.endpoint(), AK, SK, DOMAIN_ID);
    ours = SmsClient.builder().endpoint(server.endpoint()).credentials(credentials).build();
  }

  @AfterEach
  void stop() {
    ours.close();
    server.close();
  }

  @Test
  void uuidTaskId_bothClientsSendTheSameRequestLine() {
    String id = "ef3b9722-07a0-40ae-89b0-889ee96dfc56";

    RecordingServer.Received theirs = officialShowTask(id);
    RecordingServer.Received mine = ourShowTask(id);

    assertThat(theirs.target()).isEqualTo(mine.target()).isEqualTo("/v3/tasks/" + id);
    assertThat(theirs.signatureValid()).isTrue();
    assertThat(mine.signatureValid()).isTrue();
  }

  @Test
  void taskIdWithSlash_officialSendsTwoSegments() {
    assertThat(officialShowTask("a/b").target()).isEqualTo("/v3/tasks/a/b");
    assertThat(ourShowTask("a/b").target()).isEqualTo("/v3/tasks/a%2Fb");
  }

  /**
   * The official signer saw no query (its URL had none as parameters), so the server rejects it.
   */
  @Test
  void taskIdWithQuestionMark_officialSendsAQueryItDidNotSign() {
    RecordingServer.Received theirs = officialShowTask("a?b=c");
    assertThat(theirs.target()).isEqualTo("/v3/tasks/a?b=c");
    assertThat(theirs.signatureValid()).isFalse();

    RecordingServer.Received mine = ourShowTask("a?b=c");
    assertThat(mine.target()).isEqualTo("/v3/tasks/a%3Fb%3Dc");
    assertThat(mine.signatureValid()).isTrue();
  }

  @Test
  void taskIdWithHash_officialCutsItAtTheHash() {
    assertThat(officialShowTask("a#b").target()).isEqualTo("/v3/tasks/a");
    assertThat(ourShowTask("a#b").target()).isEqualTo("/v3/tasks/a%23b");
  }

  /**
   * A literal {@code %}: the official client sends {@code 50%25} as it is (the server reads task
   * {@code 50%}), and {@code 50%} as a malformed request line the JDK server answers 400 before any
   * handler; ours encodes the {@code %}.
   */
  @Test
  void taskIdWithPercent_officialSendsItUnencoded() {
    assertThat(officialShowTask("50%25").target()).isEqualTo("/v3/tasks/50%25");
    assertThat(ourShowTask("50%25").target()).isEqualTo("/v3/tasks/50%2525");

    int before = server.received().size();
    assertThatThrownBy(() -> official.showTask(new ShowTaskRequest().withTaskId("50%")))
        .isInstanceOf(ServiceResponseException.class)
        .satisfies(
            e -> assertThat(((ServiceResponseException) e).getHttpStatusCode()).isEqualTo(400));
    assertThat(server.received()).hasSize(before);
    assertThat(ourShowTask("50%").target()).isEqualTo("/v3/tasks/50%25");
  }

  /** OkHttp resolves the dot segment the official client leaves in; ours refuses the id. */
  @Test
  void dotDotTaskId_officialRequestsTheParentPath() {
    assertThat(officialShowTask("..").target()).isEqualTo("/v3/");
    int before = server.received().size();
    assertThatThrownBy(() -> ours.showTask("..")).isInstanceOf(IllegalArgumentException.class);
    assertThat(server.received()).hasSize(before);
  }

  /**
   * For an id that needs percent-encoding both clients put the same bytes on the wire and sign them
   * the same way: the official client hands its signer the unencoded path, and ours signs the path
   * as sent, decoded, so both canonical URIs encode the decoded segment once ({@code a%20b}). That
   * is also how Huawei Cloud's Python SDK signer and the API Gateway's Go signer canonicalise a
   * request, and how our verifier checks one: each accepts the other's request.
   */
  @Test
  void taskIdNeedingEncoding_sameWireBytesSignedTheSame() {
    for (String id : List.of("a b", "任务-1", "{x}")) {
      String sent = "/v3/tasks/" + PercentEncoding.encode(id);
      RecordingServer.Received theirs = officialShowTask(id);
      RecordingServer.Received mine = ourShowTask(id);

      assertThat(theirs.rawPath()).as(id).isEqualTo(mine.rawPath()).isEqualTo(sent);
      assertThat(resigned(theirs, "/v3/tasks/" + id))
          .as(id)
          .isEqualTo(theirs.header("Authorization"));
      assertThat(resigned(mine, "/v3/tasks/" + id)).as(id).isEqualTo(mine.header("Authorization"));
      assertThat(theirs.signatureValid()).as(id).isTrue();
      assertThat(mine.signatureValid()).as(id).isTrue();
    }
  }

  private String resigned(RecordingServer.Received request, String pathForTheOfficialSigner) {
    return OfficialResigner.authorization(
        AK, SK, request.method(), server.endpoint(), pathForTheOfficialSigner, request::header);
  }

  private RecordingServer.Received officialShowTask(String taskId) {
    official.showTask(new ShowTaskRequest().withTaskId(taskId));
    return last();
  }

  private RecordingServer.Received ourShowTask(String taskId) {
    ours.showTask(taskId);
    return last();
  }

  private RecordingServer.Received last() {
    List<RecordingServer.Received> received = server.received();
    return received.get(received.size() - 1);
  }
}
