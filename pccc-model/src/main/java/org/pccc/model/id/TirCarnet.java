package org.pccc.model.id;

/**
 * TIR carnet numbers (Customs Convention on the International Transport of Goods under Cover of
 * TIR Carnets, 1975), as printed on the carnet and declared in NCTS, for example
 * {@code MX51000000}: a two-letter security code followed by the carnet's serial number of 8 or 9
 * digits.
 *
 * <p><b>Format.</b> NCTS business rule R0990 (DDNTA; published e.g. in HM Revenue &amp; Customs'
 * CTC Traders technical interface specification) requires "the format an10 or an11" and "the
 * algorithm defined by IRU". Since 31 May 2003 only carnets "with a number above 38,000,000,
 * preceded by a 2-letter security code" are issued (UNECE TIR news, 5 June 2003); the older red
 * carnets (numbers up to 25,000,000) had no security code and have long expired, so this class
 * rejects bare numbers and numbers up to 25,000,000.
 *
 * <p><b>Security code (the IRU algorithm).</b> For serial number {@code n}, let
 * {@code m = n mod 23} and {@code L} the letter at alphabet position {@code (3m + 17) mod 26}
 * (A = 0). The code is {@code L} followed by {@code X} when {@code m < 12}, and {@code X} followed
 * by {@code L} otherwise. The IRU's own description was not available; the rule is taken from an
 * open-source NCTS implementation ({@code TirCarnetNumberValidationHelper}, which applies it to
 * numbers above 25,000,000) and cross-checked against an independent public value: UNECE TIR news
 * of 12 April 2006 refers to "TIR Carnets with numbers above MX51,000,000", and 51,000,000 mod 23
 * = 7 gives {@code MX}. One letter of the code is therefore always {@code X} (for example
 * {@code MX}, {@code JX}, {@code XB}); a code such as {@code EX} never occurs.
 *
 * <p><b>What the code detects.</b> The 23 remainders map to 23 different codes, and 10<sup>k</sup>
 * and 9·10<sup>k</sup> are never multiples of 23, so every single-digit substitution and every
 * swap of two adjacent different digits changes the code and is detected, as is any change to the
 * code itself.
 *
 * <p>Stateless and thread-safe.
 */
public final class TirCarnet {

  /** Serial numbers up to this value were red carnets without a security code. */
  public static final int LAST_NUMBER_WITHOUT_SECURITY_CODE = 25_000_000;

  private static final String SEPARATORS = " -.\t";

  private TirCarnet() {}

  /**
   * Checks a TIR carnet number in its canonical form: two upper-case letters (the security code)
   * and an 8- or 9-digit serial number above 25,000,000 without a leading zero, with the security
   * code matching the serial number (IRU algorithm, see the class description; NCTS rule R0990).
   *
   * @param carnetNumber the value to check; may be {@code null}
   * @return the outcome; never {@code null}
   */
  public static IdCheck check(String carnetNumber) {
    if (carnetNumber == null) {
      return IdCheck.invalid("TIR carnet number is missing");
    }
    if (carnetNumber.isEmpty()) {
      return IdCheck.invalid("TIR carnet number is empty");
    }
    int length = carnetNumber.length();
    if (length != 10 && length != 11) {
      if (length <= 9 && Chars.allDigits(carnetNumber, 0, length)) {
        return IdCheck.invalid(
            "TIR carnet number lacks the 2-letter security code (carnets without one are no longer"
                + " valid)");
      }
      return IdCheck.invalid("length must be 10 or 11 (2-letter security code and 8 or 9 digits)");
    }
    if (Chars.anyLower(carnetNumber)) {
      return IdCheck.invalid("TIR carnet number must be upper case");
    }
    if (!Chars.allUpper(carnetNumber, 0, 2)) {
      return IdCheck.invalid("TIR carnet number must start with a 2-letter security code");
    }
    if (!Chars.allDigits(carnetNumber, 2, length)) {
      return IdCheck.invalid("TIR carnet serial number must be 8 or 9 digits");
    }
    if (carnetNumber.charAt(2) == '0') {
      return IdCheck.invalid("TIR carnet serial number must not start with 0");
    }
    int serial = Integer.parseInt(carnetNumber, 2, length, 10);
    if (serial <= LAST_NUMBER_WITHOUT_SECURITY_CODE) {
      return IdCheck.invalid("TIR carnet serial number must be above 25,000,000");
    }
    if (!carnetNumber.startsWith(securityCode(serial))) {
      return IdCheck.invalid("security code of the TIR carnet number does not match");
    }
    return IdCheck.ok();
  }

  /**
   * Computes the two-letter security code that precedes a TIR carnet serial number (IRU
   * algorithm, see the class description).
   *
   * @param serialNumber the carnet's serial number, above 25,000,000 and below 1,000,000,000
   * @return the two letters, one of which is always {@code X}
   * @throws IllegalArgumentException if the serial number is out of that range
   */
  public static String securityCode(int serialNumber) {
    if (serialNumber <= LAST_NUMBER_WITHOUT_SECURITY_CODE || serialNumber >= 1_000_000_000) {
      throw new IllegalArgumentException(
          "serial number must be above 25,000,000 and have at most 9 digits");
    }
    int m = serialNumber % 23;
    char letter = (char) ('A' + (3 * m + 17) % 26);
    return m < 12 ? letter + "X" : "X" + letter;
  }

  /**
   * Turns a typed TIR carnet number into the canonical form that {@link #check(String)} expects:
   * removes spaces, tabs, hyphens and dots and upper-cases ASCII letters. Does not validate.
   *
   * @param carnetNumber for example {@code "mx 51.000.000"}; may be {@code null}
   * @return the normalized value, {@code ""} for {@code null}
   */
  public static String normalize(String carnetNumber) {
    return Chars.stripAndUpper(carnetNumber, SEPARATORS);
  }
}
