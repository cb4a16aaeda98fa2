package org.pccc.transport.https;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.pccc.transport.spi.Transport;
import org.pccc.transport.spi.TransportException;
import org.pccc.transport.spi.TransportProvider;

/**
 * Creates {@link HttpsTransport}s for {@link java.util.ServiceLoader}. TLS material cannot travel
 * as strings, so it comes from files:
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>key</th><th>meaning</th></tr>
 *   <tr><td>{@value #KEYSTORE}</td><td>required: PKCS#12 file with the centre's key and chain</td></tr>
 *   <tr><td>{@value #KEYSTORE_PASSWORD}</td><td>required: its password</td></tr>
 *   <tr><td>{@value #KEYSTORE_ALIAS}</td><td>the key entry, if the file holds several</td></tr>
 *   <tr><td>{@value #TRUSTSTORE}</td><td>required: the peers' certificates, pinned by leaf: a PEM
 *       bundle, or a PKCS#12 file if {@value #TRUSTSTORE_PASSWORD} is set</td></tr>
 *   <tr><td>{@value #TRUSTSTORE_PASSWORD}</td><td>the PKCS#12 trust store's password</td></tr>
 *   <tr><td>{@value #MAX_ENVELOPE_BYTES}, {@value #CONNECT_TIMEOUT_MILLIS},
 *       {@value #REQUEST_TIMEOUT_MILLIS}, {@value #READ_TIMEOUT_MILLIS},
 *       {@value #HANDLER_TIMEOUT_MILLIS}, {@value #WORKER_THREADS}, {@value #QUEUE_CAPACITY},
 *       {@value #CONNECTION_THREADS}, {@value #ACCEPT_QUEUE_SIZE}, {@value #CLIENT_THREADS},
 *       {@value #RETRY_AFTER_SECONDS}</td>
 *       <td>optional numbers, see {@link HttpsTransport.Builder}</td></tr>
 *   <tr><td>{@value #HEADERS_TIMEOUT}, {@value #BODY_TIMEOUT}</td>
 *       <td>optional ISO-8601 durations such as {@code PT10S}, see {@link HttpsTransport.Builder}</td></tr>
 * </table>
 *
 * <p>A node that checks peers against the live network directory builds its
 * {@link TlsConfig} in code and passes the transport instance explicitly instead. Stateless and
 * thread-safe.
 */
public final class HttpsTransportProvider implements TransportProvider {
  /** Setting: path of the PKCS#12 key store. */
  public static final String KEYSTORE = "pccc.https.keystore";
  /** Setting: password of the key store (and of its key entry). */
  public static final String KEYSTORE_PASSWORD = "pccc.https.keystore.password";
  /** Setting: alias of the key entry to use. */
  public static final String KEYSTORE_ALIAS = "pccc.https.keystore.alias";
  /** Setting: path of the trusted peer certificates. */
  public static final String TRUSTSTORE = "pccc.https.truststore";
  /** Setting: password of a PKCS#12 trust store; absent for PEM. */
  public static final String TRUSTSTORE_PASSWORD = "pccc.https.truststore.password";
  /** Setting: see {@link HttpsTransport.Builder#maxEnvelopeBytes}. */
  public static final String MAX_ENVELOPE_BYTES = "pccc.https.maxEnvelopeBytes";
  /** Setting: see {@link HttpsTransport.Builder#connectTimeoutMillis}. */
  public static final String CONNECT_TIMEOUT_MILLIS = "pccc.https.connectTimeoutMillis";
  /** Setting: see {@link HttpsTransport.Builder#requestTimeoutMillis}. */
  public static final String REQUEST_TIMEOUT_MILLIS = "pccc.https.requestTimeoutMillis";
  /** Setting: see {@link HttpsTransport.Builder#readTimeoutMillis}. */
  public static final String READ_TIMEOUT_MILLIS = "pccc.https.readTimeoutMillis";
  /** Setting: see {@link HttpsTransport.Builder#handlerTimeoutMillis}. */
  public static final String HANDLER_TIMEOUT_MILLIS = "pccc.https.handlerTimeoutMillis";
  /** Setting: see {@link HttpsTransport.Builder#workerThreads}. */
  public static final String WORKER_THREADS = "pccc.https.workerThreads";
  /** Setting: see {@link HttpsTransport.Builder#queueCapacity}. */
  public static final String QUEUE_CAPACITY = "pccc.https.queueCapacity";
  /** Setting: see {@link HttpsTransport.Builder#connectionThreads}. */
  public static final String CONNECTION_THREADS = "pccc.https.connectionThreads";
  /** Setting: see {@link HttpsTransport.Builder#acceptQueueSize}. */
  public static final String ACCEPT_QUEUE_SIZE = "pccc.https.acceptQueueSize";
  /** Setting: see {@link HttpsTransport.Builder#clientThreads}. */
  public static final String CLIENT_THREADS = "pccc.https.clientThreads";
  /** Setting: see {@link HttpsTransport.Builder#headersTimeout}, as an ISO-8601 duration. */
  public static final String HEADERS_TIMEOUT = "pccc.https.headersTimeout";
  /** Setting: see {@link HttpsTransport.Builder#bodyTimeout}, as an ISO-8601 duration. */
  public static final String BODY_TIMEOUT = "pccc.https.bodyTimeout";
  /** Setting: see {@link HttpsTransport.Builder#retryAfterSeconds}. */
  public static final String RETRY_AFTER_SECONDS = "pccc.https.retryAfterSeconds";

