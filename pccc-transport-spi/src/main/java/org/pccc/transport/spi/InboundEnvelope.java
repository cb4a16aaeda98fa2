package org.pccc.transport.spi;

import java.util.Map;
import java.util.Objects;

/**
 * An envelope as received, with whatever metadata the transport carried (which a receiver must
 * not trust: only the sealed envelope is authenticated). Immutable; the byte array is not copied.
 *
 * @param bytes the envelope bytes exactly as received
 * @param metadata unauthenticated routing metadata, possibly empty
 */
public record InboundEnvelope(byte[] bytes, Map<String, String> metadata) {
  /**
   * Metadata key set only by a transport that authenticated the peer handing over the envelope
   * (the {@code https:} server, from the TLS client certificate; never from anything the peer
   * sends as data): the peer's centre id. A receiver refuses an envelope or receipt signed by
   * another centre with {@link TransportException#PEER_NOT_SIGNER}. The entry can only make a
   * receiver stricter, so a transport that copies foreign metadata cannot use it to gain trust.
   */
  public static final String AUTHENTICATED_PEER_CENTRE = "pccc.authenticatedPeerCentre";

  /** Copies the metadata. */
  public InboundEnvelope {
    Objects.requireNonNull(bytes, "bytes");
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }
}
