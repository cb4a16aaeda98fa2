package org.pccc.crypto.pki;

import java.util.Objects;
import java.util.Optional;

/**
 * All the private keys of one centre: the signing key pair and the encryption key pair, with their
 * certificates.
 *
 * <p>If a certificate names a centre in its SubjectAlternativeName ({@code
 * urn:pccc:centre:<centre-id>}), it must be this centre; certificates from national CAs that do not
 * carry the URI are accepted, and the network directory binds them to the centre instead.
 *
 * <p>Immutable and thread-safe; {@link #toString()} never prints key material.
 *
 * @param centreId the centre's id, see {@link CertificateNames#isValidCentreId}
 * @param signing the key the centre signs with
 * @param encryption the key envelopes to the centre are encrypted to
 */
public record CentreKeys(String centreId, SigningKeyPair signing, EncryptionKeyPair encryption) {

  /** Checks the id and that the certificates do not name another centre. */
  public CentreKeys {
    if (!CertificateNames.isValidCentreId(centreId)) {
      throw new IllegalArgumentException("invalid centre id");
    }
    Objects.requireNonNull(signing, "signing");
    Objects.requireNonNull(encryption, "encryption");
    requireNoOtherCentre(centreId, signing, "signing");
    requireNoOtherCentre(centreId, encryption, "encryption");
  }

  private static void requireNoOtherCentre(
      String centreId, CertifiedKeyPair keyPair, String which) {
    Optional<String> named = CertificateNames.centreId(keyPair.certificate());
    if (named.isPresent() && !named.get().equals(centreId)) {
      throw new KeyLoadingException(
          "the " + which + " certificate names centre " + named.get() + ", not " + centreId);
    }
  }
}
