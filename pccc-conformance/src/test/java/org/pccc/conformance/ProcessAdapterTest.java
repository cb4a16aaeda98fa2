package org.pccc.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An adapter that breaks the protocol fails the vector, with the reason and its output. */
class ProcessAdapterTest {
  @TempDir Path dir;

  private VectorResult firstValid(String script, Duration timeout) throws Exception {
    Path file = dir.resolve("adapter.sh");
    Files.writeString(file, script);
    ProcessAdapter adapter = ProcessAdapter.of("sh '" + file + "'", timeout);
    VectorCase first = ConformanceSuite.over(TestVectors.folder()).cases().get(0);
    assertThat(first.group()).isEqualTo("messages/valid");
    return first.run(adapter);
  }

  @Test
  void anExitCodeOutsideTheProtocolFails() throws Exception {
    VectorResult r = firstValid("echo '{\"valid\":true}'; echo oops >&2; exit 3\n", Duration.ofSeconds(20));
    assertThat(r.status()).isEqualTo(VectorResult.Status.FAIL);
    assertThat(r.reason()).contains("exit code 3");
    assertThat(r.transcript()).contains("stderr: oops");
  }

  @Test
  void outputThatIsNotJsonFails() throws Exception {
    VectorResult r = firstValid("echo valid\n", Duration.ofSeconds(20));
    assertThat(r.status()).isEqualTo(VectorResult.Status.FAIL);
    assertThat(r.reason()).contains("not JSON");
  }

  @Test
  void anExitCodeContradictingTheAnswerFails() throws Exception {
    VectorResult r = firstValid("echo '{\"valid\":false}'; exit 0\n", Duration.ofSeconds(20));
    assertThat(r.status()).isEqualTo(VectorResult.Status.FAIL);
    assertThat(r.reason()).contains("contradicts");
  }

  @Test
  void aSlowAdapterTimesOut() throws Exception {
    VectorResult r = firstValid("sleep 5; echo '{\"valid\":true}'\n", Duration.ofMillis(500));
    assertThat(r.status()).isEqualTo(VectorResult.Status.FAIL);
    assertThat(r.reason()).contains("did not finish within 500 ms");
  }

  @Test
  void aMissingProgramFails() {
    ProcessAdapter adapter = ProcessAdapter.of(dir.resolve("no-such-program").toString(), Duration.ofSeconds(5));
    VectorResult r = ConformanceSuite.over(TestVectors.folder()).cases().get(0).run(adapter);
    assertThat(r.status()).isEqualTo(VectorResult.Status.FAIL);
    assertThat(r.reason()).contains("could not be started");
  }

  @Test
  void aMissingVectorsFolderFailsRatherThanPassingEmpty() {
    ConformanceReport report = ConformanceSuite.over(dir.resolve("none")).run(JavaAdapterConformanceTest.adapter());
    assertThat(report.passed()).isFalse();
    assertThat(report.failures()).extracting(VectorResult::id)
        .contains("messages/valid/(missing)", "envelopes/(missing)");
  }
}
