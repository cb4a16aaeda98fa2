package org.pccc.model.body;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.pccc.model.code.DataAccess;
import org.pccc.model.subject.Subject;

/**
 * A request for information, carrying what Directive (EU) 2023/977 Art. 4 requires. The header
 * carries purpose, legal basis and urgency with its reason. Immutable; lists are copied.
 *
 * @param requestingAuthority the authority asking
 * @param offenceOrThreat the offence or threat concerned
 * @param facts the facts of the case
 * @param purposeLink the link between the purpose and the person or object concerned
 * @param reasonsDataHeld why the information is believed to be held by the requested side
 * @param necessityAndProportionality the grounds of necessity and proportionality
 * @param dataAccess whether the requested side is expected to hold the data directly
 * @param copyToSpoc true if a copy goes to the requesting side's Single Point of Contact
 * @param subjects what the request is about, at least one
 * @param questions what is asked, at least one question
 * @param attachments attached files
 */
public record InformationRequest(
    @NotBlank @Size(max = 200) String requestingAuthority,
    @NotBlank @Size(max = 500) String offenceOrThreat,
    @NotBlank @Size(max = 10000) String facts,
    @Size(max = 2000) String purposeLink,
    @Size(max = 2000) String reasonsDataHeld,
    @Size(max = 2000) String necessityAndProportionality,
    @NotNull DataAccess dataAccess,
    boolean copyToSpoc,
    @NotEmpty @Size(max = 50) List<@NotNull @Valid Subject> subjects,
    @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 1000) String> questions,
    @Size(max = 20) List<@NotNull @Valid AttachmentRef> attachments)
    implements Body {

  /** Copies the lists; null lists become empty. */
  public InformationRequest {
    subjects = subjects == null ? List.of() : List.copyOf(subjects);
    questions = questions == null ? List.of() : List.copyOf(questions);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }
}
