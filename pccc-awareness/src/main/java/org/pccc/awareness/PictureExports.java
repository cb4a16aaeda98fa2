package org.pccc.awareness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.pccc.model.subject.Coordinates;

/**
 * Writes a {@link PictureView} for other tools: GeoJSON (RFC 7946) for GIS, JSON and CSV tables
 * for everything else. Every export holds only what the view holds (codes, counts, times, crossing
 * points, centre ids and the directory's centre names and positions); subject identifiers appear
 * only if the picture was built to reveal them and the export is asked to include them.
 * Stateless and thread-safe.
 */
public final class PictureExports {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PictureExports() {}

  /**
   * Returns a GeoJSON FeatureCollection (RFC 7946, WGS84 longitude/latitude) with one Point
   * feature per centre (its directory position), one per crossing point with its situation
   * indicators for the period and its operations under way, and one LineString per pair of
   * centres that exchanged messages, with the counts by kind and urgency. A feature whose place
   * is unknown has a null geometry, as RFC 7946 allows.
   *
   * @param view the picture to export
   * @param places the centres' names and positions (from the network directory)
   * @return the GeoJSON text
   */
  public static String geoJson(PictureView view, List<CentrePlace> places) {
    Map<String, CentrePlace> byId = index(places);
    ObjectNode fc = F.objectNode().put("type", "FeatureCollection");
    ArrayNode features = fc.putArray("features");
    Map<String, long[]> traffic = new TreeMap<>();
    for (Flow f : view.flows()) {
      traffic.computeIfAbsent(f.fromCentre(), k -> new long[2])[0] += f.count();
      traffic.computeIfAbsent(f.toCentre(), k -> new long[2])[1] += f.count();
    }
    for (CentrePlace p : places) {
      ObjectNode props = feature(features, point(p.position())).putObject("properties");
      props.put("featureType", "centre").put("centreId", p.centreId()).put("name", p.name());
      ArrayNode countries = props.putArray("countries");
      p.countries().forEach(countries::add);
      long[] t = traffic.getOrDefault(p.centreId(), new long[2]);
      props.put("messagesSent", t[0]).put("messagesReceived", t[1]);
      props.put("alertsIssued", view.alerts().stream().filter(a -> a.senderCentre().equals(p.centreId())).count());
      props.put("deadlinesAtRisk", view.deadlinesAtRisk().stream()
          .filter(r -> r.track().requestedCentre().equals(p.centreId())).count());
    }
    for (CrossingPointTotals cp : crossingPoints(view)) {
      ObjectNode props = feature(features, point(cp.position)).putObject("properties");
      props.put("featureType", "crossingPoint").put("crossingPoint", cp.code);
      ArrayNode reporters = props.putArray("reportingCentres");
      cp.reporters.forEach(reporters::add);
      props.put("irregularCrossings", cp.counts[0]).put("personsApprehended", cp.counts[1])
          .put("refusalsOfEntry", cp.counts[2]).put("smugglingCases", cp.counts[3]).put("seizures", cp.counts[4])
          .put("operationsUnderWay", cp.operations);
    }
    for (Map.Entry<List<String>, Map<String, Long>> pair : pairs(view).entrySet()) {
      String from = pair.getKey().get(0);
      String to = pair.getKey().get(1);
      CentrePlace a = byId.get(from);
      CentrePlace b = byId.get(to);
      ObjectNode geometry = null;
      if (a != null && b != null && a.position() != null && b.position() != null) {
        geometry = F.objectNode().put("type", "LineString");
        geometry.putArray("coordinates").add(lonLat(a.position())).add(lonLat(b.position()));
      }
      ObjectNode props = feature(features, geometry).putObject("properties");
      props.put("featureType", "flow").put("fromCentre", from).put("toCentre", to);
      long total = 0;
      long urgent = 0;
      ObjectNode byKind = F.objectNode();
      for (Map.Entry<String, Long> e : pair.getValue().entrySet()) {
        String[] kindUrgency = e.getKey().split(" ", 2);
        total += e.getValue();
        if ("URGENT".equals(kindUrgency[1])) {
          urgent += e.getValue();
        }
        byKind.put(kindUrgency[0], byKind.path(kindUrgency[0]).asLong(0) + e.getValue());
      }
      props.put("messages", total).put("urgent", urgent).set("byKind", byKind);
    }
    ObjectNode meta = F.objectNode();
    meta.put("asOf", view.query().asOf().toString()).put("from", view.query().from().toString())
        .put("to", view.query().to().toString());
    // A foreign member (RFC 7946 section 6.1): GIS tools ignore it, readers learn the period.
    fc.set("pcccPeriod", meta);
    return write(fc);
  }

