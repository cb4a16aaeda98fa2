package org.pccc.model.names;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Turns the Cyrillic and Greek letters of a text into Latin, leaving every other character as it
 * is. Used for both the national Latin form and, with ICAO tables, the first step of the ICAO
 * form.
 *
 * <p>Capitalisation: a lower-case letter gives lower case; an upper-case letter whose Latin is one
 * letter gives that letter in upper case; an upper-case letter whose Latin has several letters
 * gives all capitals if the next letter of the word is upper case (ЉУБИША→LJUBIŠA) and title case
 * if it is lower case (Љубиша→Ljubiša). At the end of a word the previous letter decides; a
 * one-letter word takes title case if the text has any lower-case letter (Љ. Петровић→Lj.
 * Petrović) and capitals otherwise.
 */
final class Romaniser {

  private static final String GREEK_VOWELS = "αεηιουω";
  /** Voiced consonants before which ΑΥ/ΕΥ/ΗΥ are read AV/EV/IV (ELOT 743). */
  private static final String GREEK_VOICED = "βγδζλμνρ";

  private Romaniser() {}

  /**
   * Romanises Cyrillic letters by {@code cyrillic} (national or ICAO rows) and Greek letters by
   * ELOT 743; returns the result in NFC.
   */
  static String romanise(String text, NameLanguage cyrillic, boolean icao) {
    int[] cps = Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().toArray();
    boolean textHasLower = false;
    for (int cp : cps) {
      textHasLower |= Character.isLowerCase(cp);
    }
    StringBuilder out = new StringBuilder(cps.length + 8);
    int i = 0;
    while (i < cps.length) {
      int cp = cps[i];
      if (Character.isLetter(cp) && NameInput.isScript(cp, Character.UnicodeScript.CYRILLIC)) {
        i = cyrillicLetter(cps, i, cyrillic, icao, textHasLower, out);
      } else if (Character.isLetter(cp) && NameInput.isScript(cp, Character.UnicodeScript.GREEK)) {
        i = greekLetter(cps, i, textHasLower, out);
      } else {
        out.appendCodePoint(cp);
        i++;
      }
    }
    return Normalizer.normalize(out, Normalizer.Form.NFC);
  }

  private static int cyrillicLetter(
      int[] cps, int i, NameLanguage language, boolean icao, boolean textHasLower, StringBuilder out) {
    int cp = cps[i];
    int lower = Character.toLowerCase(cp);
    String mapped = CyrillicTables.latin(language, lower, icao);
    String marks = "";
    if (mapped == null) {
      // A letter with a diacritic the tables do not list (e.g. Ѝ): romanise its base letter and
      // keep the diacritic as a combining mark.
      String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
      int base = decomposed.codePointAt(0);
      mapped =
          decomposed.length() > Character.charCount(base)
              ? CyrillicTables.latin(language, Character.toLowerCase(base), icao)
              : null;
      if (mapped == null) {
        out.appendCodePoint(cp);
        return i + 1;
      }
      marks = decomposed.substring(Character.charCount(base));
    }
    if (!icao && language == NameLanguage.BULGARIAN && lower == 'я') {
      // Streamlined System: word-final -ия is -ia, not -iya (София -> Sofia).
      int prev = previousLetter(cps, i);
      if (prev >= 0 && Character.toLowerCase(cps[prev]) == 'и' && nextLetter(cps, i + 1) < 0) {
        mapped = "a";
      }
    }
    out.append(applyCase(mapped, isUpper(cp), cps, i, i + 1, textHasLower)).append(marks);
    return i + 1;
  }

  /** One Greek letter, or a digraph starting at it; returns the index after what was consumed. */
  private static int greekLetter(int[] cps, int i, boolean textHasLower, StringBuilder out) {
    GreekLetter g = GreekLetter.at(cps, i);
    String single = greekSingle(g.base);
    if (single == null) {
      // Not a letter of modern Greek (e.g. Coptic in the Greek block): leave it.
      for (int k = i; k < g.end; k++) {
        out.appendCodePoint(cps[k]);
      }
      return g.end;
    }
    GreekLetter next = GreekLetter.at(cps, g.end);
    boolean upsilonDigraph = next != null && next.base == 'υ' && !g.accent && !next.diaeresis;
    if (upsilonDigraph && (g.base == 'α' || g.base == 'ε' || g.base == 'η')) {
      GreekLetter after = GreekLetter.at(cps, next.end);
      boolean voiced =
          after != null
              && (GREEK_VOWELS.indexOf(after.base) >= 0 || GREEK_VOICED.indexOf(after.base) >= 0);
      out.append(cased(single, g.upper)).append(cased(voiced ? "v" : "f", next.upper));
      return next.end;
    }
    if (upsilonDigraph && g.base == 'ο') {
      out.append(cased("o", g.upper)).append(cased("u", next.upper));
      return next.end;
    }
    if (g.base == 'μ' && next != null && next.base == 'π' && previousLetter(cps, i) < 0) {
      out.append(cased("b", g.upper));
      return next.end;
    }
    if (g.base == 'γ' && next != null && (next.base == 'γ' || next.base == 'ξ' || next.base == 'χ')) {
      out.append(cased("n", g.upper));
      return g.end;
    }
    out.append(applyCase(single, g.upper, cps, i, g.end, textHasLower));
    return g.end;
  }

