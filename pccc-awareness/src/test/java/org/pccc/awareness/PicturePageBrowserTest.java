package org.pccc.awareness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the page in headless Chromium (Debian's {@code chromium}, installed by {@code .ci/run};
 * skipped locally with a message when absent, a failure in CI) and checks the DOM after its script
 * ran: every centre, every flow count, every alert and every deadline at risk is shown, and the page
 * asks for nothing from the network.
 */
class PicturePageBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  @TempDir static Path temp;
  private static String dom;
  private static PictureView view;

  @BeforeAll
  static void render() throws Exception {
    if (!Files.isExecutable(CHROMIUM)) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError("CI must install Debian's chromium (see .ci/run): /usr/bin/chromium is missing");
      }
      assumeTrue(false, "headless Chromium not installed; run: apt-get install chromium");
    }
    view = ScriptedDay.view();
    Path page = PicturePage.write(temp.resolve("picture.html"), view, Traffic.PLACES, "PCCC regional picture (test)");
    dom = run("--dump-dom", page);
    if (System.getProperty("pccc.screenshot") != null) {
      run("--screenshot=" + System.getProperty("pccc.screenshot"), page);
    }
  }

  @Test
  void scriptRanAndEveryCentreIsOnTheMapAndInTheTable() {
    assertThat(dom).contains("data-rendered=\"true\"");
    for (CentrePlace c : Traffic.PLACES) {
      assertThat(dom).as("map group of " + c.centreId()).contains("class=\"centre\" data-centre=\"" + c.centreId() + "\"");
      assertThat(dom).as("table row of " + c.centreId())
          .contains("class=\"centre-row\" data-centre=\"" + c.centreId() + "\"").contains(c.name());
    }
    assertThat(dom).contains("class=\"land\"");
  }

  @Test
  void everyFlowIsDrawnWithItsCount() {
    assertThat(view.flows()).isNotEmpty();
    PictureExports.pairs(view).forEach((pair, byKind) -> {
      long total = byKind.values().stream().mapToLong(Long::longValue).sum();
      assertThat(dom).as("flow " + pair).containsPattern("class=\"flow-count\" data-from=\"" + pair.get(0)
          + "\" data-to=\"" + pair.get(1) + "\">" + total + "<");
    });
  }

  @Test
  void everyAlertAndEveryDeadlineAtRiskIsListed() {
    assertThat(view.alerts()).hasSize(2);
    for (ActiveAlert a : view.alerts()) {
      assertThat(dom).contains("class=\"alert\" data-alert=\"" + a.messageId() + "\"");
    }
    List<RequestStatus> atRisk = view.deadlinesAtRisk();
    assertThat(atRisk).extracting(RequestStatus::state).containsExactlyInAnyOrder(RequestState.OVERDUE,
        RequestState.AT_RISK);
    for (RequestStatus r : atRisk) {
      assertThat(dom).containsPattern("class=\"deadline( overdue)?\" data-request=\"" + r.track().requestId() + "\"");
    }
    assertThat(dom).contains(">OVERDUE<").contains(">AT RISK<");
  }

  @Test
  void pageLoadsNothingFromTheNetwork() throws IOException {
    String html = Files.readString(temp.resolve("picture.html"), StandardCharsets.UTF_8);
    assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//");
    assertThat(html).doesNotContain("@import").doesNotContain("fetch(");
  }

  @Test
  void kosovoDesignationCarriesTheOsceFootnoteOnlyWhereItIsUsed() throws Exception {
    assertThat(dom).contains("<p id=\"kosovo\" hidden=\"\">");
    List<CentrePlace> places = new java.util.ArrayList<>(Traffic.PLACES);
    places.add(new CentrePlace("XK-RS-TEST", "PCCC test centre", List.of("XK", "RS"),
        new org.pccc.model.subject.Coordinates(43.0, 20.8)));
    Path page = PicturePage.write(temp.resolve("kosovo.html"), view, places, "PCCC regional picture (test)");
    String withFootnote = run("--dump-dom", page);
    assertThat(withFootnote).contains("<p id=\"kosovo\">").contains(">XK-RS-TEST*<")
        .contains("United Nations Security Council Resolution 1244");
    // Only land and coastlines: the shipped map is one land feature, no boundaries.
    try (var in = PicturePage.class.getResourceAsStream("region-land.geojson")) {
      var land = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
      assertThat(land.get("features")).hasSize(1);
      assertThat(land.at("/features/0/properties/name").asText()).isEqualTo("land");
      assertThat(land.at("/features/0/geometry/type").asText()).isEqualTo("MultiPolygon");
    }
  }

  private static String run(String what, Path page) throws IOException, InterruptedException {
    Path out = temp.resolve("out-" + System.nanoTime() + ".txt");
    ProcessBuilder pb = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", "--window-size=1320,1500", "--user-data-dir=" + temp.resolve("profile"),
        what, page.toUri().toString());
    pb.redirectOutput(out.toFile());
    pb.redirectError(temp.resolve("chromium.log").toFile());
    Process p = pb.start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 60 s");
    }
    assertThat(p.exitValue()).as(Files.readString(temp.resolve("chromium.log"))).isZero();
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
