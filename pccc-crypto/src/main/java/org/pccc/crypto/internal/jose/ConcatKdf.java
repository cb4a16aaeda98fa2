package org.pccc.crypto.internal.jose;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.pccc.crypto.jose.JcaProviders;

/**
 * The Concat KDF of NIST SP 800-56A §5.8.1 with SHA-256, as profiled for ECDH-ES by RFC 7518
 * §4.6.2: OtherInfo = AlgorithmID || PartyUInfo || PartyVInfo || SuppPubInfo, each of the first
 * three as a 32-bit big-endian length followed by the bytes, SuppPubInfo the key length in bits as
 * a 32-bit big-endian integer, SuppPrivInfo empty.
 */
public final class ConcatKdf {
  private ConcatKdf() {}

  /**
   * Derives a key.
   *
   * @param z the shared secret
   * @param algorithmId for key wrapping modes the {@code alg} value (for example {@code
   *     ECDH-ES+A256KW}), for direct key agreement the {@code enc} value
   * @param partyUInfo the decoded {@code apu}, empty if absent
   * @param partyVInfo the decoded {@code apv}, empty if absent
   * @param keyDataLengthBits the key length in bits, a multiple of 8
   * @return the derived key, keyDataLengthBits / 8 bytes
   */
  public static byte[] derive(
      JcaProviders providers,
      byte[] z,
      String algorithmId,
      byte[] partyUInfo,
      byte[] partyVInfo,
      int keyDataLengthBits) {
    if (keyDataLengthBits <= 0 || keyDataLengthBits % 8 != 0) {
      throw new IllegalArgumentException("key length must be a positive multiple of 8 bits");
    }
    byte[] algorithm = algorithmId.getBytes(StandardCharsets.US_ASCII);
    byte[] otherInfo =
        ByteBuffer.allocate(16 + algorithm.length + partyUInfo.length + partyVInfo.length)
            .putInt(algorithm.length)
            .put(algorithm)
            .putInt(partyUInfo.length)
            .put(partyUInfo)
            .putInt(partyVInfo.length)
            .put(partyVInfo)
            .putInt(keyDataLengthBits)
            .array();
    MessageDigest digest = Jca.reusableDigest(providers, "SHA-256");
    int keyLength = keyDataLengthBits / 8;
    int rounds = (keyLength + 31) / 32;
    byte[] out = new byte[rounds * 32];
    for (int counter = 1; counter <= rounds; counter++) {
      digest.update(ByteBuffer.allocate(4).putInt(counter).array());
      digest.update(z);
      digest.update(otherInfo);
      System.arraycopy(digest.digest(), 0, out, (counter - 1) * 32, 32);
    }
    return out.length == keyLength ? out : Arrays.copyOf(out, keyLength);
  }
}
