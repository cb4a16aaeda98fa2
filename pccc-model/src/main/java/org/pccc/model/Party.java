package org.pccc.model;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.pccc.model.code.Agency;
import org.pccc.model.code.Country;

/**
 * A sender or recipient: a centre registered in the directory and the national desk (country,
 * optionally agency) inside it. Immutable value.
 *
 * @param centreId the centre's identifier in the network directory
 * @param country the national desk's country
 * @param agency the agency of the desk, or null when the whole national desk is meant
 */
public record Party(
    @NotNull @Pattern(regexp = Patterns.CENTRE_ID) String centreId,
    @NotNull Country country,
    Agency agency) {

  /** Returns a party for a national desk without naming an agency. */
  public static Party of(String centreId, String country) {
    return new Party(centreId, Country.of(country), null);
  }

  /** Returns a party for a national desk and an agency. */
  public static Party of(String centreId, String country, Agency agency) {
    return new Party(centreId, Country.of(country), agency);
  }
}
