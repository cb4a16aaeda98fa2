package org.pccc.model.subject;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import jakarta.validation.constraints.NotNull;
import org.pccc.model.code.ExciseCategory;

/**
 * Goods under customs control: a consignment with its container, customs declaration (MRN), TIR
 * carnet and commodity codes. At least one identifier or a description must be given. Immutable.
 *
 * @param containerNumber the ISO 6346 container number, for example {@code CSQU3054383}
 * @param mrn the EU customs Movement Reference Number (18 characters)
 * @param tirCarnet the TIR carnet number
 * @param hsCodes Harmonized System commodity codes (6, 8 or 10 digits)
 * @param exciseCategory the excise goods category, if excise goods
 * @param description the goods in words
 */
public record Consignment(
    @Pattern(regexp = "^[A-Z]{3}[UJZ][0-9]{7}$") String containerNumber,
    @Pattern(regexp = "^[0-9]{2}[A-Z]{2}[A-Z0-9]{14}$") String mrn,
    @Pattern(regexp = "^[A-Z]{2}[0-9]{8,9}$") String tirCarnet,
    @Size(max = 50) List<@NotNull @Pattern(regexp = "^[0-9]{6}(?:[0-9]{2}){0,2}$") String> hsCodes,
    ExciseCategory exciseCategory,
    @Size(max = 2000) String description)
    implements Subject {

  /** Copies the list; null becomes empty. */
  public Consignment {
    hsCodes = hsCodes == null ? List.of() : List.copyOf(hsCodes);
  }
}
