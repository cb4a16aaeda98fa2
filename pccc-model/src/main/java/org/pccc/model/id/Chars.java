package org.pccc.model.id;

/** Small ASCII character tests shared by the checks; not public API. */
final class Chars {

  private Chars() {}

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  static boolean allDigits(CharSequence s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean allUpper(CharSequence s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isUpper(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean anyLower(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      if (isLower(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Removes the given separator characters; {@code null} becomes the empty string. */
  static String strip(String value, String separators) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(value.length(), 64));
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (separators.indexOf(c) < 0) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Removes the given separator characters and upper-cases ASCII letters; {@code null} becomes
   * the empty string. Other characters are kept, so that the check can still reject them.
   */
  static String stripAndUpper(String value, String separators) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(value.length(), 64));
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (separators.indexOf(c) >= 0) {
        continue;
      }
      out.append(isLower(c) ? (char) (c - 'a' + 'A') : c);
    }
    return out.toString();
  }
}
