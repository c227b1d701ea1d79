package org.migrationkit.sms.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies proxy and TLS options to the client's OkHttp builder. Derived clients keep the shared
 * connection pool and dispatcher; only the settings differ.
 */
public final class HttpClientOptions {
  private static final Logger log = LoggerFactory.getLogger("org.migrationkit.sms.SmsClient");

  public @Nullable String proxyHost;
  public int proxyPort;
  public @Nullable String proxyUser;
  public @Nullable String proxyPassword;
  public @Nullable KeyStore trustStore;
  public @Nullable Path caBundle;
  public boolean insecureSkipTlsVerify;

  /**
   * Configures {@code http}; {@code env} is consulted for HTTPS_PROXY/NO_PROXY when no proxy is
   * set.
   */
  public void applyTo(OkHttpClient.Builder http, Map<String, String> env) {
    applyProxy(http, env);
    applyTls(http);
  }

  private void applyProxy(OkHttpClient.Builder http, Map<String, String> env) {
    EnvironmentProxySelector environment = null;
    boolean proxied = true;
    if (proxyHost != null) {
      http.proxy(
          new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxyHost, proxyPort)));
    } else if (System.getProperty("https.proxyHost") == null
        && System.getProperty("http.proxyHost") == null) {
      // else OkHttp's default ProxySelector honours the JVM's settings, http.nonProxyHosts included
      environment = EnvironmentProxySelector.fromEnvironment(env);
      if (environment != null) {
        http.proxySelector(environment);
      } else {
        proxied = false;
      }
    }
    if (proxyUser != null && !proxied) {
      throw new IllegalStateException(
          "proxyCredentials(...) is set but no proxy is: set proxy(host, port), HTTPS_PROXY or"
              + " the JVM's https.proxyHost");
    }
    http.proxyAuthenticator(new ProxyAuthentication(environment, proxyUser, proxyPassword));
  }

  /** Returns the name of the first proxy or TLS option set, or null when none is. */
  public @Nullable String firstOptionSet() {
    if (proxyHost != null) {
      return "proxy(...)";
    }
    if (proxyUser != null) {
      return "proxyCredentials(...)";
    }
    if (trustStore != null) {
      return "trustStore(...)";
    }
    if (caBundle != null) {
      return "caBundle(...)";
    }
    return insecureSkipTlsVerify ? "insecureSkipTlsVerify(true)" : null;
  }

  private void applyTls(OkHttpClient.Builder http) {
    try {
      if (insecureSkipTlsVerify) {
        log.warn(
            "TLS certificate and host name verification is OFF (insecureSkipTlsVerify): use this only in a lab");
        X509TrustManager trustAll = new TrustAll();
        http.sslSocketFactory(context(trustAll).getSocketFactory(), trustAll);
        http.hostnameVerifier((host, session) -> true);
        return;
      }
      KeyStore store = trustStore;
      if (caBundle != null) {
        store = pemTrustStore(caBundle);
      }
      if (store != null) {
        TrustManagerFactory factory =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        X509TrustManager manager =
            (X509TrustManager)
                Arrays.stream(factory.getTrustManagers())
                    .filter(m -> m instanceof X509TrustManager)
                    .findFirst()
                    .orElseThrow(
                        () -> new IllegalStateException("no X509TrustManager for the trust store"));
        http.sslSocketFactory(context(manager).getSocketFactory(), manager);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "the TLS trust settings cannot be used: " + e.getMessage(), e);
    }
  }

  private static SSLContext context(X509TrustManager manager) throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {manager}, null);
    return context;
  }

  /** Reads every certificate of a PEM bundle into a trust store. */
  static KeyStore pemTrustStore(Path pem) throws GeneralSecurityException {
    try (InputStream in = Files.newInputStream(pem)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      java.util.Collection<? extends Certificate> certificates;
      try {
        certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
      } catch (java.security.cert.CertificateException e) {
        throw new IllegalArgumentException(
            "the CA bundle " + pem + " holds no readable certificate: " + e.getMessage(), e);
      }
      for (Certificate certificate : certificates) {
        store.setCertificateEntry("ca-" + i++, certificate);
      }
      if (i == 0) {
        throw new IllegalArgumentException("the CA bundle " + pem + " holds no certificate");
      }
      return store;
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "the CA bundle " + pem + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
