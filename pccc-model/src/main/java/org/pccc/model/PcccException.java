package org.pccc.model;

/**
 * The root of every exception the PCCC SDK throws on purpose.
 *
 * <p>Unchecked, so that callers are not forced to catch what they cannot handle; checked JDK
 * exceptions are wrapped, never leaked. Each subclass names a family of failures (validation,
 * crypto, transport), and every instance carries a stable {@link #code() code} such as
 * {@code PCCC-0042} that callers and partner systems may rely on.
 *
 * <p>Messages never contain personal data (names, document numbers, message bodies): only codes,
 * identifiers of messages and centres, sizes and JSON Pointers.
 */
public class PcccException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;

  /**
   * Creates an exception with a stable code.
   *
   * @param code stable error code, for example {@code PCCC-2007}
   * @param message human-readable explanation without personal data
   */
  public PcccException(String code, String message) {
    super(code + ": " + message);
    this.code = code;
  }

  /**
   * Creates an exception with a stable code and a cause.
   *
   * @param code stable error code
   * @param message human-readable explanation without personal data
   * @param cause the underlying failure
   */
  public PcccException(String code, String message, Throwable cause) {
    super(code + ": " + message, cause);
    this.code = code;
  }

  /** Returns the stable error code, for example {@code PCCC-2007}. */
  public String code() {
    return code;
  }
}
