package org.pccc.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the regional picture in headless Chromium (Debian's {@code chromium}, installed by
 * {@code .ci/run}) and checks, in the DOM after its script ran, that every centre is drawn on the
 * map and listed in the table, and the alert is shown.
 */
class RegionalPictureBrowserTest {
  @TempDir Path temp;

  @Test
  void everyCentreIsShownInTheRenderedPage() throws Exception {
    Path chromium = Path.of("/usr/bin/chromium");
    if (!Files.isExecutable(chromium)) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError("CI must install Debian's chromium (see .ci/run): /usr/bin/chromium is missing");
      }
      assumeTrue(false, "headless Chromium not installed; run: apt-get install chromium");
    }
    Path page = RegionalPicture.write(temp.resolve("picture.html"), DemoNetwork.CENTRES,
        Map.of(DemoNetwork.TABANOVCE.id(), new int[] {7, 5, 3, 1, 1}), List.of("STOLEN_VEHICLE test alert"));
    String dom = Files.readString(dumpDom(chromium, page), StandardCharsets.UTF_8);
    for (DemoNetwork.Centre c : DemoNetwork.CENTRES) {
      assertThat(dom).as("map group of " + c.id()).contains("data-centre=\"" + c.id() + "\"");
      assertThat(dom).as("table row of " + c.id()).contains(c.name());
    }
    assertThat(dom).contains("class=\"alert\">STOLEN_VEHICLE test alert");
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
