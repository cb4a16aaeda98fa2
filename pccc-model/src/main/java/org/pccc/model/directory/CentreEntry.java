package org.pccc.model.directory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.pccc.model.Patterns;
import org.pccc.model.subject.Coordinates;

/**
 * One centre in the network directory. Certificates are X.509 in base64 DER (as in a JWK
 * {@code x5c} entry); several per purpose allow key rotation, each valid in its own window.
 * Immutable.
 *
 * @param centreId the centre's stable identifier
 * @param name the centre's name, for example {@code PCCC Tabanovce}
 * @param desks the national desks working at the centre
 * @param endpoints where the centre receives envelopes, one per transport
 * @param signingCertificates certificates of the centre's signing keys (Ed25519 or P-256)
 * @param encryptionCertificates certificates of the centre's encryption keys (X25519 or P-256)
 * @param schemaVersions message schema versions the centre reads, for example {@code 1.0}
 * @param position where the centre is, for maps of the regional picture
 */
public record CentreEntry(
    @NotNull @Pattern(regexp = Patterns.CENTRE_ID) String centreId,
    @NotBlank @Size(max = 200) String name,
    @NotEmpty @Size(max = 10) List<@NotNull @Valid NationalDesk> desks,
    @Size(max = 10) List<@NotNull @Pattern(regexp = "^(mem|https|file|kafka):[^\\s]{1,500}$") String> endpoints,
    @NotEmpty @Size(max = 10) List<@NotNull @Pattern(regexp = Patterns.BASE64) @Size(max = 20000) String> signingCertificates,
    @NotEmpty @Size(max = 10) List<@NotNull @Pattern(regexp = Patterns.BASE64) @Size(max = 20000) String> encryptionCertificates,
    @NotEmpty @Size(max = 10) List<@NotNull @Pattern(regexp = Patterns.ANY_VERSION) String> schemaVersions,
    @Valid Coordinates position) {

  /** Copies the lists; null lists become empty. */
  public CentreEntry {
    desks = desks == null ? List.of() : List.copyOf(desks);
    endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    signingCertificates = signingCertificates == null ? List.of() : List.copyOf(signingCertificates);
    encryptionCertificates = encryptionCertificates == null ? List.of() : List.copyOf(encryptionCertificates);
    schemaVersions = schemaVersions == null ? List.of() : List.copyOf(schemaVersions);
  }
}
