package org.pccc.crypto;

import java.util.Objects;
import org.pccc.model.PcccException;

/**
 * The root of every failure the crypto layer reports on purpose.
 *
 * <p>Two subclasses tell the caller whose fault it is: {@link EnvelopeRejectedException} for input
 * that was refused (it may have been crafted by an attacker, so it is never retried as is) and
 * {@link CryptoConfigurationException} for our own setup. Messages never contain payload bytes or
 * personal data, only codes, parameter names and sizes.
 *
 * <p>Thread safety: immutable once thrown.
 */
public abstract class CryptoException extends PcccException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode errorCode;

  /**
   * Creates an exception.
   *
   * @param errorCode stable code
   * @param message explanation without personal data or payload bytes
   */
  protected CryptoException(ErrorCode errorCode, String message) {
    super(Objects.requireNonNull(errorCode, "errorCode").code(), message);
    this.errorCode = errorCode;
  }

  /**
   * Creates an exception with a cause.
   *
   * @param errorCode stable code
   * @param message explanation without personal data or payload bytes
   * @param cause the underlying failure
   */
  protected CryptoException(ErrorCode errorCode, String message, Throwable cause) {
    super(Objects.requireNonNull(errorCode, "errorCode").code(), message, cause);
    this.errorCode = errorCode;
  }

  /** Returns the stable error code as an enum. */
  public ErrorCode errorCode() {
    return errorCode;
  }
}
