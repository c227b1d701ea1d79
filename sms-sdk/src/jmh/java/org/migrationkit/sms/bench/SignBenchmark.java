package org.migrationkit.sms.bench;

import com.huaweicloud.sdk.core.HcClient;
import com.huaweicloud.sdk.core.auth.AKSKSigner;
import com.huaweicloud.sdk.core.auth.GlobalCredentials;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.core.http.HttpRequest;
import com.huaweicloud.sdk.sms.v3.SmsMeta;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.migrationkit.sms.auth.AkSkSigner;
import org.migrationkit.sms.auth.Credentials;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signing the {@code ShowTask} request, each signer given the request exactly as its own client
 * hands it over: ours a URI (it adds {@code X-Domain-Id}, {@code X-Sdk-Date}, {@code
 * Authorization}); the official {@code AKSKSigner} the {@code HttpRequest} that {@code HcClient}
 * builds and {@code GlobalCredentials} extends with {@code X-Domain-Id} (it also signs {@code
 * User-Agent}, as the official client does); the floor a host and a path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SignBenchmark {
  private static final String ENDPOINT = "https://sms.ap-southeast-1.myhuaweicloud.com";

  private URI uri;
  private Credentials credentials;
  private Clock clock;
  private HttpRequest officialRequest;
  private GlobalCredentials officialCredentials;
  private AKSKSigner officialSigner;

  @Setup
  public void setUp() {
    uri = URI.create(ENDPOINT + "/v3/tasks/" + Fixtures.TASK_ID);
    credentials = Credentials.akSk(Fixtures.AK, Fixtures.SK).withDomainId(Fixtures.DOMAIN_ID);
    clock = Clock.systemUTC();
    officialCredentials = Clients.officialCredentials();
    officialRequest =
        new OfficialRequestBuilder(ENDPOINT)
            .showTask()
            .builder()
            .addHeader("X-Domain-Id", Fixtures.DOMAIN_ID)
            .build();
    officialSigner = AKSKSigner.getInstance();
  }

  @Benchmark
  public Map<String, String> ours() {
    return AkSkSigner.sign("GET", uri, Map.of(), null, credentials, clock);
  }

  @Benchmark
  public Map<String, String> official() {
    return officialSigner.sign(officialRequest, officialCredentials);
  }

  @Benchmark
  public FloorSigner.Signed floor() {
    return FloorSigner.signGet(
        uri.getHost(), uri.getRawPath(), Fixtures.AK, Fixtures.SK, Fixtures.DOMAIN_ID);
  }

  /**
   * Reaches {@code HcClient.buildRequest}, so the official signer sees its client's own request.
   */
  static final class OfficialRequestBuilder extends HcClient {
    OfficialRequestBuilder(String endpoint) {
      super(HttpConfig.getDefaultHttpConfig());
      withEndpoints(List.of(endpoint));
    }

    HttpRequest showTask() {
      return buildRequest(Clients.officialRequest(), SmsMeta.showTask);
    }
  }
}
