package org.pccc.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The example corpus shipped with the model: realistic synthetic messages, one or more per body
 * kind, read from the classpath folder {@code org/pccc/model/examples/}. Stateless and thread-safe.
 */
public final class Examples {
  private static final String FOLDER = "/org/pccc/model/examples/";

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
}
