package org.pccc.model.code;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * A language as an ISO 639-1 two-letter code, for example {@code mk}, {@code sr}, {@code sq}.
 *
 * <p>The list is shipped as the resource {@code languages.tsv} (withdrawn codes such as
 * {@code iw} are not in it). Immutable value.
 *
 * @param code the two-letter code, lower case
 */
public record Language(String code) implements CodeList {
  private static final Map<String, String[]> TABLE = TsvCodeTable.load("languages.tsv");
  private static final List<String> CODES = TsvCodeTable.sortedCodes(TABLE);

  /**
   * Checks the code against the list.
   *
   * @throws IllegalArgumentException if the code is not in the list
   */
  public Language {
    if (code == null || !TABLE.containsKey(code)) {
      throw new IllegalArgumentException("unknown Language code");
    }
  }

  /**
   * Returns the language with this code.
   *
   * @param code for example {@code mk}
   * @return the language
   * @throws IllegalArgumentException if the code is unknown
   */
  @JsonCreator
  public static Language of(String code) {
    return new Language(code);
  }

  /** Returns true if the code is in the list. */
  public static boolean isKnown(String code) {
    return code != null && TABLE.containsKey(code);
  }

  /** Returns every code in the list, sorted. */
  public static List<String> codes() {
    return CODES;
  }

  @JsonValue
  @Override
  public String code() {
    return code;
  }

  @Override
  public String label() {
    return TABLE.get(code)[1];
  }

  @Override
  public String toString() {
    return code;
  }
}
