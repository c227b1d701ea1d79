import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.testing.JournalEntry;
import org.migrationkit.sms.testing.SmsSimulator;

/**
 * Hands the SDK your own OkHttp client: its dispatcher limits, connection pool and interceptors
 * (here one that adds a trace header and logs each exchange). Proxy and TLS settings would go on
 * the same builder.
 *
 * <p>The SDK derives its client with {@code newBuilder()}, so your client is never modified, and
 * {@link SmsClient#close()} leaves it open: shut it down yourself. Headers an interceptor adds are
 * sent but not signed. Runs against the embedded simulator unless {@code CLOUD_SDK_AK} and {@code
 * CLOUD_SDK_SK} are set (then {@code SMS_REGION} and {@code SMS_TASK_ID} are used).
 */
public final class CustomHttpClient {
  public static void main(String[] args) {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(32);
    dispatcher.setMaxRequestsPerHost(8);
    OkHttpClient http =
        new OkHttpClient.Builder()
            .dispatcher(dispatcher)
            .connectionPool(new ConnectionPool(4, 1, TimeUnit.MINUTES))
            .addInterceptor(new TraceHeader())
            // .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("proxy.example.com", 3128)))
            .build();
    try {
      String ak = System.getenv("CLOUD_SDK_AK");
      String sk = System.getenv("CLOUD_SDK_SK");
      if (ak != null && sk != null) {
        String region = System.getenv().getOrDefault("SMS_REGION", "ap-southeast-1");
        try (SmsClient sms =
            SmsClient.builder()
                .region(region)
                .credentials(Credentials.akSk(ak, sk))
                .httpClient(http)
                .readTimeout(
                    Duration.ofSeconds(20)) // settings on the SDK builder win over the client's
                .build()) {
          print(sms.showTask(System.getenv("SMS_TASK_ID")));
        }
      } else {
        Credentials credentials = Credentials.akSk("demo-access-key", "demo-secret-key");
        try (SmsSimulator simulator = SmsSimulator.start(credentials);
            SmsClient sms =
                SmsClient.builder()
                    .endpoint(simulator.endpoint())
                    .credentials(credentials)
                    .httpClient(http)
                    .build()) {
          print(sms.showTask(SmsSimulator.EXAMPLE_TASK_ID));
          JournalEntry seen = simulator.journal().get(0);
          System.out.println(
              "the simulator saw X-Trace-Id "
                  + seen.header("X-Trace-Id")
                  + ", signature "
                  + seen.signatureReason());
        }
      }
    } finally {
      // the SDK never closes a client it was given
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  private static void print(ShowTaskResponse task) {
    System.out.println("task " + task.getName() + " is " + task.getState());
  }

  /** Adds {@code X-Trace-Id} to every request and logs each exchange on one line. */
  static final class TraceHeader implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
      String traceId = UUID.randomUUID().toString();
      Request request = chain.request().newBuilder().header("X-Trace-Id", traceId).build();
      long start = System.nanoTime();
      Response response = chain.proceed(request);
      System.out.println(
          request.method()
              + " "
              + request.url().encodedPath()
              + " -> "
              + response.code()
              + " in "
              + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)
              + " ms, trace "
              + traceId
              + ", request id "
              + response.header("X-Request-Id"));
      return response;
    }
  }
}
