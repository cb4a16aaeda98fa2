package org.pccc.model.id;

/**
 * Commodity codes of the Harmonized Commodity Description and Coding System (HS, World Customs
 * Organization): 6 digits worldwide, extended nationally to 8 digits in the EU Combined
 * Nomenclature (CN, Council Regulation (EEC) No 2658/87) and 10 digits in TARIC.
 *
 * <p>The first two digits are the chapter, 01 to 97. Chapter 77 is reserved by the HS for future
 * use and is rejected, as are 00, 98 and 99 (the last two are used only for special national or
 * CN codes, not for goods classified under the HS). Headings and subheadings are not checked
 * against the published nomenclature: a well-formed code may still not exist.
 *
 * <p>{@link #check(String)} accepts digits only; printed forms such as {@code "2402.20"} or
 * {@code "2402 20 90"} go through {@link #normalize(String)} first.
 *
 * <p>Stateless and thread-safe.
 */
public final class HsCode {

  private static final String SEPARATORS = " .\t";

  private HsCode() {}

  /**
   * Checks a commodity code: 6 (HS), 8 (CN) or 10 (TARIC) digits, chapter 01-97 except the
   * reserved chapter 77.
   *
   * @param code the value to check; may be {@code null}
   * @return the outcome; never {@code null}
   */
  public static IdCheck check(String code) {
    if (code == null) {
      return IdCheck.invalid("commodity code is missing");
    }
    if (code.isEmpty()) {
      return IdCheck.invalid("commodity code is empty");
    }
    int length = code.length();
    if (length != 6 && length != 8 && length != 10) {
      return IdCheck.invalid("length must be 6 (HS), 8 (CN) or 10 (TARIC) digits");
    }
    if (!Chars.allDigits(code, 0, length)) {
      return IdCheck.invalid("commodity code must contain digits only");
    }
    int chapter = (code.charAt(0) - '0') * 10 + (code.charAt(1) - '0');
    if (chapter < 1 || chapter > 97) {
      return IdCheck.invalid("HS chapter must be 01 to 97");
    }
    if (chapter == 77) {
      return IdCheck.invalid("HS chapter 77 is reserved");
    }
    return IdCheck.ok();
  }

  /**
   * Removes the dots, spaces and tabs with which commodity codes are usually printed. Other
   * characters are kept so that the check still rejects them. Does not validate.
   *
   * @param code for example {@code "2402.20.90"}; may be {@code null}
   * @return the normalized value, {@code ""} for {@code null}
   */
  public static String normalize(String code) {
    return Chars.strip(code, SEPARATORS);
  }
}
