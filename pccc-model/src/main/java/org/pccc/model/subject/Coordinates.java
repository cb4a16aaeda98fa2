package org.pccc.model.subject;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/**
 * A WGS84 position in decimal degrees. Immutable.
 *
 * @param latitude -90 to 90
 * @param longitude -180 to 180
 */
public record Coordinates(
    @NotNull @DecimalMin(value = "-90", message = "must be at least {value}") @DecimalMax(value = "90", message = "must be at most {value}") Double latitude,
    @NotNull @DecimalMin(value = "-180", message = "must be at least {value}") @DecimalMax(value = "180", message = "must be at most {value}") Double longitude) {}
