package org.pccc.crypto;

import java.util.HexFormat;
import org.pccc.crypto.jose.JcaProviders;

/** SHA-256 in hex, as receipts and audit entries name envelopes and signed messages. Stateless. */
public final class Digests {
  private Digests() {}

  /**
   * Returns the lower-case hex SHA-256 of some bytes.
   *
   * @param bytes the input
   * @return 64 hex characters
   */
  public static String sha256Hex(byte[] bytes) {
    return HexFormat.of()
        .formatHex(org.pccc.crypto.internal.jose.Digests.sha256(JcaProviders.registered(), bytes));
  }

  /**
   * Returns the lower-case hex SHA-256 of a JWS's signing input: the ASCII bytes of
   * {@code BASE64URL(protected header) '.' BASE64URL(payload)} (RFC 7515 section 5.1), that is the
   * compact serialization without its signature part. This is what a receipt names (see {@link
   * Receipts}): only the signer could produce it, and nobody can change it without breaking the
   * signature. The signature part itself is left out on purpose because an ECDSA signature can be
   * re-encoded by anyone (s and n − s both verify).
   *
   * @param compactJws a JWS in compact serialization
   * @return 64 hex characters
   */
  public static String signingInputSha256Hex(String compactJws) {
    int lastDot = compactJws.lastIndexOf('.');
    if (lastDot < 0) {
      throw new IllegalArgumentException("not a compact JWS");
    }
    return sha256Hex(compactJws.substring(0, lastDot).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }
}
