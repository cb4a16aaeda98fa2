package org.pccc.crypto.internal.jose;

import java.util.Base64;
import java.util.Optional;

/**
 * Base64url without padding (RFC 7515 §2), decoded strictly.
 *
 * <p>Only the 64 URL-safe characters are accepted: no padding, whitespace or line breaks, no
 * length that leaves a single dangling character, and the unused low bits of the last character
 * must be zero. Each byte string then has exactly one accepted encoding, so an attacker cannot
 * make two different inputs that decode to the same bytes (which would defeat duplicate and
 * replay checks keyed on the text).
 */
public final class Base64Url {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private Base64Url() {}

  /** Encodes without padding. */
  public static String encode(byte[] bytes) {
    return ENCODER.encodeToString(bytes);
  }

  /**
   * Decodes strictly.
   *
   * @param text the encoded text
   * @return the bytes, or empty if the text is not canonical base64url
   */
  public static Optional<byte[]> decode(CharSequence text) {
    int length = text.length();
    if (length % 4 == 1) {
      return Optional.empty();
    }
    int lastValue = 0;
    for (int i = 0; i < length; i++) {
      int value = valueOf(text.charAt(i));
      if (value < 0) {
        return Optional.empty();
      }
      lastValue = value;
    }
    // The last character of a 2- or 3-character tail carries 4 or 2 bits that encode nothing.
    if (length % 4 == 2 && (lastValue & 0x0F) != 0) {
      return Optional.empty();
    }
    if (length % 4 == 3 && (lastValue & 0x03) != 0) {
      return Optional.empty();
    }
    return Optional.of(DECODER.decode(text.toString()));
  }

  private static int valueOf(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    if (c == '-') {
      return 62;
    }
    if (c == '_') {
      return 63;
    }
    return -1;
  }
}
