package org.pccc.model.id;

import java.util.Optional;

/**
 * Machine-readable zones of travel documents as specified by ICAO Doc 9303 (8th edition, 2021):
 * TD1 identity cards (Part 5), TD2 documents (Part 6), TD3 passports (Part 4) and MRV-A / MRV-B
 * visas (Part 7).
 *
 * <p>Input is the whole zone, lines separated by {@code \n} or {@code \r\n} (one line break after
 * the last line is tolerated), using only {@code A-Z}, {@code 0-9} and the filler {@code <}. The
 * layout follows from the number and length of lines; a first character {@code V} marks a visa.
 * {@link #check(String)} verifies the layout, the form of each field (document code, state codes,
 * dates, sex, name characters) and every check digit the layout has (Doc 9303 Part 3 §4.9):
 *
 * <ul>
 *   <li>document number, including the TD1/TD2 convention for numbers longer than 9 characters:
 *       a filler in the check digit position, the rest of the number and its check digit at the
 *       start of the optional data (Part 5 §4.2.4, Part 6);
 *   <li>date of birth and date of expiry;
 *   <li>TD3 optional data (personal number): may be {@code <} or {@code 0} when that field is
 *       all fillers;
 *   <li>the composite check digit of TD1, TD2 and TD3 (visas have none).
 * </ul>
 *
 * <p><b>What the check digits detect.</b> Weights 7, 3, 1 repeated, sum mod 10. The weights are
 * coprime to 10, so replacing a digit by another digit inside a field protected by a check digit
 * is always detected. Letters are not so well protected: values are A = 10 ... Z = 35 and
 * {@code <} = 0, so characters whose values are equal mod 10 (for example {@code 0}, {@code A},
 * {@code K}, {@code U} and {@code <}) can replace each other unnoticed. Swaps of adjacent
 * characters are detected only when (difference of values) × (difference of weights) is not a
 * multiple of 10; weight differences are 4, 2 and 6, so for example swapping {@code 0} and
 * {@code 5} is never detected.
 *
 * <p>Stateless and thread-safe.
 */
public final class Mrz {

  // 3 lines of 30 with CR LF after each is 96 characters; anything longer is rejected unread.
  private static final int MAX_INPUT_CHARS = 100;

  private static final int[] WEIGHTS = {7, 3, 1};

  private static final int[] MAX_DAY_OF_MONTH = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

  private Mrz() {}

  /**
   * Computes the ICAO Doc 9303 check digit (Part 3 §4.9) of a field: values {@code 0-9} as is,
   * {@code A-Z} = 10-35, {@code <} = 0; weights 7, 3, 1 repeated; sum mod 10.
   *
   * @param field the characters to protect, e.g. a document number with its fillers
   * @return the check digit, 0 to 9
   * @throws IllegalArgumentException if {@code field} is null or contains a character other than
   *     {@code A-Z}, {@code 0-9} and {@code <}
   */
  public static int checkDigit(CharSequence field) {
    if (field == null) {
      throw new IllegalArgumentException("no field to compute a check digit for");
    }
    int sum = 0;
    for (int i = 0; i < field.length(); i++) {
      int value = value(field.charAt(i));
      if (value < 0) {
        throw new IllegalArgumentException("an MRZ field contains only A-Z, 0-9 and <");
      }
      sum = (sum + value * WEIGHTS[i % 3]) % 10;
    }
    return sum;
  }

  /**
   * Checks a machine-readable zone: layout, field forms and all check digits (see the class
   * description).
   *
   * @param mrz the whole zone, lines separated by {@code \n} or {@code \r\n}; may be {@code null}
   * @return the outcome; never {@code null}
   */
  public static IdCheck check(String mrz) {
    return analyse(mrz, false).check();
  }

  /**
   * Reads the main fields of a machine-readable zone that passes {@link #check(String)}.
   *
   * @param mrz the whole zone, lines separated by {@code \n} or {@code \r\n}; may be {@code null}
   * @return the fields, or empty if the zone is not valid
   */
  public static Optional<MrzData> parse(String mrz) {
    return Optional.ofNullable(analyse(mrz, true).data());
  }

