package org.pccc.benchmarks;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One primitive per operation, on the implementations that {@code JcaProviders.defaults()} picks
 * in {@code org.pccc.crypto.internal.jose}: the BouncyCastle lightweight API for Ed25519, X25519
 * and P-256 (ECDSA with RFC 6979 nonces, ECDH, key generation on BouncyCastle's custom P-256
 * curve), the JDK's JCA for AES-GCM, AES key wrap and SHA-256. The calls mirror that package's
 * code (peer P-256 points are validated on every use, as there); they are written out here
 * because no module reaches into another's {@code internal} package.
 *
 * <p>Each primitive is measured in its fastest form, as the physical limit should be: long-lived
 * keys decoded once (the SDK keeps a directory key's decoded point and a signing key's derived
 * public key), JCA engines reused ({@link Engines}), P-256 key generation with BouncyCastle's
 * fixed-point comb over the precomputed base point (twice as fast as a plain {@code multiply}).
 *
 * <p>These are the terms of the envelope-versus-primitives ratio that {@link Main} prints (see
 * the module README for the formula). Average time per operation, in microseconds.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PrimitivesBenchmark {
  private static final X9ECParameters X9 = CustomNamedCurves.getByName("secp256r1");
  private static final ECDomainParameters P256 = new ECDomainParameters(X9);
  private static final byte[] KDF_ALGORITHM = "ECDH-ES+A256KW".getBytes(StandardCharsets.US_ASCII);

  /** Key material, made once; none of it depends on a size. */
  @State(Scope.Benchmark)
  public static class Keys {
    final SecureRandom random = new SecureRandom();
    Ed25519PrivateKeyParameters edPrivate;
    Ed25519PublicKeyParameters edPublic;
    byte[] x25519Private;
    byte[] x25519PeerPublic;
    BigInteger p256Private;
    ECPublicKeyParameters p256Public;
    byte[] p256PeerX;
    byte[] p256PeerY;
    byte[] z = new byte[32];
    byte[] kek = new byte[32];
    byte[] cek = new byte[32];
    byte[] wrappedCek;

    /** Generates the keys and one wrapped content key. */
    @Setup
    public void setUp() throws GeneralSecurityException {
      edPrivate = new Ed25519PrivateKeyParameters(random);
      edPublic = new Ed25519PublicKeyParameters(edPrivate.generatePublicKey().getEncoded(), 0);
      x25519Private = new X25519PrivateKeyParameters(random).getEncoded();
      x25519PeerPublic = new X25519PrivateKeyParameters(random).generatePublicKey().getEncoded();
      p256Private = randomScalar(random);
      ECPoint q = P256.getG().multiply(p256Private).normalize();
      p256Public = new ECPublicKeyParameters(
          point(BigIntegers.asUnsignedByteArray(32, q.getAffineXCoord().toBigInteger()),
              BigIntegers.asUnsignedByteArray(32, q.getAffineYCoord().toBigInteger())),
          P256);
      ECPoint peer = P256.getG().multiply(randomScalar(random)).normalize();
      p256PeerX = BigIntegers.asUnsignedByteArray(32, peer.getAffineXCoord().toBigInteger());
      p256PeerY = BigIntegers.asUnsignedByteArray(32, peer.getAffineYCoord().toBigInteger());
      random.nextBytes(z);
      random.nextBytes(kek);
      random.nextBytes(cek);
      wrappedCek = wrap(kek, cek, random);
    }
  }

  /** JCA engines kept per thread and re-initialised per use, as the SDK keeps them. */
  @State(Scope.Thread)
  public static class Engines {
    Cipher gcm;
    Cipher wrap;
    MessageDigest sha256;

    /** Gets the engines once. */
    @Setup
    public void setUp() throws GeneralSecurityException {
      gcm = Cipher.getInstance("AES/GCM/NoPadding");
      wrap = Cipher.getInstance("AESWrap");
      sha256 = MessageDigest.getInstance("SHA-256");
    }
  }

  /** A signed or encrypted input of the chosen size. */
  @State(Scope.Benchmark)
  public static class Input {
    /** Input size label: 2k = 2,048 bytes, 100k = 102,400 bytes. */
    @Param({"2k", "100k"})
    public String size;

    byte[] bytes;
    byte[] edSignature;
    byte[] es256Signature;
    final byte[] key = new byte[32];
    final byte[] iv = new byte[12];
    final byte[] aad = "eyJlbmMiOiJBMjU2R0NNIiwidHlwIjoicGNjYy1lbnZlbG9wZSJ9".getBytes(StandardCharsets.US_ASCII);
    byte[] sealed;

    /** Makes the input, its signatures and its ciphertext. */
    @Setup
    public void setUp(Keys keys) throws GeneralSecurityException {
      bytes = new byte[SizedMessages.targetBytes(size)];
      keys.random.nextBytes(bytes);
      keys.random.nextBytes(key);
      keys.random.nextBytes(iv);
      edSignature = ed25519Sign(keys, bytes);
      es256Signature = es256Sign(keys, MessageDigest.getInstance("SHA-256").digest(bytes));
      sealed = gcm(Cipher.getInstance("AES/GCM/NoPadding"), Cipher.ENCRYPT_MODE, key, iv, aad, bytes);
    }
  }

  /** Ed25519 signature over the input (EdDSA). */
  @Benchmark
  public byte[] ed25519Sign(Keys keys, Input input) {
    return ed25519Sign(keys, input.bytes);
  }

  /** Ed25519 verification under a decoded public key (the SDK keeps a directory key decoded). */
  @Benchmark
  public boolean ed25519Verify(Keys keys, Input input) {
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, keys.edPublic);
    verifier.update(input.bytes, 0, input.bytes.length);
    return verifier.verifySignature(input.edSignature);
  }

  /** ES256: JDK SHA-256 of the input, then ECDSA P-256 with a deterministic nonce (RFC 6979). */
  @Benchmark
  public byte[] es256Sign(Keys keys, Input input, Engines engines) {
    return es256Sign(keys, engines.sha256.digest(input.bytes));
  }

  /** ES256 verification under a validated public point (the SDK keeps a directory key's point). */
  @Benchmark
  public boolean es256Verify(Keys keys, Input input, Engines engines) {
    byte[] signature = input.es256Signature;
    ECDSASigner verifier = new ECDSASigner();
    verifier.init(false, keys.p256Public);
    return verifier.verifySignature(engines.sha256.digest(input.bytes),
        new BigInteger(1, Arrays.copyOf(signature, 32)), new BigInteger(1, Arrays.copyOfRange(signature, 32, 64)));
  }

  /** A fresh X25519 ephemeral key pair (private and public), as the sender makes per recipient. */
  @Benchmark
  public byte[] x25519KeyGen(Keys keys) {
    X25519PrivateKeyParameters ephemeral = new X25519PrivateKeyParameters(keys.random);
    return ephemeral.generatePublicKey().getEncoded();
  }

  /** One X25519 agreement. */
  @Benchmark
  public byte[] x25519Agree(Keys keys) {
    X25519Agreement agreement = new X25519Agreement();
    agreement.init(new X25519PrivateKeyParameters(keys.x25519Private, 0));
    byte[] z = new byte[agreement.getAgreementSize()];
    agreement.calculateAgreement(new X25519PublicKeyParameters(keys.x25519PeerPublic, 0), z, 0);
    return z;
  }

  /** A fresh P-256 ephemeral key pair (private scalar and public point X||Y), fixed-point comb. */
  @Benchmark
  public byte[] p256KeyGen(Keys keys) {
    ECPoint q = new FixedPointCombMultiplier().multiply(P256.getG(), randomScalar(keys.random)).normalize();
    byte[] out = new byte[64];
    BigIntegers.asUnsignedByteArray(q.getAffineXCoord().toBigInteger(), out, 0, 32);
    BigIntegers.asUnsignedByteArray(q.getAffineYCoord().toBigInteger(), out, 32, 32);
    return out;
  }

  /** One P-256 ECDH agreement, including validating the peer's (ephemeral) point. */
  @Benchmark
  public byte[] p256Ecdh(Keys keys) {
    ECDHBasicAgreement agreement = new ECDHBasicAgreement();
    agreement.init(new ECPrivateKeyParameters(keys.p256Private, P256));
    BigInteger x = agreement.calculateAgreement(new ECPublicKeyParameters(point(keys.p256PeerX, keys.p256PeerY), P256));
    return BigIntegers.asUnsignedByteArray(32, x);
  }

  /** The Concat KDF of RFC 7518 §4.6.2 for one 256-bit key-encryption key (one SHA-256 round). */
  @Benchmark
  public byte[] concatKdf(Keys keys, Engines engines) {
    byte[] otherInfo = ByteBuffer.allocate(16 + KDF_ALGORITHM.length)
        .putInt(KDF_ALGORITHM.length).put(KDF_ALGORITHM).putInt(0).putInt(0).putInt(256).array();
    MessageDigest digest = engines.sha256;
    digest.update(ByteBuffer.allocate(4).putInt(1).array());
    digest.update(keys.z);
    digest.update(otherInfo);
    return digest.digest();
  }

  /** AES-256 key wrap (RFC 3394) of a 256-bit content key, JCA {@code AESWrap}. */
  @Benchmark
  public byte[] aesKeyWrap(Keys keys, Engines engines) throws GeneralSecurityException {
    engines.wrap.init(Cipher.WRAP_MODE, new SecretKeySpec(keys.kek, "AES"), keys.random);
    return engines.wrap.wrap(new SecretKeySpec(keys.cek, "AES"));
  }

  /** AES-256 key unwrap, JCA {@code AESWrap}. */
  @Benchmark
  public byte[] aesKeyUnwrap(Keys keys, Engines engines) throws GeneralSecurityException {
    engines.wrap.init(Cipher.UNWRAP_MODE, new SecretKeySpec(keys.kek, "AES"));
    Key key = engines.wrap.unwrap(keys.wrappedCek, "AES", Cipher.SECRET_KEY);
    return key.getEncoded();
  }

  /**
   * AES-256-GCM encryption of the input with a 96-bit IV and AAD, JCA, on a new cipher as in the
   * SDK: the JDK refuses to re-initialise a GCM cipher for encryption with its last key and IV.
   */
  @Benchmark
  public byte[] aesGcmEncrypt(Input input) throws GeneralSecurityException {
    return gcm(Cipher.getInstance("AES/GCM/NoPadding"), Cipher.ENCRYPT_MODE, input.key, input.iv, input.aad, input.bytes);
  }

  /** AES-256-GCM decryption and tag check, JCA, on a kept cipher. */
  @Benchmark
  public byte[] aesGcmDecrypt(Input input, Engines engines) throws GeneralSecurityException {
    return gcm(engines.gcm, Cipher.DECRYPT_MODE, input.key, input.iv, input.aad, input.sealed);
  }

  /** SHA-256 of the input, JCA. */
  @Benchmark
  public byte[] sha256(Input input, Engines engines) {
    return engines.sha256.digest(input.bytes);
  }

  static byte[] ed25519Sign(Keys keys, byte[] bytes) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, keys.edPrivate);
    signer.update(bytes, 0, bytes.length);
    return signer.generateSignature();
  }

  static byte[] es256Sign(Keys keys, byte[] digest) {
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, new ECPrivateKeyParameters(keys.p256Private, P256));
    BigInteger[] rs = signer.generateSignature(digest);
    byte[] out = new byte[64];
    BigIntegers.asUnsignedByteArray(rs[0], out, 0, 32);
    BigIntegers.asUnsignedByteArray(rs[1], out, 32, 32);
    return out;
  }

  private static ECPoint point(byte[] x, byte[] y) {
    ECPoint point = P256.getCurve().validatePoint(new BigInteger(1, x), new BigInteger(1, y));
    if (point.isInfinity()) {
      throw new IllegalArgumentException("point at infinity");
    }
    return point;
  }

  private static BigInteger randomScalar(SecureRandom random) {
    return BigIntegers.createRandomInRange(BigInteger.ONE, P256.getN().subtract(BigInteger.ONE), random);
  }

  private static byte[] wrap(byte[] kek, byte[] cek, SecureRandom random) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AESWrap");
    cipher.init(Cipher.WRAP_MODE, new SecretKeySpec(kek, "AES"), random);
    return cipher.wrap(new SecretKeySpec(cek, "AES"));
  }

  private static byte[] gcm(Cipher cipher, int mode, byte[] key, byte[] iv, byte[] aad, byte[] input)
      throws GeneralSecurityException {
    cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
    cipher.updateAAD(aad);
    return cipher.doFinal(input);
  }
}
