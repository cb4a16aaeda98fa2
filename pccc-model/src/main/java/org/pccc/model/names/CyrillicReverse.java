package org.pccc.model.names;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/** National Latin back to Cyrillic, for the schemes that allow it. */
final class CyrillicReverse {

  private CyrillicReverse() {}

  private static final Map<String, String> SERBIAN =
      table(
          "a а", "b б", "v в", "g г", "d д", "đ ђ", "e е", "ž ж", "z з", "i и", "j ј", "k к",
          "l л", "lj љ", "m м", "n н", "nj њ", "o о", "p п", "r р", "s с", "t т", "ć ћ", "u у",
          "f ф", "h х", "c ц", "č ч", "dž џ", "š ш", "ǆ џ", "ǉ љ", "ǌ њ");

  private static final Map<String, String> MONTENEGRIN =
      overlay(SERBIAN, "ś с\u0301", "ź з\u0301");

  /*
   * Macedonian: the official romanisation, plus the Serbian-style letters (č, š, ž, ć, đ) that
   * Macedonian names are often typed with. "dzh" is read as Д+Ж: the only alternative, Ѕ+Х, does
   * not occur in Macedonian.
   */
  private static final Map<String, String> MACEDONIAN =
      table(
          "a а", "b б", "v в", "g г", "d д", "gj ѓ", "e е", "zh ж", "z з", "dz ѕ", "i и", "j ј",
          "k к", "l л", "lj љ", "m м", "n н", "nj њ", "o о", "p п", "r р", "s с", "t т", "kj ќ",
          "u у", "f ф", "h х", "c ц", "ch ч", "dž џ", "sh ш", "dzh дж", "ž ж", "š ш", "č ч",
          "ć ќ", "đ ѓ", "ǆ џ", "ǉ љ", "ǌ њ");

  static String toCyrillic(String latin, NameLanguage language) {
    Map<String, String> table =
        switch (language) {
          case SERBIAN -> SERBIAN;
          case MONTENEGRIN -> MONTENEGRIN;
          case MACEDONIAN -> MACEDONIAN;
          default -> throw new IllegalArgumentException(
              "toCyrillic supports SERBIAN, MONTENEGRIN and MACEDONIAN, not " + language);
        };
    int[] cps = Normalizer.normalize(latin, Normalizer.Form.NFC).codePoints().toArray();
    StringBuilder out = new StringBuilder(cps.length);
    int i = 0;
    while (i < cps.length) {
      int consumed = longestMatch(table, cps, i, out);
      if (consumed > 0) {
        i += consumed;
        continue;
      }
      int cp = cps[i];
      String fallback = decomposedFallback(table, cp);
      if (fallback != null) {
        out.append(fallback);
      } else {
        out.appendCodePoint(cp);
      }
      i++;
    }
    return out.toString();
  }

  /** Tries groups of 3, 2 and 1 Latin letters; appends the Cyrillic and returns the group size. */
  private static int longestMatch(Map<String, String> table, int[] cps, int i, StringBuilder out) {
    for (int length = 3; length >= 1; length--) {
      if (i + length > cps.length) {
        continue;
      }
      StringBuilder key = new StringBuilder(length);
      boolean letters = true;
      for (int k = i; k < i + length; k++) {
        letters &= Character.isLetter(cps[k]) && NameInput.isScript(cps[k], Character.UnicodeScript.LATIN);
        key.appendCodePoint(Character.toLowerCase(cps[k]));
      }
      String cyrillic = letters ? table.get(key.toString()) : null;
      if (cyrillic != null) {
        appendCased(cyrillic, cps, i, length, out);
        return length;
      }
    }
    return 0;
  }

  /**
   * The first Cyrillic letter takes the case of the first Latin letter (Lj, LJ → Љ; lj → љ); a
   * second Cyrillic letter (only in dzh → дж) takes the case of the second Latin letter.
   */
  private static void appendCased(String cyrillic, int[] cps, int i, int length, StringBuilder out) {
    int letterIndex = 0;
    for (int k = 0; k < cyrillic.length(); ) {
      int c = cyrillic.codePointAt(k);
      k += Character.charCount(c);
      if (Character.isLetter(c)) {
        int source = cps[Math.min(i + letterIndex, i + length - 1)];
        out.appendCodePoint(Romaniser.isUpper(source) ? Character.toUpperCase(c) : c);
        letterIndex++;
      } else {
        out.appendCodePoint(c);
      }
    }
  }

  /** A Latin letter with a diacritic the table lacks: its base letter in Cyrillic, marks kept. */
  private static String decomposedFallback(Map<String, String> table, int cp) {
    if (!Character.isLetter(cp) || !NameInput.isScript(cp, Character.UnicodeScript.LATIN)) {
      return null;
    }
    String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
    int base = decomposed.codePointAt(0);
    if (decomposed.length() == Character.charCount(base)) {
      return null;
    }
    String cyrillic = table.get(new String(Character.toChars(Character.toLowerCase(base))));
    if (cyrillic == null) {
      return null;
    }
    String cased = Romaniser.isUpper(base) ? cyrillic.toUpperCase(java.util.Locale.ROOT) : cyrillic;
    return cased + decomposed.substring(Character.charCount(base));
  }

  private static Map<String, String> table(String... pairs) {
    Map<String, String> map = new HashMap<>();
    for (String pair : pairs) {
      int space = pair.indexOf(' ');
      map.put(pair.substring(0, space), pair.substring(space + 1));
    }
    return Map.copyOf(map);
  }

  private static Map<String, String> overlay(Map<String, String> base, String... pairs) {
    Map<String, String> map = new HashMap<>(base);
    map.putAll(table(pairs));
    return Map.copyOf(map);
  }
}
