package org.pccc.examples.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReadAndValidateTest {
  @Test
  void demoReadsEveryExampleAndExitsZero() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int exit = ReadAndValidate.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(exit).isZero();
    assertThat(out).contains("All examples valid.").doesNotContain("REJECTED");
    assertThat(out).contains("PCCC-0003").contains("/header/messageId");
    assertThat(out).contains("Барање за информации");
  }
}
