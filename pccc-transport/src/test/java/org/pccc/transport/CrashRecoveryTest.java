package org.pccc.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pccc.crypto.InsecureDevelopmentNetwork;
import org.pccc.transport.file.FileTransport;

/**
 * A sender killed with SIGKILL mid-stream (a child JVM) and restarted on the same store: every
 * message reaches the receiver's application exactly once. Stores are on the real disk here.
 */
class CrashRecoveryTest {
  static final int COUNT = 120;

  @TempDir Path temp;

  @Test
  void senderKilledMidStreamAndRestartedDeliversEveryMessageExactlyOnce() throws Exception {
    Path dropRoot = Files.createDirectories(temp.resolve("drop"));
    Path senderStore = temp.resolve("sender-store");
    // The sender processes build the same network from the same seed and start instant.
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    InsecureDevelopmentNetwork net = KillableSender.network(dropRoot, start);
    Map<UUID, AtomicInteger> handed = new ConcurrentHashMap<>();
    try (FileTransport transport = FileTransport.builder().scanInterval(Duration.ofMillis(20)).build();
        PcccNode receiver = PcccNode.builder(net.keys(KillableSender.B), net.directory(), temp.resolve("receiver-store"))
            .transport(transport)
            .retryPolicy(RetryPolicy.fast())
            .handler((v, context) -> handed.computeIfAbsent(v.message().header().messageId(), id -> new AtomicInteger())
                .incrementAndGet())
            .build()
            .start()) {
      Process first = startSender(senderStore, dropRoot, start);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (handed.size() < COUNT / 4 && first.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(first.isAlive()).as("sender still running when killed").isTrue();
      first.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no close()
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
      int beforeRestart = handed.size();
      assertThat(beforeRestart).isLessThan(COUNT);

      Process second = startSender(senderStore, dropRoot, start);
      List<String> output = readAll(second);
      assertThat(second.waitFor(180, TimeUnit.SECONDS)).isTrue();
      assertThat(second.exitValue()).as(String.join("\n", output)).isZero();
      assertThat(output).contains("DONE");

      long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (handed.size() < COUNT && System.nanoTime() < settle) {
        Thread.sleep(20);
      }
      List<UUID> expected = new ArrayList<>();
      for (int i = 0; i < COUNT; i++) {
        expected.add(KillableSender.id(i));
      }
      assertThat(handed.keySet()).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(handed.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    }
  }

  private Process startSender(Path store, Path dropRoot, Instant start) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        KillableSender.class.getName(), store.toString(), dropRoot.toString(), Integer.toString(COUNT),
        start.toString());
    pb.redirectErrorStream(true);
    Process p = pb.start();
    return p;
  }

  private static List<String> readAll(Process p) throws Exception {
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        lines.add(line);
      }
    }
    return lines;
  }

}