  private record Outcome(IdCheck check, MrzData data) {
    /** Valid, fields not read. */
    static final Outcome VALID = new Outcome(IdCheck.ok(), null);

    static Outcome invalid(String reason) {
      return new Outcome(IdCheck.invalid(reason), null);
    }
  }

  /**
   * Checks the zone and, if {@code readData} and it is valid, reads its fields. A check alone
   * skips the reading: validation checks every MRZ of every message and needs no fields.
   */
  private static Outcome analyse(String mrz, boolean readData) {
    if (mrz == null) {
      return Outcome.invalid("MRZ is missing");
    }
    if (mrz.isEmpty()) {
      return Outcome.invalid("MRZ is empty");
    }
    if (mrz.length() > MAX_INPUT_CHARS) {
      return Outcome.invalid(
          "MRZ is too long: it has 3 lines of 30, or 2 lines of 36 or 44 characters");
    }
    String text = mrz.replace("\r\n", "\n");
    if (text.endsWith("\n")) {
      text = text.substring(0, text.length() - 1);
    }
    String[] lines = text.split("\n", -1);
    MrzFormat format = layout(lines);
    if (format == null) {
      return Outcome.invalid("MRZ must have 3 lines of 30, or 2 lines of 36 or 44 characters");
    }
    for (String line : lines) {
      if (Chars.anyLower(line)) {
        return Outcome.invalid("MRZ must be upper case");
      }
      for (int i = 0; i < line.length(); i++) {
        if (value(line.charAt(i)) < 0) {
          return Outcome.invalid("MRZ may contain only A-Z, 0-9 and <");
        }
      }
    }
    return format == MrzFormat.TD1 ? td1(lines, readData) : twoLines(format, lines[0], lines[1], readData);
  }

  private static MrzFormat layout(String[] lines) {
    if (lines.length == 3) {
      return allOfLength(lines, 30) ? MrzFormat.TD1 : null;
    }
    if (lines.length != 2) {
      return null;
    }
    boolean visa = lines[0].startsWith("V");
    if (allOfLength(lines, 36)) {
      return visa ? MrzFormat.MRV_B : MrzFormat.TD2;
    }
    if (allOfLength(lines, 44)) {
      return visa ? MrzFormat.MRV_A : MrzFormat.TD3;
    }
    return null;
  }

  private static boolean allOfLength(String[] lines, int length) {
    for (String line : lines) {
      if (line.length() != length) {
        return false;
      }
    }
    return true;
  }

  /** TD1, Doc 9303 Part 5 §4.2: number in line 1, dates in line 2, name in line 3. */
  private static Outcome td1(String[] lines, boolean readData) {
    String l1 = lines[0];
    String l2 = lines[1];
    String l3 = lines[2];
    String header = checkHeader(l1);
    if (header != null) {
      return Outcome.invalid(header);
    }
    DocumentNumber number = documentNumber(l1, 5, 14, 15, 30);
    if (number.problem != null) {
      return Outcome.invalid(number.problem);
    }
    Outcome personal = checkPersonalFields(l2, 0, 7, 8, 15);
    if (personal != null) {
      return personal;
    }
    String composite =
        l1.substring(5, 30) + l2.substring(0, 7) + l2.substring(8, 15) + l2.substring(18, 29);
    if (!matches(l2.charAt(29), composite)) {
      return Outcome.invalid("composite check digit does not match");
    }
    String name = checkName(l3);
    if (name != null) {
      return Outcome.invalid(name);
    }
    return readData ? valid(MrzFormat.TD1, l1, number.value, l2, 0, 7, 8, 15, l3) : Outcome.VALID;
  }

