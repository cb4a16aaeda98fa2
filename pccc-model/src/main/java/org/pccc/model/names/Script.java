package org.pccc.model.names;

/**
 * The writing system a name is written in, as far as this SDK distinguishes them.
 *
 * <p>Immutable and thread-safe (an enum).
 */
public enum Script {
  /** Latin letters, with or without diacritics (č, ë, ş, ß, ...). */
  LATIN,
  /** Cyrillic letters (Serbian, Montenegrin, Macedonian, Bulgarian, ...). */
  CYRILLIC,
  /** Greek letters, monotonic or polytonic. */
  GREEK,
  /** Any other script, or no letters at all. */
  OTHER;

  /**
   * Returns the dominant script of the letters of {@code text}: the script most of its letters
   * belong to. Digits, punctuation, spaces and combining marks do not count.
   *
   * <p>A tie is resolved in the order {@link #CYRILLIC}, {@link #GREEK}, {@link #LATIN}, {@link
   * #OTHER}, because a name that is half Cyrillic needs transliteration. Text without letters
   * (including the empty string) gives {@link #OTHER}.
   *
   * @param text any text, not null
   * @return the dominant script
   * @throws IllegalArgumentException if {@code text} is null
   */
  public static Script detect(String text) {
    if (text == null) {
      throw new IllegalArgumentException("text must not be null");
    }
    int latin = 0;
    int cyrillic = 0;
    int greek = 0;
    int other = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) {
        continue;
      }
      switch (Character.UnicodeScript.of(cp)) {
        case LATIN -> latin++;
        case CYRILLIC -> cyrillic++;
        case GREEK -> greek++;
        default -> other++;
      }
    }
    int max = Math.max(Math.max(latin, cyrillic), Math.max(greek, other));
    if (max == 0) {
      return OTHER;
    }
    if (cyrillic == max) {
      return CYRILLIC;
    }
    if (greek == max) {
      return GREEK;
    }
    return latin == max ? LATIN : OTHER;
  }
}
