package org.pccc.model.code;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/** Kinds of alert broadcast to partner centres. */
public enum AlertType implements CodeList {
  /** Wanted person. */
  WANTED_PERSON("WANTED_PERSON", "Wanted person"),
  /** Missing person. */
  MISSING_PERSON("MISSING_PERSON", "Missing person"),
  /** Stolen vehicle. */
  STOLEN_VEHICLE("STOLEN_VEHICLE", "Stolen vehicle"),
  /** Stolen or lost document. */
  STOLEN_LOST_DOCUMENT("STOLEN_LOST_DOCUMENT", "Stolen or lost document");

  private static final Map<String, AlertType> BY_CODE = Codes.index(AlertType.class);

  private final String code;
  private final String label;

  AlertType(String code, String label) {
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
  public static AlertType fromCode(String code) {
    return Codes.lookup(BY_CODE, AlertType.class, code);
  }
}
