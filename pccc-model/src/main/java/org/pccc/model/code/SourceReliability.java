package org.pccc.model.code;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/** Source reliability of the 4x4 evaluation grid (Europol, Reg. 2016/794 Art. 29). */
public enum SourceReliability implements CodeList {
  /** No doubt about the source. */
  A("A", "No doubt about the source"),
  /** Source mostly reliable. */
  B("B", "Source mostly reliable"),
  /** Source not reliable. */
  C("C", "Source not reliable"),
  /** Reliability cannot be assessed. */
  X("X", "Reliability cannot be assessed");

  private static final Map<String, SourceReliability> BY_CODE = Codes.index(SourceReliability.class);

  private final String code;
  private final String label;

  SourceReliability(String code, String label) {
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
  public static SourceReliability fromCode(String code) {
    return Codes.lookup(BY_CODE, SourceReliability.class, code);
  }
}
