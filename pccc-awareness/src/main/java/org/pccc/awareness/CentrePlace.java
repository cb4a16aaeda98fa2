package org.pccc.awareness;

import java.util.List;
import java.util.Objects;
import org.pccc.model.directory.CentreEntry;
import org.pccc.model.directory.NationalDesk;
import org.pccc.model.subject.Coordinates;

/**
 * Where a centre is and what to call it on a map: from the network directory, never from a
 * message. Immutable.
 *
 * @param centreId the centre id
 * @param name the centre's name as the directory gives it
 * @param countries ISO 3166 alpha-2 codes of the national desks at the centre
 * @param position the centre's WGS84 position, or null if the directory gives none
 */
public record CentrePlace(String centreId, String name, List<String> countries, Coordinates position) {
  /** Checks the parts and copies the list. */
  public CentrePlace {
    Objects.requireNonNull(centreId, "centreId");
    Objects.requireNonNull(name, "name");
    countries = List.copyOf(countries);
  }

  /** Returns the place of a directory entry. */
  public static CentrePlace of(CentreEntry entry) {
    return new CentrePlace(entry.centreId(), entry.name(),
        entry.desks().stream().map(NationalDesk::country).map(c -> c.code()).distinct().toList(), entry.position());
  }

  /** Returns the places of every centre of a directory. */
  public static List<CentrePlace> of(org.pccc.model.directory.NetworkDirectory directory) {
    return directory.centres().stream().map(CentrePlace::of).toList();
  }
}
