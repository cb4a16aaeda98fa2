package org.pccc.model;

/**
 * The size limits that every layer shares, defined once so that a message the JSON reader accepts
 * can always be sealed into an envelope that the opener and every transport accept.
 *
 * <p>A component may be configured with a smaller limit; the defaults of the JSON reader
 * ({@code PcccJson.DEFAULT_MAX_DOCUMENT_BYTES}), the envelope opener
 * ({@code EnvelopeOpener.DEFAULT_MAX_ENVELOPE_BYTES}), the {@code mem:}, {@code file:} and
 * {@code kafka:} transports and the {@code pccc} tool's input limit are these constants.
 *
 * <p>Thread safety: constants only.
 */
public final class Limits {
  /** The largest sealed envelope (JWE JSON, in bytes) accepted by default: 4 MiB. */
  public static final int MAX_ENVELOPE_BYTES = 4 * 1024 * 1024;

  /**
   * The largest message or document (JSON, in bytes) read by default: 2 MiB, half an envelope.
   * Signing and then encrypting wrap the message in base64url twice (4/3 each, 16/9 in all) plus
   * headers and one wrapped key per recipient, so a message of this size still fits in
   * {@link #MAX_ENVELOPE_BYTES}.
   */
  public static final int MAX_MESSAGE_BYTES = MAX_ENVELOPE_BYTES / 2;

  private Limits() {}
}
