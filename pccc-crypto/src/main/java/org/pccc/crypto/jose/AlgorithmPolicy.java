package org.pccc.crypto.jose;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The allow-list of algorithms a verifier or decrypter accepts.
 *
 * <p>The algorithm actually used is always derived from the local key (an Ed25519 key verifies
 * {@code EdDSA}, a P-256 key {@code ES256}, an X25519 or P-256 key decrypts {@code
 * ECDH-ES+A256KW} on its own curve); the policy says whether that algorithm is allowed, and the
 * message header must name exactly that algorithm. Nothing is ever chosen from the header.
 *
 * <p>Thread safety: an immutable record.
 *
 * @param signatureAlgorithms JWS algorithms accepted when verifying
 * @param keyManagementAlgorithms JWE key management algorithms accepted when decrypting
 * @param keyAgreementCurves curves accepted for ECDH-ES key agreement (X25519, P-256)
 * @param contentEncryptions JWE content encryption algorithms accepted when decrypting
 */
public record AlgorithmPolicy(
    Set<JwsAlgorithm> signatureAlgorithms,
    Set<JweKeyManagementAlgorithm> keyManagementAlgorithms,
    Set<JwkCurve> keyAgreementCurves,
    Set<JweContentEncryption> contentEncryptions) {

  private static final AlgorithmPolicy DEFAULTS =
      new AlgorithmPolicy(
          EnumSet.allOf(JwsAlgorithm.class),
          EnumSet.of(JweKeyManagementAlgorithm.ECDH_ES_A256KW),
          EnumSet.of(JwkCurve.X25519, JwkCurve.P_256),
          EnumSet.of(JweContentEncryption.A256GCM));

  /** Copies the sets and checks that every curve can do key agreement. */
  public AlgorithmPolicy {
    signatureAlgorithms = Set.copyOf(Objects.requireNonNull(signatureAlgorithms, "signatureAlgorithms"));
    keyManagementAlgorithms =
        Set.copyOf(Objects.requireNonNull(keyManagementAlgorithms, "keyManagementAlgorithms"));
    keyAgreementCurves = Set.copyOf(Objects.requireNonNull(keyAgreementCurves, "keyAgreementCurves"));
    contentEncryptions = Set.copyOf(Objects.requireNonNull(contentEncryptions, "contentEncryptions"));
    for (JwkCurve curve : keyAgreementCurves) {
      if (!curve.supportsKeyAgreement()) {
        throw new IllegalArgumentException("curve " + curve.rfcName() + " cannot do key agreement");
      }
    }
  }

  /**
   * Returns the default policy: {@code EdDSA} and {@code ES256}; {@code ECDH-ES+A256KW} on X25519
   * and P-256; {@code A256GCM}.
   */
  public static AlgorithmPolicy defaults() {
    return DEFAULTS;
  }

  /** Returns a builder that starts empty (nothing allowed). */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts from this policy. */
  public Builder toBuilder() {
    return new Builder()
        .signatureAlgorithms(signatureAlgorithms)
        .keyManagementAlgorithms(keyManagementAlgorithms)
        .keyAgreementCurves(keyAgreementCurves)
        .contentEncryptions(contentEncryptions);
  }

  /** Returns whether the JWS algorithm is allowed. */
  public boolean allows(JwsAlgorithm algorithm) {
    return signatureAlgorithms.contains(algorithm);
  }

  /** Returns whether the key management algorithm is allowed on the curve. */
  public boolean allows(JweKeyManagementAlgorithm algorithm, JwkCurve curve) {
    return keyManagementAlgorithms.contains(algorithm) && keyAgreementCurves.contains(curve);
  }

  /** Returns whether the content encryption algorithm is allowed. */
  public boolean allows(JweContentEncryption encryption) {
    return contentEncryptions.contains(encryption);
  }

  /**
   * Builds an {@link AlgorithmPolicy}. Not thread-safe; build once and share the policy.
   */
  public static final class Builder {
    private final Set<JwsAlgorithm> signatureAlgorithms = EnumSet.noneOf(JwsAlgorithm.class);
    private final Set<JweKeyManagementAlgorithm> keyManagementAlgorithms =
        EnumSet.noneOf(JweKeyManagementAlgorithm.class);
    private final Set<JwkCurve> keyAgreementCurves = EnumSet.noneOf(JwkCurve.class);
    private final Set<JweContentEncryption> contentEncryptions =
        EnumSet.noneOf(JweContentEncryption.class);

    private Builder() {}

    /** Replaces the accepted JWS algorithms. */
    public Builder signatureAlgorithms(Collection<JwsAlgorithm> algorithms) {
      signatureAlgorithms.clear();
      signatureAlgorithms.addAll(algorithms);
      return this;
    }

    /** Replaces the accepted JWS algorithms. */
    public Builder signatureAlgorithms(JwsAlgorithm... algorithms) {
      return signatureAlgorithms(Set.of(algorithms));
    }

    /** Replaces the accepted key management algorithms. */
    public Builder keyManagementAlgorithms(Collection<JweKeyManagementAlgorithm> algorithms) {
      keyManagementAlgorithms.clear();
      keyManagementAlgorithms.addAll(algorithms);
      return this;
    }

    /** Replaces the accepted key management algorithms. */
    public Builder keyManagementAlgorithms(JweKeyManagementAlgorithm... algorithms) {
      return keyManagementAlgorithms(Set.of(algorithms));
    }

    /** Replaces the accepted key agreement curves. */
    public Builder keyAgreementCurves(Collection<JwkCurve> curves) {
      keyAgreementCurves.clear();
      keyAgreementCurves.addAll(curves);
      return this;
    }

    /** Replaces the accepted key agreement curves. */
    public Builder keyAgreementCurves(JwkCurve... curves) {
      return keyAgreementCurves(Set.of(curves));
    }

    /** Replaces the accepted content encryption algorithms. */
    public Builder contentEncryptions(Collection<JweContentEncryption> encryptions) {
      contentEncryptions.clear();
      contentEncryptions.addAll(encryptions);
      return this;
    }

    /** Replaces the accepted content encryption algorithms. */
    public Builder contentEncryptions(JweContentEncryption... encryptions) {
      return contentEncryptions(Set.of(encryptions));
    }

    /** Builds the policy. */
    public AlgorithmPolicy build() {
      return new AlgorithmPolicy(
          signatureAlgorithms, keyManagementAlgorithms, keyAgreementCurves, contentEncryptions);
    }
  }
}
