package org.pccc.model.code;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/** Grounds to refuse a request, Directive (EU) 2023/977 Art. 6(1)(a)-(h). */
public enum RefusalGround implements CodeList {
  /** (a) The information requested is not available. */
  NOT_AVAILABLE("NOT_AVAILABLE", "(a) The information requested is not available"),
  /** (b) The request does not meet the requirements of Art. 4. */
  REQUEST_INCOMPLETE("REQUEST_INCOMPLETE", "(b) The request does not meet the requirements of Art. 4"),
  /** (c) The judicial authorisation required was refused. */
  JUDICIAL_AUTHORISATION_REFUSED("JUDICIAL_AUTHORISATION_REFUSED", "(c) The judicial authorisation required was refused"),
  /** (d) The information is inaccurate, incomplete or no longer up to date. */
  DATA_INACCURATE("DATA_INACCURATE", "(d) The information is inaccurate, incomplete or no longer up to date"),
  /** (e) Providing it would harm national security, an investigation or a person's safety. */
  HARM_TO_INTERESTS("HARM_TO_INTERESTS", "(e) Providing it would harm national security, an investigation or a person's safety"),
  /** (f) The offence is punishable by imprisonment of one year or less. */
  MINOR_OFFENCE("MINOR_OFFENCE", "(f) The offence is punishable by imprisonment of one year or less"),
  /** (g) The matter is not an offence in the requested state. */
  NOT_AN_OFFENCE("NOT_AN_OFFENCE", "(g) The matter is not an offence in the requested state"),
  /** (h) Obtained from a third country that did not consent to passing it on. */
  THIRD_COUNTRY_NO_CONSENT("THIRD_COUNTRY_NO_CONSENT", "(h) Obtained from a third country that did not consent to passing it on");

  private static final Map<String, RefusalGround> BY_CODE = Codes.index(RefusalGround.class);

  private final String code;
  private final String label;

  RefusalGround(String code, String label) {
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
  public static RefusalGround fromCode(String code) {
    return Codes.lookup(BY_CODE, RefusalGround.class, code);
  }
}
