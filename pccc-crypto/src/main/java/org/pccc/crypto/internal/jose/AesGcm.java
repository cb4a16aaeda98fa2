package org.pccc.crypto.internal.jose;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.pccc.crypto.ErrorCode;
import org.pccc.crypto.jose.JcaProviders;

/**
 * AES-GCM with a 96-bit IV and a 128-bit tag (RFC 7518 §5.3) through the JCA {@code
 * AES/GCM/NoPadding} cipher: after warm-up the JDK's AES-NI and CLMUL intrinsics encrypt 1 MiB in
 * about 0.2-0.4 ms, against 9.4 ms for BouncyCastle's lightweight GCM.
 */
public final class AesGcm {
  /** IV length in bytes. */
  public static final int IV_BYTES = 12;
  /** Tag length in bytes. */
  public static final int TAG_BYTES = 16;

  private AesGcm() {}

  /** Encrypts; returns the ciphertext followed by the 16-byte tag. */
  public static byte[] encrypt(
      JcaProviders providers, byte[] key, byte[] iv, byte[] aad, byte[] plaintext) {
    Cipher cipher = Jca.cipher(providers, "AES/GCM/NoPadding");
    try {
      cipher.init(
          Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, iv));
      cipher.updateAAD(aad);
      return cipher.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw Failures.configuration(ErrorCode.CONFIGURATION, "AES-GCM encryption failed", e);
    }
  }

  /**
   * Decrypts and authenticates.
   *
   * @return the plaintext, or null if the tag does not verify
   */
  public static byte[] decrypt(
      JcaProviders providers, byte[] key, byte[] iv, byte[] aad, byte[] ciphertext, byte[] tag) {
    Cipher cipher = Jca.reusableCipher(providers, "AES/GCM/NoPadding");
    try {
      cipher.init(
          Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, iv));
    } catch (GeneralSecurityException e) {
      throw Failures.configuration(ErrorCode.CONFIGURATION, "AES-GCM decryption is not available", e);
    }
    try {
      cipher.updateAAD(aad);
      // Feeding ciphertext and tag separately avoids copying a large ciphertext to append the tag.
      byte[] out = new byte[cipher.getOutputSize(ciphertext.length + tag.length)];
      int length = cipher.update(ciphertext, 0, ciphertext.length, out, 0);
      length += cipher.doFinal(tag, 0, tag.length, out, length);
      return length == out.length ? out : Arrays.copyOf(out, length);
    } catch (AEADBadTagException e) {
      return null;
    } catch (GeneralSecurityException e) {
      throw Failures.configuration(ErrorCode.CONFIGURATION, "AES-GCM decryption failed", e);
    }
  }
}
