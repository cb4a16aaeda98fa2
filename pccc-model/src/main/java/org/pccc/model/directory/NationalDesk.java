package org.pccc.model.directory;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.pccc.model.code.Agency;
import org.pccc.model.code.Country;

/**
 * A country's desk at a centre and the agencies working there. Immutable.
 *
 * @param country the desk's country
 * @param agencies the agencies of that country at the centre
 */
public record NationalDesk(@NotNull Country country, @Size(max = 10) List<@NotNull Agency> agencies) {

  /** Copies the list; null becomes empty. */
  public NationalDesk {
    agencies = agencies == null ? List.of() : List.copyOf(agencies);
  }
}
