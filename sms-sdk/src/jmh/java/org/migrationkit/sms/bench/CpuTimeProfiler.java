package org.migrationkit.sms.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Reports the CPU time the whole benchmark JVM spent per operation (user + system, every thread:
 * callers, OkHttp's, the loopback server's, GC and JIT), as {@code cpu.time.norm} in µs/op.
 *
 * <pre>{@code
 * java -jar benchmarks.jar EndToEndBenchmark -prof org.migrationkit.sms.bench.CpuTimeProfiler
 * }</pre>
 *
 * <p>Wall-clock time on a 2-core machine shared with other work mostly measures that work; CPU time
 * per call barely moves with it, and bounds throughput: N cores / (CPU per call) calls per second.
 * The server's share is the same for every client.
 */
public final class CpuTimeProfiler implements InternalProfiler {
  private final OperatingSystemMXBean os =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private long before;

  @Override
  public String getDescription() {
    return "process CPU time per operation";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
    before = os.getProcessCpuTime();
  }

  @Override
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmark, IterationParams iteration, IterationResult result) {
    long nanos = os.getProcessCpuTime() - before;
    long ops = result.getMetadata().getAllOps();
    double perOp = ops == 0 ? Double.NaN : nanos / 1000.0 / ops;
    return List.of(new ScalarResult("cpu.time.norm", perOp, "us/op", AggregationPolicy.AVG));
  }
}
