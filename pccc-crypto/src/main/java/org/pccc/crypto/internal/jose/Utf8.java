package org.pccc.crypto.internal.jose;

/** UTF-8 length of text without encoding it, for size limits checked before any work. */
public final class Utf8 {
  private Utf8() {}

  /**
   * Returns the number of bytes the text takes in UTF-8, or stops counting once the count passes
   * the limit (the result is then larger than the limit but not exact).
   */
  public static long length(CharSequence text, long limit) {
    long bytes = 0;
    for (int i = 0; i < text.length() && bytes <= limit; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        // a surrogate pair is one 4-byte sequence; a lone surrogate is refused by the parser later
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
