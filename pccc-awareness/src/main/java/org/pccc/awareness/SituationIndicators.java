package org.pccc.awareness;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.pccc.model.subject.Coordinates;

/**
 * The counts a situation report gives for one crossing point (or, where the report names none,
 * for the reporting centre's other border sections) and one period. Immutable.
 *
 * @param reportId the situation report's message id
 * @param reportingCentre the centre that reported
 * @param reportedAt the report's created-at: the picture shows it only as of then
 * @param crossingPoint the crossing point code, or null for sections without one
 * @param position the WGS84 position given in the report, or null
 * @param periodStart the start of the period counted
 * @param periodEnd the end of the period counted
 * @param irregularCrossings irregular crossings detected
 * @param personsApprehended persons apprehended
 * @param refusalsOfEntry refusals of entry
 * @param smugglingCases smuggling cases
 * @param seizures seizures
 */
public record SituationIndicators(
    UUID reportId,
    String reportingCentre,
    Instant reportedAt,
    String crossingPoint,
    Coordinates position,
    Instant periodStart,
    Instant periodEnd,
    int irregularCrossings,
    int personsApprehended,
    int refusalsOfEntry,
    int smugglingCases,
    int seizures) {

  /** Checks the required parts. */
  public SituationIndicators {
    Objects.requireNonNull(reportId, "reportId");
    Objects.requireNonNull(reportingCentre, "reportingCentre");
    Objects.requireNonNull(reportedAt, "reportedAt");
    Objects.requireNonNull(periodStart, "periodStart");
    Objects.requireNonNull(periodEnd, "periodEnd");
  }

  /** Returns the sum of all five counts. */
  public int total() {
    return irregularCrossings + personsApprehended + refusalsOfEntry + smugglingCases + seizures;
  }

  /** Returns whether the period counted overlaps {@code [from, to)}. */
  public boolean overlaps(Instant from, Instant to) {
    return periodStart.isBefore(to) && periodEnd.isAfter(from);
  }
}
