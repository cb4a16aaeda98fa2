package org.pccc.awareness;

import java.util.List;
import java.util.Objects;

/**
 * The answer to a {@link PictureQuery}: an immutable snapshot, safe to export or hand to another
 * thread while the picture goes on changing.
 *
 * @param query what was asked
 * @param alerts alerts in force at {@code asOf}, oldest first
 * @param notices operations under way at {@code asOf}, by start
 * @param requests requests open at {@code asOf} or answered in the period, by sent-at
 * @param situation situation-report indicators whose period overlaps the query's, by period and place
 * @param flows message counts per sender, recipient, kind and urgency in the period (for a centre: the
 *     pairs it is part of)
 * @param timeline the messages of the period, by time
 */
public record PictureView(
    PictureQuery query,
    List<ActiveAlert> alerts,
    List<NoticeInProgress> notices,
    List<RequestStatus> requests,
    List<SituationIndicators> situation,
    List<Flow> flows,
    List<TimelineEvent> timeline) {

  /** Copies the lists. */
  public PictureView {
    Objects.requireNonNull(query, "query");
    alerts = List.copyOf(alerts);
    notices = List.copyOf(notices);
    requests = List.copyOf(requests);
    situation = List.copyOf(situation);
    flows = List.copyOf(flows);
    timeline = List.copyOf(timeline);
  }

  /** Returns the requests that are at risk or overdue at {@code asOf}. */
  public List<RequestStatus> deadlinesAtRisk() {
    return requests.stream().filter(r -> r.state().needsAttention()).toList();
  }
}
