package org.pccc.model.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.pccc.model.code.DataAccess;
import org.pccc.model.code.Urgency;

/**
 * Reply deadlines of Directive (EU) 2023/977 Art. 5(1); the clock starts when the request is
 * received:
 *
 * <ul>
 *   <li>urgent, data directly accessible to the requested side: 8 hours;
 *   <li>urgent, data indirectly accessible: 3 calendar days;
 *   <li>all other requests: 7 calendar days.
 * </ul>
 *
 * <p>Where judicial authorisation is needed the deadline may be exceeded, but the requested side
 * sends a delay notice (Art. 5(2)). Stateless and thread-safe.
 */
public final class ReplyDeadlines {
  /** Urgent request, data directly accessible. */
  public static final Duration URGENT_DIRECT = Duration.ofHours(8);
  /** Urgent request, data indirectly accessible. */
  public static final Duration URGENT_INDIRECT = Duration.ofDays(3);
  /** Every other request. */
  public static final Duration NON_URGENT = Duration.ofDays(7);

  private ReplyDeadlines() {}

  /**
   * Returns the time allowed to reply.
   *
   * @param urgency the request's urgency
   * @param access whether the data is directly accessible to the requested side
   * @return the duration allowed by Art. 5(1)
   */
  public static Duration allowed(Urgency urgency, DataAccess access) {
    Objects.requireNonNull(urgency, "urgency");
    Objects.requireNonNull(access, "access");
    if (urgency == Urgency.URGENT) {
      return access == DataAccess.DIRECT ? URGENT_DIRECT : URGENT_INDIRECT;
    }
    return NON_URGENT;
  }

  /**
   * Returns when the reply is due.
   *
   * @param urgency the request's urgency
   * @param access whether the data is directly accessible to the requested side
   * @param receivedAt when the requested side received the request
   * @return the due-by instant
   */
  public static Instant dueBy(Urgency urgency, DataAccess access, Instant receivedAt) {
    Objects.requireNonNull(receivedAt, "receivedAt");
    return receivedAt.plus(allowed(urgency, access));
  }
}
