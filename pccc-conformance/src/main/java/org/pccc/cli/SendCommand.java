package org.pccc.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.pccc.crypto.TrustedDirectory;
import org.pccc.crypto.pki.CentreKeys;
import org.pccc.model.Message;
import org.pccc.model.PcccException;
import org.pccc.transport.DeliveryHandle;
import org.pccc.transport.PcccNode;
import org.pccc.transport.RetryPolicy;
import org.pccc.transport.spi.Transport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pccc send --keys DIR --directory FILE --coordinator CERT.pem --store DIR [--timeout
 * DURATION] [--json] MESSAGE...}: sends messages through this centre's node to the endpoints in
 * the directory and waits for the signed receipts.
 *
 * <p>JSON: {@code {"ok":bool,"messages":[{"file","messageId","recipients":[{"centre","status":
 * "delivered"|"failed"|"timeout","code"?}]}]}}. Exit 0 when every receipt verified, 1 if any
 * delivery failed, expired or timed out, 2 on configuration errors.
 */
@Command(name = "send", mixinStandardHelpOptions = true, versionProvider = Pccc.Version.class,
    description = {"Sends messages through a node (endpoints from the directory, https: or file:) and waits for the receipts.",
        KeyFolder.LAYOUT_HELP,
        "The node listens on this centre's own endpoint for the receipts; undelivered messages stay in --store.",
        "--json prints {\"ok\",\"messages\":[{\"file\",\"messageId\",\"recipients\":[{\"centre\",\"status\",\"code\"}]}]}.",
        "Exit codes: 0 all receipts verified, 1 a message invalid or a delivery failed/timed out, 2 configuration error."})
final class SendCommand extends CommandBase {
  @Option(names = "--keys", required = true, paramLabel = "DIR", description = "The sender's key folder.")
  Path keys;

  @Mixin KeyPasswordOptions keyPassword;

  @Mixin TrustOptions trust;

  @Option(names = "--store", required = true, paramLabel = "DIR", description = "The node's store (outbox, inbox, audit log).")
  Path store;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT60S",
      description = "How long to wait for all receipts, ISO-8601 (default ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--json", description = "Print one JSON object on stdout.")
  boolean json;

  @Parameters(arity = "1..*", paramLabel = "MESSAGE", description = "Message files.")
  List<String> files;

  @Override
  protected int run() throws Exception {
    CentreKeys self = KeyFolder.read(keys, keyPassword.password());
    TrustedDirectory directory = trust.load(Clock.systemUTC(), err());
    List<Message> messages = new ArrayList<>();
    for (String f : files) {
      messages.add(Messages.readValid(f));
    }
    ObjectNode result = Json.object();
    ArrayNode array = result.putArray("messages");
    boolean ok = true;
    try (NodeTransports transports = new NodeTransports(self, directory, null)) {
      PcccNode.Builder builder = PcccNode.builder(self, directory, store)
          .retryPolicy(new RetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(10), 2.0, Duration.ofSeconds(5)))
          .pollInterval(Duration.ofMillis(50));
      for (Transport t : transports.transports) {
        builder.transport(t);
      }
      try (PcccNode node = builder.build().start()) {
        List<DeliveryHandle> handles = new ArrayList<>();
        for (Message m : messages) {
          handles.add(node.send(m));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < handles.size(); i++) {
          DeliveryHandle h = handles.get(i);
          ObjectNode o = array.addObject().put("file", files.get(i)).put("messageId", h.messageId().toString());
          ArrayNode recipients = o.putArray("recipients");
          for (String centre : h.recipientCentres()) {
            ObjectNode r = recipients.addObject().put("centre", centre);
            String status = await(h.receipt(centre), deadline, r);
            r.put("status", status);
            ok &= "delivered".equals(status);
            if (!json) {
              out().println(h.messageId() + " -> " + centre + ": " + status
                  + (r.has("code") ? " " + r.get("code").asText() : ""));
            }
          }
        }
      }
    }
    result.put("ok", ok);
    if (json) {
      out().println(Json.write(result));
    }
    out().flush();
    return ok ? ExitCodes.OK : ExitCodes.REJECTED;
  }

  private static String await(CompletableFuture<?> receipt, long deadlineNanos, ObjectNode r)
      throws InterruptedException {
    try {
      receipt.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
      return "delivered";
    } catch (TimeoutException e) {
      return "timeout";
    } catch (ExecutionException | CompletionException e) {
      Throwable cause = e.getCause();
      r.put("code", cause instanceof PcccException p ? p.code() : CliCodes.UNEXPECTED);
      return "failed";
    }
  }
}
