package org.pccc.model.id;

import java.util.Map;
import java.util.Optional;

/**
 * Telephone numbers in the international format of ITU-T Recommendation E.164: a {@code +}, then
 * the country calling code and the national number, at most 15 digits in all, the first of which
 * is not 0 (for example {@code +38591234567}).
 *
 * <p>Only the form is checked: no numbering plan is consulted, so a well-formed number may not be
 * assigned. {@link #regionCountry(String)} recognises the country calling codes of the
 * South-Eastern European region the SDK serves (ITU-T E.164 list of assigned country codes).
 *
 * <p>Stateless and thread-safe.
 */
public final class PhoneNumber {

  /** Maximum number of digits in an E.164 number (ITU-T E.164 §6). */
  public static final int MAX_DIGITS = 15;

  // Country calling codes are prefix-free, so at most one of these can match a number.
  private static final Map<String, String> REGION_CALLING_CODES =
      Map.ofEntries(
          Map.entry("30", "GR"),
          Map.entry("355", "AL"),
          Map.entry("359", "BG"),
          Map.entry("373", "MD"),
          Map.entry("381", "RS"),
          Map.entry("382", "ME"),
          Map.entry("383", "XK"),
          Map.entry("385", "HR"),
          Map.entry("386", "SI"),
          Map.entry("387", "BA"),
          Map.entry("389", "MK"),
          Map.entry("40", "RO"),
          Map.entry("90", "TR"));

  private PhoneNumber() {}

  /**
   * Checks that a value is an E.164 number in international form: {@code +} followed by 1 to 15
   * digits, the first not 0, with no spaces or other separators.
   *
   * @param e164 the value to check; may be {@code null}
   * @return the outcome; never {@code null}
   */
  public static IdCheck check(String e164) {
    if (e164 == null) {
      return IdCheck.invalid("phone number is missing");
    }
    if (e164.isEmpty()) {
      return IdCheck.invalid("phone number is empty");
    }
    if (e164.charAt(0) != '+') {
      return IdCheck.invalid("phone number must start with + and the country calling code");
    }
    int length = e164.length();
    if (length == 1) {
      return IdCheck.invalid("phone number has no digits after +");
    }
    if (length > MAX_DIGITS + 1) {
      return IdCheck.invalid("phone number may have at most 15 digits");
    }
    if (!Chars.allDigits(e164, 1, length)) {
      return IdCheck.invalid("phone number may contain only digits after + (no separators)");
    }
    if (e164.charAt(1) == '0') {
      return IdCheck.invalid("country calling code cannot start with 0");
    }
    return IdCheck.ok();
  }

  /**
   * Returns the ISO 3166-1 alpha-2 code (XK for Kosovo, as used by the EU) of the country whose
   * calling code starts a valid E.164 number, for the countries of the region: +30 GR, +355 AL,
   * +359 BG, +373 MD, +381 RS, +382 ME, +383 XK, +385 HR, +386 SI, +387 BA, +389 MK, +40 RO,
   * +90 TR.
   *
   * @param e164 a number in E.164 international form; may be {@code null}
   * @return the country, or empty if the number is invalid, has no digits after its calling code,
   *     or belongs to a country outside that list
   */
  public static Optional<String> regionCountry(String e164) {
    if (!check(e164).valid()) {
      return Optional.empty();
    }
    for (int codeLength = 1; codeLength <= 3 && codeLength + 1 < e164.length(); codeLength++) {
      String country = REGION_CALLING_CODES.get(e164.substring(1, 1 + codeLength));
      if (country != null) {
        return Optional.of(country);
      }
    }
    return Optional.empty();
  }

  /**
   * Turns a typed telephone number into the form {@link #check(String)} expects: removes spaces,
   * tabs, hyphens, dots, slashes and parentheses, drops a {@code (0)} trunk-prefix marker and
   * replaces a leading international prefix {@code 00} by {@code +}. Does not validate, and does
   * not turn national numbers into international ones.
   *
   * @param phoneNumber for example {@code "+385 (0)1 234-5678"} or {@code "00385 1 234 5678"};
   *     may be {@code null}
   * @return the normalized value, {@code ""} for {@code null}
   */
  public static String normalize(String phoneNumber) {
    if (phoneNumber == null) {
      return "";
    }
    String compact = Chars.stripAndUpper(phoneNumber.replace("(0)", ""), " \t-./()");
    return compact.startsWith("00") ? "+" + compact.substring(2) : compact;
  }
}
