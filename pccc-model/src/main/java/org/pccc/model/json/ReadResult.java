package org.pccc.model.json;

import org.pccc.model.Message;
import org.pccc.model.validation.ValidationReport;

/**
 * The outcome of reading bytes as a message: either an accepted message (perhaps with warnings)
 * or a rejection with the report that explains it. A sealed pair, so a {@code switch} is total.
 */
public sealed interface ReadResult permits ReadResult.Accepted, ReadResult.Rejected {

  /** Returns the report: the warnings of an accepted message or the errors of a rejected one. */
  ValidationReport report();

  /**
   * A valid message.
   *
   * @param message the message
   * @param report warnings, if any; never errors
   */
  record Accepted(Message message, ValidationReport report) implements ReadResult {}

  /**
   * Input that is not a valid message.
   *
   * @param report at least one error
   */
  record Rejected(ValidationReport report) implements ReadResult {}
}
