package org.pccc.model.names;

import java.util.Optional;

/**
 * A national transliteration scheme for names written in a non-Latin script of the region.
 *
 * <p>Each constant names the official national romanisation that {@link
 * Transliterator#toLatin(String, NameLanguage)} produces, and selects the language-specific rows of
 * the ICAO Doc 9303 Part 3 table that {@link Transliterator#toIcao(String, NameLanguage)} uses.
 *
 * <p>Immutable and thread-safe (an enum).
 */
public enum NameLanguage {
  /**
   * Serbian: Cyrillic to Serbian Latin (Gaj's alphabet), one to one and reversible: Љ↔Lj, Њ↔Nj,
   * Џ↔Dž, Ђ↔Đ, Ћ↔Ć, Ч↔Č, Ж↔Ž, Ш↔Š, Ј↔J, Ц↔C, Х↔H. Also used for Bosnian Cyrillic.
   */
  SERBIAN(Script.CYRILLIC, true),

  /** Montenegrin: Serbian plus С́↔Ś and З́↔Ź (written as С or З with a combining acute accent). */
  MONTENEGRIN(Script.CYRILLIC, true),

  /**
   * Macedonian: the official romanisation: Ѓ→Gj, Ќ→Kj, Ѕ→Dz, Џ→Dž, Ж→Zh, Ч→Ch, Ш→Sh, Ј→J, Љ→Lj,
   * Њ→Nj, Ц→C, Х→H. Reversible except for rare letter pairs (see {@link
   * Transliterator#toCyrillic(String, NameLanguage)}).
   */
  MACEDONIAN(Script.CYRILLIC, true),

  /**
   * Bulgarian: the Streamlined System (Transliteration Act 2009): Щ→Sht, Ъ→A, Ь→Y, Ю→Yu, Я→Ya,
   * Ж→Zh, Х→H, Ц→Ts, Ч→Ch, Ш→Sh, Й→Y, and a word-final -ия→-ia (София→Sofia). Not reversible.
   */
  BULGARIAN(Script.CYRILLIC, false),

  /**
   * Greek: ELOT 743 / ISO 843 type 2 (transcription), as printed in Greek passports: accents
   * dropped, ΑΙ→AI, ΕΙ→EI, ΟΙ→OI, ΟΥ→OU, ΑΥ/ΕΥ/ΗΥ→AV/EV/IV before vowels and voiced consonants and
   * AF/EF/IF otherwise, ΓΓ→NG, ΓΚ→GK, ΓΞ→NX, ΓΧ→NCH, ΜΠ→B at the start of a word and MP elsewhere,
   * ΝΤ→NT, Θ→TH, Χ→CH, Ψ→PS, Ξ→X, Η→I, Υ→Y, Ω→O, Β→V. Not reversible.
   */
  GREEK(Script.GREEK, false);

  static final String SERBIAN_LETTERS = "абвгдђежзијклљмнњопрстћуфхцчџш";
  static final String MACEDONIAN_LETTERS = "абвгдѓежзѕијклљмнњопрстќуфхцчџш";
  static final String BULGARIAN_LETTERS = "абвгдежзийклмнопрстуфхцчшщъьюя";

  private final Script script;
  private final boolean reversible;

  NameLanguage(Script script, boolean reversible) {
    this.script = script;
    this.reversible = reversible;
  }

  /**
   * Returns the script this language's names are written in.
   *
   * @return {@link Script#CYRILLIC} or {@link Script#GREEK}
   */
  public Script script() {
    return script;
  }

  /**
   * Tells whether {@link Transliterator#toCyrillic(String, NameLanguage)} accepts this language,
   * that is whether its national Latin form can be turned back into Cyrillic.
   *
   * @return true for SERBIAN, MONTENEGRIN and MACEDONIAN
   */
  public boolean supportsToCyrillic() {
    return reversible;
  }

  /**
   * Guesses the language of a name from its letters, for callers that have no hint.
   *
   * <p>Greek-dominant text gives {@link #GREEK}. Cyrillic-dominant text gives, by the first rule
   * that applies: {@link #MACEDONIAN} if it contains Ѓ, Ќ or Ѕ; {@link #SERBIAN} if it contains Ђ
   * or Ћ; {@link #MONTENEGRIN} if it contains С́ or З́; {@link #BULGARIAN} if it contains Щ, Ъ, Ь,
   * Ю, Я or Й; otherwise {@link #SERBIAN}, the documented default (Ј, Љ, Њ, Џ and the letters
   * common to all these alphabets). Latin or other text gives an empty result: no transliteration
   * is needed, or none is known.
   *
   * @param name the name, not null
   * @return the guessed language, or empty for Latin and other scripts
   * @throws IllegalArgumentException if {@code name} is null
   */
  public static Optional<NameLanguage> guess(String name) {
    return switch (Script.detect(name)) {
      case GREEK -> Optional.of(GREEK);
      case CYRILLIC -> Optional.of(cyrillicDefault(name));
      default -> Optional.empty();
    };
  }

  /** The Cyrillic scheme to read the Cyrillic letters of {@code name} with; never null. */
  static NameLanguage cyrillicDefault(String name) {
    String lower =
        java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC)
            .toLowerCase(java.util.Locale.ROOT);
    if (containsAny(lower, "ѓќѕ")) {
      return MACEDONIAN;
    }
    if (containsAny(lower, "ђћ")) {
      return SERBIAN;
    }
    if (lower.contains("с\u0301") || lower.contains("з\u0301")) {
      return MONTENEGRIN;
    }
    if (containsAny(lower, "щъьюяй")) {
      return BULGARIAN;
    }
    return SERBIAN;
  }

  /** The scheme for Cyrillic letters given a caller's hint, which may be a non-Cyrillic one. */
  static NameLanguage cyrillicFor(String name, NameLanguage hint) {
    return hint != null && hint.script == Script.CYRILLIC ? hint : cyrillicDefault(name);
  }

  private static boolean containsAny(String text, String letters) {
    for (int i = 0; i < letters.length(); i++) {
      if (text.indexOf(letters.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }
}
