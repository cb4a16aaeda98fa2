package org.pccc.crypto.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.pccc.crypto.internal.pki.KeyPairCheck;
import org.pccc.crypto.internal.pki.X509;

/**
 * A certificate authority that issues X.509 v3 certificates (RFC 5280, RFC 8410 for Ed25519 and
 * X25519) and CRLs for PCCC centres.
 *
 * <p>What it issues:
 *
 * <ul>
 *   <li>a self-signed root ({@link #createRoot}) or an intermediate ({@link #issueIntermediate}):
 *       basicConstraints CA=true (critical), keyUsage keyCertSign and cRLSign (critical);
 *   <li>signing certificates ({@link KeyPurpose#SIGNATURE}, Ed25519 or P-256 keys): keyUsage
 *       digitalSignature and nonRepudiation (contentCommitment);
 *   <li>encryption certificates ({@link KeyPurpose#KEY_AGREEMENT}, X25519 or P-256 keys): keyUsage
 *       keyAgreement only. An X25519 key cannot sign its own request, so the CA certifies it
 *       directly from the public key (RFC 8410 section 5);
 *   <li>CRLs ({@link #issueCrl}) with an authorityKeyIdentifier and a cRLNumber.
 * </ul>
 *
 * <p>Every end-entity certificate has basicConstraints CA=false (critical), a
 * subjectKeyIdentifier (SHA-1 of the key, RFC 5280 method 1), an authorityKeyIdentifier, the
 * subject's SubjectAlternativeName URIs, and a random 127-bit serial number. The CA signs with
 * {@code Ed25519} or {@code SHA256withECDSA} through the JDK's providers.
 *
 * <p>Immutable and thread-safe (the {@link SecureRandom} it holds is thread-safe). {@link
 * #toString()} never prints the CA's private key.
 */
public final class CertificateIssuer {
  private final PrivateKey privateKey;
  private final List<X509Certificate> chain;
  private final KeyAlgorithm algorithm;
  private final SecureRandom random;

  private CertificateIssuer(
      PrivateKey privateKey,
      List<X509Certificate> chain,
      KeyAlgorithm algorithm,
      SecureRandom random) {
    this.privateKey = privateKey;
    this.chain = List.copyOf(chain);
    this.algorithm = algorithm;
    this.random = random;
  }

  /**
   * Creates a self-signed root CA.
   *
   * @param caKeyPair an Ed25519 or P-256 key pair for the CA
   * @param subject the CA's name, usually {@link CertificateSubject#authority}
   * @param validity the CA certificate's validity
   * @param random source of serial numbers and ECDSA nonces; seed it only in tests
   * @return an issuer whose certificate is the new root
   * @throws KeyLoadingException if the key cannot sign
   */
  public static CertificateIssuer createRoot(
      KeyPair caKeyPair,
      CertificateSubject subject,
      CertificateValidity validity,
      SecureRandom random) {
    Objects.requireNonNull(caKeyPair, "caKeyPair");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(validity, "validity");
    Objects.requireNonNull(random, "random");
    KeyAlgorithm algorithm = KeyPairCheck.requireMatch(caKeyPair.getPrivate(), caKeyPair.getPublic());
    requireCanSign(algorithm);
    SubjectPublicKeyInfo keyInfo = keyInfo(caKeyPair.getPublic());
    byte[] keyId = subjectKeyIdentifier(keyInfo).getKeyIdentifier();
    X509v3CertificateBuilder builder =
        builder(subject.toX500Name(), subject.toX500Name(), validity, keyInfo, random);
    addCaExtensions(builder, keyInfo, keyId, null);
    X509Certificate root =
        sign(builder, caKeyPair.getPrivate(), algorithm, random);
    return new CertificateIssuer(caKeyPair.getPrivate(), List.of(root), algorithm, random);
  }

