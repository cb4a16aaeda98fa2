package org.pccc.model.code;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/** Information accuracy of the 4x4 evaluation grid (Europol, Reg. 2016/794 Art. 29). */
public enum InformationAccuracy implements CodeList {
  /** Known to be true without reservation. */
  KNOWN_TRUE("1", "Known to be true without reservation"),
  /** Known personally to the source but not to the official passing it on. */
  KNOWN_TO_SOURCE("2", "Known personally to the source but not to the official passing it on"),
  /** Not known personally to the source but corroborated by other information. */
  CORROBORATED("3", "Not known personally to the source but corroborated by other information"),
  /** Accuracy cannot be assessed. */
  CANNOT_BE_ASSESSED("4", "Accuracy cannot be assessed");

  private static final Map<String, InformationAccuracy> BY_CODE = Codes.index(InformationAccuracy.class);

  private final String code;
  private final String label;

  InformationAccuracy(String code, String label) {
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
  public static InformationAccuracy fromCode(String code) {
    return Codes.lookup(BY_CODE, InformationAccuracy.class, code);
  }
}
