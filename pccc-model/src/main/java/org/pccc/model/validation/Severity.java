package org.pccc.model.validation;

/** How serious a validation issue is. */
public enum Severity {
  /** The message is rejected. */
  ERROR,
  /** The message is accepted; the sender should fix this. */
  WARNING
}
