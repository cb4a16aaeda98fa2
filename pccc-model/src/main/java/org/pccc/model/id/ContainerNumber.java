package org.pccc.model.id;

/**
 * Freight container identification numbers as defined by ISO 6346:1995 §3.1 and Annex A, for
 * example {@code CSQU3054383}: a three-letter owner code registered with the Bureau International
 * des Containers, an equipment category identifier, a six-digit serial number and a check digit.
 *
 * <p>The equipment category identifier is {@code U} (freight containers), {@code J} (detachable
 * freight-container-related equipment) or {@code Z} (trailers and chassis); these are the only
 * categories ISO 6346 defines. Refrigerated containers are told apart by the size-and-type code,
 * not by the category letter, so {@code R} is rejected. European swap-body ILU codes (EN 13044)
 * use other category letters and are out of scope.
 *
 * <p>{@link #check(String)} accepts only the canonical 11-character form; printed forms such as
 * {@code "CSQU 305438 3"} go through {@link #normalize(String)} first.
 *
 * <p><b>What the check digit detects.</b> Values: digits as is, letters A = 10 to Z = 38 skipping
 * multiples of 11; weights 2<sup>0</sup> to 2<sup>9</sup>; sum mod 11, then a remainder of 10 is
 * written as 0. Because the weights are distinct and non-zero mod 11, a single substitution or a
 * swap of two adjacent characters is detected whenever the two character values differ mod 11
 * (always true for digits) <em>and</em> the correct remainder is neither 0 nor 10. Not detected:
 * letters whose values are equal mod 11 (the groups A/K/U, B/L/V, C/M/W, D/N/X, E/O/Y, F/P/Z,
 * G/Q, H/R, I/S, J/T; e.g. {@code K} typed for {@code A} in the owner code), and errors that
 * move the remainder between 0 and 10, since both give check digit 0 (ISO 6346 advises owners
 * not to issue serial numbers whose remainder is 10).
 *
 * <p>Stateless and thread-safe.
 */
public final class ContainerNumber {

  /** Length of the canonical form. */
  public static final int LENGTH = 11;

  private static final String SEPARATORS = " -\t";

  private ContainerNumber() {}

  /**
   * Checks a container number in its canonical form (11 characters, upper case, no spaces) per
   * ISO 6346:1995: owner code, equipment category {@code U}/{@code J}/{@code Z}, serial number and
   * check digit (Annex A).
   *
   * @param containerNumber the value to check; may be {@code null}
   * @return the outcome; never {@code null}
   */
  public static IdCheck check(String containerNumber) {
    if (containerNumber == null) {
      return IdCheck.invalid("container number is missing");
    }
    if (containerNumber.isEmpty()) {
      return IdCheck.invalid("container number is empty");
    }
    if (containerNumber.length() != LENGTH) {
      return IdCheck.invalid(
          "length must be 11 (owner code, category, 6-digit serial, check digit)");
    }
    if (Chars.anyLower(containerNumber)) {
      return IdCheck.invalid("container number must be upper case");
    }
    if (!Chars.allUpper(containerNumber, 0, 3)) {
      return IdCheck.invalid("owner code must be 3 letters A-Z");
    }
    char category = containerNumber.charAt(3);
    if (category != 'U' && category != 'J' && category != 'Z') {
      return IdCheck.invalid("equipment category identifier must be U, J or Z");
    }
    if (!Chars.allDigits(containerNumber, 4, 10)) {
      return IdCheck.invalid("serial number must be 6 digits");
    }
    char check = containerNumber.charAt(10);
    if (!Chars.isDigit(check)) {
      return IdCheck.invalid("check digit must be a digit");
    }
    if (check != Iso6346.digitFor(Iso6346.remainder(containerNumber, 10))) {
      return IdCheck.invalid("check digit of the container number does not match");
    }
    return IdCheck.ok();
  }

  /**
   * Computes the ISO 6346 Annex A check digit for an owner code, category and serial number.
   *
   * @param firstTen the first 10 characters of a container number (further characters are
   *     ignored)
   * @return the check digit, 0 to 9
   * @throws IllegalArgumentException if {@code firstTen} is null, shorter than 10 characters, or
   *     contains a character other than A-Z and 0-9 in its first 10 positions
   */
  public static int checkDigit(CharSequence firstTen) {
    if (firstTen == null || firstTen.length() < 10) {
      throw new IllegalArgumentException("need the first 10 characters of a container number");
    }
    int remainder = Iso6346.remainder(firstTen, 10);
    if (remainder < 0) {
      throw new IllegalArgumentException("only A-Z and 0-9 have an ISO 6346 value");
    }
    return remainder % 10;
  }

  /**
   * Turns a printed or typed container number into the canonical form that {@link #check(String)}
   * expects: removes spaces, tabs and hyphens and upper-cases ASCII letters. Other characters are
   * kept so that the check still rejects them. Does not validate.
   *
   * @param containerNumber for example {@code "csqu 305438-3"}; may be {@code null}
   * @return the normalized value, {@code ""} for {@code null}
   */
  public static String normalize(String containerNumber) {
    return Chars.stripAndUpper(containerNumber, SEPARATORS);
  }
}
