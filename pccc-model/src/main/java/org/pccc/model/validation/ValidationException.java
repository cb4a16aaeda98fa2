package org.pccc.model.validation;

import org.pccc.model.PcccException;

/**
 * Thrown where a caller asked for a valid message and the input was not one. Carries the whole
 * {@link ValidationReport}; its message lists codes and pointers only, never input values.
 */
public class ValidationException extends PcccException {
  private static final long serialVersionUID = 1L;

  /**
   * {@code PCCC-0000}: the code of an exception made for a report without errors (a caller's
   * mistake: such a report is not a rejection). Never a {@link ValidationCode}.
   */
  public static final String NO_ERROR = "PCCC-0000";

  private final transient ValidationReport report;

  /**
   * Creates the exception for a report with at least one error.
   *
   * @param report the report
   */
  public ValidationException(ValidationReport report) {
    super(
        report.errors().isEmpty() ? NO_ERROR : report.errors().get(0).code().code(),
        "message rejected: " + report.errors().size() + " error(s)\n" + report);
    this.report = report;
  }

  /** Returns the full report. */
  public ValidationReport report() {
    return report;
  }
}
