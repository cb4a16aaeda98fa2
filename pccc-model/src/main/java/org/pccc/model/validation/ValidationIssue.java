package org.pccc.model.validation;

import java.util.Objects;

/**
 * One problem found in a message. Immutable. The message text never contains values from the
 * input, so issues can be logged and returned to the sender safely.
 *
 * @param code the stable code
 * @param severity error or warning
 * @param pointer the JSON Pointer (RFC 6901) of the offending value, {@code ""} for the root
 * @param message what is wrong, in English
 */
public record ValidationIssue(ValidationCode code, Severity severity, String pointer, String message) {

  /** Checks that every part is present. */
  public ValidationIssue {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
  }

  /** Returns an issue with the code's default severity. */
  public static ValidationIssue of(ValidationCode code, String pointer, String message) {
    return new ValidationIssue(code, code.severity(), pointer, message);
  }

  @Override
  public String toString() {
    return severity + " " + code.code() + " at " + (pointer.isEmpty() ? "/" : pointer) + ": " + message;
  }
}
