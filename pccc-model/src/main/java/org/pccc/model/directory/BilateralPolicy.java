package org.pccc.model.directory;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.pccc.model.Patterns;
import org.pccc.model.code.Language;
import org.pccc.model.code.MessageKind;

/**
 * What two centres may exchange: the message kinds allowed and the languages agreed. Applies in
 * both directions. Immutable.
 *
 * @param centreA one centre
 * @param centreB the other centre
 * @param allowedKinds the kinds of message allowed between them
 * @param languages the languages agreed for free text; empty means any
 */
public record BilateralPolicy(
    @NotNull @Pattern(regexp = Patterns.CENTRE_ID) String centreA,
    @NotNull @Pattern(regexp = Patterns.CENTRE_ID) String centreB,
    @NotEmpty @Size(max = 20) List<@NotNull MessageKind> allowedKinds,
    @Size(max = 20) List<@NotNull Language> languages) {

  /** Copies the lists; null becomes empty. */
  public BilateralPolicy {
    allowedKinds = allowedKinds == null ? List.of() : List.copyOf(allowedKinds);
    languages = languages == null ? List.of() : List.copyOf(languages);
  }

  /** True if this policy is about the two centres, in either order. */
  public boolean concerns(String a, String b) {
    return (centreA.equals(a) && centreB.equals(b)) || (centreA.equals(b) && centreB.equals(a));
  }

  /** True if the kind may be exchanged. Receipts and errors are always allowed. */
  public boolean allows(MessageKind kind) {
    return kind == MessageKind.RECEIPT || kind == MessageKind.ERROR || allowedKinds.contains(kind);
  }
}
