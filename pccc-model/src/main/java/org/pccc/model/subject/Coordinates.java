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
    @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
    @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {}
