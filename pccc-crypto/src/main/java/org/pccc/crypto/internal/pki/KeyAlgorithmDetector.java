package org.pccc.crypto.internal.pki;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.XECKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.pccc.crypto.pki.KeyAlgorithm;

/**
 * Finds the {@link KeyAlgorithm} of a key. The JDK key interfaces are tried first (they work for
 * keys that cannot be exported, such as HSM keys); the ASN.1 encoding is the fallback for providers
 * whose key classes do not implement them. Stateless and thread-safe.
 */
public final class KeyAlgorithmDetector {
  private static final ECParameterSpec P256_SPEC = p256Spec();

  private KeyAlgorithmDetector() {}

  /** Returns the algorithm of the key, or empty if it is none of the supported ones. */
  public static Optional<KeyAlgorithm> detect(Key key) {
    if (key instanceof EdECKey) {
      String name = ((EdECKey) key).getParams().getName();
      return "Ed25519".equalsIgnoreCase(name) ? Optional.of(KeyAlgorithm.ED25519) : Optional.empty();
    }
    if (key instanceof XECKey) {
      if (((XECKey) key).getParams() instanceof NamedParameterSpec) {
        String name = ((NamedParameterSpec) ((XECKey) key).getParams()).getName();
        return "X25519".equalsIgnoreCase(name)
            ? Optional.of(KeyAlgorithm.X25519)
            : Optional.empty();
      }
      return Optional.empty();
    }
    if (key instanceof ECKey) {
      return isP256(((ECKey) key).getParams()) ? Optional.of(KeyAlgorithm.P256) : Optional.empty();
    }
    return fromEncoding(key);
  }

  /** Maps an algorithm identifier from SubjectPublicKeyInfo or PrivateKeyInfo. */
  public static Optional<KeyAlgorithm> fromAlgorithmIdentifier(AlgorithmIdentifier identifier) {
    ASN1ObjectIdentifier oid = identifier.getAlgorithm();
    if (oid.getId().equals(KeyAlgorithm.ED25519.objectIdentifier())) {
      return Optional.of(KeyAlgorithm.ED25519);
    }
    if (oid.getId().equals(KeyAlgorithm.X25519.objectIdentifier())) {
      return Optional.of(KeyAlgorithm.X25519);
    }
    if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)
        && identifier.getParameters() instanceof ASN1ObjectIdentifier
        && SECObjectIdentifiers.secp256r1.equals(identifier.getParameters())) {
      return Optional.of(KeyAlgorithm.P256);
    }
    return Optional.empty();
  }

  private static Optional<KeyAlgorithm> fromEncoding(Key key) {
    byte[] encoded = key.getEncoded();
    if (encoded == null) {
      return Optional.empty();
    }
    try {
      if (key instanceof PublicKey && "X.509".equals(key.getFormat())) {
        return fromAlgorithmIdentifier(SubjectPublicKeyInfo.getInstance(encoded).getAlgorithm());
      }
      if (key instanceof PrivateKey && "PKCS#8".equals(key.getFormat())) {
        return fromAlgorithmIdentifier(
            PrivateKeyInfo.getInstance(encoded).getPrivateKeyAlgorithm());
      }
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    } finally {
      Arrays.fill(encoded, (byte) 0);
    }
  }

  private static boolean isP256(ECParameterSpec spec) {
    return spec != null
        && spec.getCurve().equals(P256_SPEC.getCurve())
        && spec.getGenerator().equals(P256_SPEC.getGenerator())
        && spec.getOrder().equals(P256_SPEC.getOrder())
        && spec.getCofactor() == P256_SPEC.getCofactor();
  }

  private static ECParameterSpec p256Spec() {
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec("secp256r1"));
      return parameters.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK does not know the P-256 curve", e);
    }
  }
}