  /**
   * Uses an existing CA key and certificate, for example one loaded from PKCS#12.
   *
   * @param caPrivateKey the CA's Ed25519 or P-256 private key
   * @param caChain the CA's certificate first, then its issuers
   * @param random source of serial numbers and ECDSA nonces
   * @return the issuer
   * @throws KeyLoadingException if the key does not belong to the certificate, or the certificate
   *     is not a CA certificate allowed to sign certificates
   */
  public static CertificateIssuer of(
      PrivateKey caPrivateKey, List<X509Certificate> caChain, SecureRandom random) {
    Objects.requireNonNull(caPrivateKey, "caPrivateKey");
    Objects.requireNonNull(random, "random");
    List<X509Certificate> chain = List.copyOf(caChain);
    if (chain.isEmpty()) {
      throw new KeyLoadingException("the CA certificate chain is empty");
    }
    X509Certificate caCertificate = chain.get(0);
    KeyAlgorithm algorithm = KeyPairCheck.requireMatch(caPrivateKey, caCertificate.getPublicKey());
    requireCanSign(algorithm);
    boolean[] usage = caCertificate.getKeyUsage();
    boolean keyCertSign = usage == null || (usage.length > 5 && usage[5]);
    if (caCertificate.getBasicConstraints() < 0 || !keyCertSign) {
      throw new KeyLoadingException(
          "certificate " + X509.describe(caCertificate) + " is not allowed to sign certificates");
    }
    return new CertificateIssuer(caPrivateKey, chain, algorithm, random);
  }

  /** Returns the CA's certificate. */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** Returns the CA's chain: its certificate first, up to the root; unmodifiable. */
  public List<X509Certificate> chain() {
    return chain;
  }

  /** Returns the algorithm of the CA's key. */
  public KeyAlgorithm algorithm() {
    return algorithm;
  }

  /** The CA's private key, for the development PKI's export only. */
  PrivateKey privateKey() {
    return privateKey;
  }

  /**
   * Issues an end-entity certificate for a signing or encryption key.
   *
   * @param purpose {@link KeyPurpose#SIGNATURE} or {@link KeyPurpose#KEY_AGREEMENT}; decides the
   *     keyUsage
   * @param subjectKey the public key to certify; its algorithm must fit the purpose
   * @param subject whom the certificate names, usually {@link CertificateSubject#centre}
   * @param validity the certificate's validity; not checked against the CA's own, so that tests
   *     can make certificates that PKIX rejects
   * @return the certificate, parsed by the JDK
   * @throws KeyLoadingException if the key's algorithm does not fit the purpose
   */
  public X509Certificate issue(
      KeyPurpose purpose,
      PublicKey subjectKey,
      CertificateSubject subject,
      CertificateValidity validity) {
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(validity, "validity");
    KeyAlgorithm keyAlgorithm = KeyAlgorithm.of(Objects.requireNonNull(subjectKey, "subjectKey"));
    if (!purpose.allows(keyAlgorithm)) {
      throw new KeyLoadingException(keyAlgorithm + " keys cannot be certified for " + purpose);
    }
    SubjectPublicKeyInfo keyInfo = keyInfo(subjectKey);
    X509v3CertificateBuilder builder =
        builder(issuerName(), subject.toX500Name(), validity, keyInfo, random);
    try {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(
          Extension.keyUsage,
          true,
          purpose == KeyPurpose.SIGNATURE
              ? new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation)
              : new KeyUsage(KeyUsage.keyAgreement));
      builder.addExtension(Extension.subjectKeyIdentifier, false, subjectKeyIdentifier(keyInfo));
      builder.addExtension(
          Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(issuerKeyId()));
      if (!subject.alternativeNames().isEmpty()) {
        builder.addExtension(
            Extension.subjectAlternativeName, false, generalNames(subject.alternativeNames()));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode certificate extensions", e);
    }
    return sign(builder, privateKey, algorithm, random);
  }

