package org.pccc.model.code;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/** How a name form relates to the original. */
public enum NameForm implements CodeList {
  /** As written in the original script and register. */
  ORIGINAL("ORIGINAL", "As written in the original script and register"),
  /** National Latin transliteration. */
  NATIONAL_LATIN("NATIONAL_LATIN", "National Latin transliteration"),
  /** ICAO Doc 9303 machine-readable form. */
  ICAO("ICAO", "ICAO Doc 9303 machine-readable form"),
  /** Other form. */
  OTHER("OTHER", "Other form");

  private static final Map<String, NameForm> BY_CODE = Codes.index(NameForm.class);

  private final String code;
  private final String label;

  NameForm(String code, String label) {
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
  public static NameForm fromCode(String code) {
    return Codes.lookup(BY_CODE, NameForm.class, code);
  }
}
