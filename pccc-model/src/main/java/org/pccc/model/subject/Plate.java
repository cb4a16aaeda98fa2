package org.pccc.model.subject;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.pccc.model.code.Country;

/**
 * A registration plate and the country that issued it. Immutable.
 *
 * @param number the plate as printed, upper case, letters of any script, digits, spaces, hyphens
 * @param country the registering country
 */
public record Plate(
    @NotNull @Pattern(regexp = "^[\\p{Lu}0-9][\\p{Lu}0-9 -]{0,14}$") String number,
    @NotNull Country country) {}
