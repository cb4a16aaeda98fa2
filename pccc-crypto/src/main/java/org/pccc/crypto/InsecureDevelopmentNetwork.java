package org.pccc.crypto;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pccc.crypto.jose.AlgorithmPolicy;
import org.pccc.crypto.pki.CentreKeys;
import org.pccc.crypto.pki.InsecureDevelopmentPki;
import org.pccc.crypto.pki.KeyProfile;
import org.pccc.crypto.pki.SigningKeyPair;
import org.pccc.model.code.Country;
import org.pccc.model.directory.CentreEntry;
import org.pccc.model.directory.NationalDesk;
import org.pccc.model.directory.NetworkDirectory;
import org.pccc.model.subject.Coordinates;

/**
 * NOT FOR PRODUCTION. A whole regional network for tests, examples and conformance vectors: an
 * {@link InsecureDevelopmentPki} (a CA per country, keys per centre, a coordinator key), a
 * network directory listing the centres, signed by the coordinator and verified back into a
 * {@link TrustedDirectory}. Keys are generated in memory (reproducibly with a seed). Immutable.
 */
public final class InsecureDevelopmentNetwork {
  private final InsecureDevelopmentPki pki;
  private final byte[] signedDirectory;
  private final TrustedDirectory directory;
  private final X509Certificate coordinatorCertificate;
  private final Clock clock;

  private InsecureDevelopmentNetwork(Builder b) {
    this.clock = b.clock != null ? b.clock : Clock.systemUTC();
    InsecureDevelopmentPki.Builder pb = InsecureDevelopmentPki.builder().profile(b.profile);
    if (b.seed != null) {
      pb.insecureSeed(b.seed);
    }
    if (b.clock != null) {
      pb.clock(b.clock);
    }
    for (CentreSpec c : b.centres.values()) {
      pb.centre(c.centreId, c.country, c.agency);
    }
    pb.networkCoordinator(b.networkId, b.coordinatorCountry, "Network coordinator");
    this.pki = pb.build();
    List<CentreEntry> entries = new ArrayList<>();
    for (CentreSpec c : b.centres.values()) {
      CentreKeys keys = pki.centre(c.centreId);
      entries.add(new CentreEntry(c.centreId, c.name,
          List.of(new NationalDesk(Country.of(c.country), List.of())),
          c.endpoints, signingCertificates(b, c.centreId, keys), List.of(der(keys.encryption().certificate())),
          List.of("1.0"), c.position));
    }
    NetworkDirectory unsigned =
        new NetworkDirectory(NetworkDirectory.VERSION, b.networkId, b.serial,
            b.issuedAt != null ? b.issuedAt : clock.instant().truncatedTo(ChronoUnit.SECONDS), entries, b.policies,
            b.expiresAt);
    SigningKeyPair coordinator = pki.networkCoordinator().orElseThrow();
    this.coordinatorCertificate = coordinator.certificate();
    this.signedDirectory = DirectoryPublisher.sign(unsigned, coordinator);
    this.directory = new DirectoryVerifier(List.of(coordinatorCertificate), AlgorithmPolicy.defaults(), clock)
        .verify(signedDirectory, 0);
  }

  /** Returns a builder for a network with the given id. */
  public static Builder builder(String networkId) {
    return new Builder(networkId);
  }

  /** Returns the PKI behind the network. */
  public InsecureDevelopmentPki pki() {
    return pki;
  }

  /** Returns the keys of a centre. */
  public CentreKeys keys(String centreId) {
    return pki.centre(centreId);
  }

  /** Returns the directory, verified. */
  public TrustedDirectory directory() {
    return directory;
  }

  /** Returns the directory as the coordinator signed it (JWS compact serialization). */
  public byte[] signedDirectory() {
    return signedDirectory.clone();
  }

  /** Returns the coordinator's certificate, which nodes pin to verify the directory. */
  public X509Certificate coordinatorCertificate() {
    return coordinatorCertificate;
  }

  /** Returns the clock this network was built on: the system clock unless the builder set one. */
  public Clock clock() {
    return clock;
  }

  /** Returns a sealer for a centre, on this network's clock. */
  public EnvelopeSealer sealer(String centreId) {
    return EnvelopeSealer.builder(keys(centreId), directory).clock(clock).build();
  }

