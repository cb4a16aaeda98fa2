package org.pccc.model.subject;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.pccc.model.code.Country;

/**
 * A postal address. Immutable.
 *
 * @param street street and number
 * @param postalCode the postal code
 * @param city the city or municipality
 * @param country the country
 */
public record Address(
    @Size(max = 200) String street,
    @Size(max = 20) String postalCode,
    @Size(max = 100) String city,
    @NotNull Country country) {}
