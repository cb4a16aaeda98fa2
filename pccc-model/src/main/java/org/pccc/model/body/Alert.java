package org.pccc.model.body;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.pccc.model.code.AlertType;
import org.pccc.model.subject.Subject;

/**
 * An alert broadcast to partner centres: wanted or missing person, stolen vehicle, stolen or
 * lost document. The subjects must include one of the matching kind. Immutable.
 *
 * @param alertType the kind of alert
 * @param summary the alert in a sentence
 * @param subjects who or what the alert is about
 * @param actionRequested what the receiver should do on a hit
 * @param validUntil when the alert lapses, or null
 * @param attachments attached files (photos)
 */
public record Alert(
    @NotNull AlertType alertType,
    @NotBlank @Size(max = 2000) String summary,
    @NotEmpty @Size(max = 50) List<@NotNull @Valid Subject> subjects,
    @Size(max = 2000) String actionRequested,
    Instant validUntil,
    @Size(max = 20) List<@NotNull @Valid AttachmentRef> attachments)
    implements Body {

  /** Copies the lists; null lists become empty. */
  public Alert {
    subjects = subjects == null ? List.of() : List.copyOf(subjects);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }
}
