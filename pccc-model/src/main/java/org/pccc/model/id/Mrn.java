package org.pccc.model.id;

/**
 * EU customs Movement Reference Numbers (MRN), the 18-character reference that NCTS (transit),
 * AES/ECS (export) and ICS2/import systems give to an accepted declaration, for example
 * {@code 22ITZXBZYUTJFLJXK6}.
 *
 * <p>Structure (as described for NCTS in the DDNTA and in national guidance such as the German
 * ATLAS MRN description; the EU Customs Data Model uses the same 18-character layout):
 *
 * <ul>
 *   <li>positions 1-2: last two digits of the year of acceptance;
 *   <li>positions 3-4: ISO 3166-1 alpha-2 code of the country that allocated the MRN;
 *   <li>positions 5-17: a unique identifier of 13 letters or digits, structured nationally; in
 *       MRNs issued under the UCC (NCTS phase 5, AES) position 17 is a procedure-category letter,
 *       in older ones it can be anything alphanumeric (German ATLAS used a fixed {@code Z}). This
 *       class accepts any letter or digit there;
 *   <li>position 18: check character, a digit.
 * </ul>
 *
 * <p><b>Check character.</b> Computed by the ISO 6346 algorithm applied to the first 17
 * characters: digits keep their value, letters count A = 10 to Z = 38 skipping multiples of 11,
 * character {@code i} (from 0) is weighted by 2<sup>i</sup>, the sum is taken mod 11 and a
 * remainder of 10 gives check character 0. Sources, which agree: the European Commission working
 * document DG XXI/0879/99 Rev.1 "Check character algorithm for the MRN and GRN" (Transit
 * Computerisation Project, 1 June 1999: "based on the ISO 6346 algorithm", factors
 * 2<sup>0</sup> to 2<sup>16</sup> for the MRN); the German customs ATLAS MRN description ("Sie
 * wird nach einem Algorithmus erstellt, der auf dem Standard ISO 6346 basiert"); and two
 * independent open-source implementations, HM Revenue &amp; Customs' transit frontends
 * ({@code MovementReferenceNumber.scala}, remainder mod 10) and an MRN generator used in NCTS
 * testing (remainder mod 10). The full text of the DG XXI table and of the current DDNTA could
 * not be consulted; the published example {@code 15ITQ1V1T0240456E9} (an Italian export MRN in
 * public cargo-messaging documentation) validates under this rule.
 *
 * <p><b>What the check character detects.</b> Weights 2<sup>i</sup> mod 11 repeat every 10
 * positions and are never 0, so a single substitution or a swap of adjacent characters is
 * detected whenever the two character values differ mod 11 and the correct remainder is neither
 * 0 nor 10; in particular any digit-for-digit error is caught then. Not detected: a letter typed
 * for a digit or letter of equal value mod 11 (B, L or V for 1; C, M or W for 2; ... A, K or U
 * for each other), and errors that move the remainder between 0 and 10.
 *
 * <p>Stateless and thread-safe.
 */
public final class Mrn {

  /** Length of an MRN. */
  public static final int LENGTH = 18;

  private Mrn() {}

  /**
   * Checks an MRN in its canonical form: 18 characters, upper case, year digits, country letters,
   * 13 letters or digits, check character (ISO 6346 algorithm, see the class description).
   *
   * @param mrn the value to check; may be {@code null}
   * @return the outcome; never {@code null}
   */
  public static IdCheck check(String mrn) {
    if (mrn == null) {
      return IdCheck.invalid("MRN is missing");
    }
    if (mrn.isEmpty()) {
      return IdCheck.invalid("MRN is empty");
    }
    if (mrn.length() != LENGTH) {
      return IdCheck.invalid("length must be 18");
    }
    if (Chars.anyLower(mrn)) {
      return IdCheck.invalid("MRN must be upper case");
    }
    if (!Chars.allDigits(mrn, 0, 2)) {
      return IdCheck.invalid("MRN must start with the 2 digits of the year");
    }
    if (!Chars.allUpper(mrn, 2, 4)) {
      return IdCheck.invalid("positions 3-4 of an MRN must be a country code of 2 letters");
    }
    for (int i = 4; i < 17; i++) {
      char c = mrn.charAt(i);
      if (!Chars.isUpper(c) && !Chars.isDigit(c)) {
        return IdCheck.invalid("positions 5-17 of an MRN must be letters A-Z or digits");
      }
    }
    char check = mrn.charAt(17);
    if (!Chars.isDigit(check)) {
      return IdCheck.invalid("check character of an MRN must be a digit");
    }
    if (check != Iso6346.digitFor(Iso6346.remainder(mrn, 17))) {
      return IdCheck.invalid("check character of the MRN does not match");
    }
    return IdCheck.ok();
  }

  /**
   * Computes the check character (position 18) for the first 17 characters of an MRN.
   *
   * @param firstSeventeen year, country and identifier (further characters are ignored)
   * @return the check character, {@code '0'} to {@code '9'}
   * @throws IllegalArgumentException if {@code firstSeventeen} is null, shorter than 17
   *     characters or contains a character other than A-Z and 0-9 in its first 17 positions
   */
  public static char checkCharacter(CharSequence firstSeventeen) {
    if (firstSeventeen == null || firstSeventeen.length() < 17) {
      throw new IllegalArgumentException("need the first 17 characters of an MRN");
    }
    int remainder = Iso6346.remainder(firstSeventeen, 17);
    if (remainder < 0) {
      throw new IllegalArgumentException("only A-Z and 0-9 have an ISO 6346 value");
    }
    return Iso6346.digitFor(remainder);
  }
}
