package org.migrationkit.sms.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Chooses a proxy from the {@code HTTPS_PROXY}, {@code HTTP_PROXY} and {@code NO_PROXY} environment
 * variables (either case), as curl and most command-line tools do; used only when neither the
 * builder nor the JVM's {@code https.proxyHost}/{@code http.proxyHost} set a proxy.
 *
 * <p>A {@code NO_PROXY} entry is, as curl and Go read them: {@code *}; a host name, which also
 * covers its subdomains ({@code example.com}, {@code .example.com}); an IP address; a {@code
 * host:port} or {@code [v6]:port} pair, which covers that port only; or a CIDR block ({@code
 * 127.0.0.0/8}, {@code fd00::/8}), which covers a host written as an IP address in it (no name is
 * looked up to match one).
 */
public final class EnvironmentProxySelector extends ProxySelector {
  private final @Nullable HttpUrl httpsProxy;
  private final @Nullable HttpUrl httpProxy;
  private final List<NoProxyEntry> noProxy;

  private EnvironmentProxySelector(
      @Nullable HttpUrl httpsProxy, @Nullable HttpUrl httpProxy, List<NoProxyEntry> noProxy) {
    this.httpsProxy = httpsProxy;
    this.httpProxy = httpProxy;
    this.noProxy = noProxy;
  }

  /** Returns a selector for the environment, or {@code null} when it names no proxy. */
  public static @Nullable EnvironmentProxySelector fromEnvironment(Map<String, String> env) {
    HttpUrl https = proxyUrl("HTTPS_PROXY", variable(env, "HTTPS_PROXY"));
    HttpUrl http = proxyUrl("HTTP_PROXY", variable(env, "HTTP_PROXY"));
    if (https == null && http == null) {
      return null;
    }
    List<NoProxyEntry> noProxy = new ArrayList<>();
    String list = variable(env, "NO_PROXY");
    if (list != null) {
      for (String entry : list.split(",")) {
        NoProxyEntry parsed = NoProxyEntry.parse(entry);
        if (parsed != null) {
          noProxy.add(parsed);
        }
      }
    }
    return new EnvironmentProxySelector(https, http, List.copyOf(noProxy));
  }

  /**
   * Returns the configured proxy listening at {@code address}, for its credentials, or {@code
   * null}.
   */
  public @Nullable HttpUrl proxyAt(@Nullable SocketAddress address) {
    if (!(address instanceof InetSocketAddress)) {
      return null;
    }
    InetSocketAddress at = (InetSocketAddress) address;
    for (HttpUrl proxy : new HttpUrl[] {httpsProxy, httpProxy}) {
      if (proxy != null
          && proxy.port() == at.getPort()
          && proxy.host().equalsIgnoreCase(at.getHostString())) {
        return proxy;
      }
    }
    return null;
  }

  /** Returns the proxy used for {@code scheme}. */
  public @Nullable HttpUrl proxyFor(String scheme) {
    return "https".equalsIgnoreCase(scheme)
        ? (httpsProxy != null ? httpsProxy : httpProxy)
        : httpProxy;
  }

  private static @Nullable String variable(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      value = env.get(name.toLowerCase(Locale.ROOT));
    }
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static @Nullable HttpUrl proxyUrl(String name, @Nullable String value) {
    if (value == null) {
      return null;
    }
    HttpUrl url = HttpUrl.parse(value.contains("://") ? value : "http://" + value);
    if (url == null || url.host().isEmpty()) {
      throw new IllegalArgumentException(
          name + " is not a proxy URL: " + Messages.quote(Messages.redactUserInfo(value)));
    }
    return url;
  }

  @Override
  public List<Proxy> select(URI uri) {
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port =
        uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    for (NoProxyEntry excluded : noProxy) {
      if (excluded.matches(host, port)) {
        return List.of(Proxy.NO_PROXY);
      }
    }
    HttpUrl proxy = proxyFor(uri.getScheme() == null ? "http" : uri.getScheme());
    if (proxy == null) {
      return List.of(Proxy.NO_PROXY);
    }
    return List.of(
        new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException e) {
    // OkHttp tries the next route itself
  }
}