  /**
   * Returns the view as one JSON object with a table per part: {@code query}, {@code alerts},
   * {@code notices}, {@code requests} (with state), {@code situation}, {@code flows},
   * {@code timeline}. Subject identifiers are left out.
   */
  public static String json(PictureView view) {
    return json(view, false);
  }

  /**
   * Returns the view as JSON; with {@code includeSubjects} the alerts carry the subject
   * identifiers the picture was built to reveal (none by default).
   *
   * @param view the picture
   * @param includeSubjects whether to include revealed subject identifiers
   */
  public static String json(PictureView view, boolean includeSubjects) {
    ObjectNode root = F.objectNode();
    root.putObject("query").put("asOf", view.query().asOf().toString()).put("from", view.query().from().toString())
        .put("to", view.query().to().toString()).put("centre", view.query().centre());
    for (Map.Entry<String, Table<?>> t : tables(view, includeSubjects).entrySet()) {
      ArrayNode rows = root.putArray(t.getKey());
      t.getValue().forEachRow((header, values) -> {
        ObjectNode row = rows.addObject();
        for (int i = 0; i < header.size(); i++) {
          Object v = values.get(i);
          if (v == null) {
            row.putNull(header.get(i));
          } else if (v instanceof Number n) {
            row.put(header.get(i), n.longValue());
          } else if (v instanceof Boolean b) {
            row.put(header.get(i), b);
          } else {
            row.put(header.get(i), v.toString());
          }
        }
      });
    }
    return write(root);
  }

