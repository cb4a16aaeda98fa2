package org.pccc.crypto.pki;

import java.util.Objects;
import org.pccc.model.PcccException;

/**
 * A certificate may not be trusted for the use asked of it: not valid at the given time, revoked,
 * not allowed for the purpose, or not chaining to a configured trust anchor.
 *
 * <p>The {@link #reason() reason} gives the stable code; callers that need to tell "revoked" from
 * "expired" switch over it rather than parse messages.
 */
public class TrustException extends PcccException {
  private static final long serialVersionUID = 1L;

  /** Why a certificate was not trusted, each with its stable code. */
  public enum Reason {
    /** {@code PCCC-2009}: the certificate (or one in its chain) is not valid at the instant. */
    NOT_VALID_AT_TIME("PCCC-2009"),
    /** {@code PCCC-2010}: the certificate (or one in its chain) has been revoked. */
    REVOKED("PCCC-2010"),
    /** {@code PCCC-2011}: the key usage of the certificate does not allow the purpose. */
    KEY_USAGE_NOT_ALLOWED("PCCC-2011"),
    /** {@code PCCC-2019}: the chain does not lead to a trusted root, or cannot be checked. */
    CHAIN_NOT_TRUSTED("PCCC-2019");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    /** Returns the stable error code, for example {@code PCCC-2010}. */
    public String code() {
      return code;
    }
  }

  /** Why the certificate was not trusted; part of the serialized form. */
  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason why the certificate was not trusted
   * @param message explanation naming certificates by subject and serial, never personal data
   */
  public TrustException(Reason reason, String message) {
    super(Objects.requireNonNull(reason, "reason").code(), message);
    this.reason = reason;
  }

  /**
   * Creates the exception with the underlying failure.
   *
   * @param reason why the certificate was not trusted
   * @param message explanation naming certificates by subject and serial, never personal data
   * @param cause the underlying failure, for example a {@code CertPathValidatorException}
   */
  public TrustException(Reason reason, String message, Throwable cause) {
    super(Objects.requireNonNull(reason, "reason").code(), message, cause);
    this.reason = reason;
  }

  /** Returns why the certificate was not trusted. */
  public Reason reason() {
    return reason;
  }
}
