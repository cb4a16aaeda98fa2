package org.pccc.transport;

import org.pccc.model.PcccException;

/**
 * The application tried to pass on information against its handling code: content received
 * under H2 may not be forwarded without the provider's recorded permission.
 */
public class HandlingRestrictionException extends PcccException {
  private static final long serialVersionUID = 1L;

  /** The stable code. */
  public static final String CODE = "PCCC-3101";

  /** The audit code of a message forwarded under H2 with the provider's recorded permission. */
  public static final String FORWARDED_WITH_PERMISSION = "PCCC-3102";

  /**
   * Creates the exception.
   *
   * @param message what was refused, without content
   */
  public HandlingRestrictionException(String message) {
    super(CODE, message);
  }
}
