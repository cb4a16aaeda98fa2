package org.pccc.crypto;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pccc.crypto.pki.CertificateEntry;
import org.pccc.crypto.pki.CertificateSet;
import org.pccc.crypto.pki.KeyPurpose;
import org.pccc.model.directory.CentreEntry;
import org.pccc.model.directory.NetworkDirectory;

/**
 * A network directory whose coordinator signature has been verified: the only source of partner
 * keys a node trusts. Only {@link DirectoryVerifier} creates one (type-state: an unverified
 * directory is just a {@link NetworkDirectory}). Immutable and thread-safe.
 */
public final class TrustedDirectory {
  private final NetworkDirectory directory;
  private final Map<String, Signer> signersByThumbprint;
  private final Map<String, CertificateSet> signing;
  private final Map<String, CertificateSet> encryption;

  /**
   * A centre's signing certificate found in the directory.
   *
   * @param centreId the centre that owns it
   * @param certificate the certificate
   */
  public record Signer(String centreId, X509Certificate certificate) {}

  private TrustedDirectory(NetworkDirectory directory) {
    this.directory = directory;
    Map<String, Signer> signers = new HashMap<>();
    Map<String, CertificateSet> sign = new LinkedHashMap<>();
    Map<String, CertificateSet> enc = new LinkedHashMap<>();
    for (CentreEntry c : directory.centres()) {
      List<X509Certificate> signingCerts = decode(c.signingCertificates(), c.centreId());
      List<X509Certificate> encryptionCerts = decode(c.encryptionCertificates(), c.centreId());
      CertificateSet signingSet = CertificateSet.of(c.centreId(), KeyPurpose.SIGNATURE, signingCerts);
      for (CertificateEntry e : signingSet.entries()) {
        if (signers.putIfAbsent(e.x5tS256(), new Signer(c.centreId(), e.certificate())) != null) {
          throw new CryptoConfigurationException(ErrorCode.CONFIGURATION,
              "directory lists one signing certificate for two centres (" + c.centreId() + ")");
        }
      }
      sign.put(c.centreId(), signingSet);
      enc.put(c.centreId(), CertificateSet.of(c.centreId(), KeyPurpose.KEY_AGREEMENT, encryptionCerts));
    }
    this.signersByThumbprint = Map.copyOf(signers);
    this.signing = Map.copyOf(sign);
    this.encryption = Map.copyOf(enc);
  }

  /** Wraps a directory whose signature the caller has verified. Package-private on purpose. */
  static TrustedDirectory ofVerified(NetworkDirectory directory) {
    return new TrustedDirectory(directory);
  }

  /** Returns the directory itself. */
  public NetworkDirectory directory() {
    return directory;
  }

  /** Returns the directory's serial number. */
  public long serial() {
    return directory.serial();
  }

  /**
   * Finds the centre owning a signing certificate, by the certificate's {@code x5t#S256}.
   *
   * @param x5tS256 base64url SHA-256 of the certificate's DER encoding
   * @return the centre and certificate, or empty if the directory does not list it
   */
  public Optional<Signer> signer(String x5tS256) {
    return Optional.ofNullable(signersByThumbprint.get(x5tS256));
  }

  /** True if the certificate is one of the signing certificates the directory lists. */
  public boolean listsSigningCertificate(X509Certificate certificate) {
    Signer s = signersByThumbprint.get(org.pccc.crypto.pki.CertificateThumbprint.x5tS256(certificate));
    return s != null && s.certificate().equals(certificate);
  }

  /**
   * Returns the encryption certificate of a centre to use at an instant (key rotation: the most
   * recently issued one valid then).
   *
   * @param centreId the centre
   * @param at usually now
   * @return the certificate, or empty if the centre is not listed or has none valid then
   */
  public Optional<CertificateEntry> encryptionCertificate(String centreId, Instant at) {
    CertificateSet set = encryption.get(centreId);
    return set == null ? Optional.empty() : set.select(at);
  }

  /** Returns the signing certificates of a centre, oldest first, or an empty list. */
  public List<CertificateEntry> signingCertificates(String centreId) {
    CertificateSet set = signing.get(centreId);
    return set == null ? List.of() : set.entries();
  }

  /** Returns the endpoint URIs of a centre, or an empty list. */
  public List<String> endpoints(String centreId) {
    return directory.centre(centreId).map(CentreEntry::endpoints).orElse(List.of());
  }

  private static List<X509Certificate> decode(List<String> base64Ders, String centreId) {
    List<X509Certificate> out = new ArrayList<>();
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (String b64 : base64Ders) {
        out.add((X509Certificate) factory.generateCertificate(
            new ByteArrayInputStream(Base64.getDecoder().decode(b64))));
      }
    } catch (CertificateException | IllegalArgumentException e) {
      throw new CryptoConfigurationException(ErrorCode.CONFIGURATION,"directory holds an unreadable certificate for centre " + centreId, e);
    }
    return out;
  }
}
