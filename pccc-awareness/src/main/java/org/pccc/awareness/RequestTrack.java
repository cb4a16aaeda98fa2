package org.pccc.awareness;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.pccc.model.code.DataAccess;
import org.pccc.model.code.RefusalGround;
import org.pccc.model.code.ReplyOutcome;
import org.pccc.model.code.Urgency;

/**
 * One information request to one requested centre, and what became of it: the picture's unit for
 * Art. 5 deadlines. Immutable; the picture replaces it as replies arrive.
 *
 * @param requestId the request's message id
 * @param conversationId the conversation id
 * @param requesterCentre the centre that asked
 * @param requestedCentre the centre asked
 * @param urgency the request's urgency, or null if only the audit log saw it
 * @param dataAccess direct or indirect access to the data (Art. 5(1)), or null if unknown
 * @param sentAt the request's created-at (or audit time)
 * @param dueBy the Art. 5 deadline: the header's due-by, else computed with
 *     {@link org.pccc.model.rules.ReplyDeadlines}; null if unknown
 * @param answeredAt when the final reply (hit, no hit, partial, refusal) was made, or null
 * @param outcome the final reply's outcome, or null
 * @param refusalGround the Art. 6 ground of a refusal, or null
 * @param delayNoticeAt when a delay notice was made, or null
 * @param delayExpectedBy the date a delay notice promised, or null
 * @param clarificationAt when the requested centre asked for clarification, or null
 */
public record RequestTrack(
    UUID requestId,
    UUID conversationId,
    String requesterCentre,
    String requestedCentre,
    Urgency urgency,
    DataAccess dataAccess,
    Instant sentAt,
    Instant dueBy,
    Instant answeredAt,
    ReplyOutcome outcome,
    RefusalGround refusalGround,
    Instant delayNoticeAt,
    Instant delayExpectedBy,
    Instant clarificationAt) {

  /** Checks the required parts. */
  public RequestTrack {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(requesterCentre, "requesterCentre");
    Objects.requireNonNull(requestedCentre, "requestedCentre");
    Objects.requireNonNull(sentAt, "sentAt");
  }

  /**
   * Returns the request's state at {@code t}.
   *
   * @param t the time to judge at
   * @param atRiskShare the share of the allowed time (sent-at to due-by) below which an open
   *     request is at risk, for example 0.25
   */
  public RequestState stateAt(Instant t, double atRiskShare) {
    if (answeredAt != null && !answeredAt.isAfter(t)) {
      if (dueBy == null) {
        return RequestState.ANSWERED;
      }
      return answeredAt.isAfter(dueBy) ? RequestState.ANSWERED_LATE : RequestState.ANSWERED_IN_TIME;
    }
    if (clarificationAt != null && !clarificationAt.isAfter(t)) {
      return RequestState.AWAITING_CLARIFICATION;
    }
    if (delayNoticeAt != null && !delayNoticeAt.isAfter(t)) {
      return delayExpectedBy != null && !delayExpectedBy.isAfter(t) ? RequestState.OVERDUE : RequestState.DELAY_NOTIFIED;
    }
    if (dueBy == null) {
      return RequestState.OPEN;
    }
    if (!t.isBefore(dueBy)) {
      return RequestState.OVERDUE;
    }
    Duration allowed = Duration.between(sentAt, dueBy);
    Duration left = Duration.between(t, dueBy);
    return left.toMillis() < allowed.toMillis() * atRiskShare ? RequestState.AT_RISK : RequestState.OPEN;
  }

  /** Returns the time from request to final reply, if answered. */
  public Duration replyTime() {
    return answeredAt == null ? null : Duration.between(sentAt, answeredAt);
  }

  boolean involves(String centre) {
    return requesterCentre.equals(centre) || requestedCentre.equals(centre);
  }
}
