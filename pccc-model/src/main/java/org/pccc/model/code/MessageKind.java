package org.pccc.model.code;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/** The kinds of message body; the code is the body's {@code type} discriminator on the wire. */
public enum MessageKind implements CodeList {
  /** Information request. */
  INFORMATION_REQUEST("information-request", "Information request"),
  /** Reply. */
  REPLY("reply", "Reply"),
  /** Alert. */
  ALERT("alert", "Alert"),
  /** Operational notice. */
  OPERATIONAL_NOTICE("operational-notice", "Operational notice"),
  /** Situation report. */
  SITUATION_REPORT("situation-report", "Situation report"),
  /** Receipt. */
  RECEIPT("receipt", "Receipt"),
  /** Error. */
  ERROR("error", "Error");

  private static final Map<String, MessageKind> BY_CODE = Codes.index(MessageKind.class);

  private final String code;
  private final String label;

  MessageKind(String code, String label) {
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
  public static MessageKind fromCode(String code) {
    return Codes.lookup(BY_CODE, MessageKind.class, code);
  }
}
