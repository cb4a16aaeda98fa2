package org.pccc.model;

import jakarta.validation.constraints.NotNull;
import org.pccc.model.code.InformationAccuracy;
import org.pccc.model.code.SourceReliability;

/**
 * The 4x4 evaluation of the information provided (Europol, Reg. 2016/794 Art. 29), for example
 * {@code B2}. Immutable.
 *
 * @param sourceReliability A, B, C or X
 * @param informationAccuracy 1 to 4
 */
public record Evaluation(
    @NotNull SourceReliability sourceReliability, @NotNull InformationAccuracy informationAccuracy) {

  /** Returns the grid code such as {@code B2}. */
  public String gridCode() {
    return sourceReliability.code() + informationAccuracy.code();
  }
}
