package org.pccc.examples.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.pccc.crypto.VerifiedMessage;
import org.pccc.model.body.Reply;
import org.pccc.model.code.ReplyOutcome;

class SamplesTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void sealAndOpenSampleOpensAndVerifiesTheReceipt() {
    VerifiedMessage opened = SealAndOpen.run(out);
    assertThat(opened.signerCentre()).isEqualTo("MK-RS-TABANOVCE-MK");
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("receipt verified from MK-RS-TABANOVCE");
  }

  @Test
  void nodeOverHttpsSampleGetsAReceiptAndAReply() throws Exception {
    VerifiedMessage reply = NodeOverHttps.run(out);
    assertThat(((Reply) reply.message().body()).outcome()).isEqualTo(ReplyOutcome.NO_HIT);
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("receipt from RS-BA-SREMSKA-RACA");
  }
}