  /**
   * Issues a signing certificate (keyUsage digitalSignature, nonRepudiation).
   *
   * @param subjectKey an Ed25519 or P-256 public key
   * @param subject whom the certificate names
   * @param validity the certificate's validity
   * @return the certificate
   */
  public X509Certificate issueSigningCertificate(
      PublicKey subjectKey, CertificateSubject subject, CertificateValidity validity) {
    return issue(KeyPurpose.SIGNATURE, subjectKey, subject, validity);
  }

  /**
   * Issues an encryption certificate (keyUsage keyAgreement).
   *
   * @param subjectKey an X25519 or P-256 public key
   * @param subject whom the certificate names
   * @param validity the certificate's validity
   * @return the certificate
   */
  public X509Certificate issueEncryptionCertificate(
      PublicKey subjectKey, CertificateSubject subject, CertificateValidity validity) {
    return issue(KeyPurpose.KEY_AGREEMENT, subjectKey, subject, validity);
  }

  /**
   * Issues a subordinate CA (basicConstraints CA=true, pathLenConstraint 0) and returns it as an
   * issuer.
   *
   * @param caKeyPair the new CA's Ed25519 or P-256 key pair
   * @param subject the new CA's name
   * @param validity its certificate's validity
   * @return an issuer whose chain is the new certificate followed by this issuer's chain
   */
  public CertificateIssuer issueIntermediate(
      KeyPair caKeyPair, CertificateSubject subject, CertificateValidity validity) {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(validity, "validity");
    KeyAlgorithm keyAlgorithm =
        KeyPairCheck.requireMatch(caKeyPair.getPrivate(), caKeyPair.getPublic());
    requireCanSign(keyAlgorithm);
    SubjectPublicKeyInfo keyInfo = keyInfo(caKeyPair.getPublic());
    X509v3CertificateBuilder builder =
        builder(issuerName(), subject.toX500Name(), validity, keyInfo, random);
    addCaExtensions(builder, keyInfo, issuerKeyId(), 0);
    X509Certificate intermediate = sign(builder, privateKey, algorithm, random);
    List<X509Certificate> newChain = new ArrayList<>();
    newChain.add(intermediate);
    newChain.addAll(chain);
    return new CertificateIssuer(caKeyPair.getPrivate(), newChain, keyAlgorithm, random);
  }

  /**
   * Issues a CRL (RFC 5280 section 5) signed by this CA.
   *
   * @param crlNumber the CRL's sequence number, increasing with each CRL of this CA
   * @param thisUpdate when the CRL is issued
   * @param nextUpdate when the next CRL is due, after {@code thisUpdate}; a validator accepts the CRL
   *     for instants between the two
   * @param revoked the revoked certificates, possibly none
   * @return the CRL, parsed by the JDK
   */
  public X509CRL issueCrl(
      BigInteger crlNumber, Instant thisUpdate, Instant nextUpdate, List<RevokedCertificate> revoked) {
    Objects.requireNonNull(crlNumber, "crlNumber");
    if (crlNumber.signum() < 0) {
      throw new IllegalArgumentException("a CRL number is not negative");
    }
    if (!nextUpdate.isAfter(thisUpdate)) {
      throw new IllegalArgumentException("nextUpdate must be after thisUpdate");
    }
    X509v2CRLBuilder builder = new X509v2CRLBuilder(issuerName(), time(thisUpdate));
    builder.setNextUpdate(time(nextUpdate));
    for (RevokedCertificate entry : List.copyOf(revoked)) {
      builder.addCRLEntry(
          entry.serialNumber(), Date.from(entry.revokedAt()), CRLReason.unspecified);
    }
    try {
      builder.addExtension(
          Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(issuerKeyId()));
      builder.addExtension(Extension.cRLNumber, false, new CRLNumber(crlNumber));
      X509CRLHolder holder = builder.build(contentSigner(privateKey, algorithm, random));
      return X509.crlFromDer(holder.getEncoded());
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode the CRL", e);
    }
  }

  /** Names the CA by subject and serial; never key material. */
  @Override
  public String toString() {
    return "CertificateIssuer[algorithm="
        + algorithm
        + ", certificate="
        + X509.describe(certificate())
        + "]";
  }

