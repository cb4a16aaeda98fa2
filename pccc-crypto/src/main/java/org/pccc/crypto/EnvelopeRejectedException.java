package org.pccc.crypto;

/**
 * An input was refused: a bad signature, tampering, a forbidden header, an algorithm that is not
 * allowed, a malformed structure.
 *
 * <p>The input may have been crafted by an attacker. Callers report it (by {@link #code()}) and drop
 * the input; retrying the same input cannot succeed.
 *
 * <p>Thread safety: immutable once thrown.
 */
public class EnvelopeRejectedException extends CryptoException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates a rejection.
   *
   * @param errorCode stable code, one of the {@code PCCC-20xx} codes
   * @param message explanation without personal data or payload bytes
   */
  public EnvelopeRejectedException(ErrorCode errorCode, String message) {
    super(errorCode, message);
  }

  /**
   * Creates a rejection with a cause.
   *
   * @param errorCode stable code, one of the {@code PCCC-20xx} codes
   * @param message explanation without personal data or payload bytes
   * @param cause the underlying failure
   */
  public EnvelopeRejectedException(ErrorCode errorCode, String message, Throwable cause) {
    super(errorCode, message, cause);
  }
}
