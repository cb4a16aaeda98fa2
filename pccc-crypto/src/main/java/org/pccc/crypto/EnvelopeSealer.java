package org.pccc.crypto;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.pccc.crypto.jose.JcaProviders;
import org.pccc.crypto.jose.Jwe;
import org.pccc.crypto.jose.JweHeader;
import org.pccc.crypto.jose.JweRecipient;
import org.pccc.crypto.jose.Jws;
import org.pccc.crypto.jose.JwsHeader;
import org.pccc.crypto.pki.CentreKeys;
import org.pccc.crypto.pki.CertificateEntry;
import org.pccc.crypto.pki.CertificateValidator;
import org.pccc.crypto.pki.KeyPurpose;
import org.pccc.crypto.pki.TrustException;
import org.pccc.model.Message;
import org.pccc.model.Party;
import org.pccc.model.json.PcccJson;
import org.pccc.model.validation.ValidationException;
import org.pccc.model.validation.ValidationReport;

/**
 * Seals messages of one centre: validates the message, signs its canonical JSON as a JWS
 * (EdDSA with Ed25519, or ES256 with P-256, after the centre's signing key) and encrypts the JWS
 * once for all recipient centres as a JWE in the general JSON serialization
 * ({@code ECDH-ES+A256KW} per recipient with X25519 or P-256, content {@code A256GCM}). Recipient
 * keys come only from the trusted directory; with a {@link CertificateValidator} configured, each
 * recipient's encryption certificate must also pass it (chain, CRL) now. The directory's bilateral
 * policy between this centre and each recipient must allow the message's kind and language.
 * Immutable and thread-safe.
 */
public final class EnvelopeSealer {
  private final CentreKeys self;
  private final TrustedDirectory directory;
  private final PcccJson json;
  private final JcaProviders providers;
  private final Clock clock;
  private final CertificateValidator certificateValidator;

  private EnvelopeSealer(Builder b) {
    this.self = Objects.requireNonNull(b.self, "self");
    this.directory = Objects.requireNonNull(b.directory, "directory");
    this.json = b.json;
    this.providers = b.providers;
    this.clock = b.clock;
    this.certificateValidator = b.certificateValidator;
  }

  /**
   * Returns a builder.
   *
   * @param self this centre's keys
   * @param directory the verified network directory
   */
  public static Builder builder(CentreKeys self, TrustedDirectory directory) {
    return new Builder(self, directory);
  }

  /**
   * Seals a message for every recipient centre named in its header.
   *
   * @param message a message whose sender is this centre
   * @return the envelope
   * @throws ValidationException if the message is not valid
   * @throws EnvelopeRejectedException with {@code POLICY_VIOLATION} if the bilateral policy with a
   *     recipient does not allow the message's kind or language
   * @throws CryptoConfigurationException if the sender is not this centre or a recipient has no
   *     valid encryption certificate in the directory ({@code CONFIGURATION}), a recipient's
   *     certificate fails the configured validator ({@code RECIPIENT_CERTIFICATE_REJECTED}), or
   *     this centre's signing certificate is not valid now ({@code OWN_CERTIFICATE_NOT_VALID})
   */
  public SealedEnvelope seal(Message message) {
    ValidationReport report = json.validator().validate(message);
    if (!report.isValid()) {
      throw new ValidationException(report);
    }
    if (!message.header().sender().centreId().equals(self.centreId())) {
      throw new CryptoConfigurationException(ErrorCode.CONFIGURATION,
          "the message's sender is not the sealing centre " + self.centreId());
    }
    Set<String> centres = new LinkedHashSet<>();
    for (Party p : message.header().recipients()) {
      centres.add(p.centreId());
    }
    for (String centre : centres) {
      BilateralPolicyCheck.require(directory, self.centreId(), centre, message);
    }
    Instant now = clock.instant();
    try {
      CertificateValidator.requireValidAt(self.signing().certificate(), now);
    } catch (TrustException e) {
      throw new CryptoConfigurationException(ErrorCode.OWN_CERTIFICATE_NOT_VALID,
          "this centre's signing certificate is not valid now; install its successor", e);
    }
    byte[] payload = json.write(message);
    String x5t = self.signing().x5tS256();
    JwsHeader header =
        JwsHeader.builder().keyId(x5t).x5tS256(x5t).type(EnvelopeTypes.MESSAGE).build();
    String jws = Jws.sign(payload, header, self.signing().privateKey(), providers);

    List<JweRecipient> recipients = new ArrayList<>();
    for (String centre : centres) {
      CertificateEntry entry = directory.encryptionCertificate(centre, now)
          .orElseThrow(() -> new CryptoConfigurationException(ErrorCode.CONFIGURATION,
              "no valid encryption certificate in the directory for recipient centre " + centre));
      if (certificateValidator != null) {
        try {
          certificateValidator.validate(entry.certificate(), KeyPurpose.KEY_AGREEMENT, now);
        } catch (TrustException e) {
          throw new CryptoConfigurationException(ErrorCode.RECIPIENT_CERTIFICATE_REJECTED,
              "the encryption certificate of recipient centre " + centre + " is not acceptable ("
                  + e.reason() + ")", e);
        }
      }
      recipients.add(new JweRecipient(entry.kid(), entry.certificate().getPublicKey()));
    }
    JweHeader jweHeader = JweHeader.builder().type(EnvelopeTypes.ENVELOPE).contentType(EnvelopeTypes.MESSAGE).build();
    String jwe = Jwe.encrypt(jws.getBytes(StandardCharsets.US_ASCII), jweHeader, recipients, providers);
    return new SealedEnvelope(jwe.getBytes(StandardCharsets.UTF_8), message.header().messageId(),
        Digests.signingInputSha256Hex(jws));
  }

  /** Builds an {@link EnvelopeSealer}. Not thread-safe. */
  public static final class Builder {
    private final CentreKeys self;
    private final TrustedDirectory directory;
    private PcccJson json = PcccJson.create();
    private JcaProviders providers = JcaProviders.defaults();
    private Clock clock = Clock.systemUTC();
    private CertificateValidator certificateValidator;

    private Builder(CentreKeys self, TrustedDirectory directory) {
      this.self = self;
      this.directory = directory;
    }

    /** Sets the JSON codec (and so the validator). */
    public Builder json(PcccJson v) { json = Objects.requireNonNull(v); return this; }
    /** Sets the JCA providers; by default the fastest measured primitives, nothing registered globally. */
    public Builder providers(JcaProviders v) { providers = Objects.requireNonNull(v); return this; }
    /** Sets the clock used to pick recipients' current certificates. */
    public Builder clock(Clock v) { clock = Objects.requireNonNull(v); return this; }

    /**
     * Adds PKIX validation (national roots, CRLs) of recipients' encryption certificates on top
     * of the directory listing, judged at sealing time: nothing is encrypted to a key whose
     * certificate is revoked or does not chain. Use the same validator as the opener.
     */
    public Builder certificateValidator(CertificateValidator v) { certificateValidator = Objects.requireNonNull(v); return this; }

    /** Builds the sealer. */
    public EnvelopeSealer build() {
      return new EnvelopeSealer(this);
    }
  }
}
