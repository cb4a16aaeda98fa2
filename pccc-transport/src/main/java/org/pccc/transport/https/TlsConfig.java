package org.pccc.transport.https;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import org.pccc.transport.spi.TransportException;

/**
 * The TLS material of one centre for the {@code https:} transport: its private key, its certificate
 * chain, and the predicate that decides which peers it talks to. Both directions use TLS 1.3 only
 * and both sides present a certificate (mutual TLS).
 *
 * <p><b>Keys.</b> Ed25519 and P-256 (EC) keys are supported and tested; JDK 17 negotiates the
 * {@code ed25519} and {@code ecdsa_secp256r1_sha256} signature schemes in TLS 1.3, so a centre can
 * use its directory signing key for TLS as well. RSA keys work too. Keys and certificates from any
 * JCA provider are accepted: they are copied into an in-memory PKCS#12 key store, which turns them
 * into JDK objects that the JDK TLS stack can use; no provider is ever installed globally.
 *
 * <p><b>Peer trust and host names.</b> Centres are identified by their certificates, pinned in the
 * network directory, not by DNS names: a centre's certificate names the centre, not a host, and
 * endpoints may be IP addresses or names behind NAT at a border crossing. So the usual PKIX path
 * validation and host-name check are replaced, on both sides, by {@code peerTrust}: the peer's chain
 * (leaf first) is accepted if the leaf is within its validity period and the predicate returns
 * {@code true}. The JDK client asks for host-name verification ({@code HTTPS} endpoint
 * identification), but that check is part of the JDK's own trust manager, which this configuration
 * does not use, so it does not apply. Because TLS proves possession of the leaf's private key,
 * pinning the leaf certificate (see {@link #trustLeafCertificates}) is sufficient; the envelope
 * itself is signed and encrypted end to end, TLS adds link confidentiality and access control.
 * A predicate that also wants PKIX chaining to a national CA can do it itself.
 *
 * <p><b>Which centre a peer is.</b> Trusting "a directory centre" is not enough: a client must
 * talk only to the centre it delivers to, and a server must know which centre posted an envelope.
 * A configuration made by {@link #forCentre} therefore also identifies peers (a certificate is the
 * centre whose signing certificate it is in the directory; see {@link #peerCentre}). With it, the
 * client accepts a server only if it is the recipient centre ({@link #createSslContextFor}), and
 * the server names the posting centre to the node, which refuses an envelope signed by another
 * centre. A configuration that only pins leaf certificates ({@link #of} with
 * {@link #trustLeafCertificates}) identifies no centre: every trusted peer then counts as the
 * one meant; add an identification with {@link #withPeerCentres}.
 *
 * <p>Immutable and thread-safe; {@link #toString()} never shows the key.
 */
public final class TlsConfig {
  /** The only protocol offered and accepted. */
  public static final String PROTOCOL = "TLSv1.3";

  private static final String ALIAS = "local";

  private final KeyStore keyStore;
  private final char[] keyStorePassword;
  private final List<X509Certificate> certificateChain;
  private final Predicate<List<X509Certificate>> peerTrust;
  private final Function<X509Certificate, Optional<String>> peerCentres;

  private TlsConfig(
      KeyStore keyStore,
      char[] keyStorePassword,
      List<X509Certificate> certificateChain,
      Predicate<List<X509Certificate>> peerTrust,
      Function<X509Certificate, Optional<String>> peerCentres) {
    this.keyStore = keyStore;
    this.keyStorePassword = keyStorePassword;
    this.certificateChain = certificateChain;
    this.peerTrust = peerTrust;
    this.peerCentres = peerCentres;
  }

  /**
   * Returns the TLS configuration of a centre's node: its signing key and certificate identify it,
   * and a peer is trusted only if its certificate is a signing certificate the verified network
   * directory lists (mutual TLS pinned to the directory, not to DNS names or public CAs). Peers
   * are identified as the centre the directory lists that certificate for, so that a client talks
   * only to the recipient centre and a server can relate the client to the envelope's signer.
   *
   * @param keys the centre's keys
   * @param directory the verified directory
   * @return the configuration
   */
  public static TlsConfig forCentre(org.pccc.crypto.pki.CentreKeys keys, org.pccc.crypto.TrustedDirectory directory) {
    return forCentre(keys, directory, chain -> !chain.isEmpty() && directory.listsSigningCertificate(chain.get(0)));
  }

