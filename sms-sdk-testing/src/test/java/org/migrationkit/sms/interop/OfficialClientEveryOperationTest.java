package org.migrationkit.sms.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.ShowServerResponse;
import org.migrationkit.sms.testing.JournalEntry;
import org.migrationkit.sms.testing.SmsSimulator;
import org.migrationkit.sms.testsupport.SimulatorClients;

/**
 * Huawei Cloud's own {@code SmsClient} calls every operation of the API description against our
 * {@link SmsSimulator}, on ids that exist (a registered server, its task, a template, a migration
 * project): the simulator answers each from its state (never {@code 501}, never "no such API"),
 * every signature verifies, and the official client reads every answer. Reads of what exists must
 * succeed; writes with random (but complete) bodies may be refused, but only with an {@code SMS}
 * error the official client maps.
 */
class OfficialClientEveryOperationTest {
  private static final String AK = "HPUA6QWERTYASDF1234Z";
  private static final String SK = "s3cr3tK3yExample0123456789abcdefghijklmno";
  private static final String DOMAIN_ID = "0970dd7a1300f5672ff2c003c60ae115";
  private static final long SEED = 0x51_4A_7EL;

  private SmsSimulator simulator;
  private SmsClient ours;
  private com.huaweicloud.sdk.sms.v3.SmsClient official;

  static Stream<ApiDescription.Operation> operations() {
    return OperationRequests.operations();
  }

  @BeforeEach
  void start() {
    Credentials credentials = Credentials.akSk(AK, SK).withDomainId(DOMAIN_ID);
    simulator = SmsSimulator.start(credentials);
    ours = SimulatorClients.withoutRetries(simulator, credentials);
    official = OfficialClients.at(simulator.endpoint(), AK, SK, DOMAIN_ID);
  }

  @AfterEach
  void stop() {
    ours.close();
    simulator.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void officialClient_everyOperation_answeredFromState(ApiDescription.Operation op)
      throws Throwable {
    Map<String, String> ids = seed();
    Random random = new Random(SEED + op.name().hashCode());
    OperationRequests.Values minimal = OperationRequests.minimal(op, random);
    Map<String, String> params = new LinkedHashMap<>(minimal.params());
    for (ApiDescription.Param p : op.pathParams()) {
      params.put(p.wire(), ids.getOrDefault(p.wire(), "id-" + random.nextInt(1000)));
    }
    params.computeIfPresent("offset", (k, v) -> "0");
    params.computeIfPresent("limit", (k, v) -> "10");
    OperationRequests.Values values = new OperationRequests.Values(params, minimal.body());
    long before = simulator.requestCount();

    Object answer = null;
    ServiceResponseException refused = null;
    try {
      answer = OperationRequests.callOfficial(official, op, OperationRequests.official(op, values));
    } catch (ServiceResponseException e) {
      refused = e;
    }

    String at = op.name() + " " + values;
    List<JournalEntry> sent =
        simulator.journal().stream().filter(e -> e.number() > before).toList();
    assertThat(sent).as(at).hasSize(1);
    assertThat(sent.get(0).signatureValid()).as(at).isTrue();
    if (refused != null) {
      assertThat(refused.getHttpStatusCode()).as(at + ": " + refused).isIn(400, 403, 404);
      assertThat(refused.getErrorCode()).as(at + ": " + refused).startsWith("SMS.");
      assertThat(refused.getErrorCode()).as(at).doesNotStartWith("SMS.SIMULATOR");
      assertThat(op.http()).as(at + " reads what exists: " + refused).isNotEqualTo("GET");
    } else {
      assertThat(answer).as(at).isNotNull();
      assertThat(sent.get(0).status()).as(at).isBetween(200, 299);
    }
  }

  /** A registered server with a task, a template and a migration project, by path parameter. */
  private Map<String, String> seed() throws Throwable {
    ShowServerResponse server = simulator.addSourceServer("web-1");
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("source_id", server.getId());
    ids.put("server_id", server.getId());
    ids.put("task_id", ours.createTask(SmsSimulator.createTaskRequestFor(server)).getId());
    ids.put("id", created("CreateTemplate"));
    ids.put("mig_project_id", created("CreateMigproject"));
    ids.put("version", "v3");
    return ids;
  }

  /** Creates a resource with a complete random body through our client; returns its id. */
  private String created(String operation) throws Throwable {
    ApiDescription.Operation op =
        OperationRequests.operations().filter(o -> o.name().equals(operation)).findFirst().get();
    OperationRequests.Values values = OperationRequests.minimal(op, new Random(SEED));
    Object response =
        OperationRequests.call(ours, op, OperationRequests.ours(op, values, Set.of()));
    return (String) response.getClass().getMethod("getId").invoke(response);
  }
}
