package org.pccc.transport.https;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The envelope endpoint as a Jakarta Servlet 6 servlet: the embedded server of
 * {@link HttpsTransport#listen} runs it in Jetty 12, and a host application mounts it in its own
 * servlet container (Jetty, Tomcat, Undertow…) under the path of its choice:
 *
 * <pre>{@code
 * TlsConfig tls = TlsConfig.forCentre(keys, directory);
 * EnvelopeServlet servlet = EnvelopeServlet.create(EnvelopeEndpoint.create(node.inbound()), tls);
 * context.addServlet(new ServletHolder(servlet), EnvelopeEndpoint.DEFAULT_PATH);
 * }</pre>
 *
 * <p>The container terminates mutual TLS 1.3 with {@link TlsConfig#createSslContext()} and
 * {@link TlsConfig#serverSslParameters()} (client certificate required) and must expose the
 * client's chain as the standard request attribute {@value #CLIENT_CERTIFICATE_ATTRIBUTE}.
 * When the {@link TlsConfig} {@linkplain TlsConfig#identifiesPeers() identifies peers}, a request
 * without a client certificate of a known centre is answered 403 ({@value #NO_PEER_IDENTITY}), and
 * the client's centre is passed on so that the node refuses an envelope signed by another centre
 * ({@link org.pccc.transport.spi.TransportException#PEER_NOT_SIGNER}, 400). Everything else is
 * {@link EnvelopeEndpoint}'s. Deadlines for slow clients belong to the container: the embedded
 * server sets total deadlines for the handshake, the request headers and the body.
 *
 * <p>Thread-safe; one instance serves any number of concurrent requests.
 */
public final class EnvelopeServlet extends HttpServlet {
  /** The standard request attribute holding the TLS client's certificate chain. */
  public static final String CLIENT_CERTIFICATE_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";
  /**
   * Refusal code (HTTP 403): the request came without a client certificate of a centre this
   * endpoint knows, so the envelope's signer cannot be related to the peer. Retryable for the
   * sender: the directory may not yet list a rotated certificate.
   */
  public static final String NO_PEER_IDENTITY = "PCCC-3063";

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(EnvelopeServlet.class);

  private final transient EnvelopeEndpoint endpoint;
  private final transient TlsConfig tls;
  private final String onlyPath;
  private final transient Semaphore admission;

  private EnvelopeServlet(EnvelopeEndpoint endpoint, TlsConfig tls, String onlyPath, Semaphore admission) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.tls = Objects.requireNonNull(tls, "tls");
    this.onlyPath = onlyPath;
    this.admission = admission;
  }

  /**
   * Creates the servlet for a host's own container.
   *
   * @param endpoint the endpoint, for example {@code EnvelopeEndpoint.create(node.inbound())}
   * @param tls the TLS configuration the container uses; identifies the client's centre
   * @return the servlet
   */
  public static EnvelopeServlet create(EnvelopeEndpoint endpoint, TlsConfig tls) {
    return new EnvelopeServlet(endpoint, tls, null, null);
  }

  /**
   * The embedded server's servlet: mapped to every path, it answers 404 for all but
   * {@code onlyPath}, and admits at most the permits of {@code admission} envelopes at once
   * (503 beyond), before reading any body.
   */
  static EnvelopeServlet embedded(EnvelopeEndpoint endpoint, TlsConfig tls, String onlyPath, Semaphore admission) {
    return new EnvelopeServlet(endpoint, tls, onlyPath, admission);
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (onlyPath != null && !onlyPath.equals(request.getRequestURI())) {
      respond(response, EnvelopeEndpoint.notFound());
      return;
    }
    String peer = null;
    if (tls.identifiesPeers()) {
      Optional<String> centre = peerCentre(request);
      if (centre.isEmpty()) {
        LOG.debug("a request without a client certificate of a known centre: 403");
        respond(response, EnvelopeEndpoint.error(403, NO_PEER_IDENTITY,
            "no client certificate of a known centre", Map.of("Connection", "close")));
        return;
      }
      peer = centre.get();
    }
    EnvelopeEndpoint.Response early = endpoint.precheck(request.getMethod(), request::getHeader);
    if (early != null) {
      respond(response, early);
      return;
    }
    if (admission != null && !admission.tryAcquire()) {
      LOG.debug("busy: answering 503");
      respond(response, endpoint.busy("the receiver is busy"));
      return;
    }
    try {
      respond(response, endpoint.handle(request.getMethod(), request::getHeader, request.getInputStream(), peer));
    } finally {
      if (admission != null) {
        admission.release();
      }
    }
  }

  private Optional<String> peerCentre(HttpServletRequest request) {
    Object chain = request.getAttribute(CLIENT_CERTIFICATE_ATTRIBUTE);
    if (!(chain instanceof X509Certificate[] certificates) || certificates.length == 0) {
      return Optional.empty();
    }
    return tls.peerCentre(List.of(certificates));
  }

  private static void respond(HttpServletResponse response, EnvelopeEndpoint.Response r) throws IOException {
    response.setStatus(r.status());
    r.headers().forEach(response::setHeader);
    if (r.body().length > 0) {
      response.setContentLength(r.body().length);
      response.getOutputStream().write(r.body());
    }
  }
}
