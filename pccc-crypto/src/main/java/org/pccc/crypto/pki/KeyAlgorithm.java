package org.pccc.crypto.pki;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.util.Objects;
import org.pccc.crypto.internal.pki.KeyAlgorithmDetector;

/**
 * The key algorithms of the PCCC profiles: Ed25519 and X25519 (RFC 8032, RFC 7748, RFC 8410) by
 * default, NIST P-256 as the alternative profile.
 *
 * <p>Thread-safe (an enum).
 */
public enum KeyAlgorithm {
  /** Ed25519 signature keys (JWS {@code EdDSA}); JCA name {@code Ed25519}. */
  ED25519("Ed25519", "1.3.101.112", true, false),
  /** X25519 key agreement keys (JWE {@code ECDH-ES+A256KW}); JCA name {@code X25519}. */
  X25519("X25519", "1.3.101.110", false, true),
  /** EC keys on the NIST P-256 curve (secp256r1), for {@code ES256} and ECDH; JCA name {@code EC}. */
  P256("EC", "1.2.840.10045.2.1", true, true);

  private final String jcaName;
  private final String oid;
  private final boolean canSign;
  private final boolean canAgreeKeys;

  KeyAlgorithm(String jcaName, String oid, boolean canSign, boolean canAgreeKeys) {
    this.jcaName = jcaName;
    this.oid = oid;
    this.canSign = canSign;
    this.canAgreeKeys = canAgreeKeys;
  }

  /** Returns the JCA name for {@code KeyFactory} and {@code KeyPairGenerator}. */
  public String jcaName() {
    return jcaName;
  }

  /**
   * Returns the object identifier of the key in SubjectPublicKeyInfo (for P-256: id-ecPublicKey,
   * with the curve named in the parameters).
   */
  public String objectIdentifier() {
    return oid;
  }

  /** Tells whether keys of this algorithm can make signatures. */
  public boolean canSign() {
    return canSign;
  }

  /** Tells whether keys of this algorithm can do Diffie-Hellman key agreement. */
  public boolean canAgreeKeys() {
    return canAgreeKeys;
  }

  /**
   * Returns the JCA signature algorithm for keys of this algorithm ({@code Ed25519} or {@code
   * SHA256withECDSA}).
   *
   * @throws UnsupportedOperationException for X25519, which cannot sign
   */
  public String jcaSignatureAlgorithm() {
    switch (this) {
      case ED25519:
        return "Ed25519";
      case P256:
        return "SHA256withECDSA";
      default:
        throw new UnsupportedOperationException(name() + " keys cannot sign");
    }
  }

  /**
   * Returns the JCA key agreement algorithm for keys of this algorithm ({@code XDH} or {@code
   * ECDH}).
   *
   * @throws UnsupportedOperationException for Ed25519, which cannot agree keys
   */
  public String jcaKeyAgreementAlgorithm() {
    switch (this) {
      case X25519:
        return "XDH";
      case P256:
        return "ECDH";
      default:
        throw new UnsupportedOperationException(name() + " keys cannot agree keys");
    }
  }

  /**
   * Generates a fresh key pair of this algorithm with the JDK's default provider.
   *
   * @param random source of randomness; pass a seeded one only in tests
   * @return a new key pair (plain JDK key objects)
   */
  public KeyPair generateKeyPair(SecureRandom random) {
    Objects.requireNonNull(random, "random");
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(jcaName);
      generator.initialize(parameterSpec(), random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot generate " + name() + " keys", e);
    }
  }

  private AlgorithmParameterSpec parameterSpec() {
    switch (this) {
      case ED25519:
        return NamedParameterSpec.ED25519;
      case X25519:
        return NamedParameterSpec.X25519;
      default:
        return new ECGenParameterSpec("secp256r1");
    }
  }

  /**
   * Detects the algorithm of a public or private key, whichever provider made it.
   *
   * @param key an Ed25519, X25519 or P-256 key
   * @return the algorithm
   * @throws KeyLoadingException if the key is of another algorithm or curve (RSA, P-384, Ed448...)
   */
  public static KeyAlgorithm of(Key key) {
    Objects.requireNonNull(key, "key");
    return KeyAlgorithmDetector.detect(key)
        .orElseThrow(
            () ->
                new KeyLoadingException(
                    "unsupported key algorithm "
                        + key.getAlgorithm()
                        + ": expected Ed25519, X25519 or EC P-256"));
  }
}
