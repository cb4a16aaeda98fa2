package org.pccc.crypto.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A complete PKI for tests, demos and local development. <strong>NOT FOR PRODUCTION.</strong>
 *
 * <p>It makes one self-signed root CA per country (ISO 3166-1 alpha-2 code), a signing and an
 * encryption key pair for every centre, with certificates issued by the root of the centre's
 * country, and optionally a network coordinator signing key for the network directory. Keys follow
 * a {@link KeyProfile} (Ed25519/X25519 by default, or P-256).
 *
 * <p>Why it is insecure: the CA private keys live in memory next to everything else and are
 * exported unencrypted by {@link #exportTo}; private keys in the export are unencrypted PEM files;
 * and with {@link Builder#insecureSeed} every key is derived from a 64-bit seed through {@code
 * SHA1PRNG}, so anyone who knows the seed knows every key. Real networks get their keys from the
 * national PKIs.
 *
 * <p>With a seed and a fixed validity, two builds produce byte-identical keys and certificates
 * (Ed25519 signatures are deterministic; ECDSA nonces come from the same seeded generator). Without
 * a seed, keys come from a fresh {@link SecureRandom}.
 *
 * <pre>{@code
 * InsecureDevelopmentPki pki = InsecureDevelopmentPki.builder()
 *     .centre("FR-IT-MODANE", "FR", "Police nationale")
 *     .centre("IT-FR-MODANE", "IT", "Polizia di Stato")
 *     .networkCoordinator("ALPS", "FR", "PCCC network coordination")
 *     .build();
 * CentreKeys modane = pki.centre("FR-IT-MODANE");
 * }</pre>
 *
 * <p>Immutable and thread-safe once built.
 */
public final class InsecureDevelopmentPki {
  private static final Logger LOG = LoggerFactory.getLogger(InsecureDevelopmentPki.class);
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  /** The validity used with a seed when none is set: fixed, so that output is reproducible. */
  public static final CertificateValidity SEEDED_DEFAULT_VALIDITY =
      new CertificateValidity(
          Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2045-01-01T00:00:00Z"));

  /** The alias of the signing key in exported PKCS#12 files. */
  public static final String SIGNING_ALIAS = "signing";

  /** The alias of the encryption key in exported PKCS#12 files. */
  public static final String ENCRYPTION_ALIAS = "encryption";

  private final KeyProfile profile;
  private final CertificateValidity validity;
  private final Map<String, CertificateIssuer> authorities;
  private final Map<String, CentreKeys> centres;
  private final SigningKeyPair coordinator;

  private InsecureDevelopmentPki(Builder builder) {
    this.profile = builder.profile;
    this.validity = builder.validity != null ? builder.validity : defaultValidity(builder.seed, builder.clock);
    SecureRandom random = random(builder.seed);
    Map<String, CertificateIssuer> cas = new LinkedHashMap<>();
    for (String country : builder.countries) {
      KeyPair caKeys = profile.signing().generateKeyPair(random);
      CertificateSubject subject =
          CertificateSubject.authority(
              "PCCC INSECURE Development Root CA " + country,
              "PCCC insecure development PKI",
              country);
      cas.put(country, CertificateIssuer.createRoot(caKeys, subject, validity, random));
    }
    this.authorities = Collections.unmodifiableMap(cas);
    Map<String, CentreKeys> keys = new LinkedHashMap<>();
    for (CentreRequest centre : builder.centres.values()) {
      CertificateIssuer ca = cas.get(centre.countryCode);
      CertificateSubject subject =
          CertificateSubject.centre(centre.centreId, centre.agency, centre.countryCode);
      KeyPair signing = profile.signing().generateKeyPair(random);
      KeyPair encryption = profile.encryption().generateKeyPair(random);
      X509Certificate signingCertificate =
          ca.issueSigningCertificate(signing.getPublic(), subject, validity);
      X509Certificate encryptionCertificate =
          ca.issueEncryptionCertificate(encryption.getPublic(), subject, validity);
      keys.put(
          centre.centreId,
          new CentreKeys(
              centre.centreId,
              SigningKeyPair.of(signing.getPrivate(), chain(signingCertificate, ca)),
              EncryptionKeyPair.of(encryption.getPrivate(), chain(encryptionCertificate, ca))));
    }
    this.centres = Collections.unmodifiableMap(keys);
    if (builder.coordinator != null) {
      CentreRequest request = builder.coordinator;
      CertificateIssuer ca = cas.get(request.countryCode);
      KeyPair signing = profile.signing().generateKeyPair(random);
      X509Certificate certificate =
          ca.issueSigningCertificate(
              signing.getPublic(),
              CertificateSubject.networkCoordinator(
                  request.centreId, request.agency, request.countryCode),
              validity);
      this.coordinator = SigningKeyPair.of(signing.getPrivate(), chain(certificate, ca));
    } else {
      this.coordinator = null;
    }
    LOG.warn(
        "INSECURE development PKI created: {} countries, {} centres; never use it in production",
        authorities.size(),
        centres.size());
  }

  /**
   * Starts a development PKI.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the key profile of every key in this PKI. */
  public KeyProfile profile() {
    return profile;
  }

  /** Returns the validity window of every certificate in this PKI. */
  public CertificateValidity validity() {
    return validity;
  }

  /** Returns the country codes that have a root CA, in the order they were first named. */
  public List<String> countryCodes() {
    return List.copyOf(authorities.keySet());
  }

  /**
   * Returns the CA of a country, for issuing more certificates or CRLs in tests.
   *
   * @param countryCode an ISO alpha-2 code of this PKI
   * @return the country's root CA
   * @throws NoSuchElementException if the country has no CA here
   */
  public CertificateIssuer authority(String countryCode) {
    CertificateIssuer issuer = authorities.get(countryCode);
    if (issuer == null) {
      throw new NoSuchElementException("no CA for country " + countryCode);
    }
    return issuer;
  }

  /**
   * Returns the root certificate of a country.
   *
   * @param countryCode an ISO alpha-2 code of this PKI
   * @return the self-signed root
   * @throws NoSuchElementException if the country has no CA here
   */
  public X509Certificate rootCertificate(String countryCode) {
    return authority(countryCode).certificate();
  }

  /** Returns every root certificate, in the order of {@link #countryCodes()}. */
  public List<X509Certificate> rootCertificates() {
    List<X509Certificate> roots = new ArrayList<>();
    for (String country : countryCodes()) {
      roots.add(rootCertificate(country));
    }
    return List.copyOf(roots);
  }

  /**
   * Returns the keys of a centre.
   *
   * @param centreId a centre of this PKI
   * @return its signing and encryption key pairs
   * @throws NoSuchElementException if the centre is not in this PKI
   */
  public CentreKeys centre(String centreId) {
    CentreKeys keys = centres.get(centreId);
    if (keys == null) {
      throw new NoSuchElementException("no centre " + centreId + " in this PKI");
    }
    return keys;
  }

  /** Returns the keys of every centre, in the order they were added. */
  public List<CentreKeys> centres() {
    return List.copyOf(centres.values());
  }

  /** Returns the network coordinator's signing key, if one was asked for. */
  public Optional<SigningKeyPair> networkCoordinator() {
    return Optional.ofNullable(coordinator);
  }

  /**
   * Returns a validator that trusts every root of this PKI, without revocation checking.
   *
   * @return the validator
   */
  public CertificateValidator validator() {
    return CertificateValidator.builder().trustAnchors(rootCertificates()).build();
  }

  /**
   * Writes the whole PKI to a folder, creating it if needed and overwriting earlier exports:
   *
   * <pre>
   * README.txt                          the warning that this is not for production
   * trust/roots.pem                     every root certificate
   * authorities/CC/cert.pem, key.pem    each country's CA (key unencrypted)
   * centres/ID/signing/key.pem, cert.pem, chain.pem
   * centres/ID/encryption/key.pem, cert.pem, chain.pem
   * centres/ID/keys.p12                 aliases "signing" and "encryption"
   * coordinator/key.pem, cert.pem, chain.pem, coordinator.p12 (alias "signing")
   * </pre>
   *
   * <p>PEM private keys are unencrypted PKCS#8; on POSIX file systems they are made readable by
   * the owner only. {@code chain.pem} holds the certificate and then its root.
   *
   * @param directory the folder to write to
   * @param pkcs12Password the non-empty password of the PKCS#12 files
   * @throws UncheckedIOException if a file cannot be written
   */
  public void exportTo(Path directory, char[] pkcs12Password) {
    Objects.requireNonNull(directory, "directory");
    if (pkcs12Password == null || pkcs12Password.length == 0) {
      throw new IllegalArgumentException("the PKCS#12 password must not be empty");
    }
    try {
      Files.createDirectories(directory);
      write(
          directory.resolve("README.txt"),
          "INSECURE DEVELOPMENT PKI - NOT FOR PRODUCTION.\n"
              + "Generated by org.pccc.crypto.pki.InsecureDevelopmentPki (profile "
              + profile
              + "). Private keys here are unencrypted and CA keys are included.\n");
      write(directory.resolve("trust").resolve("roots.pem"), Pem.writeCertificates(rootCertificates()));
      for (String country : countryCodes()) {
        CertificateIssuer ca = authority(country);
        Path folder = directory.resolve("authorities").resolve(country);
        write(folder.resolve("cert.pem"), Pem.writeCertificate(ca.certificate()));
        writeKey(folder.resolve("key.pem"), ca.privateKey());
      }
      for (CentreKeys keys : centres.values()) {
        Path folder = directory.resolve("centres").resolve(keys.centreId());
        writeKeyPair(folder.resolve("signing"), keys.signing());
        writeKeyPair(folder.resolve("encryption"), keys.encryption());
        Map<String, CertifiedPrivateKey> entries = new LinkedHashMap<>();
        entries.put(SIGNING_ALIAS, CertifiedPrivateKey.of(keys.signing()));
        entries.put(ENCRYPTION_ALIAS, CertifiedPrivateKey.of(keys.encryption()));
        writeSecret(folder.resolve("keys.p12"), Pkcs12.write(entries, pkcs12Password));
      }
      if (coordinator != null) {
        Path folder = directory.resolve("coordinator");
        writeKeyPair(folder, coordinator);
        writeSecret(
            folder.resolve("coordinator.p12"),
            Pkcs12.write(
                Map.of(SIGNING_ALIAS, CertifiedPrivateKey.of(coordinator)), pkcs12Password));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot export the development PKI", e);
    }
  }

  /** Names the profile and the counts; never key material. */
  @Override
  public String toString() {
    return "InsecureDevelopmentPki[profile="
        + profile
        + ", countries="
        + authorities.keySet()
        + ", centres="
        + centres.keySet()
        + ", coordinator="
        + (coordinator != null)
        + "]";
  }

  private static List<X509Certificate> chain(X509Certificate leaf, CertificateIssuer ca) {
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(leaf);
    chain.addAll(ca.chain());
    return chain;
  }

  private static CertificateValidity defaultValidity(Long seed, Clock clock) {
    if (seed != null && clock == null) {
      return SEEDED_DEFAULT_VALIDITY;
    }
    Instant now = (clock != null ? clock : Clock.systemUTC()).instant().truncatedTo(ChronoUnit.SECONDS);
    return new CertificateValidity(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(730)));
  }

  private static SecureRandom random(Long seed) {
    if (seed == null) {
      return new SecureRandom();
    }
    try {
      // SHA1PRNG seeded before first use is deterministic; that is the point here, and the reason
      // this must never be used for real keys.
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA1PRNG", e);
    }
  }

  private static void writeKeyPair(Path folder, CertifiedKeyPair keyPair) throws IOException {
    writeKey(folder.resolve("key.pem"), keyPair.privateKey());
    write(folder.resolve("cert.pem"), Pem.writeCertificate(keyPair.certificate()));
    write(folder.resolve("chain.pem"), Pem.writeCertificates(keyPair.certificateChain()));
  }

  private static void writeKey(Path file, PrivateKey key) throws IOException {
    writeSecret(file, Pem.writePrivateKey(key).getBytes(StandardCharsets.US_ASCII));
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.US_ASCII);
  }

  private static void writeSecret(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
        && file.getFileSystem().equals(FileSystems.getDefault())) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }

  private static final class CentreRequest {
    final String centreId;
    final String countryCode;
    final String agency;

    CentreRequest(String centreId, String countryCode, String agency) {
      this.centreId = centreId;
      this.countryCode = countryCode;
      this.agency = agency;
    }
  }

  /** Collects what the development PKI should contain. Not thread-safe. */
  public static final class Builder {
    private KeyProfile profile = KeyProfile.ED25519_X25519;
    private Long seed;
    private CertificateValidity validity;
    private Clock clock;
    private final List<String> countries = new ArrayList<>();
    private final Map<String, CentreRequest> centres = new LinkedHashMap<>();
    private CentreRequest coordinator;

    private Builder() {}

    /**
     * Sets the key profile; {@link KeyProfile#ED25519_X25519} by default.
     *
     * @param keyProfile the profile
     * @return this builder
     */
    public Builder profile(KeyProfile keyProfile) {
      this.profile = Objects.requireNonNull(keyProfile, "keyProfile");
      return this;
    }

    /**
     * Derives every key from a seed, so that tests and examples are reproducible. INSECURE: anyone
     * who knows the seed can recompute every private key.
     *
     * @param insecureSeed the seed
     * @return this builder
     */
    public Builder insecureSeed(long insecureSeed) {
      this.seed = insecureSeed;
      return this;
    }

    /**
     * Sets the clock whose "now" the default validity starts from: certificates are then valid from
     * one hour before that instant to two years after it, with or without a seed. A test that runs
     * on a fixed clock gives the same clock here, to its sealers, openers and nodes, so that nothing
     * in it depends on the day it runs.
     *
     * @param validityClock the clock
     * @return this builder
     */
    public Builder clock(Clock validityClock) {
      this.clock = Objects.requireNonNull(validityClock, "validityClock");
      return this;
    }

    /**
     * Sets the validity of every certificate. Defaults to {@link #SEEDED_DEFAULT_VALIDITY} with a
     * seed and no {@link #clock clock}, and otherwise from one hour before the clock's now (the
     * system clock if none is set) to two years after it.
     *
     * @param certificateValidity the window
     * @return this builder
     */
    public Builder validity(CertificateValidity certificateValidity) {
      this.validity = Objects.requireNonNull(certificateValidity, "certificateValidity");
      return this;
    }

    /**
     * Adds a country root CA, even if no centre of that country is added.
     *
     * @param countryCode ISO 3166-1 alpha-2, upper case
     * @return this builder
     */
    public Builder country(String countryCode) {
      if (countryCode == null || !COUNTRY.matcher(countryCode).matches()) {
        throw new IllegalArgumentException("a country code is two upper-case letters");
      }
      if (!countries.contains(countryCode)) {
        countries.add(countryCode);
      }
      return this;
    }

    /**
     * Adds a centre whose keys are certified by its country's root.
     *
     * @param centreId a valid centre id, unique in this PKI
     * @param countryCode the country whose CA certifies the centre's keys
     * @param agency the agency named as the certificates' O
     * @return this builder
     */
    public Builder centre(String centreId, String countryCode, String agency) {
      CertificateSubject.centre(centreId, agency, countryCode); // validates all three
      if (centres.containsKey(centreId)) {
        throw new IllegalArgumentException("centre " + centreId + " was already added");
      }
      country(countryCode);
      centres.put(centreId, new CentreRequest(centreId, countryCode, agency));
      return this;
    }

    /**
     * Adds the network coordinator, whose signing key signs the network directory.
     *
     * @param networkId the network's id (same rules as a centre id)
     * @param countryCode the country whose CA certifies the coordinator
     * @param organization the organization named as the certificate's O
     * @return this builder
     */
    public Builder networkCoordinator(String networkId, String countryCode, String organization) {
      CertificateSubject.networkCoordinator(networkId, organization, countryCode);
      country(countryCode);
      this.coordinator = new CentreRequest(networkId, countryCode, organization);
      return this;
    }

    /**
     * Generates every key and certificate.
     *
     * @return the PKI
     * @throws IllegalStateException if nothing was added
     */
    public InsecureDevelopmentPki build() {
      if (countries.isEmpty()) {
        throw new IllegalStateException("add at least one country or centre");
      }
      return new InsecureDevelopmentPki(this);
    }
  }
}
