package org.pccc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the README's demo scenario and checks its summary. */
class DemoTest {
  @TempDir Path work;

  @Test
  void theScriptedDayHappensAsScripted() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Demo.Result result = Demo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), work);
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(result.failures()).as(out).isEmpty();
    assertThat(result.exitCode()).isZero();
    assertThat(result.sentByKind()).containsEntry("information-request", 6).containsEntry("reply", 6)
        .containsEntry("alert", 3).containsEntry("operational-notice", 1).containsEntry("situation-report", 12);
    int sent = result.sentByKind().values().stream().mapToInt(Integer::intValue).sum();
    assertThat(result.receiptsVerified()).isEqualTo(sent);
    assertThat(result.deadlinesMet()).isEqualTo(result.requests()).isEqualTo(6);
    assertThat(result.rejectionsByCode()).containsEntry("PCCC-2006", 1).containsEntry("PCCC-2005", 1);
    assertThat(result.duplicates()).isEqualTo(1);
    assertThat(out).contains("everything happened as scripted").contains("Regional picture: ")
        .contains("'PETROVIC NIKOLA'").contains("Петровић Никола");
    String html = Files.readString(result.picture());
    for (DemoNetwork.Centre c : DemoNetwork.CENTRES) {
      assertThat(html).contains(c.id());
    }
  }
}