  private static String greekSingle(int base) {
    return switch (base) {
      case 'α' -> "a";
      case 'β', 'ϐ' -> "v";
      case 'γ' -> "g";
      case 'δ' -> "d";
      case 'ε', 'ϵ' -> "e";
      case 'ζ' -> "z";
      case 'η' -> "i";
      case 'θ', 'ϑ' -> "th";
      case 'ι' -> "i";
      case 'κ', 'ϰ' -> "k";
      case 'λ' -> "l";
      case 'μ' -> "m";
      case 'ν' -> "n";
      case 'ξ' -> "x";
      case 'ο' -> "o";
      case 'π', 'ϖ' -> "p";
      case 'ρ', 'ϱ' -> "r";
      case 'σ', 'ς', 'ϲ' -> "s";
      case 'τ' -> "t";
      case 'υ', 'ϒ' -> "y";
      case 'φ', 'ϕ' -> "f";
      case 'χ' -> "ch";
      case 'ψ' -> "ps";
      case 'ω' -> "o";
      default -> null;
    };
  }

  /** A Greek letter with its accent and diaeresis, which decide whether it forms a digraph. */
  private record GreekLetter(int base, boolean upper, boolean accent, boolean diaeresis, int end) {

    /** The Greek letter at {@code i} with the combining marks after it, or null if none is there. */
    static GreekLetter at(int[] cps, int i) {
      if (i >= cps.length
          || !Character.isLetter(cps[i])
          || !NameInput.isScript(cps[i], Character.UnicodeScript.GREEK)) {
        return null;
      }
      String decomposed =
          Normalizer.normalize(new String(Character.toChars(cps[i])), Normalizer.Form.NFD);
      int base = Character.toLowerCase(decomposed.codePointAt(0));
      boolean accent = false;
      boolean diaeresis = false;
      StringBuilder marks = new StringBuilder(decomposed.substring(Character.charCount(decomposed.codePointAt(0))));
      int end = i + 1;
      while (end < cps.length && NameInput.isMark(cps[end])) {
        marks.appendCodePoint(cps[end]);
        end++;
      }
      for (int k = 0; k < marks.length(); k++) {
        char m = marks.charAt(k);
        accent |= m == '\u0301' || m == '\u0300' || m == '\u0342' || m == '\u0344';
        diaeresis |= m == '\u0308' || m == '\u0344';
      }
      if (base == 'ϒ') {
        base = 'υ';
      }
      return new GreekLetter(base, isUpper(cps[i]), accent, diaeresis, end);
    }
  }

  static boolean isUpper(int cp) {
    return Character.isUpperCase(cp) || Character.isTitleCase(cp);
  }

  private static String cased(String lower, boolean upper) {
    return upper ? lower.toUpperCase(Locale.ROOT) : lower;
  }

  /** Applies the capitalisation rule of the class comment to the Latin of one source letter. */
  static String applyCase(
      String lower, boolean upper, int[] cps, int start, int end, boolean textHasLower) {
    if (!upper || lower.isEmpty()) {
      return lower;
    }
    if (lower.codePointCount(0, lower.length()) == 1) {
      return lower.toUpperCase(Locale.ROOT);
    }
    Boolean allCaps = null;
    int next = nextLetter(cps, end);
    if (next >= 0 && (isUpper(cps[next]) || Character.isLowerCase(cps[next]))) {
      allCaps = isUpper(cps[next]);
    } else {
      int prev = previousLetter(cps, start);
      if (prev >= 0 && (isUpper(cps[prev]) || Character.isLowerCase(cps[prev]))) {
        allCaps = isUpper(cps[prev]);
      }
    }
    if (allCaps == null) {
      allCaps = !textHasLower;
    }
    if (allCaps) {
      return lower.toUpperCase(Locale.ROOT);
    }
    int first = lower.codePointAt(0);
    return new String(Character.toChars(Character.toTitleCase(first)))
        + lower.substring(Character.charCount(first));
  }

  /** Index of the letter at or after {@code from}, skipping combining marks; -1 if none. */
  static int nextLetter(int[] cps, int from) {
    int k = from;
    while (k < cps.length && NameInput.isMark(cps[k])) {
      k++;
    }
    return k < cps.length && Character.isLetter(cps[k]) ? k : -1;
  }

  /** Index of the letter just before {@code before}, skipping combining marks; -1 if none. */
  static int previousLetter(int[] cps, int before) {
    int k = before - 1;
    while (k >= 0 && NameInput.isMark(cps[k])) {
      k--;
    }
    return k >= 0 && Character.isLetter(cps[k]) ? k : -1;
  }
}
