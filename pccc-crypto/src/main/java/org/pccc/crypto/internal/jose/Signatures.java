package org.pccc.crypto.internal.jose;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.pccc.crypto.ErrorCode;
import org.pccc.crypto.jose.JcaProviders;
import org.pccc.crypto.jose.JwsAlgorithm;

/**
 * JWS signature primitives: Ed25519 ({@code EdDSA}) and ECDSA P-256 with SHA-256 ({@code ES256},
 * signature as the 64-byte R||S of RFC 7518 §3.4).
 *
 * <p>Implementation choice, measured on this project's 2-core machine with JDK 17 and BouncyCastle
 * 1.87 (1 KiB input, microseconds per operation after warm-up):
 *
 * <pre>
 *                      BC lightweight   JDK 17 (SunEC)   BC JCA provider
 * Ed25519 sign               35              528               60
 * Ed25519 verify             69              711                -
 * ES256 sign                103 (random k)   443              219
 *                           181 (RFC 6979 k)
 * ES256 verify               69              847              221
 * </pre>
 *
 * <p>So the default ({@link JcaProviders#defaults()}) is the BouncyCastle lightweight API. ES256
 * signing uses deterministic nonces (RFC 6979): it costs 80 µs more than a random nonce but a weak
 * or repeated random source can then no longer leak the private key, and it is still 2.4 times
 * faster than the JDK. The message digest for ES256 is the JCA SHA-256 (SHA-NI intrinsics make it
 * 7 times faster than BouncyCastle's on large payloads). Other {@link JcaProviders} choices, and
 * keys that hide their raw bytes, go through JCA {@code Ed25519} and {@code
 * SHA256withECDSAinP1363Format}.
 */
public final class Signatures {
  private static final String JCA_ED25519 = "Ed25519";
  private static final String JCA_ES256 = "SHA256withECDSAinP1363Format";

  private Signatures() {}

  /** Returns the only JWS algorithm a key type signs and verifies with. */
  public static JwsAlgorithm algorithmFor(KeyType type) {
    switch (type) {
      case ED25519:
        return JwsAlgorithm.EDDSA;
      case P256:
        return JwsAlgorithm.ES256;
      default:
        throw Failures.configuration(
            ErrorCode.KEY_UNSUPPORTED, "an " + type.curve().rfcName() + " key cannot sign or verify");
    }
  }

  /** Signs the JWS signing input. */
  public static byte[] sign(PrivateKeyMaterial key, byte[] input, JcaProviders providers) {
    JwsAlgorithm algorithm = algorithmFor(key.type());
    boolean lightweight = providers.usesLightweightCurves() && key.hasRaw();
    if (algorithm == JwsAlgorithm.EDDSA) {
      if (lightweight) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key.lightweight());
        signer.update(input, 0, input.length);
        return signer.generateSignature();
      }
      return jcaSign(JCA_ED25519, jcaPrivate(key, providers), input, providers);
    }
    if (lightweight) {
      ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
      signer.init(true, key.lightweight());
      BigInteger[] rs = signer.generateSignature(Digests.sha256(providers, input, 0, input.length));
      byte[] out = new byte[64];
      System.arraycopy(P256.fixed32(rs[0]), 0, out, 0, 32);
      System.arraycopy(P256.fixed32(rs[1]), 0, out, 32, 32);
      return out;
    }
    return jcaSign(JCA_ES256, jcaPrivate(key, providers), input, providers);
  }

  /**
   * Verifies a signature over the JWS signing input. Returns false for any signature that does not
   * verify, including signatures of the wrong length or with out-of-range values.
   */
  public static boolean verify(
      PublicKeyMaterial key, byte[] input, byte[] signature, JcaProviders providers) {
    return verify(key, input, 0, input.length, signature, providers);
  }

  /**
   * Verifies a signature over {@code length} bytes of {@code input} from {@code offset}, so that a
   * compact JWS can be verified in place.
   *
   * @see #verify(PublicKeyMaterial, byte[], byte[], JcaProviders)
   */
  public static boolean verify(
      PublicKeyMaterial key,
      byte[] input,
      int offset,
      int length,
      byte[] signature,
      JcaProviders providers) {
    JwsAlgorithm algorithm = algorithmFor(key.type());
    if (signature.length != 64) {
      return false;
    }
    if (algorithm == JwsAlgorithm.EDDSA) {
      if (providers.usesLightweightCurves()) {
        AsymmetricKeyParameter publicKey;
        try {
          publicKey = key.lightweight();
        } catch (IllegalArgumentException e) {
          throw Failures.configuration(ErrorCode.KEY_INVALID, "the Ed25519 public key is not valid");
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, publicKey);
        verifier.update(input, offset, length);
        return verifier.verifySignature(signature);
      }
      return jcaVerify(
          JCA_ED25519, jcaPublic(key, providers), input, offset, length, signature, providers);
    }
    if (providers.usesLightweightCurves()) {
      BigInteger r = new BigInteger(1, Arrays.copyOf(signature, 32));
      BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
      ECDSASigner verifier = new ECDSASigner();
      verifier.init(false, key.lightweight());
      // verifySignature refuses r or s outside [1, n-1].
      return verifier.verifySignature(Digests.sha256(providers, input, offset, length), r, s);
    }
    return jcaVerify(
        JCA_ES256, jcaPublic(key, providers), input, offset, length, signature, providers);
  }

  private static PrivateKey jcaPrivate(PrivateKeyMaterial key, JcaProviders providers) {
    return key.jca() != null ? key.jca() : KeyCodec.toJcaPrivate(key.type(), key.raw(), providers);
  }

  private static PublicKey jcaPublic(PublicKeyMaterial key, JcaProviders providers) {
    return key.jca() != null ? key.jca() : KeyCodec.toJcaPublic(key.type(), key.raw(), providers);
  }

  private static byte[] jcaSign(
      String algorithm, PrivateKey key, byte[] input, JcaProviders providers) {
    try {
      Signature signature = Jca.signature(providers, algorithm);
      signature.initSign(key, providers.secureRandom());
      signature.update(input);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw Failures.configuration(ErrorCode.CONFIGURATION, algorithm + " signing failed", e);
    }
  }

  private static boolean jcaVerify(
      String algorithm,
      PublicKey key,
      byte[] input,
      int offset,
      int length,
      byte[] signatureBytes,
      JcaProviders providers) {
    Signature signature = Jca.signature(providers, algorithm);
    try {
      signature.initVerify(key);
    } catch (GeneralSecurityException e) {
      throw Failures.configuration(ErrorCode.CONFIGURATION, algorithm + " cannot use this key", e);
    }
    try {
      signature.update(input, offset, length);
      return signature.verify(signatureBytes);
    } catch (SignatureException e) {
      // A malformed signature is a signature that does not verify.
      return false;
    }
  }
}
