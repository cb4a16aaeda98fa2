package org.pccc.examples.samples;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.pccc.crypto.InsecureDevelopmentNetwork;
import org.pccc.crypto.VerifiedMessage;
import org.pccc.model.Header;
import org.pccc.model.Message;
import org.pccc.model.Party;
import org.pccc.model.body.Reply;
import org.pccc.model.code.ReplyOutcome;
import org.pccc.model.json.PcccJson;
import org.pccc.model.Examples;
import org.pccc.transport.PcccNode;
import org.pccc.transport.https.HttpsTransport;
import org.pccc.transport.https.TlsConfig;

/**
 * Sample: two centres' nodes over HTTPS with mutual TLS pinned to the network directory; one
 * sends a request, the other replies, and both sides get signed receipts. In production each
 * node runs in its own centre, with keys from files and the directory from the coordinator.
 */
public final class NodeOverHttps {
  private NodeOverHttps() {}

  /**
   * Runs the sample.
   *
   * @param args ignored
   */
  public static void main(String[] args) throws Exception {
    run(new PrintStream(System.out, true, StandardCharsets.UTF_8));
  }

  static VerifiedMessage run(PrintStream out) throws Exception {
    String a = "MK-RS-TABANOVCE";
    String b = "RS-BA-SREMSKA-RACA";
    InsecureDevelopmentNetwork net = InsecureDevelopmentNetwork.builder("SEE-SAMPLE")
        .centre(a, "MK", "PCCC A", List.of("https://127.0.0.1:" + freePort() + "/pccc/v1/envelopes"), null)
        .centre(b, "RS", "PCCC B", List.of("https://127.0.0.1:" + freePort() + "/pccc/v1/envelopes"), null)
        .build();
    Path stores = Files.createTempDirectory("pccc-sample-");
    try (HttpsTransport httpsA = HttpsTransport.create(TlsConfig.forCentre(net.keys(a), net.directory()));
        HttpsTransport httpsB = HttpsTransport.create(TlsConfig.forCentre(net.keys(b), net.directory()));
        PcccNode nodeA = PcccNode.builder(net.keys(a), net.directory(), stores.resolve(a)).transport(httpsA).build().start();
        PcccNode nodeB = PcccNode.builder(net.keys(b), net.directory(), stores.resolve(b)).transport(httpsB)
            // The requested centre answers from its handler, through the message's context: a
            // reply naming the request, addressed to its sender, in the same conversation.
            .handler((request, context) -> context.reply(new Reply(ReplyOutcome.NO_HIT, List.of(),
                "Nema podataka.", null, List.of(), null, List.of())))
            .build()
            .start()) {
      Message template = PcccJson.create().readValid(Examples.read("request-vehicle-urgent.json"));
      Header h = template.header().toBuilder().messageId(java.util.UUID.randomUUID()).conversationId(null)
          .createdAt(java.time.Instant.now()).dueBy(null)
          .sender(Party.of(a, "MK")).recipients(Party.of(b, "RS")).build();
      PcccNode.PendingRequest pending = nodeA.request(Message.of(h, template.body()));
      out.println("receipt from " + pending.delivery().receipt(b).get(30, TimeUnit.SECONDS).receiverCentre());
      VerifiedMessage reply = pending.reply().get(30, TimeUnit.SECONDS);
      out.println("reply " + ((Reply) reply.message().body()).outcome() + " from " + reply.signerCentre());
      return reply;
    }
  }

  private static int freePort() throws java.io.IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
