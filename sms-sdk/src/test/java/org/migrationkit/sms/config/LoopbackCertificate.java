package org.migrationkit.sms.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A self-signed server certificate for {@code 127.0.0.1} and {@code localhost}, made once per test
 * run with {@code keytool}, for WireMock's https port.
 *
 * <p>WireMock's bundled certificate ({@code CN=Tom Akehurst}, no subject alternative names) matches
 * neither {@code 127.0.0.1} nor {@code localhost}, so a client that trusts it through a CA bundle
 * still fails host name verification; tests that check trust need a certificate naming the host.
 *
 * <pre>{@code
 * wireMockConfig().dynamicHttpsPort()
 *     .keystorePath(LoopbackCertificate.keystore().toString())
 *     .keystorePassword(LoopbackCertificate.PASSWORD)
 *     .keyManagerPassword(LoopbackCertificate.PASSWORD)
 *     .keystoreType("PKCS12");
 * Path pem = LoopbackCertificate.fetchPem(wm.getHttpsPort(), tempDir.resolve("server.pem"));
 * }</pre>
 */
public final class LoopbackCertificate {
  /** The password of the key store and of its key. */
  public static final String PASSWORD = "changeit";

  private static Path keystore;

  private LoopbackCertificate() {}

  /** Returns a PKCS12 key store holding the key and certificate, generating it on first use. */
  public static synchronized Path keystore() {
    if (keystore == null) {
      keystore = generate();
    }
    return keystore;
  }

  private static Path generate() {
    try {
      Path dir = Files.createTempDirectory("sms-config-tls");
      Path file = dir.resolve("loopback.p12");
      Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
      Process process =
          new ProcessBuilder(
                  keytool.toString(),
                  "-genkeypair",
                  "-noprompt",
                  "-alias",
                  "loopback",
                  "-keyalg",
                  "RSA",
                  "-keysize",
                  "2048",
                  "-dname",
                  "CN=localhost",
                  "-ext",
                  "SAN=ip:127.0.0.1,dns:localhost",
                  "-validity",
                  "2",
                  "-storetype",
                  "PKCS12",
                  "-keystore",
                  file.toString(),
                  "-storepass",
                  PASSWORD,
                  "-keypass",
                  PASSWORD)
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException("keytool failed: " + output);
      }
      file.toFile().deleteOnExit();
      dir.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Connects to {@code 127.0.0.1:port} trusting anything, and writes the certificate chain the
   * server presents to {@code pemFile}.
   */
  public static Path fetchPem(int port, Path pemFile) {
    try {
      SSLContext trustAll = SSLContext.getInstance("TLS");
      trustAll.init(null, new TrustManager[] {new TrustAll()}, null);
      Certificate[] chain;
      try (SSLSocket socket =
          (SSLSocket) trustAll.getSocketFactory().createSocket("127.0.0.1", port)) {
        socket.startHandshake();
        chain = socket.getSession().getPeerCertificates();
      }
      StringBuilder pem = new StringBuilder();
      Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
      for (Certificate certificate : chain) {
        pem.append("-----BEGIN CERTIFICATE-----\n")
            .append(base64.encodeToString(certificate.getEncoded()))
            .append("\n-----END CERTIFICATE-----\n");
      }
      return Files.writeString(pemFile, pem);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads the certificates of a PEM file. */
  public static List<X509Certificate> read(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
          .map(c -> (X509Certificate) c)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns an in-memory trust store holding the certificates of a PEM file. */
  public static KeyStore trustStore(Path pem) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      int i = 0;
      for (X509Certificate certificate : read(pem)) {
        store.setCertificateEntry("server-" + i++, certificate);
      }
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
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