  /**
   * Returns the TLS configuration of a centre's node, as {@link #forCentre(org.pccc.crypto.pki.CentreKeys,
   * org.pccc.crypto.TrustedDirectory)} does, that also runs the node's certificate validator on
   * every peer: its chain must validate to a national root (PKIX) and, where the validator has
   * CRLs, not be revoked now. Give it the same validator as {@code PcccNode.Builder
   * .certificateValidator}, so that a key revoked by its CA can no longer open a connection either.
   *
   * @param keys the centre's keys
   * @param directory the verified directory
   * @param validator the validator (path and revocation checks) applied to peers' signing
   *     certificates at the time of the handshake
   * @return the configuration
   */
  public static TlsConfig forCentre(org.pccc.crypto.pki.CentreKeys keys, org.pccc.crypto.TrustedDirectory directory,
      org.pccc.crypto.pki.CertificateValidator validator) {
    Objects.requireNonNull(validator, "validator");
    return forCentre(keys, directory, chain -> {
      if (chain.isEmpty() || !directory.listsSigningCertificate(chain.get(0))) {
        return false;
      }
      // Throws (and so refuses the peer) if the chain does not validate or a certificate is revoked.
      validator.validate(chain, org.pccc.crypto.pki.KeyPurpose.SIGNATURE, java.time.Instant.now());
      return true;
    });
  }

  private static TlsConfig forCentre(org.pccc.crypto.pki.CentreKeys keys, org.pccc.crypto.TrustedDirectory directory,
      Predicate<List<X509Certificate>> peerTrust) {
    return of(keys.signing().privateKey(), keys.signing().certificateChain(), peerTrust)
        .withPeerCentres(leaf -> directory.signer(org.pccc.crypto.pki.CertificateThumbprint.x5tS256(leaf))
            .filter(signer -> signer.certificate().equals(leaf))
            .map(org.pccc.crypto.TrustedDirectory.Signer::centreId));
  }

  /**
   * Returns a copy of this configuration that identifies peers: which centre a trusted peer's
   * leaf certificate belongs to. See the class documentation for what this changes.
   *
   * @param centreOfLeaf the centre a leaf certificate belongs to, empty if none; called during
   *     handshakes and requests, so fast and thread-safe
   * @return the new configuration
   */
  public TlsConfig withPeerCentres(Function<X509Certificate, Optional<String>> centreOfLeaf) {
    Objects.requireNonNull(centreOfLeaf, "centreOfLeaf");
    return new TlsConfig(keyStore, keyStorePassword, certificateChain, peerTrust, centreOfLeaf);
  }

  /** Returns whether this configuration identifies the centre of a peer (see {@link #peerCentre}). */
  public boolean identifiesPeers() {
    return peerCentres != null;
  }

