package org.pccc.awareness;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.pccc.model.code.AlertType;
import org.pccc.model.code.HandlingCode;
import org.pccc.model.code.Urgency;

/**
 * An alert as the picture holds it: codes, centres and times, never the summary or the subjects
 * (unless revealed, see {@link SubjectIdentifier}). Immutable.
 *
 * @param messageId the alert message's id
 * @param senderCentre the issuing centre
 * @param recipientCentres the centres it was sent to
 * @param alertType what the alert is about
 * @param urgency the message's urgency
 * @param handling the message's handling code
 * @param issuedAt the message's created-at
 * @param validUntil the end of validity, or null for an alert without an end
 * @param subjectCount how many subjects the alert names
 * @param subjects identifying values, empty unless revealed
 */
public record ActiveAlert(
    UUID messageId,
    String senderCentre,
    List<String> recipientCentres,
    AlertType alertType,
    Urgency urgency,
    HandlingCode handling,
    Instant issuedAt,
    Instant validUntil,
    int subjectCount,
    List<SubjectIdentifier> subjects) {

  /** Checks the required parts and copies the lists. */
  public ActiveAlert {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(senderCentre, "senderCentre");
    Objects.requireNonNull(alertType, "alertType");
    Objects.requireNonNull(issuedAt, "issuedAt");
    recipientCentres = List.copyOf(recipientCentres);
    subjects = List.copyOf(subjects);
  }

  /** Returns whether the alert is in force at {@code t}: issued at or before it and not yet lapsed. */
  public boolean activeAt(Instant t) {
    return !issuedAt.isAfter(t) && (validUntil == null || validUntil.isAfter(t));
  }

  boolean involves(String centre) {
    return senderCentre.equals(centre) || recipientCentres.contains(centre);
  }
}
