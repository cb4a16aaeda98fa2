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

  /** Copies the metadata. */
  public InboundEnvelope {
    Objects.requireNonNull(bytes, "bytes");
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }
}