  /**
   * Returns the view as CSV tables (RFC 4180, a header line, CRLF line ends), by table name:
   * {@code alerts}, {@code notices}, {@code requests}, {@code situation}, {@code flows},
   * {@code timeline}. Subject identifiers are never in CSV.
   */
  public static Map<String, String> csv(PictureView view) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, Table<?>> t : tables(view, false).entrySet()) {
      StringBuilder sb = new StringBuilder();
      t.getValue().forEachRow((header, values) -> {
        if (sb.length() == 0) {
          sb.append(Csv.line(header));
        }
        sb.append(Csv.line(values));
      });
      if (sb.length() == 0) {
        sb.append(Csv.line(t.getValue().header));
      }
      out.put(t.getKey(), sb.toString());
    }
    return out;
  }

  // ---------------------------------------------------------------- tables

  /** A table: column names and a function from a row's item to its values. */
  record Table<T>(List<String> header, List<T> items, Function<T, List<Object>> values) {
    void forEachRow(java.util.function.BiConsumer<List<String>, List<Object>> sink) {
      for (T item : items) {
        sink.accept(header, values.apply(item));
      }
    }
  }

  static Map<String, Table<?>> tables(PictureView v, boolean includeSubjects) {
    Map<String, Table<?>> t = new LinkedHashMap<>();
    List<String> alertCols = new java.util.ArrayList<>(List.of("messageId", "senderCentre", "recipientCentres",
        "alertType", "urgency", "handling", "issuedAt", "validUntil", "subjectCount"));
    if (includeSubjects) {
      alertCols.add("subjects");
    }
    t.put("alerts", new Table<>(alertCols, v.alerts(), a -> {
      List<Object> row = new java.util.ArrayList<>(java.util.Arrays.asList(a.messageId(), a.senderCentre(),
          String.join(" ", a.recipientCentres()), a.alertType().code(), code(a.urgency()), code(a.handling()),
          a.issuedAt(), a.validUntil(), a.subjectCount()));
      if (includeSubjects) {
        row.add(String.join("; ", a.subjects().stream().map(s -> s.type() + ": " + s.value()).toList()));
      }
      return row;
    }));
    t.put("notices", new Table<>(List.of("messageId", "senderCentre", "recipientCentres", "noticeType", "startsAt",
        "endsAt", "crossingPoint", "latitude", "longitude", "officers"), v.notices(), n -> java.util.Arrays.asList(
            n.messageId(), n.senderCentre(), String.join(" ", n.recipientCentres()), n.noticeType().code(),
            n.startsAt(), n.endsAt(), n.crossingPoint(), n.position() == null ? null : n.position().latitude(),
            n.position() == null ? null : n.position().longitude(), n.officers())));
    t.put("requests", new Table<>(List.of("requestId", "requesterCentre", "requestedCentre", "urgency", "dataAccess",
        "sentAt", "dueBy", "state", "answeredAt", "outcome", "refusalGround", "delayNoticeAt", "delayExpectedBy",
        "replyMinutes"), v.requests(), r -> {
          RequestTrack x = r.track();
          return java.util.Arrays.asList(x.requestId(), x.requesterCentre(), x.requestedCentre(), code(x.urgency()),
              x.dataAccess() == null ? null : x.dataAccess().code(), x.sentAt(), x.dueBy(), r.state().name(),
              r.state().answered() ? x.answeredAt() : null, r.state().answered() ? code(x.outcome()) : null,
              r.state().answered() ? code(x.refusalGround()) : null, x.delayNoticeAt(), x.delayExpectedBy(),
              r.state().answered() ? x.replyTime().toMinutes() : null);
        }));
    t.put("situation", new Table<>(List.of("reportId", "reportingCentre", "reportedAt", "crossingPoint", "periodStart",
        "periodEnd", "irregularCrossings", "personsApprehended", "refusalsOfEntry", "smugglingCases", "seizures"), v.situation(),
        s -> java.util.Arrays.asList(s.reportId(), s.reportingCentre(), s.reportedAt(), s.crossingPoint(), s.periodStart(),
            s.periodEnd(), s.irregularCrossings(), s.personsApprehended(), s.refusalsOfEntry(), s.smugglingCases(),
            s.seizures())));
    t.put("flows", new Table<>(List.of("fromCentre", "toCentre", "kind", "urgency", "count"), v.flows(),
        f -> java.util.Arrays.asList(f.fromCentre(), f.toCentre(), f.kind(), f.urgency(), f.count())));
    t.put("timeline", new Table<>(List.of("time", "messageId", "kind", "urgency", "fromCentre", "toCentres"),
        v.timeline(), e -> java.util.Arrays.asList(e.time(), e.messageId(), e.kind(), e.urgency(), e.fromCentre(),
            String.join(" ", e.toCentres()))));
    return t;
  }

  private static String code(org.pccc.model.code.CodeList c) {
    return c == null ? null : c.code();
  }

  // ---------------------------------------------------------------- helpers

  /** Sums per crossing point of the period: counts, reporting centres, operations under way. */
  static final class CrossingPointTotals {
    final String code;
    Coordinates position;
    final int[] counts = new int[5];
    final java.util.SortedSet<String> reporters = new java.util.TreeSet<>();
    int operations;

    CrossingPointTotals(String code) {
      this.code = code;
    }
  }

  static List<CrossingPointTotals> crossingPoints(PictureView view) {
    Map<String, CrossingPointTotals> m = new TreeMap<>();
    for (SituationIndicators s : view.situation()) {
      if (s.crossingPoint() == null) {
        continue;
      }
      CrossingPointTotals c = m.computeIfAbsent(s.crossingPoint(), CrossingPointTotals::new);
      c.counts[0] += s.irregularCrossings();
      c.counts[1] += s.personsApprehended();
      c.counts[2] += s.refusalsOfEntry();
      c.counts[3] += s.smugglingCases();
      c.counts[4] += s.seizures();
      c.reporters.add(s.reportingCentre());
      if (c.position == null) {
        c.position = s.position();
      }
    }
    for (NoticeInProgress n : view.notices()) {
      if (n.crossingPoint() == null) {
        continue;
      }
      CrossingPointTotals c = m.computeIfAbsent(n.crossingPoint(), CrossingPointTotals::new);
      c.operations++;
      if (c.position == null) {
        c.position = n.position();
      }
    }
    return List.copyOf(m.values());
  }

  /** Counts per (from, to) pair, by "kind urgency". */
  static Map<List<String>, Map<String, Long>> pairs(PictureView view) {
    Map<List<String>, Map<String, Long>> m = new TreeMap<>((x, y) -> {
      int d = x.get(0).compareTo(y.get(0));
      return d != 0 ? d : x.get(1).compareTo(y.get(1));
    });
    for (Flow f : view.flows()) {
      m.computeIfAbsent(List.of(f.fromCentre(), f.toCentre()), k -> new TreeMap<>())
          .merge(f.kind() + " " + f.urgency(), f.count(), Long::sum);
    }
    return m;
  }

  static Map<String, CentrePlace> index(List<CentrePlace> places) {
    Map<String, CentrePlace> m = new LinkedHashMap<>();
    places.forEach(p -> m.put(p.centreId(), p));
    return m;
  }

  private static ObjectNode feature(ArrayNode features, ObjectNode geometry) {
    ObjectNode f = features.addObject().put("type", "Feature");
    if (geometry == null) {
      f.putNull("geometry");
    } else {
      f.set("geometry", geometry);
    }
    return f;
  }

  private static ObjectNode point(Coordinates c) {
    if (c == null) {
      return null;
    }
    ObjectNode g = F.objectNode().put("type", "Point");
    g.set("coordinates", lonLat(c));
    return g;
  }

  private static ArrayNode lonLat(Coordinates c) {
    // RFC 7946 section 3.1.1: longitude first; six decimals are about 10 cm.
    return F.arrayNode().add(round(c.longitude())).add(round(c.latitude()));
  }

  private static double round(double d) {
    return Math.round(d * 1e6) / 1e6;
  }

  static String write(Object node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new AwarenessException(AwarenessException.EXPORT_FAILED, "cannot write JSON", e);
    }
  }
}
