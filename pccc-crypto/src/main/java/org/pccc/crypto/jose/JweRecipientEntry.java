package org.pccc.crypto.jose;

import java.util.Optional;

/**
 * One entry of a parsed JWE's {@code recipients}: its per-recipient (unprotected) header.
 *
 * <p>Thread safety: immutable.
 */
public final class JweRecipientEntry {
  private final String keyId;
  private final String algorithm;
  private final JoseHeader header;

  JweRecipientEntry(String keyId, String algorithm, JoseHeader header) {
    this.keyId = keyId;
    this.algorithm = algorithm;
    this.header = header;
  }

  /**
   * Returns the {@code kid} that applies to this entry (from its header, or for compact and
   * flattened input from the shared headers), if any.
   */
  public Optional<String> keyId() {
    return Optional.ofNullable(keyId);
  }

  /** Returns the {@code alg} that applies to this entry. */
  public String algorithm() {
    return algorithm;
  }

  /** Returns the entry's own header as received; empty for compact input. */
  public JoseHeader header() {
    return header;
  }

  @Override
  public String toString() {
    return "JweRecipientEntry[" + algorithm + ", header=" + header + "]";
  }
}
