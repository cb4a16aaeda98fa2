package org.pccc.crypto.internal.jose;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import javax.crypto.KeyAgreement;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.util.BigIntegers;
import org.pccc.crypto.ErrorCode;
import org.pccc.crypto.jose.JcaProviders;

/**
 * ECDH key agreement for ECDH-ES: X25519 (RFC 7748) and P-256, and ephemeral key generation.
 *
 * <p>Implementation choice, measured like {@link Signatures} (microseconds per operation):
 *
 * <pre>
 *                          BC lightweight   JDK 17   BC JCA provider
 * X25519 agreement               67           268          -
 * X25519 keygen + agreement      92           280          -
 * ECDH P-256 agreement          166           787         170
 * P-256 key generation           66           406          -
 * </pre>
 *
 * <p>The default is the BouncyCastle lightweight API. Peer P-256 points are validated before use
 * (invalid-curve attack) by the caller through {@link P256#point}; an all-zero X25519 result (a
 * low-order peer point, RFC 7748 §6.1) is refused here on every path.
 */
public final class KeyAgreements {
  private KeyAgreements() {}

  /** An ephemeral key pair: raw public bytes, and raw private bytes and/or a JCA private key. */
  public static final class Ephemeral {
    private final PrivateKeyMaterial privateKey;
    private final byte[] publicRaw;

    Ephemeral(PrivateKeyMaterial privateKey, byte[] publicRaw) {
      this.privateKey = privateKey;
      this.publicRaw = publicRaw.clone();
    }

    /** Returns the private half. */
    public PrivateKeyMaterial privateKey() {
      return privateKey;
    }

    /** Returns the raw public key (32 bytes for X25519, X||Y for P-256). */
    public byte[] publicRaw() {
      return publicRaw.clone();
    }
  }

  /** Makes an ephemeral key pair from a fixed private key (test vectors only). */
  public static Ephemeral fixedEphemeral(KeyType type, byte[] rawPrivate) {
    return new Ephemeral(KeyCodec.privateKey(type, rawPrivate), KeyCodec.derivePublic(type, rawPrivate));
  }

  /** Generates a fresh ephemeral key pair on the curve of the type. */
  public static Ephemeral generate(KeyType type, JcaProviders providers) {
    if (providers.usesLightweightCurves()) {
      byte[] raw;
      if (type == KeyType.X25519) {
        raw = new X25519PrivateKeyParameters(providers.secureRandom()).getEncoded();
      } else if (type == KeyType.P256) {
        BigInteger d =
            BigIntegers.createRandomInRange(
                BigInteger.ONE, P256.DOMAIN.getN().subtract(BigInteger.ONE), providers.secureRandom());
        raw = P256.fixed32(d);
      } else {
        throw notForAgreement(type);
      }
      return fixedEphemeral(type, raw);
    }
    try {
      KeyPair pair;
      if (type == KeyType.X25519) {
        KeyPairGenerator generator = Jca.keyPairGenerator(providers, "X25519");
        generator.initialize(255, providers.secureRandom());
        pair = generator.generateKeyPair();
      } else if (type == KeyType.P256) {
        KeyPairGenerator generator = Jca.keyPairGenerator(providers, "EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), providers.secureRandom());
        pair = generator.generateKeyPair();
      } else {
        throw notForAgreement(type);
      }
      return new Ephemeral(
          KeyCodec.privateKey(pair.getPrivate()), KeyCodec.publicKey(pair.getPublic()).raw());
    } catch (GeneralSecurityException e) {
      throw Failures.configuration(
          ErrorCode.CONFIGURATION, "ephemeral " + type.curve().rfcName() + " key generation failed", e);
    }
  }

  /**
   * Computes the shared secret Z: 32 bytes for both curves (for P-256 the X coordinate).
   *
   * @param privateKey our private key (static or ephemeral)
   * @param peer the peer's public key; a P-256 point must already have been validated
   * @return Z, or null if the result is all zeros or the peer key is refused by the provider (a
   *     low-order or otherwise invalid peer point)
   */
  public static byte[] agree(
      PrivateKeyMaterial privateKey, PublicKeyMaterial peer, JcaProviders providers) {
    if (privateKey.type() != peer.type()) {
      throw new IllegalArgumentException("key types differ");
    }
    KeyType type = privateKey.type();
    byte[] z;
    if (providers.usesLightweightCurves() && privateKey.hasRaw()) {
      z = lightweight(type, privateKey, peer);
    } else {
      z = jca(type, privateKey, peer, providers);
    }
    if (z == null || isAllZero(z)) {
      return null;
    }
    return z;
  }

  private static byte[] lightweight(
      KeyType type, PrivateKeyMaterial privateKey, PublicKeyMaterial peer) {
    if (type == KeyType.X25519) {
      X25519Agreement agreement = new X25519Agreement();
      agreement.init(privateKey.lightweight());
      byte[] z = new byte[agreement.getAgreementSize()];
      try {
        agreement.calculateAgreement(peer.lightweight(), z, 0);
      } catch (IllegalStateException e) {
        // BouncyCastle refuses an all-zero result this way.
        return null;
      }
      return z;
    }
    if (type == KeyType.P256) {
      ECDHBasicAgreement agreement = new ECDHBasicAgreement();
      agreement.init(privateKey.lightweight());
      try {
        return P256.fixed32(agreement.calculateAgreement(peer.lightweight()));
      } catch (IllegalStateException | IllegalArgumentException e) {
        return null;
      }
    }
    throw notForAgreement(type);
  }

  private static byte[] jca(
      KeyType type, PrivateKeyMaterial privateKey, PublicKeyMaterial peer, JcaProviders providers) {
    if (type != KeyType.X25519 && type != KeyType.P256) {
      throw notForAgreement(type);
    }
    PrivateKey jcaPrivate =
        privateKey.jca() != null
            ? privateKey.jca()
            : KeyCodec.toJcaPrivate(type, privateKey.raw(), providers);
    java.security.PublicKey jcaPeer =
        peer.jca() != null ? peer.jca() : KeyCodec.toJcaPublic(type, peer.raw(), providers);
    KeyAgreement agreement = Jca.keyAgreement(providers, type == KeyType.X25519 ? "X25519" : "ECDH");
    try {
      agreement.init(jcaPrivate);
    } catch (GeneralSecurityException e) {
      throw Failures.configuration(ErrorCode.CONFIGURATION, "key agreement cannot use this key", e);
    }
    try {
      agreement.doPhase(jcaPeer, true);
      byte[] z = agreement.generateSecret();
      return type == KeyType.P256 ? P256.fixed32(new BigInteger(1, z)) : z;
    } catch (GeneralSecurityException | IllegalStateException e) {
      // Providers refuse low-order X25519 points and invalid EC points this way.
      return null;
    }
  }

  private static boolean isAllZero(byte[] bytes) {
    int accumulator = 0;
    for (byte b : bytes) {
      accumulator |= b;
    }
    return accumulator == 0;
  }

  private static RuntimeException notForAgreement(KeyType type) {
    return Failures.configuration(
        ErrorCode.KEY_UNSUPPORTED, "an " + type.curve().rfcName() + " key cannot do key agreement");
  }
}
