package org.pccc.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.pccc.examples.DemoNetwork.Centre;

/**
 * Writes the regional picture of the demo as one self-contained HTML page: the crossing points
 * placed by their WGS84 coordinates on an SVG map, the counts of each centre's situation report
 * and the alerts of the day. The data is embedded as JSON and drawn by a small script, so the
 * page needs no network and no other file.
 */
final class RegionalPicture {
  private RegionalPicture() {}

  static Path write(Path file, List<Centre> centres, Map<String, int[]> counts, List<String> alerts) {
    StringBuilder data = new StringBuilder("{\"centres\":[");
    for (int i = 0; i < centres.size(); i++) {
      Centre c = centres.get(i);
      int[] n = counts.getOrDefault(c.id(), new int[5]);
      data.append(i == 0 ? "" : ",").append("{\"id\":").append(q(c.id())).append(",\"name\":").append(q(c.name()))
          .append(",\"crossingPoint\":").append(q(c.crossingPoint()))
          .append(",\"lat\":").append(c.position().latitude()).append(",\"lon\":").append(c.position().longitude())
          .append(",\"link\":").append(q(c.scheme()))
          .append(",\"counts\":[").append(n[0]).append(',').append(n[1]).append(',').append(n[2]).append(',')
          .append(n[3]).append(',').append(n[4]).append("]}");
    }
    data.append("],\"alerts\":[");
    for (int i = 0; i < alerts.size(); i++) {
      data.append(i == 0 ? "" : ",").append(q(alerts.get(i)));
    }
    data.append("]}");
    String html = TEMPLATE.replace("/*DATA*/{}", data.toString().replace("</", "<\\/"));
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, html, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  private static String q(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '<' -> b.append("\\u003c");
        case '>' -> b.append("\\u003e");
        case '&' -> b.append("\\u0026");
        default -> {
          if (ch < 0x20) {
            b.append(String.format("\\u%04x", (int) ch));
          } else {
            b.append(ch);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private static final String TEMPLATE = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <title>PCCC regional picture — South-Eastern Europe (demo)</title>
      <style>
        body { font-family: system-ui, sans-serif; margin: 24px; color: #1d2733; }
        h1 { font-size: 20px; margin: 0 0 4px; }
        p.note { color: #5b6776; margin: 0 0 16px; }
        .wrap { display: flex; gap: 24px; flex-wrap: wrap; }
        svg { background: #eef3f8; border: 1px solid #c7d2de; }
        table { border-collapse: collapse; font-size: 14px; }
        th, td { border-bottom: 1px solid #d9e0e8; padding: 4px 10px; text-align: right; }
        th:first-child, td:first-child { text-align: left; }
        .alert { background: #fff1e6; border-left: 4px solid #d9480f; padding: 6px 10px; margin: 6px 0; }
      </style>
      </head>
      <body>
      <h1>Regional picture — PCCC network, South-Eastern Europe</h1>
      <p class="note">Synthetic data from the SDK demo. Crossing points placed by their WGS84 coordinates.</p>
      <div class="wrap">
        <svg id="map" width="720" height="520" viewBox="0 0 720 520" role="img" aria-label="map of crossing points"></svg>
        <div>
          <h2>Situation reports (last 24 h)</h2>
          <table id="counts"><thead><tr><th>Centre</th><th>Irregular crossings</th><th>Apprehended</th>
            <th>Refusals of entry</th><th>Smuggling</th><th>Seizures</th></tr></thead><tbody></tbody></table>
          <h2>Alerts</h2>
          <div id="alerts"></div>
        </div>
      </div>
      <script>
      const DATA = /*DATA*/{};
      const NS = "http://www.w3.org/2000/svg";
      const box = { latMin: 40.6, latMax: 45.6, lonMin: 18.4, lonMax: 24.6 };
      const map = document.getElementById("map");
      const x = lon => 30 + (lon - box.lonMin) / (box.lonMax - box.lonMin) * 660;
      const y = lat => 490 - (lat - box.latMin) / (box.latMax - box.latMin) * 460;
      for (let lon = 19; lon <= 23; lon++) {
        const l = document.createElementNS(NS, "line");
        l.setAttribute("x1", x(lon)); l.setAttribute("x2", x(lon)); l.setAttribute("y1", 20); l.setAttribute("y2", 500);
        l.setAttribute("stroke", "#d5dee8"); map.appendChild(l);
      }
      for (const c of DATA.centres) {
        const g = document.createElementNS(NS, "g");
        g.setAttribute("class", "centre");
        g.setAttribute("data-centre", c.id);
        const total = c.counts.reduce((a, b) => a + b, 0);
        const dot = document.createElementNS(NS, "circle");
        dot.setAttribute("cx", x(c.lon)); dot.setAttribute("cy", y(c.lat)); dot.setAttribute("r", 6 + Math.sqrt(total) * 2);
        dot.setAttribute("fill", "#1c7ed6"); dot.setAttribute("fill-opacity", "0.75");
        // Centres west of a neighbour get their label on the left, so close points stay readable.
        const left = DATA.centres.some(o => o !== c && Math.abs(o.lat - c.lat) < 0.6 && o.lon > c.lon && o.lon - c.lon < 1.5);
        const label = document.createElementNS(NS, "text");
        const lx = left ? x(c.lon) - 14 : x(c.lon) + 14;
        label.setAttribute("x", lx); label.setAttribute("y", y(c.lat) - 2);
        label.setAttribute("font-size", "13"); label.setAttribute("font-weight", "600");
        label.setAttribute("text-anchor", left ? "end" : "start");
        label.textContent = c.id;
        const sub = document.createElementNS(NS, "text");
        sub.setAttribute("x", lx); sub.setAttribute("y", y(c.lat) + 13);
        sub.setAttribute("font-size", "11"); sub.setAttribute("fill", "#5b6776");
        sub.setAttribute("text-anchor", left ? "end" : "start");
        sub.textContent = c.crossingPoint + " · " + total + " events · " + c.link + ":";
        g.appendChild(dot); g.appendChild(label); g.appendChild(sub); map.appendChild(g);
        const row = document.createElement("tr");
        row.setAttribute("class", "centre-row");
        row.innerHTML = "<td></td>" + c.counts.map(n => "<td>" + n + "</td>").join("");
        row.firstChild.textContent = c.name;
        document.querySelector("#counts tbody").appendChild(row);
      }
      for (const a of DATA.alerts) {
        const d = document.createElement("div");
        d.setAttribute("class", "alert");
        d.textContent = a;
        document.getElementById("alerts").appendChild(d);
      }
      </script>
      </body>
      </html>
      """;
}
