package org.pccc.model.internal;

import java.util.Optional;
import org.pccc.model.id.ContainerNumber;
import org.pccc.model.id.HsCode;
import org.pccc.model.id.IdCheck;
import org.pccc.model.id.Mrn;
import org.pccc.model.id.Mrz;
import org.pccc.model.id.TirCarnet;
import org.pccc.model.id.Vin;

/**
 * Adapts the identifier algorithms of {@code org.pccc.model.id} to validation: each method
 * returns the reason an identifier is invalid, or empty when it is valid. Reasons never echo the
 * identifier.
 */
public final class IdentifierChecks {
  private IdentifierChecks() {}

  /** Checks an ICAO 9303 machine-readable zone. */
  public static Optional<String> mrz(String mrz) {
    return reason(Mrz.check(mrz));
  }

  /** Checks a VIN's ISO 3779 check digit where it is mandatory. */
  public static Optional<String> vin(String vin) {
    return reason(Vin.check(vin));
  }

  /** Checks an ISO 6346 container number. */
  public static Optional<String> containerNumber(String number) {
    return reason(ContainerNumber.check(number));
  }

  /** Checks an EU customs Movement Reference Number. */
  public static Optional<String> mrn(String mrn) {
    return reason(Mrn.check(mrn));
  }

  /** Checks a TIR carnet number and its security code. */
  public static Optional<String> tirCarnet(String number) {
    return reason(TirCarnet.check(number));
  }

  /** Checks that an HS code names an existing chapter. */
  public static Optional<String> hsCode(String code) {
    return reason(HsCode.check(code));
  }

  private static Optional<String> reason(IdCheck check) {
    return check.valid() ? Optional.empty() : Optional.of(check.reason());
  }
}
