package org.pccc.model.code;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/** Agencies whose officers work at a centre. */
public enum Agency implements CodeList {
  /** Police. */
  POLICE("POLICE", "Police"),
  /** Border police. */
  BORDER_POLICE("BORDER_POLICE", "Border police"),
  /** Customs. */
  CUSTOMS("CUSTOMS", "Customs"),
  /** Gendarmerie. */
  GENDARMERIE("GENDARMERIE", "Gendarmerie"),
  /** Other agency. */
  OTHER("OTHER", "Other agency");

  private static final Map<String, Agency> BY_CODE = Codes.index(Agency.class);

  private final String code;
  private final String label;

  Agency(String code, String label) {
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
  public static Agency fromCode(String code) {
    return Codes.lookup(BY_CODE, Agency.class, code);
  }
}
