package org.pccc.model.code;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/** Excise goods categories of Directive (EU) 2020/262. */
public enum ExciseCategory implements CodeList {
  /** Manufactured tobacco. */
  TOBACCO("TOBACCO", "Manufactured tobacco"),
  /** Alcohol and alcoholic beverages. */
  ALCOHOL("ALCOHOL", "Alcohol and alcoholic beverages"),
  /** Energy products and electricity. */
  ENERGY_PRODUCTS("ENERGY_PRODUCTS", "Energy products and electricity");

  private static final Map<String, ExciseCategory> BY_CODE = Codes.index(ExciseCategory.class);

  private final String code;
  private final String label;

  ExciseCategory(String code, String label) {
    this.code = code;
    this.label = label;
  }

  @JsonValue
  @Override
  public String code() {
    return code;
  }

  @Override
  public String label() {
    return label;
  }

  /**
   * Returns the value with this wire code.
   *
   * @param code the wire code
   * @return the value
   * @throws IllegalArgumentException if the code is not in the list
   */
  @JsonCreator
  public static ExciseCategory fromCode(String code) {
    return Codes.lookup(BY_CODE, ExciseCategory.class, code);
  }
}
