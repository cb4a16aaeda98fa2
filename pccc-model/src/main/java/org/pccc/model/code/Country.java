package org.pccc.model.code;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * A country as an ISO 3166-1 alpha-2 code, including {@code XK} for Kosovo as used by the EU.
 *
 * <p>The list is shipped as the resource {@code countries.tsv}; it does not follow the JDK's
 * locale data, so the wire codes do not change with the Java version. Immutable value.
 *
 * @param code the alpha-2 code, upper case
 */
public record Country(String code) implements CodeList {
  private static final Map<String, String[]> TABLE = TsvCodeTable.load("countries.tsv");
  private static final List<String> CODES = TsvCodeTable.sortedCodes(TABLE);

  /**
   * Checks the code against the list.
   *
   * @throws IllegalArgumentException if the code is not an ISO 3166-1 alpha-2 code in the list
   */
  public Country {
    if (code == null || !TABLE.containsKey(code)) {
      throw new IllegalArgumentException("unknown Country code");
    }
  }

  /**
   * Returns the country with this alpha-2 code.
   *
   * @param code for example {@code MK}
   * @return the country
   * @throws IllegalArgumentException if the code is unknown
   */
  @JsonCreator
  public static Country of(String code) {
    return new Country(code);
  }

  /** Returns true if the code is in the list. */
  public static boolean isKnown(String code) {
    return code != null && TABLE.containsKey(code);
  }

  /** Returns every alpha-2 code in the list, sorted. */
  public static List<String> codes() {
    return CODES;
  }

  @JsonValue
  @Override
  public String code() {
    return code;
  }

  /** Returns the ISO 3166-1 alpha-3 code, for example {@code MKD}. */
  public String alpha3() {
    return TABLE.get(code)[1];
  }

  @Override
  public String label() {
    return TABLE.get(code)[2];
  }

  @Override
  public String toString() {
    return code;
  }
}
