package org.migrationkit.sms.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Both SDKs on one class path, as an application that already uses Huawei Cloud's SDK has them: one
 * copy of OkHttp (the official SDK's own {@code okhttp} is excluded in the pom, so Maven cannot put
 * it beside {@code okhttp-jvm}) and one of Jackson. Prints the versions in use, so a run of the
 * {@code okhttp4} profile shows that it really ran on OkHttp 4.12 and Jackson 2.14.
 */
class ClassPathCoexistenceTest {
  @Test
  void testClassPath_holdsExactlyOneOkHttpAndOneJacksonCore() throws IOException {
    List<URL> okHttp = resources("okhttp3/OkHttpClient.class");
    List<URL> jacksonCore = resources("com/fasterxml/jackson/core/JsonFactory.class");
    List<URL> databind = resources("com/fasterxml/jackson/databind/ObjectMapper.class");

    System.out.println("OkHttp " + okHttpVersion() + " from " + okHttp);
    System.out.println(
        "jackson-core "
            + com.fasterxml.jackson.core.json.PackageVersion.VERSION
            + " from "
            + jacksonCore);
    System.out.println(
        "jackson-databind "
            + com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION
            + " from "
            + databind);

    assertThat(okHttp).hasSize(1);
    assertThat(jacksonCore).hasSize(1);
    assertThat(databind).hasSize(1);
  }

  private static List<URL> resources(String name) throws IOException {
    return Collections.list(ClassPathCoexistenceTest.class.getClassLoader().getResources(name));
  }

  /**
   * Read reflectively: the constant would otherwise be inlined from the OkHttp compiled against.
   */
  private static String okHttpVersion() {
    try {
      return (String) Class.forName("okhttp3.OkHttp").getField("VERSION").get(null);
    } catch (ReflectiveOperationException e) {
      return "unknown (" + e + ")";
    }
  }
}
