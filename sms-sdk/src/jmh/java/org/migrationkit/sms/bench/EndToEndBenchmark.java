package org.migrationkit.sms.bench;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code showTask} end to end (build, sign, send, receive, parse) against one {@link
 * LoopbackServer} in this JVM answering the same canned body to ours, the official client and the
 * floor. Run it with {@code -t 1} and {@code -t 8} for sequential and concurrent callers, in
 * throughput and sample-time modes (the latter gives p50 and p99).
 *
 * <p>The server allocates nothing per request, so {@code -prof gc}'s bytes per operation are the
 * client's (OkHttp's included).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// On 2 cores every client still speeds up for 15 to 21 s of calls while the JIT compiles.
@Warmup(iterations = 10, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class EndToEndBenchmark {
  @Param({"small"})
  public String body;

  private LoopbackServer server;
  private SmsClient ours;
  private com.huaweicloud.sdk.sms.v3.SmsClient official;
  private FloorClient floor;

  @Setup(Level.Trial)
  public void setUp() throws IOException, InterruptedException {
    server = LoopbackServer.start(Fixtures.body(body));
    ours = Clients.ours(server.url());
    official = Clients.official(server.url());
    floor = Clients.floor(server.url());
    Clients.check(server, ours, official, floor, body.equals("small") ? 1 : 1_000);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    // One connection per client for the checks, then at most one per caller: more would mean the
    // client churns connections, which the numbers would then include.
    System.out.printf("%nloopback server: %d connections accepted%n", server.acceptedConnections());
    ours.close();
    floor.close();
    server.close();
  }

  @Benchmark
  public ShowTaskResponse ours() {
    return ours.showTask(Fixtures.TASK_ID);
  }

  @Benchmark
  public com.huaweicloud.sdk.sms.v3.model.ShowTaskResponse official() {
    return official.showTask(
        Clients.officialRequest()); // a new request per call, as a caller writes it
  }

  @Benchmark
  public Map<String, Object> floor() throws IOException {
    return floor.showTask(Fixtures.TASK_ID);
  }
}
