package org.pccc.model.code;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/** Vehicle categories of Regulation (EU) 2018/858 and 168/2013. */
public enum VehicleCategory implements CodeList {
  /** Two- or three-wheel vehicle, quadricycle. */
  L("L", "Two- or three-wheel vehicle, quadricycle"),
  /** Passenger car. */
  M1("M1", "Passenger car"),
  /** Minibus up to 5 t. */
  M2("M2", "Minibus up to 5 t"),
  /** Bus over 5 t. */
  M3("M3", "Bus over 5 t"),
  /** Van up to 3.5 t. */
  N1("N1", "Van up to 3.5 t"),
  /** Truck 3.5 to 12 t. */
  N2("N2", "Truck 3.5 to 12 t"),
  /** Truck over 12 t. */
  N3("N3", "Truck over 12 t"),
  /** Trailer or semi-trailer. */
  O("O", "Trailer or semi-trailer"),
  /** Agricultural or forestry tractor. */
  T("T", "Agricultural or forestry tractor"),
  /** Other vehicle. */
  OTHER("OTHER", "Other vehicle");

  private static final Map<String, VehicleCategory> BY_CODE = Codes.index(VehicleCategory.class);

  private final String code;
  private final String label;

  VehicleCategory(String code, String label) {
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
  public static VehicleCategory fromCode(String code) {
    return Codes.lookup(BY_CODE, VehicleCategory.class, code);
  }
}
