package org.pccc.model.code;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/** How urgent a message is; for requests it selects the Art. 5 reply deadline. */
public enum Urgency implements CodeList {
  /** Normal. */
  NORMAL("NORMAL", "Normal"),
  /** Urgent. */
  URGENT("URGENT", "Urgent");

  private static final Map<String, Urgency> BY_CODE = Codes.index(Urgency.class);

  private final String code;
  private final String label;

  Urgency(String code, String label) {
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
  public static Urgency fromCode(String code) {
    return Codes.lookup(BY_CODE, Urgency.class, code);
  }
}
