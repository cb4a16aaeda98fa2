package org.pccc.model.code;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/** Typed aliases, as in NIEM. */
public enum AliasType implements CodeList {
  /** Also known as. */
  ALSO_KNOWN_AS("AKA", "Also known as"),
  /** Formerly known as. */
  FORMERLY_KNOWN_AS("FKA", "Formerly known as"),
  /** Birth name. */
  BIRTH_NAME("BIRTH", "Birth name"),
  /** Nickname. */
  NICKNAME("NICK", "Nickname");

  private static final Map<String, AliasType> BY_CODE = Codes.index(AliasType.class);

  private final String code;
  private final String label;

  AliasType(String code, String label) {
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
  public static AliasType fromCode(String code) {
    return Codes.lookup(BY_CODE, AliasType.class, code);
  }
}
