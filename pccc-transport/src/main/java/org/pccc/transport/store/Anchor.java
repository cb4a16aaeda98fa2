package org.pccc.transport.store;

import java.util.Objects;

/**
 * A point in the audit chain: an entry's sequence number and hash. An operator who stores the
 * current head somewhere else (a ticket, a partner, a write-once medium) can later prove that no
 * entry up to it was removed from the end or rewritten: see
 * {@link AuditVerifier#verify(java.nio.file.Path, Anchor)}. Immutable.
 *
 * @param seq the entry's sequence number; 0 for the empty log
 * @param hash the entry's hash, 64 lower-case hex digits; 64 zeros for the empty log
 */
public record Anchor(long seq, String hash) {
  /** The head of an empty log: the {@code prevHash} of entry 1. */
  public static final Anchor GENESIS = new Anchor(0, "0".repeat(64));

  /** Checks the invariants. */
  public Anchor {
    Objects.requireNonNull(hash, "hash");
    if (seq < 0) {
      throw new IllegalArgumentException("seq must not be negative");
    }
    if (!DurableFiles.SHA256_HEX.matcher(hash).matches()) {
      throw new IllegalArgumentException("hash must be 64 lower-case hex digits");
    }
  }

  /**
   * Parses the form {@code <seq>:<hash>} written by {@link #toString()}.
   *
   * @throws IllegalArgumentException if the text is not an anchor
   */
  public static Anchor parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 1) {
      throw new IllegalArgumentException("an anchor looks like <seq>:<64 hex digits>");
    }
    try {
      return new Anchor(Long.parseLong(text.substring(0, colon)), text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("an anchor looks like <seq>:<64 hex digits>", e);
    }
  }

  /** Returns {@code <seq>:<hash>}. */
  @Override
  public String toString() {
    return seq + ":" + hash;
  }
}
