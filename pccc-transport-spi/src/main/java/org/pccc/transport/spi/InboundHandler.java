package org.pccc.transport.spi;

import java.util.concurrent.CompletionStage;

/**
 * Receives envelopes from a transport. Implemented by the node.
 */
@FunctionalInterface
public interface InboundHandler {

  /**
   * Takes one envelope.
   *
   * @param envelope the bytes as received
   * @return completes normally when the envelope is committed (the transport may now delete or
   *     acknowledge it), or exceptionally when it could not be; a {@link TransportException} that
   *     is not retryable means the envelope is rejected for good (garbage, too large) and the
   *     transport drops it and reports the error to the sender where it can
   */
  CompletionStage<Void> onEnvelope(InboundEnvelope envelope);
}
