package org.pccc.model.validation;

/**
 * Every validation code the model defines. The {@link #code()} strings are stable: partner
 * systems and conformance vectors rely on them. A code is never reused for another meaning.
 */
public enum ValidationCode {
  // Reading: the bytes are not a message we can bind.
  /** The input is not well-formed JSON (syntax, truncation, invalid UTF-8). */
  MALFORMED_JSON("PCCC-0001", Severity.ERROR, "The input is not well-formed JSON"),
  /** An input limit was exceeded: size, nesting depth, string length or number length. */
  LIMIT_EXCEEDED("PCCC-0002", Severity.ERROR, "An input limit was exceeded"),
  /** A value has the wrong JSON type or format for its field. */
  WRONG_TYPE("PCCC-0003", Severity.ERROR, "A value has the wrong type or format"),
  /** The schema version {@code pccc} is missing. */
  VERSION_MISSING("PCCC-0004", Severity.ERROR, "The schema version \"pccc\" is missing"),
  /** The schema version is not 1.x. */
  VERSION_UNSUPPORTED("PCCC-0005", Severity.ERROR, "Unsupported schema version; this reader accepts 1.x"),
  /** A field this reader does not know; ignored (later 1.x minor versions may add fields). */
  UNKNOWN_FIELD("PCCC-0006", Severity.WARNING, "Unknown field, ignored"),
  /** A JSON object has the same key twice. */
  DUPLICATE_KEY("PCCC-0007", Severity.ERROR, "Duplicate key in a JSON object"),
  /** The {@code type} of a body or subject is missing or unknown. */
  UNKNOWN_TYPE("PCCC-0008", Severity.ERROR, "Missing or unknown type discriminator"),
  /** A value is not in its code list or otherwise not acceptable to its type. */
  INVALID_VALUE("PCCC-0009", Severity.ERROR, "Value not in its code list or not acceptable"),
  /** The document root is not a JSON object. */
  NOT_AN_OBJECT("PCCC-0010", Severity.ERROR, "The document is not a JSON object"),

  // Field constraints.
  /** A required field is missing, null or blank. */
  REQUIRED("PCCC-0100", Severity.ERROR, "A required field is missing"),
  /** A text or list is too long or too short. */
  SIZE("PCCC-0101", Severity.ERROR, "Text or list size out of bounds"),
  /** A text does not have the required format. */
  FORMAT("PCCC-0102", Severity.ERROR, "Text does not have the required format"),
  /** A number is out of range. */
  RANGE("PCCC-0103", Severity.ERROR, "Number out of range"),
  /** An optional text is present but blank. */
  BLANK_TEXT("PCCC-0104", Severity.ERROR, "Text is present but blank"),

  // Identifiers.
  /** A machine-readable zone fails its ICAO 9303 check digits or format. */
  MRZ_INVALID("PCCC-0200", Severity.ERROR, "The MRZ fails its ICAO 9303 format or check digits"),
  /** A VIN fails its ISO 3779 check digit where the check digit is mandatory. */
  VIN_INVALID("PCCC-0201", Severity.ERROR, "The VIN fails its ISO 3779 check digit"),
  /** A container number fails its ISO 6346 check digit. */
  CONTAINER_NUMBER_INVALID("PCCC-0202", Severity.ERROR, "The container number fails its ISO 6346 check digit"),
  /** A Movement Reference Number fails its check character. */
  MRN_INVALID("PCCC-0203", Severity.ERROR, "The MRN fails its check character"),
  /** An HS code names a chapter that does not exist. */
  HS_CODE_INVALID("PCCC-0204", Severity.ERROR, "The HS code names no existing chapter"),
  /** Inline attachment content does not match its declared size or SHA-256. */
  ATTACHMENT_MISMATCH("PCCC-0205", Severity.ERROR, "Inline attachment does not match its size or SHA-256"),
  /** A document's expiry date is before its issue date. */
  DOCUMENT_DATES("PCCC-0206", Severity.ERROR, "A document expires before it was issued"),
  /** A date of birth lies after the message was created. */
  BIRTH_DATE_IN_FUTURE("PCCC-0207", Severity.ERROR, "Date of birth after the message was created"),
  /** A TIR carnet number fails its security code. */
  TIR_CARNET_INVALID("PCCC-0208", Severity.ERROR, "The TIR carnet number fails its security code"),

