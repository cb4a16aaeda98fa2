package org.pccc.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pccc.model.Examples;
import org.pccc.model.Header;
import org.pccc.model.Message;
import org.pccc.model.Party;
import org.pccc.model.json.PcccJson;

class EnvelopeTest {
  /** Every instant of these tests comes from this clock: keys, directory, messages, openers. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);
  static final InsecureDevelopmentNetwork NET = InsecureDevelopmentNetwork.builder("SEE-TEST")
      .insecureSeed(42)
      .clock(CLOCK)
      .centre("MK-RS-TABANOVCE", "RS")
      .centre("MK-RS-TABANOVCE-MK", "MK")
      .centre("BG-MK-GYUESHEVO", "BG")
      .build();

  static Message message(String from, String fromCountry, Instant createdAt, String... to) {
    Message template = PcccJson.create().readValid(Examples.readAt("alert-stolen-vehicle.json", createdAt));
    List<Party> recipients = java.util.Arrays.stream(to).map(c -> Party.of(c, "MK")).toList();
    Header h = template.header().toBuilder().messageId(UUID.randomUUID()).conversationId(null)
        .sender(Party.of(from, fromCountry)).recipients(recipients).createdAt(createdAt).build();
    return Message.of(new Header(h.messageId(), h.messageId(), null, h.sender(), h.recipients(), h.createdAt(),
        h.urgency(), h.urgencyReason(), null, h.handling(), h.language(), h.legalBasis(), h.purpose(), null),
        template.body());
  }

  @Test
  void sealOpenAndReceiptForTwoRecipients() {
    Message m = message("MK-RS-TABANOVCE", "RS", CLOCK.instant(), "MK-RS-TABANOVCE-MK", "BG-MK-GYUESHEVO");
    SealedEnvelope envelope = NET.sealer("MK-RS-TABANOVCE").seal(m);
    for (String centre : List.of("MK-RS-TABANOVCE-MK", "BG-MK-GYUESHEVO")) {
      VerifiedMessage opened = NET.opener(centre).open(envelope.bytes());
      assertThat(opened.message()).isEqualTo(m);
      assertThat(opened.signerCentre()).isEqualTo("MK-RS-TABANOVCE");
      assertThat(opened.envelopeSha256()).isEqualTo(envelope.sha256());
      Receipts.SignedReceipt receipt = Receipts.issue(opened, NET.keys(centre), CLOCK);
      ReceiptVerifier verifier = ReceiptVerifier.builder(NET.directory()).clock(CLOCK).build();
      Receipts.VerifiedReceipt verified = verifier.verify(receipt.jws(), new ReceiptVerifier.Delivery(
          m.header().messageId(), envelope.signedSha256(), centre, m.header().createdAt()));
      assertThat(verified.receiverCentre()).isEqualTo(centre);
      assertThat(verified.receipt().envelopeSha256()).isEqualTo(opened.signedSha256()).isEqualTo(envelope.signedSha256());
      assertThatThrownBy(() -> verifier.verify(receipt.jws(), new ReceiptVerifier.Delivery(
          m.header().messageId(), "0".repeat(64), centre, m.header().createdAt())))
          .isInstanceOf(EnvelopeRejectedException.class).hasMessageContaining("PCCC-2018");
    }
    assertThat(envelope.text()).doesNotContain("Škoda").doesNotContain("Octavia");
  }

  @Test
  void nonRecipientReplayAndStaleMessagesAreRejectedWithTheirCodes() {
    Message m = message("MK-RS-TABANOVCE", "RS", CLOCK.instant(), "MK-RS-TABANOVCE-MK");
    byte[] envelope = NET.sealer("MK-RS-TABANOVCE").seal(m).bytes();
    assertThatThrownBy(() -> NET.opener("BG-MK-GYUESHEVO").open(envelope))
        .isInstanceOf(EnvelopeRejectedException.class).hasMessageContaining("PCCC-2005");
    EnvelopeOpener opener = NET.opener("MK-RS-TABANOVCE-MK");
    opener.open(envelope);
    assertThatThrownBy(() -> opener.open(envelope))
        .isInstanceOf(EnvelopeRejectedException.class).hasMessageContaining("PCCC-2014");
    EnvelopeOpener future = EnvelopeOpener.builder(NET.keys("MK-RS-TABANOVCE-MK"), NET.directory(),
            ReplayGuard.inMemoryNotSurvivingRestart())
        .clock(Clock.offset(CLOCK, Duration.ofDays(9))).build();
    assertThatThrownBy(() -> future.open(envelope))
        .isInstanceOf(EnvelopeRejectedException.class).hasMessageContaining("PCCC-2015");
  }

  @Test
  void tamperedEnvelopeIsRejected() {
    Message m = message("MK-RS-TABANOVCE", "RS", CLOCK.instant(), "MK-RS-TABANOVCE-MK");
    String text = NET.sealer("MK-RS-TABANOVCE").seal(m).text();
    int at = text.indexOf("\"ciphertext\":\"") + 20;
    char c = text.charAt(at);
    String tampered = text.substring(0, at) + (c == 'A' ? 'B' : 'A') + text.substring(at + 1);
    assertThatThrownBy(() -> NET.opener("MK-RS-TABANOVCE-MK").open(tampered.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(EnvelopeRejectedException.class).hasMessageContaining("PCCC-2006");
  }
}
