package org.pccc.crypto.internal.jose;

import java.security.MessageDigest;
import org.pccc.crypto.jose.JcaProviders;

/** SHA-256 through JCA (the JDK's uses SHA-NI intrinsics where the CPU has them). */
public final class Digests {
  private Digests() {}

  /** Returns SHA-256 of the concatenated parts. */
  public static byte[] sha256(JcaProviders providers, byte[]... parts) {
    MessageDigest digest = Jca.messageDigest(providers, "SHA-256");
    for (byte[] part : parts) {
      digest.update(part);
    }
    return digest.digest();
  }
}
