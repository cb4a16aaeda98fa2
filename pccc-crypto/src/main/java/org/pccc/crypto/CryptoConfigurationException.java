package org.pccc.crypto;

/**
 * Our own crypto setup is wrong: an unsupported key type, a provider that lacks an algorithm,
 * malformed key material loaded from configuration.
 *
 * <p>Unlike {@link EnvelopeRejectedException} this is not caused by a partner's input; an operator
 * has to fix the configuration.
 *
 * <p>Thread safety: immutable once thrown.
 */
public class CryptoConfigurationException extends CryptoException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates a configuration failure.
   *
   * @param errorCode stable code, one of the {@code PCCC-29xx} codes
   * @param message explanation without secrets or personal data
   */
  public CryptoConfigurationException(ErrorCode errorCode, String message) {
    super(errorCode, message);
  }

  /**
   * Creates a configuration failure with a cause.
   *
   * @param errorCode stable code, one of the {@code PCCC-29xx} codes
   * @param message explanation without secrets or personal data
   * @param cause the underlying failure
   */
  public CryptoConfigurationException(ErrorCode errorCode, String message, Throwable cause) {
    super(errorCode, message, cause);
  }
}
