package org.pccc.model.code;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/** Sex as in ICAO Doc 9303: F, M, or X for unspecified; U when unknown to the sender. */
public enum Sex implements CodeList {
  /** Female. */
  FEMALE("F", "Female"),
  /** Male. */
  MALE("M", "Male"),
  /** Unspecified. */
  UNSPECIFIED("X", "Unspecified"),
  /** Unknown. */
  UNKNOWN("U", "Unknown");

  private static final Map<String, Sex> BY_CODE = Codes.index(Sex.class);

  private final String code;
  private final String label;

  Sex(String code, String label) {
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
  public static Sex fromCode(String code) {
    return Codes.lookup(BY_CODE, Sex.class, code);
  }
}
