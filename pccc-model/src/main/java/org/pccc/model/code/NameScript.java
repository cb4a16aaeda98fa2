package org.pccc.model.code;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/** Writing systems of names, as ISO 15924 codes. */
public enum NameScript implements CodeList {
  /** Latin. */
  LATIN("Latn", "Latin"),
  /** Cyrillic. */
  CYRILLIC("Cyrl", "Cyrillic"),
  /** Greek. */
  GREEK("Grek", "Greek"),
  /** Other or mixed. */
  OTHER("Zyyy", "Other or mixed");

  private static final Map<String, NameScript> BY_CODE = Codes.index(NameScript.class);

  private final String code;
  private final String label;

  NameScript(String code, String label) {
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
  public static NameScript fromCode(String code) {
    return Codes.lookup(BY_CODE, NameScript.class, code);
  }
}
