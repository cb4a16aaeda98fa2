package org.pccc.examples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the demo once per test JVM: DemoTest and the browser test look at the same day. */
final class DemoRun {
  private static Demo.Result result;
  private static String output;

  private DemoRun() {}

  static synchronized Demo.Result result() {
    if (result == null) {
      try {
        Path work = Files.createTempDirectory("pccc-demo-test");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        result = Demo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), work);
        output = bytes.toString(StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return result;
  }

  static synchronized String output() {
    result();
    return output;
  }
}
