package org.pccc.crypto.jose;

import java.util.Optional;

/**
 * The JWE content encryption algorithms this SDK supports, with their RFC 7518 names.
 *
 * <p>Thread safety: an enum, immutable.
 */
public enum JweContentEncryption {
  /** AES-256 in GCM mode with a 96-bit IV and a 128-bit tag (RFC 7518 §5.3). */
  A256GCM("A256GCM");

  private final String rfcName;

  JweContentEncryption(String rfcName) {
    this.rfcName = rfcName;
  }

  /** Returns the name used in the {@code enc} header, for example {@code A256GCM}. */
  public String rfcName() {
    return rfcName;
  }

  /**
   * Finds the algorithm for an {@code enc} header value; the comparison is exact.
   *
   * @param name the header value
   * @return the algorithm, or empty if this SDK does not support it
   */
  public static Optional<JweContentEncryption> fromRfcName(String name) {
    for (JweContentEncryption algorithm : values()) {
      if (algorithm.rfcName.equals(name)) {
        return Optional.of(algorithm);
      }
    }
    return Optional.empty();
  }
}
