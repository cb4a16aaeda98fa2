package org.pccc.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in hex, as receipts and audit entries name envelopes. Stateless. */
public final class Digests {
  private Digests() {}

  /**
   * Returns the lower-case hex SHA-256 of some bytes.
   *
   * @param bytes the input
   * @return 64 hex characters
   */
  public static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
