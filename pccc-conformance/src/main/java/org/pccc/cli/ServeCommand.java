package org.pccc.cli;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.pccc.crypto.TrustedDirectory;
import org.pccc.crypto.VerifiedMessage;
import org.pccc.crypto.pki.CentreKeys;
import org.pccc.transport.ExchangeListener;
import org.pccc.transport.PcccNode;
import org.pccc.transport.spi.Transport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pccc serve --keys DIR --directory FILE --coordinator CERT.pem --store DIR [--listen URI]
 * [--exit-after N] [--json]}: runs this centre's node and reports every message received (id,
 * kind, sender: never content) until SIGTERM, stdin EOF, or N messages.
 *
 * <p>JSON Lines: one {@code {"event":"received","messageId","kind","sender","sha256"}} per message
 * on stdout; refused envelopes go to stderr as {@code rejected CODE}. Exit 0 after N messages or
 * stdin EOF; on SIGTERM the node is closed by a shutdown hook and the JVM exits with 143.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Pccc.Version.class,
    description = {"Runs a node (https: with mutual TLS, or file: drop folders) that receives, verifies,",
        "stores and receipts envelopes; prints one line per message received (id, kind, sender; no content).",
        KeyFolder.LAYOUT_HELP,
        "Stops on SIGTERM (exit 143, after closing the node), on EOF of stdin (unless --ignore-stdin or --exit-after),",
        "or after --exit-after N messages (exit 0).",
        "--json prints one {\"event\":\"received\",\"messageId\",\"kind\",\"sender\",\"sha256\"} per line."})
final class ServeCommand extends CommandBase {
  @Option(names = "--keys", required = true, paramLabel = "DIR", description = "This centre's key folder.")
  Path keys;

  @Mixin KeyPasswordOptions keyPassword;

  @Mixin TrustOptions trust;

  @Option(names = "--store", required = true, paramLabel = "DIR", description = "The node's store (inbox, outbox, audit log).")
  Path store;

  @Option(names = "--listen", paramLabel = "URI",
      description = "Listen here instead of on this centre's endpoints in the directory.")
  URI listen;

  @Option(names = "--exit-after", paramLabel = "N", description = "Stop after N messages (for tests).")
  Integer exitAfter;

  @Option(names = "--ignore-stdin", description = "Do not stop on EOF of stdin (for running in the background).")
  boolean ignoreStdin;

  @Option(names = "--linger", paramLabel = "DURATION", defaultValue = "PT1S",
      description = "How long to keep running after the last message so that its receipt goes out (default ${DEFAULT-VALUE}).")
  Duration linger;

  @Option(names = "--json", description = "Print one JSON object per message (JSON Lines).")
  boolean json;

  @Override
  protected int run() throws Exception {
    if (exitAfter != null && exitAfter < 1) {
      throw CliException.config("--exit-after must be at least 1");
    }
    CentreKeys self = KeyFolder.read(keys, keyPassword.password());
    TrustedDirectory directory = trust.load(Clock.systemUTC(), err());
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    AtomicInteger received = new AtomicInteger();
    Thread hook = new Thread(() -> {
      stop.countDown();
      try {
        closed.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "pccc-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try (NodeTransports transports = new NodeTransports(self, directory, listen)) {
      PcccNode.Builder builder = PcccNode.builder(self, directory, store)
          .handler((v, context) -> {
            report(v);
            if (exitAfter != null && received.incrementAndGet() >= exitAfter) {
              stop.countDown();
            }
          })
          .listener(new ExchangeListener() {
            @Override
            public void rejectedInbound(String code) {
              synchronized (ServeCommand.this) {
                err().println("rejected " + code);
                err().flush();
              }
            }
          });
      for (Transport t : transports.transports) {
        builder.transport(t);
      }
      if (listen != null) {
        builder.listenOn(listen);
      }
      try (PcccNode node = builder.build().start()) {
        synchronized (this) {
          err().println("pccc serve: centre " + self.centreId() + " listening on " + node.endpoints());
          err().flush();
        }
        if (exitAfter == null && !ignoreStdin) {
          watchStdin(stop);
        }
        stop.await();
        Thread.sleep(Math.max(0, linger.toMillis()));
      }
    } finally {
      closed.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM is shutting down (SIGTERM): the hook is running already.
      }
    }
    return ExitCodes.OK;
  }

  private synchronized void report(VerifiedMessage v) {
    String id = v.message().header().messageId().toString();
    String kind = v.message().body().kind().code();
    if (json) {
      out().println(Json.write(Json.object().put("event", "received").put("messageId", id).put("kind", kind)
          .put("sender", v.signerCentre()).put("sha256", v.envelopeSha256())));
    } else {
      out().println("received " + id + " " + kind + " from " + v.signerCentre());
    }
    out().flush();
  }

  private static void watchStdin(CountDownLatch stop) {
    Thread t = new Thread(() -> {
      try {
        InputStream in = System.in;
        byte[] buffer = new byte[256];
        while (in.read(buffer) >= 0) {
          // Input is ignored; only its end matters.
        }
      } catch (java.io.IOException e) {
        // A broken stdin counts as its end.
      }
      stop.countDown();
    }, "pccc-serve-stdin");
    t.setDaemon(true);
    t.start();
  }
}
