package org.migrationkit.sms.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.auth.Credentials;

/**
 * For each of the 51 operations, a request with a seeded random value in every member, built once
 * with our {@code XxxRequest} and once with the official SDK's (3.1.143), and sent by each client
 * to a {@link RecordingServer}: both put the same method, path, query (as a set of decoded pairs)
 * and JSON body (compared semantically, {@link ModelParity#jsonDifferences}) on the wire, and both
 * requests carry a signature our verifier accepts.
 *
 * <p>What the server answers does not matter here ({@code {}} to every request); a client that
 * cannot read it has still sent its request.
 */
class OperationDifferentialTest {
  private static final String AK = "HPUA6QWERTYASDF1234Z";
  private static final String SK = "s3cr3tK3yExample0123456789abcdefghijklmno";
  private static final String DOMAIN_ID = "0970dd7a1300f5672ff2c003c60ae115";
  private static final long SEED = 0x0B5E_11L;
  private static final int REQUESTS_PER_OPERATION = 3;

  private RecordingServer server;
  private com.huaweicloud.sdk.sms.v3.SmsClient official;
  private SmsClient ours;

  static Stream<ApiDescription.Operation> operations() {
    return OperationRequests.operations();
  }

  @BeforeEach
  void start() {
    Credentials credentials = Credentials.akSk(AK, SK).withDomainId(DOMAIN_ID);
    server = RecordingServer.start(credentials, "{}");
    official = OfficialClients.at(server.endpoint(), AK, SK, DOMAIN_ID);
    ours = SmsClient.builder().endpoint(server.endpoint()).credentials(credentials).build();
  }

  @AfterEach
  void stop() {
    ours.close();
    server.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void randomRequest_bothClientsSendTheSameRequest(ApiDescription.Operation op) throws Throwable {
    Random random = new Random(SEED + op.name().hashCode());
    for (int i = 0; i < REQUESTS_PER_OPERATION; i++) {
      OperationRequests.Values values = OperationRequests.random(op, random);

      RecordingServer.Received theirs =
          sent(
              () ->
                  OperationRequests.callOfficial(
                      official, op, OperationRequests.official(op, values)));
      RecordingServer.Received mine =
          sent(
              () -> OperationRequests.call(ours, op, OperationRequests.ours(op, values, Set.of())));

      String at = op.name() + " #" + i + " " + values;
      assertThat(mine.method()).as(at).isEqualTo(theirs.method()).isEqualTo(op.http());
      assertThat(mine.rawPath()).as(at).isEqualTo(theirs.rawPath());
      assertThat(pairs(mine.rawQuery()))
          .as(at)
          .hasSize(op.queryParams().size())
          .containsExactlyInAnyOrderElementsOf(pairs(theirs.rawQuery()));
      if (op.body() != null) {
        assertThat(mine.body()).as(at).startsWith("{");
        assertThat(theirs.body()).as(at).startsWith("{");
        assertThat(ModelParity.jsonDifferences(mine.body(), theirs.body())).as(at).isEmpty();
      } else {
        assertThat(mine.body()).as(at).isEmpty();
        assertThat(theirs.body()).as(at).isEmpty();
      }
      assertThat(theirs.signatureValid()).as(at + " official signature").isTrue();
      assertThat(mine.signatureValid()).as(at + " our signature").isTrue();
      assertThat(mine.header("Authorization"))
          .as(at + ": our Authorization against the official signer's, same X-Sdk-Date")
          .startsWith("SDK-HMAC-SHA256 ")
          .isEqualTo(officialSignature(mine));
    }
  }

  /**
   * Only the required members set: the same wire again, and no unset list or map sent as {@code []}
   * or <code>{}</code> (the official SDK leaves them out).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void minimalRequest_bothClientsSendTheSameRequest(ApiDescription.Operation op) throws Throwable {
    OperationRequests.Values values =
        OperationRequests.minimal(op, new Random(SEED - op.name().hashCode()));

    RecordingServer.Received theirs =
        sent(
            () ->
                OperationRequests.callOfficial(
                    official, op, OperationRequests.official(op, values)));
    RecordingServer.Received mine =
        sent(() -> OperationRequests.call(ours, op, OperationRequests.ours(op, values, Set.of())));

    String at = op.name() + " " + values;
    assertThat(mine.method()).as(at).isEqualTo(theirs.method());
    assertThat(mine.rawPath()).as(at).isEqualTo(theirs.rawPath());
    assertThat(pairs(mine.rawQuery()))
        .as(at)
        .containsExactlyInAnyOrderElementsOf(pairs(theirs.rawQuery()));
    if (op.body() != null) {
      assertThat(ModelParity.jsonDifferences(mine.body(), theirs.body())).as(at).isEmpty();
    }
    assertThat(mine.header("Authorization")).as(at).isEqualTo(officialSignature(mine));
  }

  /** What the official signer makes of the request we sent, under its own X-Sdk-Date. */
  private String officialSignature(RecordingServer.Received request) {
    List<Map.Entry<String, String>> query = new ArrayList<>();
    for (String pair : pairs(request.rawQuery())) {
      int eq = pair.indexOf('=');
      query.add(Map.entry(pair.substring(0, eq), pair.substring(eq + 1)));
    }
    return OfficialResigner.authorization(
        AK,
        SK,
        request.method(),
        server.endpoint(),
        request.rawPath(),
        query,
        request.body(),
        request::header);
  }

  /** A call whose outcome does not matter: only the request it put on the wire. */
  @FunctionalInterface
  interface Call {
    Object run() throws Throwable;
  }

  private RecordingServer.Received sent(Call call) throws Throwable {
    int before = server.received().size();
    try {
      call.run();
    } catch (RuntimeException e) {
      // the answer "{}" need not fit the response; the request has been recorded
      if (server.received().size() == before) {
        throw e;
      }
    }
    List<RecordingServer.Received> received = server.received();
    assertThat(received).hasSize(before + 1);
    return received.get(received.size() - 1);
  }

  private static List<String> pairs(@Nullable String rawQuery) {
    List<String> out = new ArrayList<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      out.add(URLDecoder.decode(pair, StandardCharsets.UTF_8));
    }
    return out;
  }
}