  // Rules across fields.
  /** The sender's centre is among the recipients. */
  SENDER_AMONG_RECIPIENTS("PCCC-0300", Severity.ERROR, "The sender is among the recipients"),
  /** A recipient is named twice. */
  DUPLICATE_RECIPIENT("PCCC-0301", Severity.ERROR, "A recipient is named twice"),
  /** due-by is not after created-at. */
  DUE_BY_NOT_AFTER_CREATED("PCCC-0302", Severity.ERROR, "dueBy must be after createdAt"),
  /** Handling code H3 without conditions. */
  H3_WITHOUT_CONDITIONS("PCCC-0303", Severity.ERROR, "Handling code H3 requires conditions"),
  /** An urgent request gives no reason for urgency (Dir. 2023/977 Art. 4). */
  URGENT_WITHOUT_REASON("PCCC-0304", Severity.ERROR, "An urgent request must give the reason for urgency"),
  /** A request gives no purpose (Dir. 2023/977 Art. 4). */
  REQUEST_WITHOUT_PURPOSE("PCCC-0305", Severity.ERROR, "A request must state its purpose"),
  /** A request gives no legal basis. */
  REQUEST_WITHOUT_LEGAL_BASIS("PCCC-0306", Severity.ERROR, "A request must state its legal basis"),
  /** A reply does not name the request it answers ({@code inReplyTo}). */
  REPLY_WITHOUT_REQUEST("PCCC-0307", Severity.ERROR, "A reply must name the request it answers"),
  /** A refusal names no Art. 6 ground. */
  REFUSAL_WITHOUT_GROUND("PCCC-0308", Severity.ERROR, "A refusal must name its Art. 6 ground"),
  /** A refusal ground on a reply that is not a refusal. */
  GROUND_WITHOUT_REFUSAL("PCCC-0309", Severity.ERROR, "Only a refusal names a refusal ground"),
  /** A hit or partial reply without results. */
  HIT_WITHOUT_RESULTS("PCCC-0310", Severity.ERROR, "A hit or partial reply must carry results"),
  /** A no-hit or refusal carrying results. */
  RESULTS_WITHOUT_HIT("PCCC-0311", Severity.ERROR, "Only a hit or partial reply carries results"),
  /** A clarification request without questions. */
  CLARIFICATION_WITHOUT_QUESTION("PCCC-0312", Severity.ERROR, "A clarification request must ask a question"),
  /** A delay notice without the expected date and reasons. */
  DELAY_WITHOUT_NOTICE("PCCC-0313", Severity.ERROR, "A delay notice must give the expected date and reasons"),
  /** A time that must follow another does not. */
  TIME_ORDER("PCCC-0314", Severity.ERROR, "An end or expected time is not after its start"),
  /** An alert's subjects do not include one of the kind the alert is about. */
  ALERT_SUBJECT_MISMATCH("PCCC-0315", Severity.ERROR, "The alert's subjects do not match its type"),
  /** A vehicle with neither VIN nor plate. */
  VEHICLE_UNIDENTIFIED("PCCC-0316", Severity.ERROR, "A vehicle needs a VIN or a plate"),
  /** A location with nothing to locate it. */
  LOCATION_EMPTY("PCCC-0317", Severity.ERROR, "A location needs a crossing point, section, coordinates, address or description"),
  /** A consignment with no identifier and no description. */
  CONSIGNMENT_UNIDENTIFIED("PCCC-0318", Severity.ERROR, "A consignment needs an identifier or a description"),

  // Network directory.
  /** A centre id is listed twice in a directory. */
  DIRECTORY_DUPLICATE_CENTRE("PCCC-0400", Severity.ERROR, "A centre is listed twice in the directory"),
  /** A bilateral policy names a centre the directory does not list. */
  DIRECTORY_UNKNOWN_CENTRE("PCCC-0401", Severity.ERROR, "A policy names a centre the directory does not list");

  private final String code;
  private final Severity severity;
  private final String description;

  ValidationCode(String code, Severity severity, String description) {
    this.code = code;
    this.severity = severity;
    this.description = description;
  }

  /** Returns the stable code, for example {@code PCCC-0308}. */
  public String code() {
    return code;
  }

  /** Returns the severity issues with this code have. */
  public Severity severity() {
    return severity;
  }

  /** Returns the meaning of the code in English. */
  public String description() {
    return description;
  }

  /**
   * Returns the value with this stable code.
   *
   * @throws IllegalArgumentException if no value has it
   */
  public static ValidationCode fromCode(String code) {
    for (ValidationCode v : values()) {
      if (v.code.equals(code)) {
        return v;
      }
    }
    throw new IllegalArgumentException("unknown validation code");
  }
}
