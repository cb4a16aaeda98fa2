package org.pccc.model.names;

import java.text.Normalizer;
import java.util.Locale;

/** Reductions of single Latin letters to the basic Latin alphabet A-Z. */
final class LatinLetters {

  private LatinLetters() {}

  /**
   * ICAO Doc 9303 Part 3 section 6, "Transliteration of multinational Latin-based characters", in
   * its recommended (first) option: Ä→AE, Å→AA, Æ→AE, Ö→OE, Ø→OE, Œ→OE, Ü→UE, ß→SS, Þ→TH, Đ/Ð→D,
   * Ł→L, Ħ→H, Ŧ→T, Ŋ→N, Ĳ→IJ, ı→I; every other letter loses its diacritics (Č→C, Ñ→N, Ş→S).
   *
   * @return upper-case A-Z, or the empty string if the letter has no A-Z reduction (e.g. ə)
   */
  static String icao(int cp) {
    String special = icaoSpecial(Character.toLowerCase(cp));
    return special != null ? special : asciiLetters(cp);
  }

  private static String icaoSpecial(int lower) {
    return switch (lower) {
      case 'ä', 'æ' -> "AE";
      case 'å' -> "AA";
      case 'ö', 'ø', 'œ' -> "OE";
      case 'ü' -> "UE";
      default -> baseSpecial(lower);
    };
  }

  /**
   * Letters whose base letter is not reached by removing combining marks (they have a stroke or
   * are ligatures): Đ/Ð→D, Ł→L, Ø→O, Æ→AE, Œ→OE, ß/ẞ→SS, Þ→TH, ı→I, Ħ→H, Ŧ→T, Ŋ→N, Ƶ→Z.
   *
   * @return upper case, or null if the letter is not one of them
   */
  static String baseSpecial(int lower) {
    return switch (lower) {
      case 'đ', 'ð' -> "D";
      case 'ł' -> "L";
      case 'ø' -> "O";
      case 'æ' -> "AE";
      case 'œ' -> "OE";
      case 'ß' -> "SS";
      case 'þ' -> "TH";
      case 'ı' -> "I";
      case 'ħ' -> "H";
      case 'ŧ' -> "T";
      case 'ŋ' -> "N";
      case 'ƶ' -> "Z";
      default -> null;
    };
  }

  /** Upper-case A-Z letters left after compatibility decomposition (Č→C, ǆ→DZ, ﬁ→FI). */
  static String asciiLetters(int cp) {
    String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder(2);
    for (int k = 0; k < decomposed.length(); k++) {
      char c = decomposed.charAt(k);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        out.append(Character.toUpperCase(c));
      }
    }
    return out.toString();
  }

  /** A case-insensitive representative of any letter: upper case, then lower case. */
  static String caseFolded(int cp) {
    String upper = new String(Character.toChars(cp)).toUpperCase(Locale.ROOT);
    return upper.toLowerCase(Locale.ROOT);
  }
}
