package org.pccc.model.code;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/** Kinds of operational notice (Council Recommendation (EU) 2022/915 and bilateral agreements). */
public enum NoticeType implements CodeList {
  /** Hot pursuit across the border. */
  HOT_PURSUIT("HOT_PURSUIT", "Hot pursuit across the border"),
  /** Cross-border surveillance. */
  CROSS_BORDER_SURVEILLANCE("CROSS_BORDER_SURVEILLANCE", "Cross-border surveillance"),
  /** Joint patrol. */
  JOINT_PATROL("JOINT_PATROL", "Joint patrol"),
  /** Incident at a border crossing point. */
  BORDER_INCIDENT("BORDER_INCIDENT", "Incident at a border crossing point");

  private static final Map<String, NoticeType> BY_CODE = Codes.index(NoticeType.class);

  private final String code;
  private final String label;

  NoticeType(String code, String label) {
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
  public static NoticeType fromCode(String code) {
    return Codes.lookup(BY_CODE, NoticeType.class, code);
  }
}
