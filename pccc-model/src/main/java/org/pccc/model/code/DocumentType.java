package org.pccc.model.code;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/** Types of identity and travel documents (first letter as in ICAO Doc 9303 where one exists). */
public enum DocumentType implements CodeList {
  /** Passport. */
  PASSPORT("P", "Passport"),
  /** Identity card. */
  IDENTITY_CARD("I", "Identity card"),
  /** Visa. */
  VISA("V", "Visa"),
  /** Residence permit. */
  RESIDENCE_PERMIT("RP", "Residence permit"),
  /** Driving licence. */
  DRIVING_LICENCE("DL", "Driving licence"),
  /** Travel document (refugee, stateless, emergency). */
  TRAVEL_DOCUMENT("TD", "Travel document (refugee, stateless, emergency)"),
  /** Seafarer's identity document. */
  SEAFARER_ID("SID", "Seafarer's identity document"),
  /** Other document. */
  OTHER("OTHER", "Other document");

  private static final Map<String, DocumentType> BY_CODE = Codes.index(DocumentType.class);

  private final String code;
  private final String label;

  DocumentType(String code, String label) {
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
  public static DocumentType fromCode(String code) {
    return Codes.lookup(BY_CODE, DocumentType.class, code);
  }
}
