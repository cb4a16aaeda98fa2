package org.pccc.model.body;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * A situation report for regional awareness: counts per crossing point or border section over a
 * period. Immutable.
 *
 * @param periodStart start of the period, UTC, inclusive
 * @param periodEnd end of the period, UTC, exclusive; after the start
 * @param entries the counts, at least one entry
 * @param remarks free-text remarks
 */
public record SituationReport(
    @NotNull Instant periodStart,
    @NotNull Instant periodEnd,
    @NotEmpty @Size(max = 500) List<@NotNull @Valid SituationEntry> entries,
    @jakarta.validation.constraints.Size(max = 5000) String remarks)
    implements Body {

  /** Copies the list; null becomes empty. */
  public SituationReport {
    entries = entries == null ? List.of() : List.copyOf(entries);
  }
}
