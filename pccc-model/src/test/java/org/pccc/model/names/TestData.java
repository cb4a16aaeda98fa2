package org.pccc.model.names;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the '|'-separated vector files under src/test/resources/org/pccc/model/names. */
final class TestData {

  private static final Pattern ESCAPE = Pattern.compile("\\\\u([0-9A-Fa-f]{4})");

  private TestData() {}

  /** The rows of a vector file: comment lines (#) and empty lines skipped, \\uXXXX unescaped. */
  static List<String[]> rows(String file) {
    try (InputStream in = TestData.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("missing test vector file " + file);
      }
      List<String[]> rows = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\\|", -1);
        for (int i = 0; i < cells.length; i++) {
          cells[i] = unescape(cells[i]);
        }
        rows.add(cells);
      }
      return rows;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String unescape(String text) {
    Matcher m = ESCAPE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
    }
    m.appendTail(out);
    return out.toString();
  }
}
