package org.migrationkit.sms.interop;

import com.huaweicloud.sdk.core.auth.GlobalCredentials;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.sms.v3.SmsClient;
import java.util.List;

/**
 * Huawei Cloud's own {@code SmsClient}, pointed at a loopback server, as the interop tests use it.
 */
final class OfficialClients {
  private OfficialClients() {}

  /** The official client for {@code endpoint}, signing with a global AK/SK and domain id. */
  static SmsClient at(String endpoint, String ak, String sk, String domainId) {
    return SmsClient.newBuilder()
        .withCredential(new GlobalCredentials().withAk(ak).withSk(sk).withDomainId(domainId))
        .withEndpoints(List.of(endpoint))
        .withHttpConfig(
            HttpConfig.getDefaultHttpConfig().withConnectionTimeout(10).withReadTimeout(15))
        .build();
  }
}
