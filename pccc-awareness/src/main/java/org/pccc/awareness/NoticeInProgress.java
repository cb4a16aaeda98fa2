package org.pccc.awareness;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.pccc.model.code.NoticeType;
import org.pccc.model.subject.Coordinates;

/**
 * An operational notice (hot pursuit, surveillance, joint patrol, border incident) as the picture
 * holds it: type, centres, times and place codes, never the summary or the subjects. Immutable.
 *
 * @param messageId the notice's message id
 * @param senderCentre the notifying centre
 * @param recipientCentres the centres notified
 * @param noticeType the kind of operation
 * @param startsAt when it starts
 * @param endsAt when it ends, or null while open-ended
 * @param crossingPoint the crossing point code, or null
 * @param position the WGS84 position given, or null
 * @param officers how many officers take part, or null
 */
public record NoticeInProgress(
    UUID messageId,
    String senderCentre,
    List<String> recipientCentres,
    NoticeType noticeType,
    Instant startsAt,
    Instant endsAt,
    String crossingPoint,
    Coordinates position,
    Integer officers) {

  /** Checks the required parts and copies the list. */
  public NoticeInProgress {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(senderCentre, "senderCentre");
    Objects.requireNonNull(noticeType, "noticeType");
    Objects.requireNonNull(startsAt, "startsAt");
    recipientCentres = List.copyOf(recipientCentres);
  }

  /** Returns whether the operation is under way at {@code t}. */
  public boolean inProgressAt(Instant t) {
    return !startsAt.isAfter(t) && (endsAt == null || endsAt.isAfter(t));
  }

  boolean involves(String centre) {
    return senderCentre.equals(centre) || recipientCentres.contains(centre);
  }
}
