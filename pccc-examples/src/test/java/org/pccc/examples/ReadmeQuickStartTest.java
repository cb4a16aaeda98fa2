package org.pccc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pccc.crypto.InsecureDevelopmentNetwork;
import org.pccc.crypto.VerifiedMessage;
import org.pccc.model.Header;
import org.pccc.model.Message;
import org.pccc.model.Party;
import org.pccc.model.body.InformationRequest;
import org.pccc.model.body.Reply;
import org.pccc.model.code.Country;
import org.pccc.model.code.DataAccess;
import org.pccc.model.code.ReplyOutcome;
import org.pccc.model.code.Urgency;
import org.pccc.model.code.VehicleCategory;
import org.pccc.model.subject.Plate;
import org.pccc.model.subject.Vehicle;
import org.pccc.transport.PcccNode;
import org.pccc.transport.mem.MemoryNetwork;

/** The README's quick start, verbatim apart from the store folders and timeouts: it must keep working. */
class ReadmeQuickStartTest {
  @TempDir Path temp;

  @Test
  void quickStartExchangesARequestAndItsReply() throws Exception {
    InsecureDevelopmentNetwork net = InsecureDevelopmentNetwork.builder("SEE-PCCC")
        .centre("MK-RS-TABANOVCE", "MK").centre("RS-BA-SREMSKA-RACA", "RS").build();
    MemoryNetwork link = MemoryNetwork.create();
    PcccNode a = PcccNode.builder(net.keys("MK-RS-TABANOVCE"), net.directory(), temp.resolve("store-a"))
        .transport(link.newTransport()).build().start();
    PcccNode b = PcccNode.builder(net.keys("RS-BA-SREMSKA-RACA"), net.directory(), temp.resolve("store-b"))
        .transport(link.newTransport())
        .handler((message, context) -> {
          if (message.message().body() instanceof InformationRequest) {
            context.reply(new Reply(ReplyOutcome.NO_HIT, List.of(), "Nema podataka.", null, List.of(), null, List.of()));
          }
        })
        .build().start();

    Header header = Header.builder()
        .sender(Party.of("MK-RS-TABANOVCE", "MK")).recipients(Party.of("RS-BA-SREMSKA-RACA", "RS"))
        .urgency(Urgency.URGENT).urgencyReason("Vehicle is at the crossing point now")
        .legalBasis("Bilateral police cooperation agreement, Art. 8").purpose("Identify a vehicle's keeper")
        .build();
    Vehicle truck = new Vehicle(null, new Plate("SK 1234 AB", Country.of("MK")), "Mercedes-Benz", "Actros",
        "white", VehicleCategory.N3, 2016);
    PcccNode.PendingRequest pending = a.request(Message.of(header, new InformationRequest(
        "Border Police Station Preševo", "Smuggling of excise goods", "Undeclared fuel tanks found.",
        null, null, null, DataAccess.DIRECT, false, List.of(truck), List.of("Who is the keeper?"), List.of())));
    assertThat(pending.delivery().receipt("RS-BA-SREMSKA-RACA").get(20, TimeUnit.SECONDS).receiverCentre())
        .isEqualTo("RS-BA-SREMSKA-RACA");

    VerifiedMessage reply = pending.reply().get(20, TimeUnit.SECONDS);
    assertThat(((Reply) reply.message().body()).outcome()).isEqualTo(ReplyOutcome.NO_HIT);
    assertThat(reply.message().header().inReplyTo()).isEqualTo(header.messageId());
    a.close();
    b.close();
    link.close();
  }
}
