package org.pccc.awareness;

/** Where an information request stands against its Art. 5 deadline at a given time. */
public enum RequestState {
  /** Not answered; the deadline is comfortably ahead, or unknown (only the audit log saw it). */
  OPEN,
  /** Not answered; less than the picture's at-risk share of the allowed time remains. */
  AT_RISK,
  /** Not answered and the deadline has passed (or the delay notice's expected date has). */
  OVERDUE,
  /** The requested centre sent a delay notice (Art. 5(2)) and its expected date has not passed. */
  DELAY_NOTIFIED,
  /** The requested centre asked for clarification: the deadline pauses until the requester answers. */
  AWAITING_CLARIFICATION,
  /** Answered (hit, no hit, partial or refusal) at or before the deadline. */
  ANSWERED_IN_TIME,
  /** Answered after the deadline. */
  ANSWERED_LATE,
  /** Answered; the deadline is unknown (only the audit log saw the request). */
  ANSWERED;

  /** Returns whether a duty officer should look at it: at risk or overdue. */
  public boolean needsAttention() {
    return this == AT_RISK || this == OVERDUE;
  }

  /** Returns whether the request has had its final answer. */
  public boolean answered() {
    return this == ANSWERED_IN_TIME || this == ANSWERED_LATE || this == ANSWERED;
  }
}
