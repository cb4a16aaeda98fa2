package org.pccc.conformance;

/**
 * The adapter broke the protocol: it crashed, timed out, exited with a code other than 0 or 1,
 * or printed something that is not the JSON the protocol asks for. The vector fails.
 */
public final class AdapterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The adapter's output (truncated) for the report. */
  private final String transcript;

  /**
   * Creates the exception.
   *
   * @param reason what went wrong, in a sentence
   * @param transcript what the adapter printed (truncated)
   */
  public AdapterException(String reason, String transcript) {
    super(reason);
    this.transcript = transcript == null ? "" : transcript;
  }

  /** Returns what the adapter printed (truncated). */
  public String transcript() {
    return transcript;
  }
}
