package org.pccc.model.subject;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.pccc.model.code.VehicleCategory;

/**
 * A vehicle, identified by its VIN (ISO 3779), its plate, or both. Immutable.
 *
 * @param vin the vehicle identification number, 17 characters, or null
 * @param plate the registration plate, or null
 * @param make the make, for example {@code Škoda}
 * @param model the model
 * @param colour the colour in words
 * @param category the EU vehicle category
 * @param year the model year
 */
public record Vehicle(
    @Pattern(regexp = "^[A-HJ-NPR-Z0-9]{17}$") String vin,
    @Valid Plate plate,
    @Size(max = 100) String make,
    @Size(max = 100) String model,
    @Size(max = 100) String colour,
    VehicleCategory category,
    @Min(1886) @Max(2100) Integer year)
    implements Subject {}
