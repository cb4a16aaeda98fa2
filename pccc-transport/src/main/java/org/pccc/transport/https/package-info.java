/**
 * The {@code https:} transport: envelopes are POSTed over mutual TLS 1.3 to
 * {@code https://host:port/pccc/v1/envelopes}, with the JDK {@link java.net.http.HttpClient} on the
 * sending side and an embedded Jetty 12 server running a Jakarta Servlet 6 servlet on the receiving
 * side.
 *
 * <ul>
 *   <li>{@link org.pccc.transport.https.HttpsTransport} — the {@link org.pccc.transport.spi.Transport}
 *       (client and embedded server);
 *   <li>{@link org.pccc.transport.https.TlsConfig} — the local key and certificate chain, the
 *       predicate that decides which peers are trusted and, for a node, which centre each peer is
 *       (both from the network directory);
 *   <li>{@link org.pccc.transport.https.EnvelopeServlet} — the endpoint as a servlet, for a host
 *       application that mounts it in its own servlet container over
 *       {@link org.pccc.transport.PcccNode#inbound()};
 *   <li>{@link org.pccc.transport.https.EnvelopeEndpoint} — the request handling on its own, for a
 *       host that is not a servlet container (Netty…);
 *   <li>{@link org.pccc.transport.https.HttpsTransportProvider} — the
 *       {@link java.util.ServiceLoader} entry, configured from key store files.
 * </ul>
 *
 * <p><b>Wire contract.</b> Request: {@code POST}, {@code Content-Type:
 * application/pccc-envelope+json}, body = the sealed envelope bytes, optional routing headers
 * {@code Pccc-Message-Id}, {@code Pccc-Kind}, {@code Pccc-Sender} (unauthenticated, never personal
 * data). Responses: {@code 202} accepted (committed by the receiving node); {@code 400}, {@code 413},
 * {@code 415} rejected for good, with a JSON body {@code {"code":"PCCC-3002","message":"…"}}
 * ({@code PCCC-3060} when the client's centre is not the envelope's signer); {@code 403}
 * ({@code PCCC-3063}) no client certificate of a known centre; {@code 503} (with
 * {@code Retry-After}) busy, try again; {@code 404}/{@code 405} wrong path or method.
 *
 * <p><b>Identity.</b> With {@link org.pccc.transport.https.TlsConfig#forCentre} the client accepts
 * only the recipient centre's certificate for a delivery ({@code PCCC-3062} otherwise, retryable),
 * a refusal from a server not authenticated as the recipient never ends a delivery
 * ({@code PCCC-3061}, retryable), and the server hands the client's centre to the node, which
 * refuses an envelope or receipt signed by another centre.
 *
 * <p><b>Limits.</b> The embedded server has total deadlines for the handshake with the request
 * headers and for the body, a bounded accept queue and thread pool, and one envelope size limit
 * shared with the opener ({@link org.pccc.crypto.EnvelopeOpener#DEFAULT_MAX_ENVELOPE_BYTES}),
 * buffered as the bytes arrive. Nothing in this package sets a JVM-wide property.
 */
package org.pccc.transport.https;
