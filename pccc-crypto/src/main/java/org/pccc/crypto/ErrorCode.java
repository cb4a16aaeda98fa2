package org.pccc.crypto;

/**
 * Stable error codes of the crypto layer.
 *
 * <p>The numeric part never changes meaning once published: partner systems and operators key
 * alerts and runbooks on it. Codes {@code PCCC-20xx} say that an input was rejected (it may come
 * from an attacker); codes {@code PCCC-29xx} say that our own setup is wrong.
 *
 * <p>Thread safety: an enum, immutable.
 */
public enum ErrorCode {
  /** The envelope is larger than the configured limit. */
  ENVELOPE_TOO_LARGE(2001, "The envelope is larger than the accepted maximum size."),
  /** The envelope is not well-formed JOSE (structure, JSON, base64url, lengths). */
  MALFORMED_ENVELOPE(2002, "The envelope is not well-formed."),
  /** An algorithm named in the envelope is not on the allow-list or does not fit the key. */
  ALGORITHM_NOT_ALLOWED(2003, "The envelope uses an algorithm that is not allowed."),
  /** A header carries a parameter that is never accepted (jwk, x5c, x5u, jku, crit, zip, b64...). */
  FORBIDDEN_HEADER(2004, "A header parameter is present that is never accepted."),
  /** The envelope has no recipient entry for the opening key. */
  NOT_A_RECIPIENT(2005, "The envelope is not addressed to this key."),
  /** The content could not be decrypted (key unwrap or authentication tag failed). */
  DECRYPTION_FAILED(2006, "The envelope could not be decrypted."),
  /** The signature does not verify. */
  SIGNATURE_INVALID(2007, "The signature is not valid."),
  /** The signer is not known in the directory. */
  SIGNER_UNKNOWN(2008, "The signer is not known."),
  /** A certificate is outside its validity period or otherwise not valid. */
  CERTIFICATE_NOT_VALID(2009, "A certificate is not valid."),
  /** A certificate is revoked. */
  CERTIFICATE_REVOKED(2010, "A certificate is revoked."),
  /** A key or certificate was used for a purpose it is not allowed for. */
  KEY_USAGE_NOT_ALLOWED(2011, "A key is used for a purpose it is not allowed for."),
  /** The signer is not the sender named in the message header. */
  SENDER_MISMATCH(2012, "The signer is not the sender named in the message."),
  /** The receiving centre is not among the recipients named in the message. */
  RECIPIENT_NOT_NAMED(2013, "This centre is not named as a recipient of the message."),
  /** The message id was seen before. */
  REPLAY(2014, "The message was received before."),
  /** The creation time lies outside the accepted window. */
  CLOCK_SKEW(2015, "The message time is outside the accepted window."),
  /** The decrypted and verified message is not a valid PCCC message. */
  MESSAGE_INVALID(2016, "The message inside the envelope is not valid."),
  /** The network directory's signature does not verify. */
  DIRECTORY_SIGNATURE_INVALID(2017, "The network directory signature is not valid."),
  /** A signed receipt does not verify or does not match the message. */
  RECEIPT_INVALID(2018, "The receipt is not valid."),
  /** A certificate does not chain to a trusted anchor. */
  UNTRUSTED_CHAIN(2019, "A certificate does not chain to a trusted authority."),
  /** The directory's bilateral policy between the two centres does not allow this message (kind or language). */
  POLICY_VIOLATION(2020, "The bilateral policy between the two centres does not allow this message."),
  /** A receipt's times do not fit the delivery it claims (before the message was sent, or in the future). */
  RECEIPT_TIME_OUT_OF_BOUNDS(2021, "The receipt's time does not fit the delivery."),
  /** A signed directory has a lower serial than the highest one already accepted (rollback). */
  DIRECTORY_ROLLBACK(2022, "The directory is older than the one already accepted."),
  /** A signed directory is past its expiry or older than the accepted maximum age. */
  DIRECTORY_EXPIRED(2023, "The directory has expired."),
  /** A signed directory belongs to another network than the one expected. */
  DIRECTORY_WRONG_NETWORK(2024, "The directory belongs to another network."),
  /**
   * The message id is already held for a message from another signer. Replay state is keyed by
   * (signer, id), so the message is not mistaken for a replay of the other; the clash is recorded.
   */
  MESSAGE_ID_CONFLICT(2040, "The message id is already used by another signer."),
  /** The signer has used up its quota of remembered message ids within the replay window. */
  REPLAY_QUOTA_EXCEEDED(2041, "The signer has sent more messages than the replay quota allows."),
  /** Our own crypto setup is wrong (missing algorithm or provider, unusable settings). */
  CONFIGURATION(2900, "The crypto configuration is not usable."),
  /** A key of a type or curve this SDK does not support was given to it. */
  KEY_UNSUPPORTED(2901, "The key type or curve is not supported."),
  /** Key material given to the SDK is malformed (bad JWK, wrong length, point not on the curve). */
  KEY_INVALID(2902, "The key material is malformed."),
  /**
   * A recipient's encryption certificate in the directory fails the configured certificate
   * validator (chain, CRL, key usage) or is not valid now: nothing is sealed to it.
   */
  RECIPIENT_CERTIFICATE_REJECTED(2903, "A recipient's encryption certificate is not acceptable."),
  /** This centre's own signing certificate is not valid now: nothing is signed with it. */
  OWN_CERTIFICATE_NOT_VALID(2904, "This centre's signing certificate is not valid now."),
  /** The persisted directory state (highest accepted serial) cannot be read or written. */
  DIRECTORY_STATE_UNUSABLE(2905, "The persisted directory state cannot be used.");

  private final int number;
  private final String description;

  ErrorCode(int number, String description) {
    this.number = number;
    this.description = description;
  }

  /** Returns the stable code, for example {@code PCCC-2007}. */
  public String code() {
    return "PCCC-" + number;
  }

  /** Returns a short English description that contains no data from any message. */
  public String description() {
    return description;
  }
}
