package org.pccc.model;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.pccc.model.code.HandlingCode;

/**
 * The handling code of a message and, for {@code H3}, the conditions in free text. Immutable.
 *
 * @param code H0 to H3
 * @param conditions the restrictions in words; required for H3
 */
public record Handling(@NotNull HandlingCode code, @Size(max = 2000) String conditions) {

  /** Returns a handling with only a code. */
  public static Handling of(HandlingCode code) {
    return new Handling(code, null);
  }

  /** True if the information may not be passed on without the provider's permission (H2). */
  public boolean forbidsOnwardTransmission() {
    return code == HandlingCode.H2;
  }

  /** True if the information is not to be used in court without permission (H1). */
  public boolean notForJudicialProceedings() {
    return code == HandlingCode.H1;
  }
}
