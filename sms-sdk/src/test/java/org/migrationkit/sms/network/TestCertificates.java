package org.migrationkit.sms.network;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * Certificates made in the test run with okhttp-tls: one private CA, and server certificates it
 * signs for loopback, for another name, or already expired.
 *
 * <pre>{@code
 * SmsClient.builder().trustStore(TestCertificates.trustStore())...
 * TlsServer.answering(TestCertificates.loopback())
 * }</pre>
 */
public final class TestCertificates {
  private static final HeldCertificate CA =
      new HeldCertificate.Builder().certificateAuthority(0).commonName("sms test CA").build();
  private static final HeldCertificate LOOPBACK = signed("127.0.0.1", "localhost").build();

  private TestCertificates() {}

  private static HeldCertificate.Builder signed(String... names) {
    HeldCertificate.Builder b = new HeldCertificate.Builder().signedBy(CA).commonName(names[0]);
    for (String name : names) {
      b.addSubjectAlternativeName(name);
    }
    return b;
  }

  /** A certificate for 127.0.0.1 and localhost, signed by the test CA. */
  public static HandshakeCertificates loopback() {
    return serving(LOOPBACK);
  }

  /** A certificate signed by the test CA for a name that is not the loopback address. */
  public static HandshakeCertificates otherName() {
    return serving(signed("sms.other.example").build());
  }

  /** A certificate for 127.0.0.1 signed by the test CA that expired yesterday. */
  public static HandshakeCertificates expired() {
    Instant start = Instant.now().minus(Duration.ofDays(3));
    return serving(
        signed("127.0.0.1")
            .validityInterval(start.toEpochMilli(), start.plus(Duration.ofDays(2)).toEpochMilli())
            .build());
  }

  /** A self-signed certificate for 127.0.0.1 that no trust store holds. */
  public static HandshakeCertificates untrusted() {
    HeldCertificate self =
        new HeldCertificate.Builder()
            .commonName("127.0.0.1")
            .addSubjectAlternativeName("127.0.0.1")
            .build();
    return new HandshakeCertificates.Builder().heldCertificate(self).build();
  }

  private static HandshakeCertificates serving(HeldCertificate certificate) {
    return new HandshakeCertificates.Builder()
        .heldCertificate(certificate, CA.certificate())
        .build();
  }

  /** A trust store holding the test CA only. */
  public static KeyStore trustStore() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry("sms-test-ca", CA.certificate());
      return store;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
