package org.pccc.model.id;

/**
 * The ISO 6346 check-digit arithmetic, shared by container numbers and customs Movement Reference
 * Numbers (whose check character is "based on ISO 6346"). Not public API.
 *
 * <p>Digits keep their value; letters count from A = 10 upwards, skipping 11, 22 and 33 (the
 * multiples of 11), so Z = 38. Character {@code i} (from 0) is weighted by 2<sup>i</sup>; the sum
 * is taken modulo 11 and a remainder of 10 becomes 0.
 */
final class Iso6346 {

  private static final int[] LETTER_VALUES = letterValues();

  private Iso6346() {}

  private static int[] letterValues() {
    int[] values = new int[26];
    int v = 10;
    for (int i = 0; i < 26; i++) {
      if (v % 11 == 0) {
        v++;
      }
      values[i] = v++;
    }
    return values;
  }

  /** Returns the ISO 6346 value of an ASCII digit or upper-case letter, or -1 for anything else. */
  static int value(char c) {
    if (Chars.isDigit(c)) {
      return c - '0';
    }
    return Chars.isUpper(c) ? LETTER_VALUES[c - 'A'] : -1;
  }

  /**
   * Returns the weighted sum of the first {@code length} characters modulo 11 (0..10), or -1 if
   * one of them is neither a digit nor an upper-case letter.
   */
  static int remainder(CharSequence s, int length) {
    long sum = 0;
    for (int i = 0; i < length; i++) {
      int v = value(s.charAt(i));
      if (v < 0) {
        return -1;
      }
      sum += (long) v << i;
    }
    return (int) (sum % 11);
  }

  /** Maps a remainder 0..10 to the check digit character: 10 becomes '0'. */
  static char digitFor(int remainder) {
    return (char) ('0' + remainder % 10);
  }
}
