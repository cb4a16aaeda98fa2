package org.pccc.model.code;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/** Handling codes of Europol/SIENA practice: what the receiver may do with the information. */
public enum HandlingCode implements CodeList {
  /** Use for law-enforcement purposes only. */
  H0("H0", "Use for law-enforcement purposes only"),
  /** Not to be used in judicial proceedings without the provider's permission. */
  H1("H1", "Not to be used in judicial proceedings without the provider's permission"),
  /** Not to be passed on without the provider's permission. */
  H2("H2", "Not to be passed on without the provider's permission"),
  /** Other restrictions, stated in the conditions. */
  H3("H3", "Other restrictions, stated in the conditions");

  private static final Map<String, HandlingCode> BY_CODE = Codes.index(HandlingCode.class);

  private final String code;
  private final String label;

  HandlingCode(String code, String label) {
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
  public static HandlingCode fromCode(String code) {
    return Codes.lookup(BY_CODE, HandlingCode.class, code);
  }
}
