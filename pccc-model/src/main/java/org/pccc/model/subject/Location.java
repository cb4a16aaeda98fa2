package org.pccc.model.subject;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.pccc.model.Patterns;

/**
 * A place: a border crossing point, a border section, coordinates, an address, or several of
 * these. At least one must be given. Immutable.
 *
 * @param crossingPoint the border crossing point code, for example {@code MK-TABANOVCE}
 * @param borderSection the border section name or code
 * @param coordinates WGS84 coordinates
 * @param address a postal address
 * @param description the place in words
 */
public record Location(
    @Pattern(regexp = Patterns.CROSSING_POINT) String crossingPoint,
    @Size(max = 100) String borderSection,
    @Valid Coordinates coordinates,
    @Valid Address address,
    @Size(max = 500) String description)
    implements Subject {

  /** Returns a border crossing point location with coordinates. */
  public static Location crossingPoint(String code, double latitude, double longitude) {
    return new Location(code, null, new Coordinates(latitude, longitude), null, null);
  }
}
