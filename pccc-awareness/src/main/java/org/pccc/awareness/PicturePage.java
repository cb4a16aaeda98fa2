package org.pccc.awareness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a {@link PictureView} as one self-contained HTML page that a duty officer keeps open: a
 * map of the region (land and coastlines from Natural Earth, shipped with this module, no borders
 * drawn), the centres, crossing points with their indicators, flows between centres with their
 * counts, active alerts, deadlines at risk, operations under way and a timeline of the period.
 * Everything (data, map, script, styles) is in the page: it needs no network when viewed.
 *
 * <p>The page shows what the view holds and nothing more: codes, counts, times, crossing points,
 * centre ids and the directory's names of centres; never subject identifiers.
 *
 * <p>Status-neutral: only land and coastlines are drawn, no boundary lines; where a centre serves
 * Kosovo (country code {@code XK}) the designation carries the OSCE's footnote. Stateless and
 * thread-safe.
 */
public final class PicturePage {
  private static final String LAND_RESOURCE = "region-land.geojson";
  private static final String TEMPLATE_RESOURCE = "picture-page.html";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private PicturePage() {}

  /**
   * Returns the page.
   *
   * @param view the picture to show
   * @param places the centres' names and positions (from the network directory)
   * @param title the page's title, for example the network's name; plain text
   * @return the HTML text
   */
  public static String html(PictureView view, List<CentrePlace> places, String title) {
    Objects.requireNonNull(title, "title");
    String data = PictureExports.write(data(view, places, title)).replace("</", "<\\/").replace("<!--", "<\\!--");
    String land = resource(LAND_RESOURCE).trim().replace("</", "<\\/");
    return resource(TEMPLATE_RESOURCE)
        .replace("/*TITLE*/", escapeHtml(title))
        .replace("/*LAND*/null", land)
        .replace("/*DATA*/null", data);
  }

  /**
   * Writes the page to a file, creating its folder.
   *
   * @return the file
   * @throws AwarenessException {@link AwarenessException#EXPORT_FAILED} if it cannot be written
   */
  public static Path write(Path file, PictureView view, List<CentrePlace> places, String title) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, html(view, places, title), StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new AwarenessException(AwarenessException.EXPORT_FAILED, "cannot write the page to " + file, e);
    }
  }

  static ObjectNode data(PictureView view, List<CentrePlace> places, String title) {
    ObjectNode d = F.objectNode();
    d.put("title", title);
    d.put("asOf", view.query().asOf().toString()).put("from", view.query().from().toString())
        .put("to", view.query().to().toString()).put("centre", view.query().centre());
    ArrayNode centres = d.putArray("centres");
    for (CentrePlace p : places) {
      ObjectNode c = centres.addObject().put("id", p.centreId()).put("name", p.name());
      ArrayNode countries = c.putArray("countries");
      p.countries().forEach(countries::add);
      if (p.position() != null) {
        c.put("lat", p.position().latitude()).put("lon", p.position().longitude());
      }
    }
    ArrayNode cps = d.putArray("crossingPoints");
    for (PictureExports.CrossingPointTotals cp : PictureExports.crossingPoints(view)) {
      ObjectNode c = cps.addObject().put("code", cp.code).put("operations", cp.operations);
      ArrayNode counts = c.putArray("counts");
      for (int n : cp.counts) {
        counts.add(n);
      }
      if (cp.position != null) {
        c.put("lat", cp.position.latitude()).put("lon", cp.position.longitude());
      }
    }
    ArrayNode flows = d.putArray("flows");
    for (Map.Entry<List<String>, Map<String, Long>> pair : PictureExports.pairs(view).entrySet()) {
      ObjectNode f = flows.addObject().put("from", pair.getKey().get(0)).put("to", pair.getKey().get(1));
      long total = 0;
      long urgent = 0;
      ObjectNode byKind = f.putObject("byKind");
      for (Map.Entry<String, Long> e : pair.getValue().entrySet()) {
        String[] ku = e.getKey().split(" ", 2);
        total += e.getValue();
        urgent += "URGENT".equals(ku[1]) ? e.getValue() : 0;
        byKind.put(ku[0], byKind.path(ku[0]).asLong(0) + e.getValue());
      }
      f.put("total", total).put("urgent", urgent);
    }
    Map<String, PictureExports.Table<?>> tables = PictureExports.tables(view, false);
    for (String name : List.of("alerts", "notices", "requests", "situation", "timeline")) {
      ArrayNode rows = d.putArray(name);
      tables.get(name).forEachRow((header, values) -> {
        ObjectNode row = rows.addObject();
        for (int i = 0; i < header.size(); i++) {
          Object v = values.get(i);
          if (v instanceof Number n) {
            row.put(header.get(i), n.longValue());
          } else if (v != null) {
            row.put(header.get(i), v.toString());
          }
        }
      });
    }
    boolean kosovo = places.stream().anyMatch(p -> p.countries().contains("XK"));
    d.put("kosovoFootnote", kosovo);
    return d;
  }

  private static String resource(String name) {
    try (InputStream in = PicturePage.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new AwarenessException(AwarenessException.EXPORT_FAILED, "resource missing: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String escapeHtml(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
