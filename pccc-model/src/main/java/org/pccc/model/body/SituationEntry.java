package org.pccc.model.body;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.pccc.model.subject.Location;

/**
 * Counts for one border crossing point or border section in a situation report. Immutable.
 *
 * @param location the crossing point or section
 * @param irregularCrossings irregular crossings detected
 * @param personsApprehended persons apprehended
 * @param refusalsOfEntry refusals of entry
 * @param smugglingCases smuggling cases
 * @param seizures seizures
 */
public record SituationEntry(
    @NotNull @Valid Location location,
    @NotNull @PositiveOrZero Integer irregularCrossings,
    @NotNull @PositiveOrZero Integer personsApprehended,
    @NotNull @PositiveOrZero Integer refusalsOfEntry,
    @NotNull @PositiveOrZero Integer smugglingCases,
    @NotNull @PositiveOrZero Integer seizures) {}
