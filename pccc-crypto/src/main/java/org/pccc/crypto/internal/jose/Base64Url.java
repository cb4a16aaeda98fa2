package org.pccc.crypto.internal.jose;

import java.nio.charset.StandardCharsets;
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
    return Optional.ofNullable(decodeOrNull(text));
  }

  /**
   * Decodes strictly, as {@link #decodeOrNull(byte[], int, int)} does its ASCII form.
   *
   * @param text the encoded text
   * @return the bytes, or null if the text is not canonical base64url
   */
  public static byte[] decodeOrNull(CharSequence text) {
    // A character outside ASCII becomes '?', which is not in the alphabet: refused like any other.
    byte[] ascii = text.toString().getBytes(StandardCharsets.US_ASCII);
    return decodeOrNull(ascii, 0, ascii.length);
  }

  /**
   * Decodes strictly {@code length} ASCII bytes of {@code input} from {@code offset}, in one pass
   * (a part of a compact JWS, without making a string of it).
   *
   * @return the bytes, or null if the input is not canonical base64url
   */
  public static byte[] decodeOrNull(byte[] input, int offset, int length) {
    byte[] out = allocate(length);
    if (out == null) {
      return null;
    }
    int o = 0;
    int bits = 0;
    int count = 0;
    for (int i = offset, end = offset + length; i < end; i++) {
      byte b = input[i];
      int value = b >= 0 ? VALUES[b] : -1;
      if (value < 0) {
        return null;
      }
      bits = bits << 6 | value;
      if (++count == 4) {
        out[o++] = (byte) (bits >> 16);
        out[o++] = (byte) (bits >> 8);
        out[o++] = (byte) bits;
        bits = 0;
        count = 0;
      }
    }
    return finish(out, o, bits, count);
  }

  /** The output array for an input length, or null for a length no canonical text has. */
  private static byte[] allocate(int length) {
    if (length % 4 == 1) {
      return null;
    }
    return new byte[length / 4 * 3 + (length % 4 == 0 ? 0 : length % 4 - 1)];
  }

  /**
   * Writes the 2- or 3-character tail. Its last character carries 4 or 2 bits that encode
   * nothing; they must be zero.
   */
  private static byte[] finish(byte[] out, int o, int bits, int count) {
    if (count == 2) {
      if ((bits & 0x0F) != 0) {
        return null;
      }
      out[o] = (byte) (bits >> 4);
    } else if (count == 3) {
      if ((bits & 0x03) != 0) {
        return null;
      }
      out[o++] = (byte) (bits >> 10);
      out[o] = (byte) (bits >> 2);
    }
    return out;
  }

  private static final byte[] VALUES = new byte[128];

  static {
    java.util.Arrays.fill(VALUES, (byte) -1);
    for (char c = 0; c < 128; c++) {
      VALUES[c] = (byte) valueOf(c);
    }
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
