package org.pccc.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.pccc.awareness.RegionalPicture;
import org.pccc.crypto.InsecureDevelopmentNetwork;
import org.pccc.crypto.VerifiedMessage;
import org.pccc.model.subject.Coordinates;
import org.pccc.transport.ExchangeListener;
import org.pccc.transport.MessageContext;
import org.pccc.transport.PcccNode;
import org.pccc.transport.RetryPolicy;
import org.pccc.transport.file.FileTransport;
import org.pccc.transport.https.HttpsTransport;
import org.pccc.transport.https.TlsConfig;
import org.pccc.transport.mem.MemoryNetwork;
import org.pccc.transport.mem.MemoryTransport;
import org.pccc.transport.spi.Transport;

/**
 * The simulated regional network of the demo: four centres on borders of the region, a
 * development PKI and a signed directory generated at start, and links over {@code mem:},
 * {@code https:} on loopback and {@code file:} drop folders. NOT FOR PRODUCTION: the keys are
 * generated in memory by {@link InsecureDevelopmentNetwork}.
 */
final class DemoNetwork implements AutoCloseable {

  /**
   * A centre of the demo.
   *
   * @param id the centre id
   * @param name its name
   * @param countries the national desks (first one sends)
   * @param crossingPoint the border crossing point code
   * @param position where it is
   * @param scheme the transport it receives on
   */
  record Centre(String id, String name, List<String> countries, String crossingPoint, Coordinates position,
      String scheme) {
    String country() {
      return countries.get(0);
    }
  }

  static final Centre TABANOVCE = new Centre("MK-RS-TABANOVCE", "PCCC Tabanovce (North Macedonia–Serbia)",
      List.of("MK", "RS"), "MK-TABANOVCE", new Coordinates(42.2130, 21.7040), "mem");
  static final Centre BOGORODICA = new Centre("MK-GR-BOGORODICA", "PCCC Bogorodica (North Macedonia–Greece)",
      List.of("GR", "MK"), "MK-BOGORODICA", new Coordinates(41.1294, 22.5636), "https");
  static final Centre GYUESHEVO = new Centre("BG-MK-GYUESHEVO", "PCCC Gyueshevo (Bulgaria–North Macedonia)",
      List.of("BG", "MK"), "BG-GYUESHEVO", new Coordinates(42.2383, 22.4761), "file");
  static final Centre SREMSKA_RACA = new Centre("RS-BA-SREMSKA-RACA", "PCCC Sremska Rača (Serbia–Bosnia and Herzegovina)",
      List.of("RS", "BA"), "RS-SREMSKA-RACA", new Coordinates(44.9095, 19.3270), "mem");

  static final List<Centre> CENTRES = List.of(TABANOVCE, BOGORODICA, GYUESHEVO, SREMSKA_RACA);

  private final Path work;
  private final DemoClock clock;
  private final RegionalPicture picture;
  private final InsecureDevelopmentNetwork net;
  private final MemoryNetwork memory = MemoryNetwork.create();
  private final Map<String, List<Transport>> transports = new LinkedHashMap<>();
  private final Map<String, PcccNode> nodes = new ConcurrentHashMap<>();
  private final Map<String, BlockingQueue<VerifiedMessage>> inboxes = new ConcurrentHashMap<>();
  private final Map<UUID, MessageContext> contexts = new ConcurrentHashMap<>();
  final Counters counters = new Counters();

  /** What the nodes reported, for the summary. */
  static final class Counters {
    final Map<String, AtomicInteger> sentByKind = new ConcurrentHashMap<>();
    final AtomicInteger receiptsVerified = new AtomicInteger();
    final AtomicInteger received = new AtomicInteger();
    final AtomicInteger duplicates = new AtomicInteger();
    final AtomicInteger retries = new AtomicInteger();
    final AtomicInteger expired = new AtomicInteger();
    final Map<String, AtomicInteger> rejectionsByCode = new ConcurrentHashMap<>();
  }

  DemoNetwork(Path work, DemoClock clock, RegionalPicture picture) {
    this.work = work;
    this.clock = clock;
    this.picture = picture;
    int httpsPort = freePort();
    InsecureDevelopmentNetwork.Builder b = InsecureDevelopmentNetwork.builder("SEE-PCCC-DEMO").clock(clock);
    for (Centre c : CENTRES) {
      b.centre(c.id(), c.country(), c.name(), List.of(endpoint(c, httpsPort)), c.position());
    }
    this.net = b.build();
  }

  InsecureDevelopmentNetwork pki() {
    return net;
  }

  DemoClock clock() {
    return clock;
  }

  RegionalPicture picture() {
    return picture;
  }

  /** Returns the store folder of a centre's node in a demo work folder (its audit log is in {@code audit}). */
  static Path storeOf(Path work, Centre c) {
    return work.resolve("stores").resolve(c.id());
  }