  /** For {@link java.util.ServiceLoader}. */
  public HttpsTransportProvider() {}

  @Override
  public String scheme() {
    return HttpsTransport.SCHEME;
  }

  /**
   * {@inheritDoc}
   *
   * @throws TransportException with {@link TransportException#NO_TRANSPORT} naming the setting
   *     that is missing or wrong
   */
  @Override
  public Transport create(Map<String, String> settings) {
    Map<String, String> s = settings == null ? Map.of() : settings;
    String trustPassword = s.get(TRUSTSTORE_PASSWORD);
    List<X509Certificate> trusted = TlsConfig.readCertificates(
        Path.of(required(s, TRUSTSTORE)), trustPassword == null ? null : trustPassword.toCharArray());
    TlsConfig tls = TlsConfig.fromPkcs12(
        Path.of(required(s, KEYSTORE)),
        required(s, KEYSTORE_PASSWORD).toCharArray(),
        s.get(KEYSTORE_ALIAS),
        TlsConfig.trustLeafCertificates(trusted));
    HttpsTransport.Builder b = HttpsTransport.builder(tls);
    try {
      if (s.containsKey(MAX_ENVELOPE_BYTES)) {
        b.maxEnvelopeBytes(number(s, MAX_ENVELOPE_BYTES));
      }
      if (s.containsKey(CONNECT_TIMEOUT_MILLIS)) {
        b.connectTimeout(Duration.ofMillis(number(s, CONNECT_TIMEOUT_MILLIS)));
      }
      if (s.containsKey(REQUEST_TIMEOUT_MILLIS)) {
        b.requestTimeout(Duration.ofMillis(number(s, REQUEST_TIMEOUT_MILLIS)));
      }
      if (s.containsKey(READ_TIMEOUT_MILLIS)) {
        b.idleTimeout(Duration.ofMillis(number(s, READ_TIMEOUT_MILLIS)));
      }
      if (s.containsKey(HANDLER_TIMEOUT_MILLIS)) {
        b.handlerTimeout(Duration.ofMillis(number(s, HANDLER_TIMEOUT_MILLIS)));
      }
      if (s.containsKey(WORKER_THREADS)) {
        b.workerThreads(Math.toIntExact(number(s, WORKER_THREADS)));
      }
      if (s.containsKey(QUEUE_CAPACITY)) {
        b.queueCapacity(Math.toIntExact(number(s, QUEUE_CAPACITY)));
      }
      if (s.containsKey(CONNECTION_THREADS)) {
        b.connectionThreads(Math.toIntExact(number(s, CONNECTION_THREADS)));
      }
      if (s.containsKey(ACCEPT_QUEUE_SIZE)) {
        b.acceptQueueSize(Math.toIntExact(number(s, ACCEPT_QUEUE_SIZE)));
      }
      if (s.containsKey(CLIENT_THREADS)) {
        b.clientThreads(Math.toIntExact(number(s, CLIENT_THREADS)));
      }
      if (s.containsKey(HEADERS_TIMEOUT)) {
        b.headersTimeout(duration(s, HEADERS_TIMEOUT));
      }
      if (s.containsKey(BODY_TIMEOUT)) {
        b.bodyTimeout(duration(s, BODY_TIMEOUT));
      }
      if (s.containsKey(RETRY_AFTER_SECONDS)) {
        b.retryAfterSeconds(Math.toIntExact(number(s, RETRY_AFTER_SECONDS)));
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new TransportException(TransportException.NO_TRANSPORT,
          "invalid https transport setting: " + e.getMessage(), false, e);
    }
    return b.build();
  }

  private static String required(Map<String, String> settings, String key) {
    String value = settings.get(key);
    if (value == null || value.isBlank()) {
      throw new TransportException(TransportException.NO_TRANSPORT,
          "the https transport needs the setting " + key, false);
    }
    return value;
  }

  private static java.time.Duration duration(Map<String, String> settings, String key) {
    try {
      return java.time.Duration.parse(settings.get(key).trim());
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(key + " is not an ISO-8601 duration such as PT10S");
    }
  }

  private static long number(Map<String, String> settings, String key) {
    String value = settings.get(key);
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " is not a number");
    }
  }
}
