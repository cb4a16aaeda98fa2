package org.pccc.awareness;

import java.util.List;

/** RFC 4180 CSV lines. Values that a spreadsheet would run as a formula are prefixed with an apostrophe. */
final class Csv {
  private Csv() {}

  static String line(List<?> values) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      Object v = values.get(i);
      sb.append(v == null ? "" : field(v.toString()));
    }
    return sb.append("\r\n").toString();
  }

  static String field(String s) {
    String v = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !isNumber(s) ? "'" + s : s;
    if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }

  private static boolean isNumber(String s) {
    return s.matches("-?[0-9]+(\\.[0-9]+)?");
  }
}