  private X500Name issuerName() {
    return X500Name.getInstance(certificate().getSubjectX500Principal().getEncoded());
  }

  private byte[] issuerKeyId() {
    byte[] extension = certificate().getExtensionValue(Extension.subjectKeyIdentifier.getId());
    if (extension != null) {
      return SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(extension).getOctets())
          .getKeyIdentifier();
    }
    return subjectKeyIdentifier(keyInfo(certificate().getPublicKey())).getKeyIdentifier();
  }

  private static void addCaExtensions(
      X509v3CertificateBuilder builder,
      SubjectPublicKeyInfo keyInfo,
      byte[] authorityKeyId,
      Integer pathLength) {
    try {
      builder.addExtension(
          Extension.basicConstraints,
          true,
          pathLength == null ? new BasicConstraints(true) : new BasicConstraints(pathLength));
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      builder.addExtension(Extension.subjectKeyIdentifier, false, subjectKeyIdentifier(keyInfo));
      builder.addExtension(
          Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(authorityKeyId));
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode certificate extensions", e);
    }
  }

  private static X509v3CertificateBuilder builder(
      X500Name issuer,
      X500Name subject,
      CertificateValidity validity,
      SubjectPublicKeyInfo keyInfo,
      SecureRandom random) {
    return new X509v3CertificateBuilder(
        issuer,
        serialNumber(random),
        time(validity.notBefore()),
        time(validity.notAfter()),
        subject,
        keyInfo);
  }

  // 127 random bits with the top one set: positive, never zero, always 16 octets (RFC 5280 allows
  // up to 20), and unpredictable as CA/Browser Forum practice asks.
  private static BigInteger serialNumber(SecureRandom random) {
    return new BigInteger(127, random).setBit(126);
  }

  // Locale.ROOT so that the time string is ASCII digits whatever the default locale.
  private static Time time(Instant instant) {
    return new Time(Date.from(instant), Locale.ROOT);
  }

  private static GeneralNames generalNames(List<URI> uris) {
    GeneralName[] names = new GeneralName[uris.size()];
    for (int i = 0; i < names.length; i++) {
      names[i] = new GeneralName(GeneralName.uniformResourceIdentifier, uris.get(i).toString());
    }
    return new GeneralNames(names);
  }

  private static SubjectPublicKeyInfo keyInfo(PublicKey key) {
    byte[] encoded = key.getEncoded();
    if (encoded == null || !"X.509".equals(key.getFormat())) {
      throw new KeyLoadingException("the public key cannot be encoded as SubjectPublicKeyInfo");
    }
    return SubjectPublicKeyInfo.getInstance(encoded);
  }

  private static SubjectKeyIdentifier subjectKeyIdentifier(SubjectPublicKeyInfo keyInfo) {
    try {
      return new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keyInfo);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-1 for key identifiers", e);
    }
  }

  private static void requireCanSign(KeyAlgorithm algorithm) {
    if (!algorithm.canSign()) {
      throw new KeyLoadingException(algorithm + " keys cannot sign certificates");
    }
  }

  private static X509Certificate sign(
      X509v3CertificateBuilder builder,
      PrivateKey signingKey,
      KeyAlgorithm signingAlgorithm,
      SecureRandom random) {
    try {
      return X509.certificateFromDer(
          builder.build(contentSigner(signingKey, signingAlgorithm, random)).getEncoded());
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode the certificate", e);
    }
  }

  private static ContentSigner contentSigner(
      PrivateKey signingKey, KeyAlgorithm signingAlgorithm, SecureRandom random) {
    try {
      // No provider named: the JDK's own Ed25519 and ECDSA sign the JDK keys we hold.
      return new JcaContentSignerBuilder(signingAlgorithm.jcaSignatureAlgorithm())
          .setSecureRandom(random)
          .build(signingKey);
    } catch (OperatorCreationException e) {
      throw new KeyLoadingException("the CA key cannot sign with " + signingAlgorithm, e);
    }
  }
}