  /** TD2, TD3, MRV-A and MRV-B: name in line 1, number and dates in line 2 at the same places. */
  private static Outcome twoLines(MrzFormat format, String l1, String l2, boolean readData) {
    String header = checkHeader(l1);
    if (header != null) {
      return Outcome.invalid(header);
    }
    DocumentNumber number =
        format == MrzFormat.TD2
            ? documentNumber(l2, 0, 9, 28, 35)
            : documentNumber(l2, 0, 9, -1, -1);
    if (number.problem != null) {
      return Outcome.invalid(number.problem);
    }
    Outcome personal = checkPersonalFields(l2, 13, 20, 21, 10);
    if (personal != null) {
      return personal;
    }
    if (format == MrzFormat.TD3) {
      String optional = l2.substring(28, 42);
      char check = l2.charAt(42);
      boolean unused = stripFillers(optional).isEmpty();
      if (!(matches(check, optional) || (unused && check == '<'))) {
        return Outcome.invalid("check digit of the optional data (personal number) does not match");
      }
      String composite = l2.substring(0, 10) + l2.substring(13, 20) + l2.substring(21, 43);
      if (!matches(l2.charAt(43), composite)) {
        return Outcome.invalid("composite check digit does not match");
      }
    } else if (format == MrzFormat.TD2) {
      String composite = l2.substring(0, 10) + l2.substring(13, 20) + l2.substring(21, 35);
      if (!matches(l2.charAt(35), composite)) {
        return Outcome.invalid("composite check digit does not match");
      }
    }
    String name = checkName(l1.substring(5));
    if (name != null) {
      return Outcome.invalid(name);
    }
    return readData ? valid(format, l1, number.value, l2, 13, 20, 21, 10, l1.substring(5)) : Outcome.VALID;
  }

  /** Document code and issuing state, positions 1-5 of line 1 in every layout. */
  private static String checkHeader(String l1) {
    char first = l1.charAt(0);
    char second = l1.charAt(1);
    if (!Chars.isUpper(first) || !(Chars.isUpper(second) || second == '<')) {
      return "document code must be 1 or 2 letters";
    }
    if (!isStateCode(l1, 2)) {
      return "issuing state must be a 3-letter code";
    }
    return null;
  }

  /**
   * Checks the date of birth, sex, date of expiry and nationality. The offsets differ between
   * TD1 line 2 and the second line of the other layouts; in both, sex follows the birth date
   * check digit and expiry follows sex.
   */
  private static Outcome checkPersonalFields(
      String line, int birth, int sex, int expiry, int nationality) {
    String birthDate = line.substring(birth, birth + 6);
    if (!isBirthDate(birthDate)) {
      return Outcome.invalid("date of birth is malformed");
    }
    if (!matches(line.charAt(birth + 6), birthDate)) {
      return Outcome.invalid("check digit of the date of birth does not match");
    }
    char sexCode = line.charAt(sex);
    if (sexCode != 'F' && sexCode != 'M' && sexCode != 'X' && sexCode != '<') {
      return Outcome.invalid("sex must be F, M, X or <");
    }
    String expiryDate = line.substring(expiry, expiry + 6);
    if (!isDate(expiryDate)) {
      return Outcome.invalid("date of expiry is malformed");
    }
    if (!matches(line.charAt(expiry + 6), expiryDate)) {
      return Outcome.invalid("check digit of the date of expiry does not match");
    }
    if (!isStateCode(line, nationality)) {
      return Outcome.invalid("nationality must be a 3-letter code");
    }
    return null;
  }

  private record DocumentNumber(String value, String problem) {}

  /**
   * Reads and verifies the document number in {@code [from, to)} with its check digit at
   * {@code to}. Where the layout has the long-number convention ({@code overflowFrom >= 0}), a
   * filler in the check digit position means the number continues at {@code overflowFrom},
   * followed by its check digit and a filler.
   */
  private static DocumentNumber documentNumber(
      String line, int from, int to, int overflowFrom, int overflowTo) {
    String principal = line.substring(from, to);
    char check = line.charAt(to);
    if (check == '<' && overflowFrom >= 0) {
      if (principal.indexOf('<') >= 0) {
        return new DocumentNumber(null, "document number is malformed");
      }
      String overflow = line.substring(overflowFrom, overflowTo);
      int end = overflow.indexOf('<');
      if (end < 0) {
        end = overflow.length();
      }
      if (end < 2) {
        return new DocumentNumber(null, "check digit of the long document number is missing");
      }
      String number = principal + overflow.substring(0, end - 1);
      if (!matches(overflow.charAt(end - 1), number)) {
        return new DocumentNumber(null, "check digit of the document number does not match");
      }
      return new DocumentNumber(number, null);
    }
    if (principal.charAt(0) == '<') {
      return new DocumentNumber(null, "document number is missing");
    }
    if (!matches(check, principal)) {
      return new DocumentNumber(null, "check digit of the document number does not match");
    }
    return new DocumentNumber(stripFillers(principal), null);
  }

