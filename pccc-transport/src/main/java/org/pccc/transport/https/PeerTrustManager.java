package org.pccc.transport.https;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Predicate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a peer when its leaf certificate is currently valid, the caller's predicate accepts the
 * chain and, for a client meant for one centre, the chain is that centre's. Being an {@link X509ExtendedTrustManager}, JSSE uses it as is and adds no host-name
 * check of its own (see {@link TlsConfig} for why that is wanted). Thread-safe.
 */
final class PeerTrustManager extends X509ExtendedTrustManager {
  private static final X509Certificate[] NO_ISSUERS = new X509Certificate[0];

  private final Predicate<List<X509Certificate>> trust;
  private final Predicate<List<X509Certificate>> intendedPeer;

  /**
   * @param trust whether a peer is trusted at all
   * @param intendedPeer whether a trusted peer is the one meant, or null if any trusted peer is
   */
  PeerTrustManager(Predicate<List<X509Certificate>> trust, Predicate<List<X509Certificate>> intendedPeer) {
    this.trust = trust;
    this.intendedPeer = intendedPeer;
  }

  private void check(X509Certificate[] chain, String role) throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new UntrustedPeerException("the " + role + " presented no certificate", null);
    }
    chain[0].checkValidity();
    boolean trusted;
    try {
      trusted = trust.test(List.of(chain));
    } catch (RuntimeException e) {
      throw new UntrustedPeerException("the trust check of the " + role + " certificate failed", e);
    }
    if (!trusted) {
      throw new UntrustedPeerException("the " + role + " certificate is not trusted", null);
    }
    if (intendedPeer != null && !intendedPeer.test(List.of(chain))) {
      throw new NotTheIntendedPeerException("the " + role + " certificate belongs to another centre");
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    check(chain, "client");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    check(chain, "server");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    check(chain, "client");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    check(chain, "server");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    check(chain, "client");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    check(chain, "server");
  }

  /** Empty: peers are not chosen by issuer, so no certificate authorities are advertised. */
  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return NO_ISSUERS;
  }

  /** The peer-trust predicate said no; lets the client tell this apart from other TLS failures. */
  static class UntrustedPeerException extends CertificateException {
    private static final long serialVersionUID = 1L;

    UntrustedPeerException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * The peer is trusted but is not the centre the connection is meant for (another member centre
   * on the path); the client reports it with {@link HttpsTransport#NOT_THE_RECIPIENT}.
   */
  static final class NotTheIntendedPeerException extends UntrustedPeerException {
    private static final long serialVersionUID = 1L;

    NotTheIntendedPeerException(String message) {
      super(message, null);
    }
  }
}
