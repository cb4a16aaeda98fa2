package org.pccc.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command's exit codes and the template splitting. */
class ConformanceCommandTest {

  private static int run(StringWriter out, String... args) {
    CommandLine cli = new CommandLine(new ConformanceCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));
    return cli.execute(args);
  }

  @Test
  void missingAdapterIsAUsageError() {
    assertThat(run(new StringWriter())).isEqualTo(2);
  }

  @Test
  void missingVectorsFolderIsAConfigurationError(@TempDir Path dir) {
    StringWriter out = new StringWriter();
    assertThat(run(out, "--adapter", "sh adapters/broken/adapter.sh", "--vectors", dir.resolve("none").toString()))
        .isEqualTo(2);
    assertThat(out.toString()).contains("no vectors folder");
  }

  @Test
  void unclosedQuoteIsAUsageError() {
    StringWriter out = new StringWriter();
    assertThat(run(out, "--adapter", "node 'adapter.mjs", "--vectors", TestVectors.folder().toString())).isEqualTo(2);
    assertThat(out.toString()).contains("unclosed single quote");
  }

  @Test
  void brokenAdapterExitsOneWithAJsonReport() {
    StringWriter out = new StringWriter();
    int exit = run(out, "--adapter", "sh adapters/broken/adapter.sh", "--vectors", TestVectors.folder().toString(), "--json");
    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).contains("\"passed\" : false", "\"status\" : \"FAIL\"");
  }

  @Test
  void templatesSplitLikeAShell() {
    assertThat(ProcessAdapter.split("java -jar 'my dir/pccc.jar'  --x \"a \\\"b\\\"\" c\\ d ''"))
        .containsExactly("java", "-jar", "my dir/pccc.jar", "--x", "a \"b\"", "c d", "");
    assertThatThrownBy(() -> ProcessAdapter.split("a \"b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProcessAdapter.split("a \\")).isInstanceOf(IllegalArgumentException.class);
    assertThat(ProcessAdapter.split("   ")).isEmpty();
  }

  @Test
  void transcriptsAreTruncated() {
    String longText = "x".repeat(ProcessAdapter.MAX_TRANSCRIPT_CHARS + 50);
    assertThat(ProcessAdapter.truncate(longText)).hasSizeLessThan(longText.length()).endsWith("[50 more chars]");
  }
}
