package org.pccc.model.names;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Converts personal names between scripts: to the national Latin form, back to Cyrillic, to the
 * ICAO Doc 9303 machine-readable form, and to a diacritic-free folded form.
 *
 * <p>All methods are static and pure; the class holds no state and is thread-safe.
 *
 * <p>Every method that takes a name rejects, with an {@link IllegalArgumentException} whose message
 * never contains the name, a null name, a blank one (only white space and characters without a
 * written form: control, format, private-use and unassigned code points) and one longer than {@link #MAX_NAME_LENGTH} UTF-16 characters. Any other string is accepted: a
 * character no table knows is kept as it is by {@link #toLatin} and dropped by {@link #toIcao}.
 */
public final class Transliterator {

  /** The longest name accepted, in UTF-16 characters (Java {@code String.length()}). */
  public static final int MAX_NAME_LENGTH = 512;

  private Transliterator() {}

  /**
   * Returns the national Latin form of a name, with the language guessed by {@link
   * NameLanguage#guess(String)} (Serbian for Cyrillic without distinctive letters).
   *
   * @param name a name in any script
   * @return the name with its Cyrillic and Greek letters romanised; Latin is kept as written
   * @throws IllegalArgumentException if the name is null, blank or too long
   */
  public static String toLatin(String name) {
    NameInput.require(name);
    return Romaniser.romanise(name, NameLanguage.cyrillicDefault(name), false);
  }

  /**
   * Returns the national Latin form of a name: Cyrillic letters by the official romanisation of
   * {@code language}, Greek letters by ELOT 743, with diacritics and capitalisation kept
   * ("Петровић"→"Petrović", "ЉУБИША"→"LJUBIŠA", "Љубиша"→"Ljubiša", "Παπαδόπουλος"→"Papadopoulos").
   * Latin letters, digits, spaces and punctuation are kept as they are; the result is in NFC.
   *
   * <p>If {@code language} is {@link NameLanguage#GREEK} and the name also has Cyrillic letters,
   * these are read by the guessed Cyrillic language; Greek letters are always read by ELOT 743.
   *
   * @param name a name in any script
   * @param language the scheme for its Cyrillic letters
   * @return the national Latin form
   * @throws IllegalArgumentException if the name is null, blank or too long, or language is null
   */
  public static String toLatin(String name, NameLanguage language) {
    NameInput.require(name);
    NameInput.requireLanguage(language);
    return Romaniser.romanise(name, NameLanguage.cyrillicFor(name, language), false);
  }

  /**
   * Turns a name in national Latin back into Cyrillic: Serbian Latin (Lj→Љ, Nj→Њ, Dž→Џ, Đ→Ђ, Ć→Ћ,
   * Č→Ч, Ž→Ж, Š→Ш), Montenegrin (also Ś→С́, Ź→З́) or Macedonian romanisation (Gj→Ѓ, Kj→Ќ, Dz→Ѕ,
   * Dž→Џ, Zh→Ж, Ch→Ч, Sh→Ш, also č/š/ž/ć/đ as typed on Serbian keyboards).
   *
   * <p>The case of a Cyrillic letter is the case of the first Latin letter of its group (LJ, Lj →
   * Љ). Letters without a Cyrillic counterpart (q, w, x, y) and non-Latin characters are kept.
   *
   * <p>Limits, inherent to the Latin orthographies: Lj, Nj and Dž are always read as one letter, so
   * the rare Cyrillic pairs Л+Ј, Н+Ј and Д+Ж (надживети) do not survive a round trip; "Dj" is read as
   * Д+Ј, never as Ђ. For Macedonian, Zh, Sh, Ch, Dz, Gj and Kj are always one letter (С+Х in исход
   * comes back as Ш), and "dzh" is Д+Ж.
   *
   * @param latin a name in national Latin
   * @param language SERBIAN, MONTENEGRIN or MACEDONIAN
   * @return the Cyrillic form, in NFC except for С́ and З́, which Unicode can only write decomposed
   * @throws IllegalArgumentException if the name is null, blank or too long, or the language is
   *     null or not one of the three
   */
  public static String toCyrillic(String latin, NameLanguage language) {
    NameInput.require(latin);
    NameInput.requireLanguage(language);
    return CyrillicReverse.toCyrillic(latin, language);
  }

  /**
   * Returns the ICAO machine-readable form of a name, with the language guessed by {@link
   * NameLanguage#guess(String)} (Serbian for Cyrillic without distinctive letters).
   *
   * @param name a name in any script
   * @return upper-case A-Z words separated by single spaces; empty if no letter can be written
   * @throws IllegalArgumentException if the name is null, blank or too long
   * @see #toIcao(String, NameLanguage)
   */
  public static String toIcao(String name) {
    NameInput.require(name);
    return icao(name, NameLanguage.cyrillicDefault(name), ' ');
  }

  /**
   * Returns the ICAO Doc 9303 Part 3 (8th edition, 2021) machine-readable form of a name: upper
   * case A-Z only, words separated by single spaces.
   *
   * <ul>
   *   <li>Cyrillic: the ICAO table with the rows of {@code language} (Serbian: Ж→Z, Х→H, Ц→C,
   *       Ч→C, Ш→S, Ђ→D, Ћ→C, Џ→DZ; Macedonian: Ѓ→GJ, Ќ→KJ, Ѕ→DZ, Џ→DJ, Х→H, Ц→C, Ж→ZH, Ч→CH,
   *       Ш→SH; Bulgarian: Щ→SHT, Ъ→IE, Й→I, Ю→IU, Я→IA, Х→KH, Ц→TS, Ь omitted). One deliberate
   *       deviation: the table's row "Г→H in Serbian" is not followed, Serbian Г gives G as in
   *       Serbian passports. Serbian passports also print Đ as DJ; ICAO and this method give D.
   *   <li>Greek: ELOT 743 type 2 in capitals, the transcription Greece prints in its passports.
   *   <li>Latin: the ICAO table in its recommended option (Ä→AE, Ö→OE, Ü→UE, Å→AA, Æ→AE, Ø→OE,
   *       ß→SS, Þ→TH, Đ→D, Ł→L, Ñ→N; other letters lose their diacritics). States may use A, O, U
   *       for Ä, Ö, Ü (Türkiye does); {@link NameMatchKeys} matches both.
   *   <li>Apostrophes and invisible characters are removed; spaces, hyphens and other punctuation,
   *       digits and symbols separate words; letters that cannot be written in A-Z are dropped.
   * </ul>
   *
   * @param name a name in any script
   * @param language the scheme for its Cyrillic letters
   * @return upper-case A-Z words separated by single spaces; empty if no letter can be written
   * @throws IllegalArgumentException if the name is null, blank or too long, or language is null
   */
  public static String toIcao(String name, NameLanguage language) {
    NameInput.require(name);
    NameInput.requireLanguage(language);
    return icao(name, NameLanguage.cyrillicFor(name, language), ' ');
  }

  /**
   * Returns {@link #toIcao(String)} with the filler character {@code <} between words, as one name
   * component (primary or secondary identifier) is written in the MRZ: "Tošić-Lukić"→{@code "TOSIC<LUKIC"}.
   * The result is not truncated to a field width, which depends on the document type.
   *
   * @param name a name in any script
   * @return upper-case A-Z and {@code <}
   * @throws IllegalArgumentException if the name is null, blank or too long
   */
  public static String toMrzField(String name) {
    NameInput.require(name);
    return icao(name, NameLanguage.cyrillicDefault(name), '<');
  }

  /**
   * Returns {@link #toIcao(String, NameLanguage)} with the filler character {@code <} between
   * words.
   *
   * @param name a name in any script
   * @param language the scheme for its Cyrillic letters
   * @return upper-case A-Z and {@code <}
   * @throws IllegalArgumentException if the name is null, blank or too long, or language is null
   */
  public static String toMrzField(String name, NameLanguage language) {
    NameInput.require(name);
    NameInput.requireLanguage(language);
    return icao(name, NameLanguage.cyrillicFor(name, language), '<');
  }

  /**
   * Folds Latin text for comparison: compatibility-normalised (NFKC), upper case by {@link
   * Locale#ROOT}, diacritics removed from Latin letters (Č→C, Ë→E, Ş→S, Ă→A), letters with a stroke
   * or ligatures reduced (Đ→D, Ł→L, Ø→O, ß→SS, Æ→AE, Œ→OE, Þ→TH, İ and ı→I), invisible characters
   * removed, white space collapsed to single spaces and trimmed. Letters of other scripts are
   * upper-cased and otherwise kept; punctuation and digits are kept. Idempotent.
   *
   * @param name any text that is a valid name argument
   * @return the folded text
   * @throws IllegalArgumentException if the name is null, blank or too long
   */
  public static String foldLatin(String name) {
    NameInput.require(name);
    String upper = Normalizer.normalize(name, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
    String decomposed = Normalizer.normalize(upper, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    boolean afterLatinLetter = false;
    for (int i = 0; i < decomposed.length(); ) {
      int cp = decomposed.codePointAt(i);
      i += Character.charCount(cp);
      if (NameInput.isSpace(cp)) {
        out.append(' ');
        afterLatinLetter = false;
      } else if (NameInput.isDropped(cp)) {
        continue;
      } else if (NameInput.isMark(cp)) {
        if (!afterLatinLetter) {
          out.appendCodePoint(cp);
        }
      } else if (Character.isLetter(cp) && NameInput.isScript(cp, Character.UnicodeScript.LATIN)) {
        String special = LatinLetters.baseSpecial(Character.toLowerCase(cp));
        if (special != null) {
          out.append(special);
        } else {
          out.appendCodePoint(Character.toUpperCase(cp));
        }
        afterLatinLetter = true;
      } else {
        out.appendCodePoint(cp);
        afterLatinLetter = false;
      }
    }
    return collapseSpaces(Normalizer.normalize(out, Normalizer.Form.NFC));
  }

  private static String icao(String name, NameLanguage cyrillic, char separator) {
    String romanised = Romaniser.romanise(name, cyrillic, true);
    StringBuilder out = new StringBuilder(romanised.length());
    boolean pendingSeparator = false;
    for (int i = 0; i < romanised.length(); ) {
      int cp = romanised.codePointAt(i);
      i += Character.charCount(cp);
      if (NameInput.isApostrophe(cp) || NameInput.isDropped(cp) || NameInput.isMark(cp)) {
        continue;
      }
      if (!Character.isLetter(cp)) {
        pendingSeparator = true;
        continue;
      }
      String letters =
          NameInput.isScript(cp, Character.UnicodeScript.LATIN) ? LatinLetters.icao(cp) : "";
      if (letters.isEmpty()) {
        continue;
      }
      if (pendingSeparator && out.length() > 0) {
        out.append(separator);
      }
      pendingSeparator = false;
      out.append(letters);
    }
    return out.toString();
  }

  private static String collapseSpaces(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ') {
        if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
          out.append(' ');
        }
      } else {
        out.append(c);
      }
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == ' ') {
      end--;
    }
    return out.substring(0, end);
  }
}
