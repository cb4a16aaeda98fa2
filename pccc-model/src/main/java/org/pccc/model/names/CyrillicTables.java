package org.pccc.model.names;

import java.util.HashMap;
import java.util.Map;

/**
 * Cyrillic-to-Latin tables: the national romanisations and ICAO Doc 9303 Part 3 (8th edition,
 * 2021) section 6, "Transliteration of Cyrillic characters", with its language-specific rows.
 *
 * <p>Keys are lower-case Cyrillic letters; values are lower-case Latin (case is applied by the
 * caller from the source letter and its neighbours).
 */
final class CyrillicTables {

  private CyrillicTables() {}

  /** ICAO 9303 Part 3 recommended transliteration, the rows that apply to every language. */
  private static final Map<Integer, String> ICAO_GENERIC =
      table(
          "а a", "б b", "в v", "г g", "ѓ g", "ґ g", "д d", "ђ d", "е e", "ё e", "є ie", "ж zh",
          "з z", "ѕ dz", "и i", "і i", "ї i", "й i", "ј j", "к k", "ќ k", "л l", "љ lj", "м m",
          "н n", "њ nj", "о o", "п p", "р r", "с s", "т t", "ћ c", "у u", "ў u", "ф f", "х kh",
          "ц ts", "ч ch", "џ dz", "ш sh", "щ shch", "ъ ie", "ы y", "ь -", "э e", "ю iu", "я ia",
          "ѫ u", "ѵ y");

  /*
   * Serbian rows of the ICAO table: Ж→Z, Х→H, Ц→C, Ч→C, Ш→S. The table also lists Г→H for
   * Serbian; that row is an evident error (Serbian Г is /g/, Serbian passports print G) and is
   * deliberately not followed.
   */
  private static final Map<Integer, String> ICAO_SERBIAN =
      overlay(ICAO_GENERIC, "ж z", "х h", "ц c", "ч c", "ш s");

  /** Macedonian rows of the ICAO table: Ѓ→GJ, Ќ→KJ, Х→H, Ц→C, Џ→DJ. */
  private static final Map<Integer, String> ICAO_MACEDONIAN =
      overlay(ICAO_GENERIC, "ѓ gj", "ќ kj", "х h", "ц c", "џ dj");

  /** Bulgarian row of the ICAO table: Щ→SHT. */
  private static final Map<Integer, String> ICAO_BULGARIAN = overlay(ICAO_GENERIC, "щ sht");

  private static final Map<Integer, String> NATIONAL_SERBIAN =
      table(
          "а a", "б b", "в v", "г g", "д d", "ђ đ", "е e", "ж ž", "з z", "и i", "ј j", "к k",
          "л l", "љ lj", "м m", "н n", "њ nj", "о o", "п p", "р r", "с s", "т t", "ћ ć", "у u",
          "ф f", "х h", "ц c", "ч č", "џ dž", "ш š");

  private static final Map<Integer, String> NATIONAL_MACEDONIAN =
      table(
          "а a", "б b", "в v", "г g", "д d", "ѓ gj", "е e", "ж zh", "з z", "ѕ dz", "и i", "ј j",
          "к k", "л l", "љ lj", "м m", "н n", "њ nj", "о o", "п p", "р r", "с s", "т t", "ќ kj",
          "у u", "ф f", "х h", "ц c", "ч ch", "џ dž", "ш sh");

  private static final Map<Integer, String> NATIONAL_BULGARIAN =
      table(
          "а a", "б b", "в v", "г g", "д d", "е e", "ж zh", "з z", "и i", "й y", "к k", "л l",
          "м m", "н n", "о o", "п p", "р r", "с s", "т t", "у u", "ф f", "х h", "ц ts", "ч ch",
          "ш sh", "щ sht", "ъ a", "ь y", "ю yu", "я ya");

  /**
   * Returns the lower-case Latin for a lower-case Cyrillic letter, or null if the scheme has none.
   * Letters outside a national alphabet fall back to the ICAO row, so that a Bulgarian Щ in a name
   * read as Serbian still comes out as Latin.
   */
  static String latin(NameLanguage language, int lowerCyrillic, boolean icao) {
    Map<Integer, String> primary = icao ? icaoTable(language) : nationalTable(language);
    String mapped = primary.get(lowerCyrillic);
    if (mapped == null && !icao) {
      mapped = ICAO_GENERIC.get(lowerCyrillic);
    }
    return mapped;
  }

  private static Map<Integer, String> icaoTable(NameLanguage language) {
    return switch (language) {
      case SERBIAN, MONTENEGRIN -> ICAO_SERBIAN;
      case MACEDONIAN -> ICAO_MACEDONIAN;
      case BULGARIAN -> ICAO_BULGARIAN;
      case GREEK -> ICAO_GENERIC;
    };
  }

  private static Map<Integer, String> nationalTable(NameLanguage language) {
    return switch (language) {
      case SERBIAN, MONTENEGRIN -> NATIONAL_SERBIAN;
      case MACEDONIAN -> NATIONAL_MACEDONIAN;
      case BULGARIAN -> NATIONAL_BULGARIAN;
      case GREEK -> ICAO_GENERIC;
    };
  }

  /** Builds a table from "letter latin" pairs; "-" stands for the empty string (soft sign). */
  private static Map<Integer, String> table(String... pairs) {
    Map<Integer, String> map = new HashMap<>();
    for (String pair : pairs) {
      int space = pair.indexOf(' ');
      String value = pair.substring(space + 1);
      map.put(pair.codePointAt(0), value.equals("-") ? "" : value);
    }
    return Map.copyOf(map);
  }

  private static Map<Integer, String> overlay(Map<Integer, String> base, String... pairs) {
    Map<Integer, String> map = new HashMap<>(base);
    map.putAll(table(pairs));
    return Map.copyOf(map);
  }
}
