package org.pccc.model.code;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/** What a reply says about the request it answers. */
public enum ReplyOutcome implements CodeList {
  /** Hit: information found. */
  HIT("HIT", "Hit: information found"),
  /** No hit: nothing found. */
  NO_HIT("NO_HIT", "No hit: nothing found"),
  /** Partial reply. */
  PARTIAL("PARTIAL", "Partial reply"),
  /** Refusal, with an Art. 6 ground. */
  REFUSAL("REFUSAL", "Refusal, with an Art. 6 ground"),
  /** Request for clarification (the deadline pauses). */
  CLARIFICATION_REQUEST("CLARIFICATION_REQUEST", "Request for clarification (the deadline pauses)"),
  /** Delay notice (Art. 5(2)), with expected duration and reasons. */
  DELAY_NOTICE("DELAY_NOTICE", "Delay notice (Art. 5(2)), with expected duration and reasons");

  private static final Map<String, ReplyOutcome> BY_CODE = Codes.index(ReplyOutcome.class);

  private final String code;
  private final String label;

  ReplyOutcome(String code, String label) {
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
  public static ReplyOutcome fromCode(String code) {
    return Codes.lookup(BY_CODE, ReplyOutcome.class, code);
  }
}
