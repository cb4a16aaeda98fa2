package org.pccc.conformance;

import java.util.Objects;

/**
 * The outcome of one vector.
 *
 * @param group the vector group, for example {@code messages/invalid} or {@code seal}
 * @param vector the vector's file name (or, for seal checks, the message it sealed)
 * @param status pass, pass with a warning, or fail
 * @param reason why, in a sentence (empty for a plain pass)
 * @param transcript what the adapter printed, truncated (may be empty)
 */
public record VectorResult(String group, String vector, Status status, String reason, String transcript) {

  /** The outcome of a vector. */
  public enum Status {
    /** The adapter did what the vector expects. */
    PASS,
    /** Passed, with a difference that does not fail the suite (for example other validation codes). */
    WARN,
    /** The adapter did not do what the vector expects. */
    FAIL
  }

  /** Checks the values. */
  public VectorResult {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(vector, "vector");
    Objects.requireNonNull(status, "status");
    reason = reason == null ? "" : reason;
    transcript = transcript == null ? "" : transcript;
  }

  /** Returns whether this vector passed (a warning passes). */
  public boolean passed() {
    return status != Status.FAIL;
  }

  /** Returns {@code group/vector}. */
  public String id() {
    return group + "/" + vector;
  }
}
