package org.migrationkit.sms.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.SmsClient;

/**
 * Every operation of Huawei Cloud's official {@code SmsClient} (3.1.143) has its counterpart in
 * ours: {@code xxx(XxxRequest)} and {@code xxxAsync(XxxRequest)}, same name, returning the response
 * the description names.
 */
class OperationCoverageTest {
  private static final String OFFICIAL_MODEL = "com.huaweicloud.sdk.sms.v3.model.";

  @Test
  void everyOfficialOperation_hasOurBlockingAndAsyncMethod() throws Exception {
    List<String> missing = new ArrayList<>();
    TreeSet<String> official = new TreeSet<>();
    for (Method m : com.huaweicloud.sdk.sms.v3.SmsClient.class.getDeclaredMethods()) {
      if (!Modifier.isPublic(m.getModifiers())
          || Modifier.isStatic(m.getModifiers())
          || m.getParameterCount() != 1
          || m.getName().endsWith("Invoker")
          || !m.getParameterTypes()[0].getName().startsWith(OFFICIAL_MODEL)) {
        continue;
      }
      official.add(m.getName());
      Class<?> ours =
          Class.forName("org.migrationkit.sms.model." + m.getParameterTypes()[0].getSimpleName());
      try {
        SmsClient.class.getMethod(m.getName(), ours);
      } catch (NoSuchMethodException e) {
        missing.add(m.getName() + "(" + ours.getSimpleName() + ")");
      }
      try {
        Method async = SmsClient.class.getMethod(m.getName() + "Async", ours);
        assertThat(async.getReturnType()).isEqualTo(CompletableFuture.class);
      } catch (NoSuchMethodException e) {
        missing.add(m.getName() + "Async(" + ours.getSimpleName() + ")");
      }
    }

    assertThat(missing).isEmpty();
    assertThat(official).hasSize(51);
    assertThat(official)
        .containsExactlyInAnyOrderElementsOf(
            OperationRequests.operations().map(ApiDescription.Operation::method).toList());
  }

  @Test
  void everyDescribedOperation_returnsTheDescribedResponse() throws Exception {
    for (ApiDescription.Operation op : OperationRequests.API.operations()) {
      Method m = SmsClient.class.getMethod(op.method(), OperationRequests.ourRequestClass(op));
      String expected =
          op.responseKind().equals("model") ? op.responseModel() : op.name() + "Response";
      assertThat(m.getReturnType().getSimpleName()).as(op.name()).isEqualTo(expected);
    }
  }
}
