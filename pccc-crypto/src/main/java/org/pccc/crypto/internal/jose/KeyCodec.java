package org.pccc.crypto.internal.jose;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.XECPrivateKey;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.pccc.crypto.ErrorCode;
import org.pccc.crypto.jose.JcaProviders;

/**
 * Classifies JCA keys into the three supported types and converts between JCA keys and raw bytes.
 *
 * <p>Keys are recognised by their parameters or their standard encodings (SubjectPublicKeyInfo,
 * PKCS#8), not by provider class names, so keys from the JDK, from BouncyCastle's JCA provider or
 * from any other provider work alike.
 */
public final class KeyCodec {
  /** id-Ed25519 (RFC 8410 §3); declared here so that only bcprov is needed, not bcutil. */
  static final ASN1ObjectIdentifier ID_ED25519 = new ASN1ObjectIdentifier("1.3.101.112");
  /** id-X25519 (RFC 8410 §3). */
  static final ASN1ObjectIdentifier ID_X25519 = new ASN1ObjectIdentifier("1.3.101.110");

  /** Classified public keys, by key object: see {@link KeyCache} for why and how. */
  private static final KeyCache<PublicKey, PublicKeyMaterial> PUBLIC_KEYS =
      new KeyCache<>(KeyCodec::classifyPublic);
  /** Classified private keys, by key object. */
  private static final KeyCache<PrivateKey, PrivateKeyMaterial> PRIVATE_KEYS =
      new KeyCache<>(KeyCodec::classifyPrivate);

  private KeyCodec() {}

  /**
   * Classifies a public key. The result for a key object is kept (by identity, in a small bounded
   * cache), so a directory certificate's key is decoded once, not at every verification.
   *
   * @throws org.pccc.crypto.CryptoConfigurationException KEY_UNSUPPORTED for other key types,
   *     KEY_INVALID for a P-256 point that is not on the curve
   */
  public static PublicKeyMaterial publicKey(PublicKey key) {
    if (key == null) {
      throw new NullPointerException("key");
    }
    return PUBLIC_KEYS.get(key);
  }

