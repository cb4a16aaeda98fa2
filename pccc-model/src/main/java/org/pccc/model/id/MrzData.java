package org.pccc.model.id;

import java.util.Objects;

/**
 * The main fields of a valid machine-readable zone (ICAO Doc 9303), as written in the MRZ: upper
 * case, with trailing filler characters ({@code <}) removed and inner fillers kept. Obtained from
 * {@link Mrz#parse(String)}, which only returns data for an MRZ whose check digits all match.
 *
 * <p>Names stay in MRZ form: {@code primaryIdentifier} {@code "ERIKSSON"} and
 * {@code secondaryIdentifier} {@code "ANNA<MARIA"}, each {@code <} standing for a space or a
 * dropped punctuation mark. Dates are {@code YYMMDD} as in the MRZ: the century is not encoded,
 * and an unknown part of a birth date is written {@code <<}.
 *
 * <p>This record holds personal data. Its {@link #toString()} therefore shows only the format,
 * document code and issuing state, so that logging it by mistake leaks nothing else.
 *
 * <p>Immutable and thread-safe.
 *
 * @param format the MRZ layout
 * @param documentCode document code, 1 or 2 characters, e.g. {@code P}, {@code I}, {@code ID},
 *     {@code V}
 * @param issuingState issuing state or organization, ICAO 3-letter code without trailing fillers,
 *     e.g. {@code UTO} or {@code D}
 * @param documentNumber the document number; for TD1 and TD2 documents with more than 9
 *     characters, the full number including the part carried in the optional data
 * @param birthDate date of birth, {@code YYMMDD}
 * @param sex {@code F}, {@code M}, {@code X} or {@code <} (unspecified)
 * @param expiryDate date of expiry (for visas: valid until), {@code YYMMDD}
 * @param nationality nationality, ICAO 3-letter code without trailing fillers
 * @param primaryIdentifier the primary identifier (surname part) in MRZ form
 * @param secondaryIdentifier the secondary identifier (given names) in MRZ form; may be empty
 */
public record MrzData(
    MrzFormat format,
    String documentCode,
    String issuingState,
    String documentNumber,
    String birthDate,
    char sex,
    String expiryDate,
    String nationality,
    String primaryIdentifier,
    String secondaryIdentifier) {

  /**
   * Creates the data; all references must be non-null.
   *
   * @throws NullPointerException if a component is null
   */
  public MrzData {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(documentCode, "documentCode");
    Objects.requireNonNull(issuingState, "issuingState");
    Objects.requireNonNull(documentNumber, "documentNumber");
    Objects.requireNonNull(birthDate, "birthDate");
    Objects.requireNonNull(expiryDate, "expiryDate");
    Objects.requireNonNull(nationality, "nationality");
    Objects.requireNonNull(primaryIdentifier, "primaryIdentifier");
    Objects.requireNonNull(secondaryIdentifier, "secondaryIdentifier");
  }

  /** Returns a description without personal data: format, document code and issuing state. */
  @Override
  public String toString() {
    return "MrzData[format=" + format + ", documentCode=" + documentCode + ", issuingState="
        + issuingState + ", personal fields redacted]";
  }
}
