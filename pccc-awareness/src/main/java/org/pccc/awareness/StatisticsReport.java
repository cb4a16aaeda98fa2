package org.pccc.awareness;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes {@link PeriodStatistics} as JSON, CSV ({@code section,key,value} rows) or a
 * self-contained HTML page. Stateless and thread-safe.
 */
public final class StatisticsReport {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private StatisticsReport() {}

  /** Returns the statistics as one JSON object; absent values are {@code null}. */
  public static String json(PeriodStatistics s) {
    ObjectNode o = F.objectNode();
    o.put("from", s.from().toString()).put("to", s.to().toString()).put("centre", s.centre());
    ObjectNode messages = o.putObject("messages");
    put(messages.putObject("sent"), s.sentByKind());
    put(messages.putObject("received"), s.receivedByKind());
    ObjectNode partners = o.putObject("byPartner");
    s.byPartner().forEach((p, m) -> put(partners.putObject(p), m));
    put(o.putObject("byUrgency"), s.byUrgency());
    put(o.putObject("deliveryOutcomes"), s.outcomes());
    put(o.putObject("repliesByOutcome"), s.repliesByOutcome());
    put(o.putObject("refusalsByGround"), s.refusalsByGround());
    if (s.delayNoticesSent() == null) {
      o.putNull("delayNoticesSent");
    } else {
      o.put("delayNoticesSent", s.delayNoticesSent());
    }
    o.put("duplicates", s.duplicates());
    put(o.putObject("rejectionsByCode"), s.rejectionsByCode());
    times(o.putObject("answering"), s.answering());
    times(o.putObject("asking"), s.asking());
    s.unavailable().forEach(o.putArray("unavailableFromAuditLog")::add);
    return PictureExports.write(o);
  }

  /** Returns the statistics as CSV rows {@code section,key,value} (RFC 4180, CRLF). */
  public static String csv(PeriodStatistics s) {
    StringBuilder b = new StringBuilder(Csv.line(List.of("section", "key", "value")));
    for (String[] row : rows(s)) {
      b.append(Csv.line(Arrays.asList((Object[]) row)));
    }
    return b.toString();
  }

  /** Returns the statistics as a self-contained HTML page (no script, no network). */
  public static String html(PeriodStatistics s, String title) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(PicturePage.escapeHtml(title)).append("</title>\n<style>body{font-family:system-ui,sans-serif;")
        .append("margin:24px;color:#1d2733}table{border-collapse:collapse;font-size:14px}th,td{border-bottom:1px solid ")
        .append("#d9e0e8;padding:4px 12px;text-align:left}td.v{text-align:right}p.note{color:#5b6776}</style>\n")
        .append("</head>\n<body>\n<h1>").append(PicturePage.escapeHtml(title)).append("</h1>\n<p class=\"note\">")
        .append(PicturePage.escapeHtml("Period " + s.from() + " – " + s.to() + (s.centre() == null ? ""
            : ", centre " + s.centre()) + ". From the audit log: counts and codes only."))
        .append("</p>\n<table>\n<thead><tr><th>Section</th><th>Key</th><th>Value</th></tr></thead>\n<tbody>\n");
    for (String[] row : rows(s)) {
      b.append("<tr><td>").append(PicturePage.escapeHtml(row[0])).append("</td><td>")
          .append(PicturePage.escapeHtml(row[1])).append("</td><td class=\"v\">")
          .append(PicturePage.escapeHtml(row[2] == null ? "n/a" : row[2])).append("</td></tr>\n");
    }
    b.append("</tbody>\n</table>\n");
    if (!s.unavailable().isEmpty()) {
      b.append("<p class=\"note\">Not in the audit log (needs the messages): ")
          .append(PicturePage.escapeHtml(String.join(", ", s.unavailable()))).append(".</p>\n");
    }
    return b.append("</body>\n</html>\n").toString();
  }

  static List<String[]> rows(PeriodStatistics s) {
    List<String[]> rows = new ArrayList<>();
    s.sentByKind().forEach((k, v) -> rows.add(new String[] {"sent", k, v.toString()}));
    s.receivedByKind().forEach((k, v) -> rows.add(new String[] {"received", k, v.toString()}));
    s.byPartner().forEach((p, m) -> m.forEach((k, v) -> rows.add(new String[] {"partner " + p, k, v.toString()})));
    s.byUrgency().forEach((k, v) -> rows.add(new String[] {"urgency", k, v.toString()}));
    s.outcomes().forEach((k, v) -> rows.add(new String[] {"delivery", k, v.toString()}));
    s.repliesByOutcome().forEach((k, v) -> rows.add(new String[] {"reply outcome", k, v.toString()}));
    s.refusalsByGround().forEach((k, v) -> rows.add(new String[] {"refusal ground", k, v.toString()}));
    rows.add(new String[] {"delay notices", "sent", str(s.delayNoticesSent())});
    rows.add(new String[] {"duplicates", "received", Long.toString(s.duplicates())});
    s.rejectionsByCode().forEach((k, v) -> rows.add(new String[] {"rejected", k, v.toString()}));
    for (Map.Entry<String, PeriodStatistics.ReplyTimes> side : Map.of("answering", s.answering(), "asking",
        s.asking()).entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
      PeriodStatistics.ReplyTimes t = side.getValue();
      String sec = "reply times " + side.getKey();
      rows.add(new String[] {sec, "requests", Long.toString(t.requests())});
      rows.add(new String[] {sec, "answered", Long.toString(t.answered())});
      rows.add(new String[] {sec, "medianMinutes", str(t.medianMinutes())});
      rows.add(new String[] {sec, "p95Minutes", str(t.p95Minutes())});
      rows.add(new String[] {sec, "withDeadline", Long.toString(t.withDeadline())});
      rows.add(new String[] {sec, "deadlineMet", Long.toString(t.deadlineMet())});
      rows.add(new String[] {sec, "shareMet", t.shareMet() == null ? null : String.format(java.util.Locale.ROOT,
          "%.3f", t.shareMet())});
      rows.add(new String[] {sec, "overdueAtEnd", str(t.overdueAtEnd())});
    }
    return rows;
  }

  private static String str(Long v) {
    return v == null ? null : v.toString();
  }

  private static void put(ObjectNode o, Map<String, Long> m) {
    m.forEach(o::put);
  }

  private static void times(ObjectNode o, PeriodStatistics.ReplyTimes t) {
    o.put("requests", t.requests()).put("answered", t.answered());
    putOrNull(o, "medianMinutes", t.medianMinutes());
    putOrNull(o, "p95Minutes", t.p95Minutes());
    o.put("withDeadline", t.withDeadline()).put("deadlineMet", t.deadlineMet());
    if (t.shareMet() == null) {
      o.putNull("shareMet");
    } else {
      o.put("shareMet", t.shareMet());
    }
    putOrNull(o, "overdueAtEnd", t.overdueAtEnd());
  }

  private static void putOrNull(ObjectNode o, String k, Long v) {
    if (v == null) {
      o.putNull(k);
    } else {
      o.put(k, v);
    }
  }
}
