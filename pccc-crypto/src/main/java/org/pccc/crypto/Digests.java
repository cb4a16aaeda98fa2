package org.pccc.crypto;

import java.util.HexFormat;
import org.pccc.crypto.jose.JcaProviders;

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
    return HexFormat.of()
        .formatHex(org.pccc.crypto.internal.jose.Digests.sha256(JcaProviders.registered(), bytes));
  }
}
