package org.pccc.awareness;

import java.util.Objects;

/**
 * A request and its state at the query's time. Immutable.
 *
 * @param track the request and its replies
 * @param state its state at the query's {@code asOf}
 */
public record RequestStatus(RequestTrack track, RequestState state) {
  /** Checks the parts. */
  public RequestStatus {
    Objects.requireNonNull(track, "track");
    Objects.requireNonNull(state, "state");
  }
}
