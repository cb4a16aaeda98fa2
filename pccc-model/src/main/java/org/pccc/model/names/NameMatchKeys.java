package org.pccc.model.names;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Search and match keys that bring together the written forms of one name across scripts and
 * transliterations: "Петровић", "Petrović", "Petrovic" and "PETROVIC" share a key, as do "Ѓорѓи",
 * "Gjorgji", "Đorđi", "Djordji" and "GJORGJI".
 *
 * <p>All methods are static and pure; the class holds no state and is thread-safe. Keys are
 * deterministic: they depend only on the name (and the language hint), not on its case, its white
 * space, its Unicode normalisation form or the order of its words.
 *
 * <h2>How a key is made</h2>
 *
 * <ol>
 *   <li><b>Readings.</b> The name is turned into Latin in its national form and in its ICAO form
 *       ({@link Transliterator#toLatin(String, NameLanguage)}, {@link Transliterator#toIcao(String,
 *       NameLanguage)}). Without a hint, Cyrillic is read as every language whose alphabet holds all
 *       its Cyrillic letters (Serbian, Macedonian, Bulgarian; all three if none does). Each reading
 *       gives one key; {@link #keys} returns them all, {@link #key} the national reading in the
 *       guessed (or hinted) language.
 *   <li><b>Words.</b> Apostrophes and invisible characters are removed; white space, hyphens,
 *       other punctuation, digits and symbols separate words.
 *   <li><b>Folding.</b> Diacritics are removed and letters upper-cased (Ë→E, Ă→A, ı→I, Ł→L, Ø→O,
 *       ß→SS, Æ→AE). Đ, Č/Ć/Ç, Ž and Š/Ş/Ș go straight to their classes below (DJ, C, Z, S), so
 *       that they never form a digraph with the next letter (Ž+H stays ZH, as Ж+Х does in
 *       Bulgarian ZHH). Letters of other scripts are kept, case-folded.
 *   <li><b>Equivalences</b>, applied left to right, longest first:
 *       <ul>
 *         <li>DZH, DJ, GJ, DZ, XH, and so Đ, Dž, Ѓ, Џ, Ѕ, Albanian Xh → one class, written DJ.
 *             Why: Serbian Đ/Dž, Macedonian Gj, Albanian Gj/Xh are the same or neighbouring
 *             affricates, spelled DJ or D (Đ), DZ (Dž) or DJ (Macedonian Џ) in passports.
 *         <li>CH, TS, KJ, Q, and so Č, Ć, Ç, Ц, Ќ → C. Why: the MRZ writes Č, Ć and Ц all as C;
 *             Macedonian and Bulgarian write Ч as CH, Bulgarian Ц as TS; Macedonian Ќ (KJ) and
 *             Albanian Q are the counterparts of Serbian Ć. A Greek Χ (CH) also becomes C: Greek
 *             names still meet themselves, as every form of them spells CH.
 *         <li>ZH → Z (Ž, Ж), SH → S (Š, Ш), KH → H (Х in ICAO Bulgarian). Why: national Latin and
 *             ICAO disagree on these letters.
 *         <li>J → I and Y → I. Why: Й is Y in Bulgarian Latin and I in ICAO, Ј is J, Я/Ю are
 *             YA/YU or IA/IU; the letter after L and N (Lj, Nj) meets Bulgarian Ly/Ny.
 *         <li>Doubled letters are written once. Why: ICAO МАРИЯ→MARIIA must meet Maria and Marija,
 *             and Anna/Ana, Hassan/Hasan are spelling variants.
 *       </ul>
 *   <li><b>Order.</b> The words are sorted, so surname-first and given-name-first orders meet.
 * </ol>
 *
 * <p>What is <em>not</em> merged, on purpose: endings (Petrović/Petrovski, Ivanov/Ivanova,
 * Papadopoulos/Papadopoulou name different people or sexes), vowels other than I/J/Y (Marko/Mirko),
 * K with C or H (Kristo/Hristo), TH with T, PH with F, W with V, X with KS, OU with U. A name with a
 * word more or less does not match. Consequences accepted: Šćepanović meets the Russian-style
 * Shchepanovich (SH+CH), Dj is taken for Đ, Christos (Greek Χ) is keyed CRISTOS.
 *
 * <p>A name without letters has no keys: it matches nothing.
 */
public final class NameMatchKeys {

  private static final List<NameLanguage> CYRILLIC_READINGS =
      List.of(NameLanguage.SERBIAN, NameLanguage.MACEDONIAN, NameLanguage.BULGARIAN);

  private NameMatchKeys() {}

  /**
   * Returns the primary key of a name: its national reading in the language guessed by {@link
   * NameLanguage#guess(String)}. Equal primary keys imply a match; a match does not imply equal
   * primary keys (use {@link #keys(String)} or {@link #matches(String, String)}).
   *
   * @param name a name in any script
   * @return the key, for example "PETROVIC" or "DJORDJI"; empty if the name has no letters
   * @throws IllegalArgumentException if the name is null, blank or too long
   */
  public static String key(String name) {
    NameInput.require(name);
    return canonical(Transliterator.toLatin(name));
  }

  /**
   * Returns the primary key of a name whose Cyrillic letters are in {@code language}.
   *
   * @param name a name in any script
   * @param language the language of its Cyrillic letters
   * @return the key; empty if the name has no letters
   * @throws IllegalArgumentException if the name is null, blank or too long, or language is null
   */
  public static String key(String name, NameLanguage language) {
    return canonical(Transliterator.toLatin(name, language));
  }

  /**
   * Returns all keys of a name: one per reading (national and ICAO, in every plausible language
   * for its Cyrillic letters). Two names match if their key sets intersect.
   *
   * @param name a name in any script
   * @return an unmodifiable set in ascending order that contains {@link #key(String)}; empty if the
   *     name has no letters
   * @throws IllegalArgumentException if the name is null, blank or too long
   */
  public static Set<String> keys(String name) {
    NameInput.require(name);
    Set<NameLanguage> languages = EnumSet.noneOf(NameLanguage.class);
    languages.addAll(plausibleCyrillic(name));
    languages.add(NameLanguage.cyrillicDefault(name));
    return keysFor(name, languages);
  }

  /**
   * Returns the keys of a name whose Cyrillic letters are in {@code language}: its national and its
   * ICAO reading. With {@link NameLanguage#GREEK}, any Cyrillic letters are read by the guessed
   * Cyrillic language.
   *
   * @param name a name in any script
   * @param language the language of its Cyrillic letters
   * @return an unmodifiable set in ascending order that contains {@link #key(String,
   *     NameLanguage)}; empty if the name has no letters
   * @throws IllegalArgumentException if the name is null, blank or too long, or language is null
   */
  public static Set<String> keys(String name, NameLanguage language) {
    NameInput.require(name);
    NameInput.requireLanguage(language);
    return keysFor(name, Set.of(NameLanguage.cyrillicFor(name, language)));
  }

  /**
   * Tells whether two names may be the same name written differently: whether their {@link
   * #keys(String)} intersect. Symmetric; a name with letters matches itself.
   *
   * @param first a name in any script
   * @param second another name in any script
   * @return true if the names share a key
   * @throws IllegalArgumentException if either name is null, blank or too long
   */
  public static boolean matches(String first, String second) {
    Set<String> firstKeys = keys(first);
    Set<String> secondKeys = keys(second);
    return !Collections.disjoint(firstKeys, secondKeys);
  }

  private static Set<String> keysFor(String name, Set<NameLanguage> languages) {
    TreeSet<String> keys = new TreeSet<>();
    for (NameLanguage language : languages) {
      keys.add(canonical(Transliterator.toLatin(name, language)));
      keys.add(canonical(Transliterator.toIcao(name, language)));
    }
    keys.remove("");
    return Collections.unmodifiableSortedSet(keys);
  }

  /** Languages whose Cyrillic alphabet contains every Cyrillic letter of the name; all if none. */
  static List<NameLanguage> plausibleCyrillic(String name) {
    String lower =
        Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(java.util.Locale.ROOT);
    List<NameLanguage> plausible = new ArrayList<>(3);
    for (NameLanguage language : CYRILLIC_READINGS) {
      String alphabet =
          switch (language) {
            case MACEDONIAN -> NameLanguage.MACEDONIAN_LETTERS;
            case BULGARIAN -> NameLanguage.BULGARIAN_LETTERS;
            default -> NameLanguage.SERBIAN_LETTERS;
          };
      boolean all =
          lower
              .codePoints()
              .filter(cp -> Character.isLetter(cp) && NameInput.isScript(cp, Character.UnicodeScript.CYRILLIC))
              .allMatch(cp -> alphabet.indexOf(cp) >= 0);
      if (all) {
        plausible.add(language);
      }
    }
    return plausible.isEmpty() ? CYRILLIC_READINGS : plausible;
  }

  /** The key of one Latin reading: words folded, equivalences applied, sorted. */
  static String canonical(String latinReading) {
    String text = Normalizer.normalize(latinReading, Normalizer.Form.NFKC);
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (NameInput.isApostrophe(cp) || NameInput.isDropped(cp) || NameInput.isMark(cp)) {
        continue;
      }
      if (Character.isLetter(cp)) {
        appendFolded(word, cp);
      } else {
        addWord(words, word);
      }
    }
    addWord(words, word);
    Collections.sort(words);
    return String.join(" ", words);
  }

  private static void addWord(List<String> words, StringBuilder word) {
    if (word.length() > 0) {
      String canonical = equivalences(word.toString());
      if (!canonical.isEmpty()) {
        words.add(canonical);
      }
      word.setLength(0);
    }
  }

  private static void appendFolded(StringBuilder word, int cp) {
    if (!NameInput.isScript(cp, Character.UnicodeScript.LATIN)) {
      word.append(LatinLetters.caseFolded(cp));
      return;
    }
    int lower = Character.toLowerCase(cp);
    // Letters that already are one of the classes go straight to it, so that they cannot form a
    // digraph with the next letter: Serbian Žh (Ж+Х) must stay Z+H, as Bulgarian Zhh does.
    switch (lower) {
      case 'đ', 'ð' -> word.append(DJ_CLASS);
      case 'č', 'ć', 'ç' -> word.append(C_CLASS);
      case 'ž' -> word.append(Z_CLASS);
      case 'š', 'ş', 'ș' -> word.append(S_CLASS);
      default -> {
        String special = LatinLetters.baseSpecial(lower);
        String folded = special != null ? special : LatinLetters.asciiLetters(cp);
        word.append(folded.isEmpty() ? LatinLetters.caseFolded(cp) : folded);
      }
    }
  }

  /*
   * Classes are held as placeholder characters (never letters of a folded word) while the rules
   * run, and written out at the end.
   */
  private static final char DJ_CLASS = '#';
  private static final char C_CLASS = '1';
  private static final char Z_CLASS = '2';
  private static final char S_CLASS = '3';

  /** Applies the equivalences of the class comment to one folded, upper-case word. */
  static String equivalences(String word) {
    StringBuilder out = new StringBuilder(word.length());
    int i = 0;
    while (i < word.length()) {
      if (word.startsWith("DZH", i)) {
        out.append(DJ_CLASS);
        i += 3;
      } else if (startsWithAny(word, i, "DJ", "GJ", "DZ", "XH", "D" + Z_CLASS)) {
        out.append(DJ_CLASS);
        i += 2;
      } else if (startsWithAny(word, i, "CH", "TS", "KJ")) {
        out.append(C_CLASS);
        i += 2;
      } else if (word.startsWith("ZH", i)) {
        out.append(Z_CLASS);
        i += 2;
      } else if (word.startsWith("SH", i)) {
        out.append(S_CLASS);
        i += 2;
      } else if (word.startsWith("KH", i)) {
        out.append('H');
        i += 2;
      } else {
        char c = word.charAt(i);
        out.append(
            switch (c) {
              case 'J', 'Y' -> 'I';
              case 'Q', C_CLASS -> 'C';
              case Z_CLASS -> 'Z';
              case S_CLASS -> 'S';
              default -> c;
            });
        i++;
      }
    }
    StringBuilder collapsed = new StringBuilder(out.length() + 4);
    for (int k = 0; k < out.length(); k++) {
      char c = finalLetter(out.charAt(k));
      boolean repeat =
          k > 0 && finalLetter(out.charAt(k - 1)) == c && !Character.isSurrogate(c);
      if (!repeat) {
        collapsed.append(c == DJ_CLASS ? "DJ" : String.valueOf(c));
      }
    }
    return collapsed.toString();
  }

  private static char finalLetter(char c) {
    return switch (c) {
      case C_CLASS -> 'C';
      case Z_CLASS -> 'Z';
      case S_CLASS -> 'S';
      default -> c;
    };
  }

  private static boolean startsWithAny(String word, int index, String... prefixes) {
    for (String prefix : prefixes) {
      if (word.startsWith(prefix, index)) {
        return true;
      }
    }
    return false;
  }
}
