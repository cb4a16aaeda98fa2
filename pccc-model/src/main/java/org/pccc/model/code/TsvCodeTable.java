package org.pccc.model.code;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a code table shipped as a tab-separated resource. Package-private plumbing. */
final class TsvCodeTable {
  private TsvCodeTable() {}

  static Map<String, String[]> load(String resource) {
    Map<String, String[]> rows = new LinkedHashMap<>();
    try (InputStream in = TsvCodeTable.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing code table resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t");
        rows.put(cells[0], cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(rows);
  }

  static List<String> sortedCodes(Map<String, String[]> table) {
    List<String> codes = new ArrayList<>(table.keySet());
    codes.sort(null);
    return List.copyOf(codes);
  }
}
