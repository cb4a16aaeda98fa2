package org.pccc.model.id;

/**
 * Vehicle identification numbers as defined by ISO 3779: 17 characters from the digits and the
 * letters A-Z without I, O and Q, for example {@code 1M8GDM9AXKP042788}. The first three
 * characters are the world manufacturer identifier (WMI, ISO 3780), whose first character
 * designates the region.
 *
 * <p><b>The check digit rule adopted here.</b> ISO 3779 itself does not require a check digit.
 * Position 9 holds one where a regulation makes it mandatory: for vehicles built for North
 * America (US 49 CFR Part 565, also applied in Canada; WMI first character {@code 1} to
 * {@code 5}) and in practice for Chinese VINs (GB 16735; WMI first character {@code L}). European
 * and most other VINs use position 9 freely. Therefore {@link #check(String)} reports a wrong
 * check digit as invalid <em>only</em> for VINs whose first character is {@code 1}-{@code 5} or
 * {@code L}; for all others it checks length and characters. {@link #hasValidCheckDigit(String)}
 * tells whether position 9 happens to carry a correct check digit, whatever the region.
 *
 * <p><b>The algorithm</b> (49 CFR 565.15): letters are transliterated (A-H = 1-8, J-N = 1-5,
 * P = 7, R = 9, S-Z = 2-9), digits keep their value; the values are weighted 8, 7, 6, 5, 4, 3, 2,
 * 10, 0, 9, 8, 7, 6, 5, 4, 3, 2; the sum mod 11 is the check digit, with 10 written {@code X}.
 *
 * <p><b>What it detects.</b> All weights except position 9's are non-zero and 11 is prime, so a
 * single substitution is detected whenever the two characters transliterate to different values
 * (always for a digit replaced by another digit); a letter replaced by one of equal value (A/J,
 * B/K/S, ...) or by the digit of that value is not detected. Adjacent weights also differ, so a
 * swap of two neighbours with different values is detected too, except swaps involving position
 * 9 itself.
 *
 * <p>Stateless and thread-safe.
 */
public final class Vin {

  /** Length of a VIN. */
  public static final int LENGTH = 17;

  private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

  // Index = letter - 'A'; 0 marks the letters I, O and Q, which a VIN never contains.
  private static final int[] LETTER_VALUES = {
    1, 2, 3, 4, 5, 6, 7, 8, 0, 1, 2, 3, 4, 5, 0, 7, 0, 9, 2, 3, 4, 5, 6, 7, 8, 9
  };

  private Vin() {}

  /**
   * Checks a VIN: 17 characters from 0-9 and A-Z except I, O and Q (ISO 3779), and, for North
   * American (first character 1-5) and Chinese (first character L) VINs, the check digit in
   * position 9. See the class description for why other regions are not held to it.
   *
   * @param vin the value to check; may be {@code null}
   * @return the outcome; never {@code null}
   */
  public static IdCheck check(String vin) {
    IdCheck format = checkFormat(vin);
    if (!format.valid()) {
      return format;
    }
    if (isCheckDigitMandatory(vin) && vin.charAt(8) != checkDigit(vin)) {
      return IdCheck.invalid(
          "check digit in position 9 of the VIN does not match (mandatory for North American and"
              + " Chinese VINs)");
    }
    return IdCheck.ok();
  }

  /**
   * Tells whether a well-formed VIN carries a correct check digit in position 9, whatever its
   * region.
   *
   * @param vin the value to test; may be {@code null}
   * @return {@code true} if the VIN is well formed and position 9 equals the computed check digit
   */
  public static boolean hasValidCheckDigit(String vin) {
    return checkFormat(vin).valid() && vin.charAt(8) == checkDigit(vin);
  }

  /**
   * Tells whether the check digit is mandatory for a VIN, judged by the region in the first
   * character of its WMI: {@code 1}-{@code 5} (North America) or {@code L} (China).
   *
   * @param vin a VIN; may be {@code null}
   * @return {@code true} if {@code vin} starts with one of those characters
   */
  public static boolean isCheckDigitMandatory(String vin) {
    if (vin == null || vin.isEmpty()) {
      return false;
    }
    char first = vin.charAt(0);
    return (first >= '1' && first <= '5') || first == 'L';
  }

  /**
   * Computes the check digit for position 9 of a VIN (49 CFR 565.15); the character currently in
   * position 9 is ignored.
   *
   * @param vin 17 characters from 0-9 and A-Z except I, O and Q
   * @return {@code '0'} to {@code '9'} or {@code 'X'}
   * @throws IllegalArgumentException if {@code vin} is null, not 17 characters long, or contains
   *     another character
   */
  public static char checkDigit(CharSequence vin) {
    if (vin == null || vin.length() != LENGTH) {
      throw new IllegalArgumentException("a VIN has 17 characters");
    }
    int sum = 0;
    for (int i = 0; i < LENGTH; i++) {
      int value = value(vin.charAt(i));
      if (value < 0) {
        throw new IllegalArgumentException("a VIN contains only 0-9 and A-Z except I, O and Q");
      }
      sum += value * WEIGHTS[i];
    }
    int remainder = sum % 11;
    return remainder == 10 ? 'X' : (char) ('0' + remainder);
  }

  private static IdCheck checkFormat(String vin) {
    if (vin == null) {
      return IdCheck.invalid("VIN is missing");
    }
    if (vin.isEmpty()) {
      return IdCheck.invalid("VIN is empty");
    }
    if (vin.length() != LENGTH) {
      return IdCheck.invalid("length must be 17");
    }
    if (Chars.anyLower(vin)) {
      return IdCheck.invalid("VIN must be upper case");
    }
    for (int i = 0; i < LENGTH; i++) {
      char c = vin.charAt(i);
      if (c == 'I' || c == 'O' || c == 'Q') {
        return IdCheck.invalid("letters I, O and Q are not allowed in a VIN");
      }
      if (value(c) < 0) {
        return IdCheck.invalid("VIN may contain only digits and letters A-Z");
      }
    }
    return IdCheck.ok();
  }

  /** Returns the transliterated value of a VIN character, or -1 if it is not allowed. */
  private static int value(char c) {
    if (Chars.isDigit(c)) {
      return c - '0';
    }
    if (Chars.isUpper(c)) {
      int value = LETTER_VALUES[c - 'A'];
      return value == 0 ? -1 : value;
    }
    return -1;
  }
}
