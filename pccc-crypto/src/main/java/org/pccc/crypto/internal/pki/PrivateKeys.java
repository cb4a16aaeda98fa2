package org.pccc.crypto.internal.pki;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.pccc.crypto.pki.KeyAlgorithm;
import org.pccc.crypto.pki.KeyLoadingException;

/**
 * Turns a PKCS#8 structure into a JDK private key of one of the supported algorithms. Stateless and
 * thread-safe.
 */
public final class PrivateKeys {
  private PrivateKeys() {}

  /** Converts a parsed PKCS#8 PrivateKeyInfo into a JDK key, checking its algorithm. */
  public static PrivateKey fromPrivateKeyInfo(PrivateKeyInfo info) {
    KeyAlgorithm algorithm =
        KeyAlgorithmDetector.fromAlgorithmIdentifier(info.getPrivateKeyAlgorithm())
            .orElseThrow(
                () ->
                    new KeyLoadingException(
                        "unsupported private key algorithm "
                            + info.getPrivateKeyAlgorithm().getAlgorithm().getId()
                            + ": expected Ed25519, X25519 or EC P-256"));
    byte[] encoded;
    try {
      encoded = info.getEncoded("DER");
    } catch (IOException e) {
      throw new KeyLoadingException("private key cannot be encoded", e);
    }
    try {
      return KeyFactory.getInstance(algorithm.jcaName())
          .generatePrivate(new PKCS8EncodedKeySpec(encoded));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new KeyLoadingException("malformed " + algorithm + " private key", e);
    } finally {
      Arrays.fill(encoded, (byte) 0);
    }
  }

  /** Returns the PKCS#8 encoding of a key, failing clearly for keys that cannot be exported. */
  public static byte[] pkcs8(PrivateKey key) {
    byte[] encoded = "PKCS#8".equals(key.getFormat()) ? key.getEncoded() : null;
    if (encoded == null) {
      throw new KeyLoadingException(
          "the " + key.getAlgorithm() + " private key cannot be exported as PKCS#8");
    }
    return encoded;
  }
}
