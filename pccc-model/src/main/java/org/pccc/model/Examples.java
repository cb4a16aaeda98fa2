package org.pccc.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The example corpus shipped with the model: realistic synthetic messages, one or more per body
 * kind, read from the classpath folder {@code org/pccc/model/examples/}. Stateless and thread-safe.
 */
public final class Examples {
  private static final String FOLDER = "/org/pccc/model/examples/";
  /** A JSON string holding an RFC 3339 UTC date-time, the only form the model writes an instant in. */
  private static final Pattern INSTANT = Pattern.compile("\"(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?Z)\"");
  private static final Pattern CREATED_AT = Pattern.compile("\"createdAt\"\\s*:\\s*" + INSTANT.pattern());

  private Examples() {}

  /** Returns the file names of the corpus, in order. */
  public static List<String> names() {
    String index = new String(read("index.txt"), StandardCharsets.UTF_8);
    return Arrays.stream(index.split("\n")).map(String::strip).filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableList());
  }

  /** Returns every example as file name to JSON bytes, in order. */
  public static Map<String, byte[]> all() {
    Map<String, byte[]> all = new LinkedHashMap<>();
    for (String name : names()) {
      all.put(name, read(name));
    }
    return all;
  }

  /**
   * Returns one example's JSON bytes.
   *
   * @param name the file name, for example {@code reply-refusal.json}
   * @return the bytes
   * @throws IllegalArgumentException if there is no such example
   */
  public static byte[] read(String name) {
    if (name.contains("/") || name.contains("..")) {
      throw new IllegalArgumentException("example names have no path");
    }
    try (InputStream in = Examples.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no such example");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns one example's JSON bytes as if it had been written at {@code createdAt}: every instant in
   * the document (created-at, due-by, validity ends, periods, expected-by...) moves by the same
   * amount, so the message keeps its meaning and stays valid, while nothing in it depends on the
   * day the example was written. Dates without a time (birth dates, issue dates) do not move.
   *
   * <p>Tests that run on the real clock use this instead of {@link #read}: an example read as is
   * carries fixed instants that a clock-based check (certificate validity, the opener's age
   * window, an alert's validity) judges differently on each day the test runs.
   *
   * @param name the file name, for example {@code alert-stolen-vehicle.json}
   * @param createdAt the new created-at; truncated to whole seconds, as the examples are written
   * @return the bytes, UTF-8 JSON
   * @throws IllegalArgumentException if there is no such example or it has no created-at
   */
  public static byte[] readAt(String name, Instant createdAt) {
    String json = new String(read(name), StandardCharsets.UTF_8);
    Matcher created = CREATED_AT.matcher(json);
    if (!created.find()) {
      throw new IllegalArgumentException("the example has no createdAt");
    }
    Duration shift = Duration.between(Instant.parse(created.group(1)), createdAt.truncatedTo(ChronoUnit.SECONDS));
    StringBuilder out = new StringBuilder(json.length() + 16);
    Matcher m = INSTANT.matcher(json);
    while (m.find()) {
      Instant moved;
      try {
        moved = Instant.parse(m.group(1)).plus(shift);
      } catch (DateTimeParseException e) {
        continue; // not a real instant (say, month 13 in a deliberately invalid example): leave it
      }
      m.appendReplacement(out, Matcher.quoteReplacement("\"" + moved + "\""));
    }
    m.appendTail(out);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
