package org.pccc.crypto.jose;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Objects;
import java.util.Optional;
import org.pccc.crypto.ErrorCode;
import org.pccc.crypto.internal.jose.Failures;
import org.pccc.crypto.internal.jose.KeyCodec;
import org.pccc.crypto.internal.jose.PublicKeyMaterial;
import org.pccc.crypto.internal.jose.Signatures;

/**
 * A parsed JWS whose signature has not been checked.
 *
 * <p>Its header can be read (to find the signer's key by {@code kid} or {@code x5t#S256}); its
 * payload can only be had from {@link #verify}, or, for logging and diagnostics of refused input,
 * from the explicitly named {@link #unverifiedPayloadForInspection()}.
 *
 * <p>Thread safety: immutable.
 */
public final class UnverifiedJws {
  /** The compact serialization, ASCII; owned by this object and never modified. */
  private final byte[] compact;
  private final int secondDot;
  private final JoseHeader protectedHeader;
  private final byte[] payload;
  private final byte[] signature;

  UnverifiedJws(
      byte[] compact,
      int secondDot,
      JoseHeader protectedHeader,
      byte[] payload,
      byte[] signature) {
    this.compact = compact;
    this.secondDot = secondDot;
    this.protectedHeader = protectedHeader;
    this.payload = payload;
    this.signature = signature;
  }

  /** Returns the protected header as received (not yet authenticated). */
  public JoseHeader protectedHeader() {
    return protectedHeader;
  }

  /** Returns the {@code kid} of the protected header, if any (not yet authenticated). */
  public Optional<String> keyId() {
    return protectedHeader.keyId();
  }

  /** Returns the compact serialization as received. */
  public String compact() {
    return new String(compact, StandardCharsets.US_ASCII);
  }

  /**
   * Returns the payload WITHOUT any signature check. For diagnostics only: nothing in it can be
   * trusted, and it must not be acted upon.
   */
  public byte[] unverifiedPayloadForInspection() {
    return payload.clone();
  }

  /**
   * Verifies with the default primitives.
   *
   * @see #verify(PublicKey, AlgorithmPolicy, JcaProviders)
   */
  public VerifiedJws verify(PublicKey key, AlgorithmPolicy policy) {
    return verify(key, policy, JcaProviders.defaults());
  }

  /**
   * Verifies the signature. The algorithm is the one the key type implies ({@code EdDSA} for an
   * Ed25519 key, {@code ES256} for a P-256 key); the header's {@code alg} must name exactly that
   * algorithm and the policy must allow it.
   *
   * @param key the signer's public key, from our own directory (never from the message)
   * @param policy the accepted algorithms
   * @param providers which primitive implementations to use
   * @return the verified JWS
   * @throws org.pccc.crypto.EnvelopeRejectedException ALGORITHM_NOT_ALLOWED or SIGNATURE_INVALID
   * @throws org.pccc.crypto.CryptoConfigurationException if the key cannot verify signatures
   */
  public VerifiedJws verify(PublicKey key, AlgorithmPolicy policy, JcaProviders providers) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(providers, "providers");
    PublicKeyMaterial material = KeyCodec.publicKey(key);
    JwsAlgorithm expected = Signatures.algorithmFor(material.type());
    String named = protectedHeader.algorithm().orElse("");
    Optional<JwsAlgorithm> algorithm = JwsAlgorithm.fromRfcName(named);
    if (algorithm.isEmpty() || !policy.allows(algorithm.get())) {
      throw Failures.rejected(
          ErrorCode.ALGORITHM_NOT_ALLOWED, "the JWS 'alg' names an algorithm that is not allowed");
    }
    if (algorithm.get() != expected) {
      throw Failures.rejected(
          ErrorCode.ALGORITHM_NOT_ALLOWED,
          "the JWS 'alg' " + algorithm.get().rfcName() + " does not fit the verification key ("
              + expected.rfcName() + ")");
    }
    // The signing input is the compact form up to the second dot, verified where it lies.
    if (!Signatures.verify(material, compact, 0, secondDot, signature, providers)) {
      throw Failures.rejected(ErrorCode.SIGNATURE_INVALID, "the JWS signature does not verify");
    }
    return new VerifiedJws(compact, protectedHeader, expected, payload);
  }

  /** Returns a description without payload or header values. */
  @Override
  public String toString() {
    return "UnverifiedJws[header=" + protectedHeader + ", payloadBytes=" + payload.length + "]";
  }
}