  private static PublicKeyMaterial classifyPublic(PublicKey key) {
    if (key instanceof ECPublicKey) {
      ECPublicKey ec = (ECPublicKey) key;
      if (!P256.isP256(ec.getParams())) {
        throw unsupported(key);
      }
      try {
        ECPoint point = P256.point(ec.getW().getAffineX(), ec.getW().getAffineY());
        return new PublicKeyMaterial(KeyType.P256, P256.raw(point), key);
      } catch (IllegalArgumentException e) {
        throw Failures.configuration(ErrorCode.KEY_INVALID, "the P-256 public key is not on the curve");
      }
    }
    byte[] encoded = key.getEncoded();
    if (encoded == null) {
      throw unsupported(key);
    }
    SubjectPublicKeyInfo info;
    try {
      info = SubjectPublicKeyInfo.getInstance(encoded);
    } catch (IllegalArgumentException e) {
      throw unsupported(key);
    }
    ASN1ObjectIdentifier oid = info.getAlgorithm().getAlgorithm();
    byte[] data = info.getPublicKeyData().getOctets();
    if (ID_ED25519.equals(oid)) {
      return new PublicKeyMaterial(KeyType.ED25519, checkLength(data, 32), key);
    }
    if (ID_X25519.equals(oid)) {
      return new PublicKeyMaterial(KeyType.X25519, checkLength(data, 32), key);
    }
    if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)
        && SECObjectIdentifiers.secp256r1.equals(info.getAlgorithm().getParameters())) {
      try {
        return new PublicKeyMaterial(
            KeyType.P256, P256.raw(P256.DOMAIN.getCurve().decodePoint(data)), key);
      } catch (IllegalArgumentException e) {
        throw Failures.configuration(ErrorCode.KEY_INVALID, "the P-256 public key is not on the curve");
      }
    }
    throw unsupported(key);
  }

  /**
   * Makes public key material from raw bytes (32 for OKP, X||Y for P-256), checking P-256 points.
   *
   * @throws IllegalArgumentException if the bytes are not a valid key of the type
   */
  public static PublicKeyMaterial publicKey(KeyType type, byte[] raw) {
    if (type == KeyType.P256) {
      if (raw.length != 64) {
        throw new IllegalArgumentException("P-256 public key must be 64 bytes");
      }
      ECPoint point =
          P256.point(java.util.Arrays.copyOf(raw, 32), java.util.Arrays.copyOfRange(raw, 32, 64));
      return new PublicKeyMaterial(type, P256.raw(point), null);
    }
    if (raw.length != 32) {
      throw new IllegalArgumentException("OKP public key must be 32 bytes");
    }
    if (type == KeyType.X25519 && !isCanonicalX25519(raw)) {
      throw new IllegalArgumentException("X25519 public key is not canonical");
    }
    if (type == KeyType.ED25519) {
      // BouncyCastle decodes the point here and refuses encodings that are not on the curve.
      new Ed25519PublicKeyParameters(raw, 0);
    }
    return new PublicKeyMaterial(type, raw, null);
  }

  /**
   * Classifies a private key. The result for a key object is kept (by identity, in a small bounded
   * cache), so a centre's signing key is decoded once, not at every signature.
   *
   * @throws org.pccc.crypto.CryptoConfigurationException KEY_UNSUPPORTED for other key types,
   *     KEY_INVALID for a P-256 scalar out of range
   */
  public static PrivateKeyMaterial privateKey(PrivateKey key) {
    if (key == null) {
      throw new NullPointerException("key");
    }
    return PRIVATE_KEYS.get(key);
  }

  private static PrivateKeyMaterial classifyPrivate(PrivateKey key) {
    if (key instanceof ECPrivateKey) {
      ECPrivateKey ec = (ECPrivateKey) key;
      if (!P256.isP256(ec.getParams())) {
        throw unsupported(key);
      }
      BigInteger d = readScalar(ec);
      if (d != null && !P256.isValidPrivate(d)) {
        throw Failures.configuration(ErrorCode.KEY_INVALID, "the P-256 private key is out of range");
      }
      return new PrivateKeyMaterial(KeyType.P256, d == null ? null : P256.fixed32(d), key);
    }
    if (key instanceof EdECPrivateKey) {
      EdECPrivateKey ed = (EdECPrivateKey) key;
      if (!"Ed25519".equalsIgnoreCase(ed.getParams().getName())) {
        throw unsupported(key);
      }
      return new PrivateKeyMaterial(
          KeyType.ED25519, ed.getBytes().map(b -> checkLength(b, 32)).orElse(null), key);
    }
    if (key instanceof XECPrivateKey) {
      XECPrivateKey x = (XECPrivateKey) key;
      if (!(x.getParams() instanceof NamedParameterSpec)
          || !"X25519".equalsIgnoreCase(((NamedParameterSpec) x.getParams()).getName())) {
        throw unsupported(key);
      }
      return new PrivateKeyMaterial(
          KeyType.X25519, x.getScalar().map(b -> checkLength(b, 32)).orElse(null), key);
    }
    byte[] encoded = key.getEncoded();
    if (encoded == null) {
      // A key that hides its bytes (hardware token): classify by name, use it through JCA only.
      String algorithm = String.valueOf(key.getAlgorithm());
      if (algorithm.equalsIgnoreCase("Ed25519") || algorithm.equalsIgnoreCase("EdDSA")) {
        return new PrivateKeyMaterial(KeyType.ED25519, null, key);
      }
      if (algorithm.equalsIgnoreCase("X25519") || algorithm.equalsIgnoreCase("XDH")) {
        return new PrivateKeyMaterial(KeyType.X25519, null, key);
      }
      throw unsupported(key);
    }
    try {
      PrivateKeyInfo info = PrivateKeyInfo.getInstance(encoded);
      ASN1ObjectIdentifier oid = info.getPrivateKeyAlgorithm().getAlgorithm();
      if (ID_ED25519.equals(oid)) {
        byte[] seed = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
        return new PrivateKeyMaterial(KeyType.ED25519, checkLength(seed, 32), key);
      }
      if (ID_X25519.equals(oid)) {
        byte[] scalar = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
        return new PrivateKeyMaterial(KeyType.X25519, checkLength(scalar, 32), key);
      }
      if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)
          && SECObjectIdentifiers.secp256r1.equals(info.getPrivateKeyAlgorithm().getParameters())) {
        BigInteger d =
            org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey()).getKey();
        if (!P256.isValidPrivate(d)) {
          throw Failures.configuration(ErrorCode.KEY_INVALID, "the P-256 private key is out of range");
        }
        return new PrivateKeyMaterial(KeyType.P256, P256.fixed32(d), key);
      }
    } catch (IOException | IllegalArgumentException e) {
      throw unsupported(key);
    }
    throw unsupported(key);
  }

  /** Makes private key material from raw bytes (32), without a JCA object. */
  public static PrivateKeyMaterial privateKey(KeyType type, byte[] raw) {
    if (raw.length != 32) {
      throw new IllegalArgumentException("raw private keys are 32 bytes");
    }
    if (type == KeyType.P256 && !P256.isValidPrivate(new BigInteger(1, raw))) {
      throw new IllegalArgumentException("P-256 private key out of range");
    }
    return new PrivateKeyMaterial(type, raw, null);
  }

  /** Computes the raw public key of a raw private key. */
  public static byte[] derivePublic(KeyType type, byte[] rawPrivate) {
    switch (type) {
      case ED25519:
        return new Ed25519PrivateKeyParameters(rawPrivate, 0).generatePublicKey().getEncoded();
      case X25519:
        return new X25519PrivateKeyParameters(rawPrivate, 0).generatePublicKey().getEncoded();
      case P256:
        return P256.raw(
            new FixedPointCombMultiplier().multiply(P256.DOMAIN.getG(), new BigInteger(1, rawPrivate)));
      default:
        throw new IllegalStateException(type.name());
    }
  }

  /** Builds a JCA public key from raw bytes through the chosen providers. */
  public static PublicKey toJcaPublic(KeyType type, byte[] raw, JcaProviders providers) {
    try {
      switch (type) {
        case ED25519:
          return Jca.keyFactory(providers, "Ed25519")
              .generatePublic(new X509EncodedKeySpec(spki(ID_ED25519, raw)));
        case X25519:
          return Jca.keyFactory(providers, "X25519")
              .generatePublic(new X509EncodedKeySpec(spki(ID_X25519, raw)));
        case P256:
          java.security.spec.ECPoint w =
              new java.security.spec.ECPoint(
                  new BigInteger(1, java.util.Arrays.copyOf(raw, 32)),
                  new BigInteger(1, java.util.Arrays.copyOfRange(raw, 32, 64)));
          return Jca.keyFactory(providers, "EC").generatePublic(new ECPublicKeySpec(w, P256.JCA_SPEC));
        default:
          throw new IllegalStateException(type.name());
      }
    } catch (GeneralSecurityException | IOException e) {
      throw Failures.configuration(
          ErrorCode.CONFIGURATION, "a " + type.curve().rfcName() + " public key could not be built", e);
    }
  }

  /** Builds a JCA private key from raw bytes through the chosen providers. */
  public static PrivateKey toJcaPrivate(KeyType type, byte[] raw, JcaProviders providers) {
    try {
      switch (type) {
        case ED25519:
          return Jca.keyFactory(providers, "Ed25519")
              .generatePrivate(new PKCS8EncodedKeySpec(pkcs8(ID_ED25519, raw)));
        case X25519:
          return Jca.keyFactory(providers, "X25519")
              .generatePrivate(new PKCS8EncodedKeySpec(pkcs8(ID_X25519, raw)));
        case P256:
          return Jca.keyFactory(providers, "EC")
              .generatePrivate(new ECPrivateKeySpec(new BigInteger(1, raw), P256.JCA_SPEC));
        default:
          throw new IllegalStateException(type.name());
      }
    } catch (GeneralSecurityException | IOException e) {
      throw Failures.configuration(
          ErrorCode.CONFIGURATION, "a " + type.curve().rfcName() + " private key could not be built", e);
    }
  }

  private static byte[] spki(ASN1ObjectIdentifier oid, byte[] raw) throws IOException {
    return new SubjectPublicKeyInfo(new AlgorithmIdentifier(oid), raw).getEncoded();
  }

  private static byte[] pkcs8(ASN1ObjectIdentifier oid, byte[] raw) throws IOException {
    return new PrivateKeyInfo(new AlgorithmIdentifier(oid), new DEROctetString(raw)).getEncoded();
  }

  /**
   * Returns whether a little-endian X25519 u-coordinate is canonical: below 2^255 - 19 and with
   * the top bit clear. X25519 ignores the top bit and reduces modulo p (RFC 7748 §5), so a
   * non-canonical encoding gives the same shared secret as its canonical twin; accepting it would
   * let anyone change an {@code epk} in an unprotected header without breaking decryption. Honest
   * key generation never produces one.
   */
  static boolean isCanonicalX25519(byte[] u) {
    if ((u[31] & 0x80) != 0) {
      return false;
    }
    if (u[31] != 0x7f) {
      return true;
    }
    for (int i = 30; i >= 1; i--) {
      if (u[i] != (byte) 0xff) {
        return true;
      }
    }
    return (u[0] & 0xff) < 0xed;
  }

  private static BigInteger readScalar(ECPrivateKey key) {
    try {
      return key.getS();
    } catch (RuntimeException e) {
      // Some token-backed keys refuse to reveal the scalar; they are used through JCA.
      return null;
    }
  }

  private static byte[] checkLength(byte[] bytes, int length) {
    if (bytes.length != length) {
      throw Failures.configuration(ErrorCode.KEY_INVALID, "the key has " + bytes.length + " bytes, not " + length);
    }
    return bytes;
  }

  private static RuntimeException unsupported(java.security.Key key) {
    return Failures.configuration(
        ErrorCode.KEY_UNSUPPORTED,
        "unsupported key (" + key.getAlgorithm() + "): only Ed25519, X25519 and P-256 are supported");
  }
}
