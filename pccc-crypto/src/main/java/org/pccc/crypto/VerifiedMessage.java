package org.pccc.crypto;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import org.pccc.model.Message;

/**
 * A message that came out of {@link EnvelopeOpener#open}: decrypted, its signature verified
 * against a certificate the trusted directory lists for the sender, addressed to this centre,
 * fresh and not a replay. Only the opener creates one (type-state), so code that takes a
 * {@code VerifiedMessage} cannot be handed unchecked input. Immutable and thread-safe.
 */
public final class VerifiedMessage {
  private final Message message;
  private final String signerCentre;
  private final X509Certificate signerCertificate;
  private final String envelopeSha256;
  private final String signedSha256;
  private final Instant openedAt;

  VerifiedMessage(
      Message message, String signerCentre, X509Certificate signerCertificate, String envelopeSha256,
      String signedSha256, Instant openedAt) {
    this.message = Objects.requireNonNull(message);
    this.signerCentre = Objects.requireNonNull(signerCentre);
    this.signerCertificate = Objects.requireNonNull(signerCertificate);
    this.envelopeSha256 = Objects.requireNonNull(envelopeSha256);
    this.signedSha256 = Objects.requireNonNull(signedSha256);
    this.openedAt = Objects.requireNonNull(openedAt);
  }

  /** Returns the message. */
  public Message message() {
    return message;
  }

  /** Returns the id of the centre whose key signed the message (equal to the header's sender). */
  public String signerCentre() {
    return signerCentre;
  }

  /** Returns the certificate that verified the signature. */
  public X509Certificate signerCertificate() {
    return signerCertificate;
  }

  /** Returns the lower-case hex SHA-256 of the envelope bytes as received. */
  public String envelopeSha256() {
    return envelopeSha256;
  }

  /**
   * Returns the lower-case hex SHA-256 of the signed message's JWS signing input (see {@link
   * Digests#signingInputSha256Hex}): what the sender made and nobody else can change, so what a
   * receipt names. Unlike {@link #envelopeSha256()} it survives whitespace changes, added
   * unprotected members and re-encryption of the same signed message by a co-recipient.
   */
  public String signedSha256() {
    return signedSha256;
  }

  /** Returns when the envelope was opened. */
  public Instant openedAt() {
    return openedAt;
  }

  @Override
  public String toString() {
    return "VerifiedMessage[id=" + message.header().messageId() + ", kind=" + message.body().kind().code()
        + ", from=" + signerCentre + "]";
  }
}
