package org.pccc.model.directory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pccc.model.Patterns;

/**
 * The network directory: the centres of a regional network, their national desks, endpoints,
 * certificates and supported schema versions, and the bilateral policy per pair. Published as a
 * JWS signed by the network's coordinator; a node trusts a partner key only if the verified
 * directory lists it. Rotating a key is a new directory with a higher serial. Immutable.
 *
 * @param pcccDirectory the directory format version, {@code 1.0}
 * @param networkId the network's name, for example {@code SEE-PCCC}
 * @param serial increases with every new version; a node never accepts a lower one
 * @param issuedAt when the coordinator signed it, UTC
 * @param centres the centres, at least one
 * @param policies the bilateral policies; a pair without a policy may exchange every kind
 * @param expiresAt when the coordinator's promise ends, UTC: a node refuses the directory after
 *     this instant (so an old directory cannot be replayed for ever); null (absent on the wire)
 *     for directories of the first format, which a node bounds by a maximum age after
 *     {@code issuedAt} instead
 */
public record NetworkDirectory(
    @NotNull @Pattern(regexp = Patterns.VERSION) String pcccDirectory,
    @NotNull @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$") String networkId,
    @NotNull @Positive Long serial,
    @NotNull Instant issuedAt,
    @NotEmpty @Size(max = 1000) List<@NotNull @Valid CentreEntry> centres,
    @Size(max = 10000) List<@NotNull @Valid BilateralPolicy> policies,
    Instant expiresAt) {

  /** The directory format this SDK writes. */
  public static final String VERSION = "1.0";

  /** Copies the lists; null lists become empty. */
  public NetworkDirectory {
    centres = centres == null ? List.of() : List.copyOf(centres);
    policies = policies == null ? List.of() : List.copyOf(policies);
  }

  /**
   * Creates a directory without an expiry (the first format).
   *
   * @param pcccDirectory the directory format version
   * @param networkId the network's name
   * @param serial the serial
   * @param issuedAt when the coordinator signed it
   * @param centres the centres
   * @param policies the bilateral policies
   */
  public NetworkDirectory(String pcccDirectory, String networkId, Long serial, Instant issuedAt,
      List<CentreEntry> centres, List<BilateralPolicy> policies) {
    this(pcccDirectory, networkId, serial, issuedAt, centres, policies, null);
  }

  /** Returns the expiry, if the directory names one. */
  public Optional<Instant> expiry() {
    return Optional.ofNullable(expiresAt);
  }

  /** Returns the entry of a centre, if listed. */
  public Optional<CentreEntry> centre(String centreId) {
    return centres.stream().filter(c -> c.centreId().equals(centreId)).findFirst();
  }

  /** Returns the policy between two centres (in either order), if one is defined. */
  public Optional<BilateralPolicy> policy(String centreA, String centreB) {
    return policies.stream().filter(p -> p.concerns(centreA, centreB)).findFirst();
  }
}