  /**
   * Returns the centre a peer's certificate chain belongs to.
   *
   * @param chain the peer's chain, leaf first
   * @return the centre, or empty if the chain is empty, belongs to no known centre, or this
   *     configuration {@linkplain #identifiesPeers() identifies no peers}
   */
  public Optional<String> peerCentre(List<X509Certificate> chain) {
    if (peerCentres == null || chain == null || chain.isEmpty()) {
      return Optional.empty();
    }
    try {
      Optional<String> centre = peerCentres.apply(chain.get(0));
      return centre == null ? Optional.empty() : centre;
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Creates the configuration from a key and its certificate chain.
   *
   * @param privateKey the local private key (Ed25519, P-256 or RSA), from any JCA provider
   * @param certificateChain the local certificate chain, leaf first; the leaf must hold the public
   *     key of {@code privateKey}
   * @param peerTrust decides whether a peer's chain (leaf first, never empty) is trusted; called
   *     during every handshake, on TLS threads, so it must be fast and thread-safe; an exception
   *     counts as "not trusted"
   * @return the configuration
   * @throws IllegalArgumentException if the chain is empty or does not match the key
   */
  public static TlsConfig of(
      PrivateKey privateKey,
      List<X509Certificate> certificateChain,
      Predicate<List<X509Certificate>> peerTrust) {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(certificateChain, "certificateChain");
    Objects.requireNonNull(peerTrust, "peerTrust");
    if (certificateChain.isEmpty()) {
      throw new IllegalArgumentException("the certificate chain is empty");
    }
    List<X509Certificate> chain = toJdkCertificates(certificateChain);
    char[] password = randomPassword();
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(ALIAS, privateKey, password, chain.toArray(new Certificate[0]));
      // Reading the key back yields a JDK key object whatever provider made the original.
      PrivateKey jdkKey = (PrivateKey) store.getKey(ALIAS, password);
      checkKeyMatchesLeaf(jdkKey, chain.get(0));
      return new TlsConfig(store, password, chain, peerTrust, null);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException(
          "cannot use this key and certificate for TLS: " + e.getClass().getSimpleName(), e);
    }
  }

  /**
   * Creates the configuration from a PKCS#12 key store file holding exactly one private key entry
   * (or naming the one to use).
   *
   * @param keyStoreFile the PKCS#12 file
   * @param password the store password, also used for the key entry
   * @param alias the key entry to use, or {@code null} if the store holds exactly one
   * @param peerTrust see {@link #of}
   * @return the configuration
   * @throws TransportException with code {@link TransportException#NO_TRANSPORT} if the file
   *     cannot be read or holds no usable key entry
   */
  public static TlsConfig fromPkcs12(
      Path keyStoreFile, char[] password, String alias, Predicate<List<X509Certificate>> peerTrust) {
    Objects.requireNonNull(keyStoreFile, "keyStoreFile");
    Objects.requireNonNull(password, "password");
    try (InputStream in = Files.newInputStream(keyStoreFile)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      String chosen = alias != null ? alias : onlyKeyAlias(store, keyStoreFile);
      Key key = store.getKey(chosen, password);
      Certificate[] chain = store.getCertificateChain(chosen);
      if (!(key instanceof PrivateKey) || chain == null || chain.length == 0) {
        throw configError("key store " + keyStoreFile + " has no private key entry '" + chosen + "'", null);
      }
      List<X509Certificate> certificates = new ArrayList<>();
      for (Certificate c : chain) {
        certificates.add((X509Certificate) c);
      }
      return of((PrivateKey) key, certificates, peerTrust);
    } catch (IOException | GeneralSecurityException | ClassCastException e) {
      throw configError("cannot read key store " + keyStoreFile + ": " + e.getClass().getSimpleName(), e);
    }
  }

  /**
   * Reads the certificates of a trust file: a PEM bundle (or one DER certificate) when
   * {@code password} is {@code null}, otherwise a PKCS#12 store whose certificates (trusted
   * entries and the leaves of key entries) are all taken.
   *
   * @param file the file
   * @param password the PKCS#12 password, or {@code null} for PEM/DER
   * @return the certificates, never empty
   * @throws TransportException with code {@link TransportException#NO_TRANSPORT} if the file
   *     cannot be read or holds no certificate
   */
  public static List<X509Certificate> readCertificates(Path file, char[] password) {
    Objects.requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      List<X509Certificate> result = new ArrayList<>();
      if (password == null) {
        for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
          result.add((X509Certificate) c);
        }
      } else {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(in, password);
        for (String alias : Collections.list(store.aliases())) {
          Certificate c = store.getCertificate(alias);
          if (c instanceof X509Certificate) {
            result.add((X509Certificate) c);
          }
        }
      }
      if (result.isEmpty()) {
        throw configError("trust file " + file + " holds no certificate", null);
      }
      return List.copyOf(result);
    } catch (IOException | GeneralSecurityException | ClassCastException e) {
      throw configError("cannot read trust file " + file + ": " + e.getClass().getSimpleName(), e);
    }
  }

  /**
   * A peer-trust predicate that accepts exactly the given leaf certificates (compared by the
   * SHA-256 of their DER encoding, as the directory's {@code x5t#S256} does). Intermediate
   * certificates the peer sends are ignored.
   *
   * @param trusted the trusted leaf certificates
   * @return a thread-safe predicate
   */
  public static Predicate<List<X509Certificate>> trustLeafCertificates(
      Collection<X509Certificate> trusted) {
    Set<String> digests = new HashSet<>();
    for (X509Certificate c : trusted) {
      digests.add(sha256(c));
    }
    Set<String> pinned = Set.copyOf(digests);
    return chain -> !chain.isEmpty() && pinned.contains(sha256(chain.get(0)));
  }

  /** Returns the local certificate chain, leaf first. */
  public List<X509Certificate> certificateChain() {
    return certificateChain;
  }

  /** Returns the peer-trust predicate. */
  public Predicate<List<X509Certificate>> peerTrust() {
    return peerTrust;
  }

  /**
   * Builds a new TLS 1.3 context with this key and the peer-trust predicate. A host application
   * that mounts an {@link EnvelopeEndpoint} in its own server can use it, together with
   * {@link #serverSslParameters()}, to get the same TLS behaviour as the embedded server.
   *
   * @return a new context
   */
  public SSLContext createSslContext() {
    return sslContext(new PeerTrustManager(peerTrust, null));
  }

  /**
   * Builds a new TLS 1.3 context for a client that talks to one centre only: a server is trusted
   * if the peer-trust predicate accepts it and, when this configuration
   * {@linkplain #identifiesPeers() identifies peers}, it is that centre.
   *
   * @param centreId the centre the connections are meant for
   * @return a new context
   */
  public SSLContext createSslContextFor(String centreId) {
    Objects.requireNonNull(centreId, "centreId");
    return sslContext(new PeerTrustManager(peerTrust,
        peerCentres == null ? null : chain -> centreId.equals(peerCentre(chain).orElse(null))));
  }

  private SSLContext sslContext(PeerTrustManager trustManager) {
    try {
      KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
      kmf.init(keyStore, keyStorePassword);
      SSLContext context = SSLContext.getInstance(PROTOCOL);
      context.init(kmf.getKeyManagers(), new TrustManager[] {trustManager}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot build a TLS 1.3 context", e);
    }
  }

  /** Returns new server parameters: TLS 1.3 only, client certificate required. */
  public SSLParameters serverSslParameters() {
    SSLParameters parameters = new SSLParameters();
    parameters.setProtocols(new String[] {PROTOCOL});
    parameters.setNeedClientAuth(true);
    return parameters;
  }

  /** Returns new client parameters: TLS 1.3 only. */
  public SSLParameters clientSslParameters() {
    SSLParameters parameters = new SSLParameters();
    parameters.setProtocols(new String[] {PROTOCOL});
    return parameters;
  }

  @Override
  public String toString() {
    X509Certificate leaf = certificateChain.get(0);
    return "TlsConfig[leaf=" + leaf.getSubjectX500Principal().getName() + ", leafSha256=" + sha256(leaf)
        + ", chainLength=" + certificateChain.size() + "]";
  }

  private static List<X509Certificate> toJdkCertificates(List<X509Certificate> certificates) {
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      List<X509Certificate> result = new ArrayList<>();
      for (X509Certificate c : certificates) {
        Objects.requireNonNull(c, "certificate");
        result.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(c.getEncoded())));
      }
      return List.copyOf(result);
    } catch (CertificateException e) {
      throw new IllegalArgumentException("unreadable certificate", e);
    }
  }

  private static void checkKeyMatchesLeaf(PrivateKey key, X509Certificate leaf)
      throws GeneralSecurityException {
    String algorithm;
    switch (key.getAlgorithm()) {
      case "EdDSA":
      case "Ed25519":
      case "Ed448":
        algorithm = "EdDSA";
        break;
      case "EC":
        algorithm = "SHA256withECDSA";
        break;
      case "RSA":
        algorithm = "SHA256withRSA";
        break;
      default:
        return; // no cheap check known; the handshake will tell
    }
    byte[] probe = "pccc-tls-key-check".getBytes(StandardCharsets.US_ASCII);
    Signature signer = Signature.getInstance(algorithm);
    signer.initSign(key);
    signer.update(probe);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance(algorithm);
    verifier.initVerify(leaf.getPublicKey());
    verifier.update(probe);
    if (!verifier.verify(signature)) {
      throw new IllegalArgumentException("the leaf certificate does not hold the public key of the private key");
    }
  }

  private static String onlyKeyAlias(KeyStore store, Path file) throws GeneralSecurityException {
    String found = null;
    for (String alias : Collections.list(store.aliases())) {
      if (store.isKeyEntry(alias)) {
        if (found != null) {
          throw configError("key store " + file + " holds several keys; name one with an alias", null);
        }
        found = alias;
      }
    }
    if (found == null) {
      throw configError("key store " + file + " holds no private key", null);
    }
    return found;
  }

  static String sha256(X509Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException | CertificateException e) {
      throw new IllegalStateException("cannot digest a certificate", e);
    }
  }

  private static char[] randomPassword() {
    // Protects the in-memory store only; it never leaves this object.
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    return Base64.getEncoder().encodeToString(random).toCharArray();
  }

  private static TransportException configError(String message, Throwable cause) {
    return cause == null
        ? new TransportException(TransportException.NO_TRANSPORT, message, false)
        : new TransportException(TransportException.NO_TRANSPORT, message, false, cause);
  }
}
