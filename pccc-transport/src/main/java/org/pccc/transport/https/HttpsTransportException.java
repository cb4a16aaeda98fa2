package org.pccc.transport.https;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.pccc.transport.spi.TransportException;

/**
 * A delivery failure of the {@code https:} transport, with what the server said: its status code
 * and, for 429 and 503, how long it asked the sender to wait ({@code Retry-After}; the node's
 * outbox should not retry sooner). The same facts are in the message. Immutable.
 */
public final class HttpsTransportException extends TransportException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final Duration retryAfter;

  HttpsTransportException(String code, String message, boolean retryable, int httpStatus, Duration retryAfter) {
    super(code, message, retryable);
    this.httpStatus = httpStatus;
    this.retryAfter = retryAfter;
  }

  /** Returns the HTTP status the server answered with. */
  public OptionalInt httpStatus() {
    return httpStatus > 0 ? OptionalInt.of(httpStatus) : OptionalInt.empty();
  }

  /** Returns how long the server asked the sender to wait before retrying, if it did. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
