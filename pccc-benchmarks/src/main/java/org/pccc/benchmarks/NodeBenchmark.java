package org.pccc.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.pccc.crypto.InsecureDevelopmentNetwork;
import org.pccc.crypto.Receipts.VerifiedReceipt;
import org.pccc.model.Message;
import org.pccc.model.Party;
import org.pccc.transport.PcccNode;
import org.pccc.transport.RetryPolicy;
import org.pccc.transport.https.HttpsTransport;
import org.pccc.transport.https.TlsConfig;
import org.pccc.transport.mem.MemoryNetwork;
import org.pccc.transport.spi.Transport;

/**
 * Node to node: one operation is {@code send} of a 2 KB message (validate, seal, durable outbox
 * write, audit) until the receiver's signed receipt has come back and verified at the sender
 * (the receiver opens, commits to its inbox, audits, signs the receipt). Two nodes in this JVM,
 * over {@code mem:} or over {@code https:} on loopback (mutual TLS 1.3, pinned to the directory),
 * with 1 or 16 sending threads. SampleTime mode gives the latency distribution (p50, p99) and,
 * since every sender thread sends its next message as soon as the last one's receipt is back, the
 * throughput too: sender threads / mean latency (one run instead of a second one in Throughput
 * mode).
 *
 * <p>Stores live under {@code /dev/shm} when it exists (the disk of the development machines
 * syncs only about 100 times a second, which would be all this measured); otherwise under the
 * temporary folder. Retry policy: {@link RetryPolicy#defaults()}, so no message is sent twice on
 * a healthy link. Each operation makes its message (new id and time): a few microseconds against
 * milliseconds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class NodeBenchmark {
  private static final String A = "BENCH-NODE-A";
  private static final String B = "BENCH-NODE-B";

  /** {@code mem} or {@code https}. */
  @Param({"mem", "https"})
  public String transport;

  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final List<Path> stores = new ArrayList<>();
  private PcccNode sender;
  private Message template;

  /** Builds the network, the transports and the two nodes, and sends one message through. */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    InsecureDevelopmentNetwork net;
    Transport ta;
    Transport tb;
    if ("mem".equals(transport)) {
      net = InsecureDevelopmentNetwork.builder("BENCH-NODES").insecureSeed(11).clock(java.time.Clock.systemUTC()).centre(A, "MK").centre(B, "RS").build();
      MemoryNetwork memory = MemoryNetwork.create();
      closeables.add(memory);
      ta = memory.newTransport();
      tb = memory.newTransport();
    } else if ("https".equals(transport)) {
      int portA = freePort();
      int portB = freePort();
      net = InsecureDevelopmentNetwork.builder("BENCH-NODES").insecureSeed(11).clock(java.time.Clock.systemUTC())
          .centre(A, "MK", "PCCC A", List.of("https://127.0.0.1:" + portA + "/pccc/v1/envelopes"), null)
          .centre(B, "RS", "PCCC B", List.of("https://127.0.0.1:" + portB + "/pccc/v1/envelopes"), null)
          .build();
      ta = HttpsTransport.create(TlsConfig.forCentre(net.keys(A), net.directory()));
      tb = HttpsTransport.create(TlsConfig.forCentre(net.keys(B), net.directory()));
    } else {
      throw new IllegalArgumentException("transport is mem or https");
    }
    PcccNode receiver = PcccNode.builder(net.keys(B), net.directory(), store("b"))
        .transport(tb).retryPolicy(RetryPolicy.defaults()).handler((message, context) -> { }).build().start();
    sender = PcccNode.builder(net.keys(A), net.directory(), store("a"))
        .transport(ta).retryPolicy(RetryPolicy.defaults()).build().start();
    // Nodes first, then transports, then the memory network: close in reverse order of need.
    closeables.add(0, tb);
    closeables.add(0, ta);
    closeables.add(0, receiver);
    closeables.add(0, sender);
    template = SizedMessages.message(SizedMessages.SIZE_2K, Party.of(A, "MK"), List.of(Party.of(B, "RS")));
    sendAndAwaitReceipt();
  }

  /** Closes the nodes and transports and deletes the stores. */
  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
    closeables.clear();
    for (Path store : stores) {
      deleteTree(store);
    }
    stores.clear();
  }

  /** One sender thread: send, then wait for the verified receipt. */
  @Benchmark
  @Threads(1)
  public VerifiedReceipt oneSender() throws Exception {
    return sendAndAwaitReceipt();
  }

  /** Sixteen sender threads sharing the node, each waiting for its own receipts. */
  @Benchmark
  @Threads(16)
  public VerifiedReceipt sixteenSenders() throws Exception {
    return sendAndAwaitReceipt();
  }

  private VerifiedReceipt sendAndAwaitReceipt() throws InterruptedException, ExecutionException, TimeoutException {
    return sender.send(SizedMessages.withNewId(template)).receipt(B).get(60, TimeUnit.SECONDS);
  }

  private Path store(String name) throws IOException {
    Path shm = Path.of("/dev/shm");
    Path base = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
    Path store = Files.createTempDirectory(base, "pccc-bench-" + name + "-");
    stores.add(store);
    return store;
  }

  /** Returns whether stores go to memory (for the report). */
  static boolean storesInMemory() {
    Path shm = Path.of("/dev/shm");
    return Files.isDirectory(shm) && Files.isWritable(shm);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
