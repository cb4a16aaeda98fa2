/**
 * The {@code https:} transport: envelopes are POSTed over mutual TLS 1.3 to
 * {@code https://host:port/pccc/v1/envelopes}, JDK only ({@link java.net.http.HttpClient} on the
 * sending side, {@code com.sun.net.httpserver.HttpsServer} on the receiving side).
 *
 * <ul>
 *   <li>{@link org.pccc.transport.https.HttpsTransport} — the {@link org.pccc.transport.spi.Transport}
 *       (client and embeddable server);
 *   <li>{@link org.pccc.transport.https.TlsConfig} — the local key and certificate chain and the
 *       predicate that decides which peers are trusted (the node checks them against the network
 *       directory);
 *   <li>{@link org.pccc.transport.https.EnvelopeEndpoint} — the request handling on its own, for a
 *       host application that mounts the endpoint in its own web server (Jetty, Tomcat, Netty…);
 *   <li>{@link org.pccc.transport.https.HttpsTransportProvider} — the
 *       {@link java.util.ServiceLoader} entry, configured from key store files.
 * </ul>
 *
 * <p><b>Wire contract.</b> Request: {@code POST}, {@code Content-Type:
 * application/pccc-envelope+json}, body = the sealed envelope bytes, optional routing headers
 * {@code Pccc-Message-Id}, {@code Pccc-Kind}, {@code Pccc-Sender} (unauthenticated, never personal
 * data). Responses: {@code 202} accepted (committed by the receiving node); {@code 400}, {@code 413},
 * {@code 415} rejected for good, with a JSON body {@code {"code":"PCCC-3002","message":"…"}};
 * {@code 503} (with {@code Retry-After}) busy, try again; {@code 404}/{@code 405} wrong path or
 * method.
 *
 * <p><b>JVM-wide side effect.</b> The JDK HTTP server does not set {@code TCP_NODELAY} unless the
 * system property {@code sun.net.httpserver.nodelay} is {@code true} when its first instance is
 * created; without it every small response waits about 40 ms (Nagle's algorithm against delayed
 * acknowledgements). Loading {@link org.pccc.transport.https.HttpsTransport} therefore sets that
 * property to {@code true} if, and only if, it is not set yet. Set it yourself (to {@code false} if
 * you must) before the first {@code HttpServer} of the JVM is created to override this.
 */
package org.pccc.transport.https;
