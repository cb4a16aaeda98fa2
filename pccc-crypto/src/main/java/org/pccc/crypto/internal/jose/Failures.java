package org.pccc.crypto.internal.jose;

import org.pccc.crypto.CryptoConfigurationException;
import org.pccc.crypto.EnvelopeRejectedException;
import org.pccc.crypto.ErrorCode;

/** Short factories for the two exception families, so call sites read as rules. */
public final class Failures {
  private Failures() {}

  /** An input was refused. */
  public static EnvelopeRejectedException rejected(ErrorCode code, String message) {
    return new EnvelopeRejectedException(code, message);
  }

  /** An input was refused because of an underlying failure. */
  public static EnvelopeRejectedException rejected(ErrorCode code, String message, Throwable cause) {
    return new EnvelopeRejectedException(code, message, cause);
  }

  /** Our own setup is wrong. */
  public static CryptoConfigurationException configuration(ErrorCode code, String message) {
    return new CryptoConfigurationException(code, message);
  }

  /** Our own setup is wrong, with the underlying failure. */
  public static CryptoConfigurationException configuration(
      ErrorCode code, String message, Throwable cause) {
    return new CryptoConfigurationException(code, message, cause);
  }
}
