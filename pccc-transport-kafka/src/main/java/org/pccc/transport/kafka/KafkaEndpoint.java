package org.pccc.transport.kafka;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.pccc.transport.spi.TransportException;

/**
 * A parsed {@code kafka:} endpoint: the cluster's bootstrap servers and the centre whose inbox it
 * names.
 *
 * <p>Form: {@code kafka://host:port[,host:port...]/CENTRE-ID}, for example {@code
 * kafka://broker1:9092,broker2:9092/MK-RS-TABANOVCE}. The authority lists the bootstrap servers
 * (each with an explicit port, IPv6 literals in brackets); the path is exactly one segment, the
 * centre id. No user info, query or fragment: credentials belong in the transport's {@link
 * KafkaSettings}, never in a directory entry.
 *
 * @param bootstrapServers the bootstrap servers, in the order given
 * @param centreId the centre whose inbox the endpoint names
 */
public record KafkaEndpoint(List<String> bootstrapServers, String centreId) {

  /** The longest centre id accepted (topic names are limited to 249 characters). */
  public static final int MAX_CENTRE_ID_LENGTH = 200;

  /** Checks that both parts are present and copies the list. */
  public KafkaEndpoint {
    bootstrapServers = List.copyOf(bootstrapServers);
    Objects.requireNonNull(centreId, "centreId");
    if (bootstrapServers.isEmpty()) {
      throw new IllegalArgumentException("no bootstrap servers");
    }
  }

  /**
   * Parses an endpoint.
   *
   * @param endpoint a {@code kafka:} URI
   * @return its parts
   * @throws TransportException with {@link TransportException#BAD_ENDPOINT}, not retryable, if the
   *     URI is not of the form above
   */
  public static KafkaEndpoint parse(URI endpoint) {
    if (endpoint == null) {
      throw bad(null, "no endpoint");
    }
    if (!KafkaTransport.SCHEME.equalsIgnoreCase(endpoint.getScheme())) {
      throw bad(endpoint, "not a kafka: endpoint");
    }
    if (endpoint.isOpaque()) {
      throw bad(endpoint, "expected kafka://host:port[,host:port...]/CENTRE-ID");
    }
    if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
      throw bad(endpoint, "a query or fragment is not allowed");
    }
    String authority = endpoint.getRawAuthority();
    if (authority == null || authority.isEmpty()) {
      throw bad(endpoint, "no bootstrap servers");
    }
    if (authority.contains("@")) {
      throw bad(endpoint, "user info is not allowed; put credentials in the transport settings");
    }
    List<String> servers = new ArrayList<>();
    for (String server : authority.split(",", -1)) {
      servers.add(server(endpoint, server));
    }
    String path = endpoint.getPath();
    if (path == null || path.length() < 2 || path.charAt(0) != '/') {
      throw bad(endpoint, "no centre id in the path");
    }
    String centre = path.substring(1);
    if (centre.indexOf('/') >= 0) {
      throw bad(endpoint, "the path must be one segment, the centre id");
    }
    if (centre.length() > MAX_CENTRE_ID_LENGTH) {
      throw bad(endpoint, "the centre id is longer than " + MAX_CENTRE_ID_LENGTH + " characters");
    }
    for (int i = 0; i < centre.length(); i++) {
      char c = centre.charAt(i);
      if (c <= ' ' || c == 0x7f) {
        throw bad(endpoint, "the centre id holds a blank or control character");
      }
    }
    return new KafkaEndpoint(servers, centre);
  }

  /** Returns the bootstrap servers as the {@code bootstrap.servers} client property wants them. */
  public String bootstrap() {
    return String.join(",", bootstrapServers);
  }

  /** Returns the endpoint as a URI, in the form {@link #parse} reads. */
  public URI toUri() {
    return URI.create(KafkaTransport.SCHEME + "://" + bootstrap() + "/" + centreId);
  }

  private static String server(URI endpoint, String server) {
    int colon = server.lastIndexOf(':');
    if (colon <= 0 || colon == server.length() - 1) {
      throw bad(endpoint, "every bootstrap server needs a host and a port");
    }
    String host = server.substring(0, colon);
    String port = server.substring(colon + 1);
    if (host.startsWith("[")) {
      if (!host.endsWith("]") || host.length() < 3 || !host.substring(1, host.length() - 1).matches("[0-9A-Fa-f:.]+")) {
        throw bad(endpoint, "malformed IPv6 literal");
      }
    } else if (!host.matches("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?")) {
      throw bad(endpoint, "malformed host name");
    }
    int number;
    try {
      number = port.matches("[0-9]{1,5}") ? Integer.parseInt(port) : -1;
    } catch (NumberFormatException e) {
      number = -1;
    }
    if (number < 1 || number > 65535) {
      throw bad(endpoint, "port must be 1 to 65535");
    }
    return host + ":" + number;
  }

  private static TransportException bad(URI endpoint, String why) {
    return new TransportException(TransportException.BAD_ENDPOINT, "bad kafka endpoint " + endpoint + ": " + why, false);
  }
}
