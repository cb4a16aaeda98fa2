package org.pccc.model.body;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.pccc.model.code.RefusalGround;
import org.pccc.model.subject.Subject;

/**
 * A reply to an information request: hit, no hit, partial, refusal (with its Art. 6 ground),
 * request for clarification, or delay notice. The header's {@code inReplyTo} names the request.
 * Which fields are required depends on the outcome; validation reports a missing one.
 * Immutable; lists are copied.
 *
 * @param outcome what the reply says
 * @param results the information found (for a hit or partial reply)
 * @param text the answer in words
 * @param refusalGround the Art. 6 ground (for a refusal, and only then)
 * @param questions what needs clarifying (for a clarification request)
 * @param delay the delay notice (for a delay notice)
 * @param attachments attached files
 */
public record Reply(
    @NotNull org.pccc.model.code.ReplyOutcome outcome,
    @Size(max = 100) List<@NotNull @Valid Subject> results,
    @Size(max = 10000) String text,
    RefusalGround refusalGround,
    @Size(max = 50) List<@NotBlank @Size(max = 1000) String> questions,
    @Valid DelayNotice delay,
    @Size(max = 20) List<@NotNull @Valid AttachmentRef> attachments)
    implements Body {

  /** Copies the lists; null lists become empty. */
  public Reply {
    results = results == null ? List.of() : List.copyOf(results);
    questions = questions == null ? List.of() : List.copyOf(questions);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }
}