  private static String checkName(String field) {
    if (!Chars.isUpper(field.charAt(0))) {
      return "primary identifier (name) must start with a letter";
    }
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (!Chars.isUpper(c) && c != '<') {
        return "name field may contain only letters and <";
      }
    }
    return null;
  }

  private static Outcome valid(
      MrzFormat format,
      String l1,
      String documentNumber,
      String dates,
      int birth,
      int sex,
      int expiry,
      int nationality,
      String nameField) {
    String name = stripFillers(nameField);
    int separator = name.indexOf("<<");
    String primary = separator < 0 ? name : name.substring(0, separator);
    String secondary = separator < 0 ? "" : stripLeadingFillers(name.substring(separator + 2));
    MrzData data =
        new MrzData(
            format,
            stripFillers(l1.substring(0, 2)),
            stripFillers(l1.substring(2, 5)),
            documentNumber,
            dates.substring(birth, birth + 6),
            dates.charAt(sex),
            dates.substring(expiry, expiry + 6),
            stripFillers(dates.substring(nationality, nationality + 3)),
            primary,
            secondary);
    return new Outcome(IdCheck.ok(), data);
  }

  /** A state or nationality code: a letter, then letters or fillers (e.g. {@code D<<}). */
  private static boolean isStateCode(String line, int at) {
    if (!Chars.isUpper(line.charAt(at))) {
      return false;
    }
    for (int i = at + 1; i < at + 3; i++) {
      char c = line.charAt(i);
      if (!Chars.isUpper(c) && c != '<') {
        return false;
      }
    }
    return true;
  }

  /** A full date {@code YYMMDD} with a month 01-12 and a day that exists in some year. */
  private static boolean isDate(String yymmdd) {
    if (!Chars.allDigits(yymmdd, 0, 6)) {
      return false;
    }
    int month = Integer.parseInt(yymmdd, 2, 4, 10);
    int day = Integer.parseInt(yymmdd, 4, 6, 10);
    return month >= 1 && month <= 12 && day >= 1 && day <= MAX_DAY_OF_MONTH[month - 1];
  }

  /**
   * A birth date may be partly unknown (Doc 9303 Part 3): each of year, month and day is either
   * two digits or {@code <<}; the parts that are known must be plausible.
   */
  private static boolean isBirthDate(String yymmdd) {
    for (int i = 0; i < 6; i += 2) {
      boolean digits = Chars.allDigits(yymmdd, i, i + 2);
      boolean unknown = yymmdd.charAt(i) == '<' && yymmdd.charAt(i + 1) == '<';
      if (!digits && !unknown) {
        return false;
      }
    }
    int month = yymmdd.charAt(2) == '<' ? 0 : Integer.parseInt(yymmdd, 2, 4, 10);
    int day = yymmdd.charAt(4) == '<' ? 0 : Integer.parseInt(yymmdd, 4, 6, 10);
    if (yymmdd.charAt(2) != '<' && (month < 1 || month > 12)) {
      return false;
    }
    int maxDay = month == 0 ? 31 : MAX_DAY_OF_MONTH[month - 1];
    return yymmdd.charAt(4) == '<' || (day >= 1 && day <= maxDay);
  }

  private static boolean matches(char check, CharSequence field) {
    return Chars.isDigit(check) && check - '0' == checkDigit(field);
  }

  private static int value(char c) {
    if (Chars.isDigit(c)) {
      return c - '0';
    }
    if (Chars.isUpper(c)) {
      return c - 'A' + 10;
    }
    return c == '<' ? 0 : -1;
  }

  private static String stripFillers(String field) {
    int end = field.length();
    while (end > 0 && field.charAt(end - 1) == '<') {
      end--;
    }
    return field.substring(0, end);
  }

  private static String stripLeadingFillers(String field) {
    int start = 0;
    while (start < field.length() && field.charAt(start) == '<') {
      start++;
    }
    return field.substring(start);
  }
}
