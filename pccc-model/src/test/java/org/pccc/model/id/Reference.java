package org.pccc.model.id;

/**
 * Independent, deliberately naive re-implementations of the check-digit schemes, written from the
 * standards' tables rather than from the production code, so that generated test identifiers do
 * not merely agree with the code under test.
 */
final class Reference {

  private Reference() {}

  // ISO 6346 Annex A: the index of a character in this string is its value; '?' marks 11, 22, 33.
  private static final String ISO_6346_VALUES = "0123456789A?BCDEFGHIJK?LMNOPQRSTU?VWXYZ";

  // ICAO Doc 9303 Part 3 §4.9: the index is the value; '<' counts as 0.
  private static final String MRZ_VALUES = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  // 49 CFR 565.15 transliteration, written out letter by letter.
  private static final String VIN_LETTERS = "A1B2C3D4E5F6G7H8J1K2L3M4N5P7R9S2T3U4V5W6X7Y8Z9";
  private static final int[] VIN_WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

  static int iso6346Value(char c) {
    int value = ISO_6346_VALUES.indexOf(c);
    if (value < 0 || c == '?') {
      throw new IllegalArgumentException("no ISO 6346 value");
    }
    return value;
  }

  /** Sum of value × 2^i over the first {@code length} characters, mod 11. */
  static int iso6346Remainder(String s, int length) {
    long sum = 0;
    long weight = 1;
    for (int i = 0; i < length; i++) {
      sum += iso6346Value(s.charAt(i)) * weight;
      weight *= 2;
    }
    return (int) (sum % 11);
  }

  static char iso6346Digit(String s, int length) {
    return Character.forDigit(iso6346Remainder(s, length) % 10, 10);
  }

  static int mrzValue(char c) {
    return c == '<' ? 0 : MRZ_VALUES.indexOf(c);
  }

  static int mrzWeight(int position) {
    return new int[] {7, 3, 1}[position % 3];
  }

  static char mrzDigit(String field) {
    int sum = 0;
    for (int i = 0; i < field.length(); i++) {
      sum += mrzValue(field.charAt(i)) * mrzWeight(i);
    }
    return Character.forDigit(sum % 10, 10);
  }

  static int vinValue(char c) {
    if (Character.isDigit(c)) {
      return c - '0';
    }
    int at = VIN_LETTERS.indexOf(c);
    if (at < 0 || at % 2 != 0) {
      throw new IllegalArgumentException("not a VIN letter");
    }
    return VIN_LETTERS.charAt(at + 1) - '0';
  }

  static char vinDigit(String vin) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += vinValue(vin.charAt(i)) * VIN_WEIGHTS[i];
    }
    int r = sum % 11;
    return r == 10 ? 'X' : Character.forDigit(r, 10);
  }

  static int vinWeight(int position) {
    return VIN_WEIGHTS[position];
  }

  /** The IRU security code as described in the UNECE/NCTS sources (see TirCarnet). */
  static String tirCode(int serial) {
    int m = serial % 23;
    char letter = (char) ('A' + (3 * m + 17) % 26);
    return m < 12 ? "" + letter + 'X' : "X" + letter;
  }
}
