package org.pccc.crypto.pki;

import org.pccc.model.PcccException;

/**
 * A key or certificate could not be used: the input is unreadable, too large, of the wrong type,
 * encrypted with another password, or the private key does not belong to the certificate.
 *
 * <p>Always carries the code {@value #CODE}. Messages name what was wrong (the PEM type found, the
 * key algorithm, a size) and never contain key bytes or passwords.
 */
public class KeyLoadingException extends PcccException {
  private static final long serialVersionUID = 1L;

  /** The stable code of every key loading failure. */
  public static final String CODE = "PCCC-2901";

  /**
   * Creates the exception.
   *
   * @param message what was wrong with the input, without key material
   */
  public KeyLoadingException(String message) {
    super(CODE, message);
  }

  /**
   * Creates the exception with the underlying failure.
   *
   * @param message what was wrong with the input, without key material
   * @param cause the underlying failure
   */
  public KeyLoadingException(String message, Throwable cause) {
    super(CODE, message, cause);
  }
}