  private String endpoint(Centre c, int httpsPort) {
    switch (c.scheme()) {
      case "https":
        return "https://127.0.0.1:" + httpsPort + "/pccc/v1/envelopes";
      case "file":
        return work.resolve("drop").resolve(c.id()).toUri().toString();
      default:
        return "mem:" + c.id();
    }
  }

  /** Starts (or restarts, on the same store) the node of a centre. */
  PcccNode start(Centre c) {
    List<Transport> ts = transports.computeIfAbsent(c.id(), id -> {
      List<Transport> list = new ArrayList<>();
      list.add(memory.newTransport());
      list.add(HttpsTransport.create(TlsConfig.forCentre(net.keys(id), net.directory())));
      list.add(FileTransport.builder().scanInterval(Duration.ofMillis(20)).build());
      return list;
    });
    BlockingQueue<VerifiedMessage> inbox = inboxes.computeIfAbsent(c.id(), id -> new LinkedBlockingQueue<>());
    PcccNode.Builder nb = PcccNode.builder(net.keys(c.id()), net.directory(), store(c))
        .clock(clock)
        .retryPolicy(new RetryPolicy(Duration.ofMillis(25), Duration.ofMillis(400), 2.0, Duration.ofSeconds(2)))
        .pollInterval(Duration.ofMillis(15))
        // The application keeps each message's context to reply to it later (see RegionalDay.ask).
        .handler((message, context) -> {
          picture.onVerified(message);
          contexts.put(message.message().header().messageId(), context);
          inbox.add(message);
        })
        .listener(listener());
    ts.forEach(nb::transport);
    PcccNode node = nb.build().start();
    nodes.put(c.id(), node);
    return node;
  }

  /** Stops a centre's node: its link is down until {@link #start} is called again. */
  void stop(Centre c) {
    PcccNode node = nodes.remove(c.id());
    if (node != null) {
      node.close();
    }
  }

  PcccNode node(Centre c) {
    return nodes.get(c.id());
  }

  MemoryTransport memoryTransport(Centre c) {
    return (MemoryTransport) transports.get(c.id()).get(0);
  }

  /** Waits for a message at a centre that matches, up to a timeout; null if none came. */
  VerifiedMessage await(Centre c, Predicate<VerifiedMessage> wanted, Duration timeout) throws InterruptedException {
    BlockingQueue<VerifiedMessage> inbox = inboxes.computeIfAbsent(c.id(), id -> new LinkedBlockingQueue<>());
    long deadline = System.nanoTime() + timeout.toNanos();
    List<VerifiedMessage> skipped = new ArrayList<>();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return null;
        }
        VerifiedMessage m = inbox.poll(left, TimeUnit.NANOSECONDS);
        if (m == null) {
          return null;
        }
        if (wanted.test(m)) {
          return m;
        }
        skipped.add(m);
      }
    } finally {
      inbox.addAll(skipped);
    }
  }

  /** Waits for the message with this id at a centre. */
  VerifiedMessage await(Centre c, UUID messageId) throws InterruptedException {
    return await(c, m -> m.message().header().messageId().equals(messageId), Duration.ofSeconds(20));
  }

  /** Returns the context the receiving node gave with a message: it replies to the message. */
  MessageContext context(VerifiedMessage received) {
    return contexts.get(received.message().header().messageId());
  }

  /** Returns how many messages are queued at a centre's application. */
  int queued(Centre c) {
    return inboxes.computeIfAbsent(c.id(), id -> new LinkedBlockingQueue<>()).size();
  }

  private ExchangeListener listener() {
    return new ExchangeListener() {
      @Override
      public void sent(UUID messageId, String kind, String recipientCentre) {
        counters.sentByKind.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
      }

      @Override
      public void delivered(UUID messageId, String recipientCentre) {
        counters.receiptsVerified.incrementAndGet();
      }

      @Override
      public void retried(UUID messageId, String recipientCentre, int attempts, java.time.Instant next, String code) {
        counters.retries.incrementAndGet();
      }

      @Override
      public void expired(UUID messageId, String recipientCentre) {
        counters.expired.incrementAndGet();
      }

      @Override
      public void received(VerifiedMessage message) {
        // Every node feeds the one regional picture of the demo (idempotent by message id).
        picture.onVerified(message);
        counters.received.incrementAndGet();
      }

      @Override
      public void duplicate(UUID messageId, String senderCentre) {
        counters.duplicates.incrementAndGet();
      }

      @Override
      public void rejectedInbound(String code) {
        counters.rejectionsByCode.computeIfAbsent(code, k -> new AtomicInteger()).incrementAndGet();
      }
    };
  }

  private Path store(Centre c) {
    try {
      return Files.createDirectories(storeOf(work, c));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the endpoint of a centre from the directory. */
  URI endpointOf(Centre c) {
    return URI.create(net.directory().endpoints(c.id()).get(0));
  }

  @Override
  public void close() {
    for (PcccNode n : nodes.values()) {
      n.close();
    }
    nodes.clear();
    for (List<Transport> ts : transports.values()) {
      for (Transport t : ts) {
        t.close();
      }
    }
    memory.close();
  }
}
