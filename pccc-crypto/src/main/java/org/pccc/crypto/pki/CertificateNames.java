package org.pccc.crypto.pki;

import java.net.URI;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * How PCCC certificates name centres and the network coordinator, and how to read those names back.
 *
 * <p>A centre certificate carries the SubjectAlternativeName URI {@code urn:pccc:centre:<centre-id>}
 * (the binding that counts) and the centre id as its CN (for humans and tools that show only the
 * subject). A centre id has 1 to 64 characters from {@code A-Z a-z 0-9 . _ -} and starts with a
 * letter or digit, so that it is a valid URN and CN without escaping; {@code FR-IT-MODANE} is a
 * typical one.
 *
 * <p>Stateless and thread-safe.
 */
public final class CertificateNames {
  /** Prefix of the SubjectAlternativeName URI that names a centre. */
  public static final String CENTRE_URI_PREFIX = "urn:pccc:centre:";

  /** Prefix of the SubjectAlternativeName URI that names the network coordinator. */
  public static final String COORDINATOR_URI_PREFIX = "urn:pccc:coordinator:";

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final int SAN_URI = 6;

  private CertificateNames() {}

  /**
   * Tells whether a string may be used as a centre id (or network id) in a certificate.
   *
   * @param centreId the candidate, may be {@code null}
   * @return {@code true} if it matches {@code [A-Za-z0-9][A-Za-z0-9._-]{0,63}}
   */
  public static boolean isValidCentreId(String centreId) {
    return centreId != null && ID.matcher(centreId).matches();
  }

  /**
   * Returns the URI that names a centre.
   *
   * @param centreId a valid centre id
   * @return {@code urn:pccc:centre:<centre-id>}
   * @throws IllegalArgumentException if the id is not valid
   */
  public static URI centreUri(String centreId) {
    return URI.create(CENTRE_URI_PREFIX + requireValidId(centreId));
  }

  /**
   * Returns the URI that names the network coordinator.
   *
   * @param networkId a valid network id (same rules as a centre id)
   * @return {@code urn:pccc:coordinator:<network-id>}
   */
  public static URI coordinatorUri(String networkId) {
    return URI.create(COORDINATOR_URI_PREFIX + requireValidId(networkId));
  }

  /**
   * Returns the centre a certificate names in its SubjectAlternativeName.
   *
   * @param certificate the certificate
   * @return the centre id, or empty if the certificate names no centre
   * @throws KeyLoadingException if it names more than one centre
   */
  public static Optional<String> centreId(X509Certificate certificate) {
    return single(certificate, CENTRE_URI_PREFIX, "centre");
  }

  /**
   * Returns the network a coordinator certificate names in its SubjectAlternativeName.
   *
   * @param certificate the certificate
   * @return the network id, or empty if this is no coordinator certificate
   * @throws KeyLoadingException if it names more than one network
   */
  public static Optional<String> coordinatorId(X509Certificate certificate) {
    return single(certificate, COORDINATOR_URI_PREFIX, "coordinator");
  }

  /**
   * Returns the URIs of the certificate's SubjectAlternativeName extension.
   *
   * @param certificate the certificate
   * @return the URIs in certificate order; empty if there is no such extension
   * @throws KeyLoadingException if the extension is malformed
   */
  public static List<URI> alternativeUris(X509Certificate certificate) {
    Objects.requireNonNull(certificate, "certificate");
    Collection<List<?>> names;
    try {
      names = certificate.getSubjectAlternativeNames();
    } catch (CertificateParsingException e) {
      throw new KeyLoadingException("malformed SubjectAlternativeName extension", e);
    }
    List<URI> uris = new ArrayList<>();
    if (names != null) {
      for (List<?> name : names) {
        if (name.size() == 2 && Integer.valueOf(SAN_URI).equals(name.get(0))) {
          try {
            uris.add(URI.create(String.valueOf(name.get(1))));
          } catch (IllegalArgumentException e) {
            throw new KeyLoadingException("SubjectAlternativeName holds an invalid URI", e);
          }
        }
      }
    }
    return List.copyOf(uris);
  }

  /**
   * Returns the CN of the certificate's subject.
   *
   * @param certificate the certificate
   * @return the (first) common name, or empty if the subject has none
   */
  public static Optional<String> commonName(X509Certificate certificate) {
    X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    RDN[] rdns = name.getRDNs(BCStyle.CN);
    if (rdns.length == 0 || !(rdns[0].getFirst().getValue() instanceof ASN1String)) {
      return Optional.empty();
    }
    return Optional.of(((ASN1String) rdns[0].getFirst().getValue()).getString());
  }

  private static Optional<String> single(X509Certificate certificate, String prefix, String what) {
    List<String> ids = new ArrayList<>();
    for (URI uri : alternativeUris(certificate)) {
      String text = uri.toString();
      if (text.regionMatches(true, 0, prefix, 0, prefix.length())) {
        ids.add(text.substring(prefix.length()));
      }
    }
    if (ids.size() > 1) {
      throw new KeyLoadingException("the certificate names more than one " + what);
    }
    return ids.stream().findFirst();
  }

  private static String requireValidId(String id) {
    if (!isValidCentreId(id)) {
      throw new IllegalArgumentException(
          "an id must match [A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    }
    return id;
  }
}
