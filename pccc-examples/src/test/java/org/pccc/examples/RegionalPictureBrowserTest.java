package org.pccc.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.pccc.awareness.ActiveAlert;
import org.pccc.awareness.Flow;
import org.pccc.awareness.PictureView;
import org.pccc.awareness.RequestState;
import org.pccc.awareness.RequestStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the regional picture page the demo wrote in headless Chromium (Debian's {@code chromium},
 * installed by {@code .ci/run}) and checks, in the DOM after its script ran, that every centre is
 * drawn and listed, every flow is drawn with its count, the alerts are shown and the overdue
 * deadline is flagged.
 */
class RegionalPictureBrowserTest {
  @TempDir Path temp;

  @Test
  void theDemosPageShowsCentresFlowsAlertsAndTheOverdueDeadline() throws Exception {
    Path chromium = Path.of("/usr/bin/chromium");
    if (!Files.isExecutable(chromium)) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError("CI must install Debian's chromium (see .ci/run): /usr/bin/chromium is missing");
      }
      assumeTrue(false, "headless Chromium not installed; run: apt-get install chromium");
    }
    Demo.Result result = DemoRun.result();
    assertThat(result.failures()).isEmpty();
    PictureView view = result.view();
    String dom = Files.readString(dumpDom(chromium, result.picture()), StandardCharsets.UTF_8);

    assertThat(dom).contains("data-rendered=\"true\"");
    for (DemoNetwork.Centre c : DemoNetwork.CENTRES) {
      assertThat(dom).as("map group of " + c.id()).contains("class=\"centre\" data-centre=\"" + c.id() + "\"");
      assertThat(dom).as("table row of " + c.id()).contains("class=\"centre-row\" data-centre=\"" + c.id() + "\"")
          .contains(c.name());
    }
    Map<List<String>, Long> pairs = new TreeMap<>((x, y) -> (x.get(0) + " " + x.get(1)).compareTo(y.get(0) + " " + y.get(1)));
    for (Flow f : view.flows()) {
      pairs.merge(List.of(f.fromCentre(), f.toCentre()), f.count(), Long::sum);
    }
    assertThat(pairs).hasSizeGreaterThanOrEqualTo(DemoNetwork.CENTRES.size());
    pairs.forEach((pair, total) -> assertThat(dom).as("flow " + pair).contains("class=\"flow-count\" data-from=\""
        + pair.get(0) + "\" data-to=\"" + pair.get(1) + "\">" + total + "<"));
    assertThat(view.alerts()).isNotEmpty();
    for (ActiveAlert a : view.alerts()) {
      assertThat(dom).contains("class=\"alert\" data-alert=\"" + a.messageId() + "\"");
    }
    List<RequestStatus> atRisk = view.deadlinesAtRisk();
    assertThat(atRisk).extracting(RequestStatus::state).containsExactly(RequestState.OVERDUE);
    for (RequestStatus r : atRisk) {
      assertThat(dom).contains("class=\"deadline overdue\" data-request=\"" + r.track().requestId() + "\"");
    }
    assertThat(dom).contains(">OVERDUE<");
  }

  private Path dumpDom(Path chromium, Path page) throws IOException, InterruptedException {
    Path out = temp.resolve("dom.html");
    ProcessBuilder pb = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + temp.resolve("profile"), "--dump-dom", page.toUri().toString());
    pb.redirectOutput(out.toFile());
    pb.redirectError(temp.resolve("chromium.log").toFile());
    Process p = pb.start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 60 s");
    }
    assertThat(p.exitValue()).as(Files.readString(temp.resolve("chromium.log"))).isZero();
    return out;
  }
}
