package org.pccc.model.names;

/**
 * Validation of name arguments and character classes shared by this package.
 *
 * <p>Exception messages never contain the name itself: a name is personal data.
 */
final class NameInput {

  private NameInput() {}

  /**
   * Returns {@code name} if it is usable, otherwise throws.
   *
   * @throws IllegalArgumentException if the name is null, blank or longer than {@link
   *     Transliterator#MAX_NAME_LENGTH}
   */
  static String require(String name) {
    if (name == null) {
      throw new IllegalArgumentException("name must not be null");
    }
    if (name.length() > Transliterator.MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "name has "
              + name.length()
              + " characters, more than the limit of "
              + Transliterator.MAX_NAME_LENGTH);
    }
    if (isBlank(name)) {
      throw new IllegalArgumentException("name must not be blank");
    }
    return name;
  }

  static NameLanguage requireLanguage(NameLanguage language) {
    if (language == null) {
      throw new IllegalArgumentException("language must not be null");
    }
    return language;
  }

  /**
   * Blank means: nothing but white space and characters every derived form drops (control and
   * format characters such as the zero-width space, private-use and unassigned code points, lone
   * surrogates), so that no valid name gives an empty folded form.
   */
  static boolean isBlank(String s) {
    return s.codePoints().allMatch(cp -> isSpace(cp) || isDropped(cp));
  }

  static boolean isSpace(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
  }

  /** Control and format characters that are not white space (e.g. soft hyphen, zero-width space). */
  static boolean isInvisible(int cp) {
    int type = Character.getType(cp);
    return !isSpace(cp) && (type == Character.CONTROL || type == Character.FORMAT);
  }

  /**
   * Characters removed from every derived form without acting as separators: invisible ones, and
   * those that cannot be part of a written name (unassigned, lone surrogates, private use).
   */
  static boolean isDropped(int cp) {
    int type = Character.getType(cp);
    return isInvisible(cp)
        || type == Character.UNASSIGNED
        || type == Character.SURROGATE
        || type == Character.PRIVATE_USE;
  }

  /** Apostrophes are dropped inside names (O'Brien -> OBRIEN), as ICAO 9303 prescribes. */
  static boolean isApostrophe(int cp) {
    return cp == '\'' || cp == '`' || cp == 0x00B4 || cp == 0x2018 || cp == 0x2019
        || cp == 0x02BC || cp == 0x02BB || cp == 0x02B9 || cp == 0x2032 || cp == 0xFF07;
  }

  static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  static boolean isScript(int cp, Character.UnicodeScript script) {
    return Character.UnicodeScript.of(cp) == script;
  }
}
