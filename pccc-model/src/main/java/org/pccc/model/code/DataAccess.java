package org.pccc.model.code;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/** Whether the requested data is directly accessible to the requested side (Dir. 2023/977 Art. 5). */
public enum DataAccess implements CodeList {
  /** Directly accessible to the requested side. */
  DIRECT("DIRECT", "Directly accessible to the requested side"),
  /** To be obtained from another authority. */
  INDIRECT("INDIRECT", "To be obtained from another authority");

  private static final Map<String, DataAccess> BY_CODE = Codes.index(DataAccess.class);

  private final String code;
  private final String label;

  DataAccess(String code, String label) {
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
  public static DataAccess fromCode(String code) {
    return Codes.lookup(BY_CODE, DataAccess.class, code);
  }
}
