package org.pccc.crypto.pki;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Whom a certificate names: the subject distinguished name {@code C=<country>, O=<organization>,
 * CN=<commonName>} and the URIs of its SubjectAlternativeName extension.
 *
 * <p>Use the factories: {@link #centre} names a PCCC centre ({@code CN} = centre id and SAN {@code
 * urn:pccc:centre:<centre-id>}), {@link #networkCoordinator} the coordinator that signs the network
 * directory, {@link #authority} a certificate authority.
 *
 * <p>Immutable and thread-safe.
 *
 * @param commonName the CN, 1 to 64 characters
 * @param organization the O (agency or authority), 1 to 64 characters
 * @param countryCode the C, an ISO 3166-1 alpha-2 code in upper case
 * @param alternativeNames URIs for the SubjectAlternativeName extension, possibly empty
 */
public record CertificateSubject(
    String commonName, String organization, String countryCode, List<URI> alternativeNames) {

  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  /** Checks the lengths (RFC 5280 upper bounds) and copies the URIs. */
  public CertificateSubject {
    requireText(commonName, "commonName");
    requireText(organization, "organization");
    Objects.requireNonNull(countryCode, "countryCode");
    if (!COUNTRY.matcher(countryCode).matches()) {
      throw new IllegalArgumentException(
          "countryCode must be an ISO 3166-1 alpha-2 code in upper case");
    }
    alternativeNames = List.copyOf(alternativeNames);
  }

  /**
   * The subject of a centre's signing or encryption certificate.
   *
   * @param centreId the centre id, see {@link CertificateNames#isValidCentreId}
   * @param agency the agency that operates the key (the O)
   * @param countryCode the country of that agency
   * @return CN = centre id, SAN = {@code urn:pccc:centre:<centre-id>}
   */
  public static CertificateSubject centre(String centreId, String agency, String countryCode) {
    return new CertificateSubject(
        centreId, agency, countryCode, List.of(CertificateNames.centreUri(centreId)));
  }

  /**
   * The subject of the network coordinator's certificate, which signs the network directory.
   *
   * @param networkId the id of the network, same character rules as a centre id
   * @param organization the organization that runs the coordinator
   * @param countryCode its country
   * @return CN = network id, SAN = {@code urn:pccc:coordinator:<network-id>}
   */
  public static CertificateSubject networkCoordinator(
      String networkId, String organization, String countryCode) {
    return new CertificateSubject(
        networkId, organization, countryCode, List.of(CertificateNames.coordinatorUri(networkId)));
  }

  /**
   * The subject of a certificate authority, without alternative names.
   *
   * @param commonName the CA's name
   * @param organization the organization that runs it
   * @param countryCode its country
   * @return the subject
   */
  public static CertificateSubject authority(
      String commonName, String organization, String countryCode) {
    return new CertificateSubject(commonName, organization, countryCode, List.of());
  }

  /** Returns the distinguished name as BouncyCastle's type, C first as RFC 5280 orders it. */
  X500Name toX500Name() {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.C, countryCode)
        .addRDN(BCStyle.O, organization)
        .addRDN(BCStyle.CN, commonName)
        .build();
  }

  /**
   * Returns the distinguished name as the JDK's type.
   *
   * @return the subject as an {@link X500Principal}
   */
  public X500Principal toX500Principal() {
    try {
      return new X500Principal(toX500Name().getEncoded("DER"));
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a distinguished name", e);
    }
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank() || value.length() > 64) {
      throw new IllegalArgumentException(name + " must have 1 to 64 characters");
    }
  }
}