  /**
   * Returns an opener for a centre with default settings, this network's clock and its own
   * in-memory replay guard, which forgets every id when the process ends (development only).
   */
  public EnvelopeOpener opener(String centreId) {
    return EnvelopeOpener.builder(keys(centreId), directory, ReplayGuard.inMemoryNotSurvivingRestart())
        .clock(clock).build();
  }

  private static String der(X509Certificate certificate) {
    try {
      return Base64.getEncoder().encodeToString(certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new CryptoConfigurationException(ErrorCode.CONFIGURATION, "certificate cannot be encoded", e);
    }
  }

  /** The centre's retired signing certificates (rotation history) first, then its current one. */
  private static List<String> signingCertificates(Builder b, String centreId, CentreKeys keys) {
    List<String> ders = new ArrayList<>();
    for (X509Certificate retired : b.retiredSigning.getOrDefault(centreId, List.of())) {
      ders.add(der(retired));
    }
    ders.add(der(keys.signing().certificate()));
    return ders;
  }

  private record CentreSpec(
      String centreId, String country, String agency, String name, List<String> endpoints, Coordinates position) {}

  /** Builds an {@link InsecureDevelopmentNetwork}. Not thread-safe. */
  public static final class Builder {
    private final String networkId;
    private final Map<String, CentreSpec> centres = new LinkedHashMap<>();
    private final List<org.pccc.model.directory.BilateralPolicy> policies = new ArrayList<>();
    private KeyProfile profile = KeyProfile.ED25519_X25519;
    private Long seed;
    private long serial = 1;
    private Instant issuedAt;
    private Clock clock;
    private String coordinatorCountry;
    private Instant expiresAt;
    private final Map<String, List<X509Certificate>> retiredSigning = new LinkedHashMap<>();

    private Builder(String networkId) {
      this.networkId = Objects.requireNonNull(networkId, "networkId");
    }

    /**
     * Adds a centre.
     *
     * @param centreId the centre id
     * @param country the country whose CA certifies its keys (and its first national desk)
     * @param name the centre's name
     * @param endpoints where it receives envelopes
     * @param position where it is, or null
     */
    public Builder centre(String centreId, String country, String name, List<String> endpoints, Coordinates position) {
      centres.put(centreId, new CentreSpec(centreId, country, "Police", name, List.copyOf(endpoints), position));
      if (coordinatorCountry == null) {
        coordinatorCountry = country;
      }
      return this;
    }

    /** Adds a centre with a {@code mem:} endpoint named after it. */
    public Builder centre(String centreId, String country) {
      return centre(centreId, country, "PCCC " + centreId, List.of("mem:" + centreId), null);
    }

    /** Adds a bilateral policy. */
    public Builder policy(org.pccc.model.directory.BilateralPolicy policy) {
      policies.add(policy);
      return this;
    }

    /** Chooses the algorithm profile (Ed25519/X25519 by default, or P-256). */
    public Builder profile(KeyProfile v) { profile = Objects.requireNonNull(v); return this; }
    /** Makes key generation reproducible (insecure by design). */
    public Builder insecureSeed(long v) { seed = v; return this; }
    /** Sets the directory serial. */
    public Builder serial(long v) { serial = v; return this; }
    /** Sets the directory's issue time; by default the clock's now. */
    public Builder issuedAt(Instant v) { issuedAt = Objects.requireNonNull(v); return this; }
    /**
     * Sets the clock of the whole network: certificates are valid from an hour before its now for
     * two years, the directory is issued at its now, and {@link #sealer}/{@link #opener} run on it.
     * A test on a fixed clock sets it here and gives the same clock to everything else it builds.
     */
    public Builder clock(Clock v) { clock = Objects.requireNonNull(v); return this; }

    /** Sets the directory's signed expiry (none by default). */
    public Builder expiresAt(Instant v) { expiresAt = Objects.requireNonNull(v); return this; }

    /**
     * Lists an earlier signing certificate of a centre in the directory as rotation history, next
     * to its current one: for tests and vectors about retired keys.
     *
     * @param centreId a centre added to this builder
     * @param certificate the retired certificate
     */
    public Builder retiredSigningCertificate(String centreId, X509Certificate certificate) {
      retiredSigning.computeIfAbsent(centreId, k -> new ArrayList<>()).add(Objects.requireNonNull(certificate));
      return this;
    }

    /** Generates the keys and signs the directory. */
    public InsecureDevelopmentNetwork build() {
      if (centres.isEmpty()) {
        throw new IllegalStateException("a network needs at least one centre");
      }
      return new InsecureDevelopmentNetwork(this);
    }
  }
}
