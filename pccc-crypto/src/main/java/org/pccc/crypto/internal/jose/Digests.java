package org.pccc.crypto.internal.jose;

import java.security.MessageDigest;
import org.pccc.crypto.jose.JcaProviders;

/** SHA-256 through JCA (the JDK's uses SHA-NI intrinsics where the CPU has them). */
public final class Digests {
  private Digests() {}

  /** Returns SHA-256 of the concatenated parts. */
  public static byte[] sha256(JcaProviders providers, byte[]... parts) {
    MessageDigest digest = Jca.reusableDigest(providers, "SHA-256");
    for (byte[] part : parts) {
      digest.update(part);
    }
    return digest.digest();
  }

  /** Returns SHA-256 of {@code length} bytes of {@code input} from {@code offset}. */
  public static byte[] sha256(JcaProviders providers, byte[] input, int offset, int length) {
    MessageDigest digest = Jca.reusableDigest(providers, "SHA-256");
    digest.update(input, offset, length);
    return digest.digest();
  }
}
