package org.migrationkit.sms.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Objects;
import okhttp3.Authenticator;
import okhttp3.Challenge;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;
import org.jspecify.annotations.Nullable;

/**
 * Answers a proxy's real {@code 407} Basic challenge once, wherever the proxy came from (the
 * builder, the JVM's settings or {@code HTTPS_PROXY}): with the user info of the proxy URL when it
 * has one, else with {@code proxyCredentials(...)}. OkHttp's pre-emptive pseudo-challenge is
 * declined, so credentials go only to a proxy that asks. A challenge it cannot answer (no
 * credentials, a scheme other than Basic, the same credentials refused again) ends the attempt with
 * {@link Refused}, a configuration error that names the proxy and is not retried.
 */
final class ProxyAuthentication implements Authenticator {
  private final @Nullable EnvironmentProxySelector environment;
  private final @Nullable String user;
  private final @Nullable String password;

  ProxyAuthentication(
      @Nullable EnvironmentProxySelector environment,
      @Nullable String user,
      @Nullable String password) {
    this.environment = environment;
    this.user = user;
    this.password = password;
  }

  @Override
  public @Nullable Request authenticate(@Nullable Route route, Response response)
      throws IOException {
    if ("OkHttp-Preemptive".equals(response.header("Proxy-Authenticate"))) {
      return null;
    }
    SocketAddress address = route == null ? null : route.proxy().address();
    String proxy = describe(address);
    boolean basic = false;
    for (Challenge challenge : response.challenges()) {
      basic |= "Basic".equalsIgnoreCase(challenge.scheme());
    }
    String value = credentialsFor(address);
    if (value == null) {
      throw new Refused(
          "the proxy "
              + proxy
              + " answered 407 Proxy Authentication Required and no proxy credentials are set:"
              + " set proxyCredentials(...) or user:password@ in the proxy URL");
    }
    if (!basic) {
      throw new Refused(
          "the proxy "
              + proxy
              + " answered 407 asking for "
              + Messages.quote(response.header("Proxy-Authenticate"))
              + " authentication; the client answers Basic only");
    }
    if (response.request().header("Proxy-Authorization") != null) {
      throw new Refused(
          "the proxy " + proxy + " refused the proxy credentials (407 again): check them");
    }
    return response.request().newBuilder().header("Proxy-Authorization", value).build();
  }

  /** Returns the Basic header for the proxy at {@code address}: its URL's user info wins. */
  private @Nullable String credentialsFor(@Nullable SocketAddress address) {
    HttpUrl url = environment == null ? null : environment.proxyAt(address);
    if (url != null && !url.username().isEmpty()) {
      return okhttp3.Credentials.basic(url.username(), url.password());
    }
    return user == null ? null : okhttp3.Credentials.basic(user, password == null ? "" : password);
  }

  /**
   * Equal for equal settings: OkHttp pools a connection per address, and the proxy authenticator is
   * part of it, so clients built alike must share one (and their connections).
   */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ProxyAuthentication
        && ((ProxyAuthentication) o).environment == environment
        && Objects.equals(((ProxyAuthentication) o).user, user)
        && Objects.equals(((ProxyAuthentication) o).password, password);
  }

  @Override
  public int hashCode() {
    return Objects.hash(System.identityHashCode(environment), user, password);
  }

  @Override
  public String toString() {
    return "ProxyAuthentication{credentials=" + (user != null ? "set" : "none") + "}";
  }

  /** Returns {@code host:port} of a proxy, never its credentials. */
  static String describe(@Nullable SocketAddress address) {
    if (address instanceof InetSocketAddress) {
      InetSocketAddress at = (InetSocketAddress) address;
      return at.getHostString() + ":" + at.getPort();
    }
    return "(unknown)";
  }

  /** A proxy refused the client: a configuration error, reported at once and not retried. */
  static final class Refused extends IOException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }
}
