package org.pccc.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The suite's verdicts: the Java library passes, the broken adapter (accepts everything) fails on
 * the vectors it should, and the Node reference adapter passes.
 */
class SuiteAgainstAdaptersTest {

  @Test
  void theJavaLibraryPassesEveryVector() {
    ConformanceReport report = ConformanceSuite.over(TestVectors.folder()).run(JavaAdapterConformanceTest.adapter());
    assertThat(report.failures()).as(report.toText()).isEmpty();
    assertThat(report.passed()).isTrue();
    assertThat(report.warnings()).as("Java reports exactly our codes").isZero();
    assertThat(report.results()).extracting(VectorResult::group)
        .contains("messages/valid", "messages/invalid", "envelopes/valid", "envelopes/invalid", "seal");
  }

  @Test
  void theBrokenAdapterFailsWithTheVectorsItMustFail() {
    ProcessAdapter broken = ProcessAdapter.of("sh adapters/broken/adapter.sh", Duration.ofSeconds(30));
    ConformanceReport report = ConformanceSuite.over(TestVectors.folder()).run(broken);
    assertThat(report.passed()).isFalse();
    List<String> failed = report.failures().stream().map(VectorResult::id).toList();
    assertThat(failed).as(report.toText()).contains(
        "messages/invalid/0001-malformed-json.json",
        "messages/invalid/0300-sender-among-recipients.json",
        "envelopes/invalid/signature-invalid.json",
        "envelopes/invalid/alg-none.json",
        "envelopes/valid/request-person-document.json");
    assertThat(failed).anyMatch(id -> id.startsWith("seal/"));
    assertThat(failed).noneMatch(id -> id.startsWith("messages/valid/"));
    assertThat(failed).doesNotContain("messages/invalid/0006-unknown-field-warning.json");
    assertThat(report.toJson()).contains("\"passed\" : false");
  }

  @Test
  void theNodeReferenceAdapterPasses() {
    Path adapter = Path.of("adapters/node/adapter.mjs");
    requireNode();
    ProcessAdapter node = ProcessAdapter.of("node " + adapter, Duration.ofSeconds(60));
    ConformanceReport report = ConformanceSuite.over(TestVectors.folder()).run(node);
    assertThat(report.failures()).as(report.toText()).isEmpty();
    assertThat(report.passed()).isTrue();
  }

  @Test
  void theNodeReferenceAdapterPassesWithTheP256Profile() {
    requireNode();
    ProcessAdapter node = ProcessAdapter.of("node adapters/node/adapter.mjs", Duration.ofSeconds(60));
    ConformanceReport report = ConformanceSuite.over(TestVectors.p256Folder()).run(node);
    assertThat(report.failures()).as(report.toText()).isEmpty();
    assertThat(report.results()).filteredOn(r -> r.group().equals("seal")).hasSize(ConformanceSuite.SEAL_CHECKS);
  }

  @Test
  void theJavaLibraryPassesWithTheP256Profile() {
    ConformanceReport report = ConformanceSuite.over(TestVectors.p256Folder()).run(JavaAdapterConformanceTest.adapter());
    assertThat(report.failures()).as(report.toText()).isEmpty();
  }

  private static void requireNode() {
    boolean ready = Files.isDirectory(Path.of("adapters/node/node_modules/jose"))
        && Files.isDirectory(Path.of("adapters/node/node_modules/ajv")) && nodeAvailable();
    if (!ready) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true but node or pccc-conformance/adapters/node/node_modules is missing:"
            + " run 'npm ci' in pccc-conformance/adapters/node (ci-check.sh does) before the tests");
      }
      Assumptions.abort("node or adapters/node/node_modules missing; run npm ci in pccc-conformance/adapters/node");
    }
  }

  private static boolean nodeAvailable() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (Exception e) {
      return false;
    }
  }
}
