package org.pccc.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.pccc.conformance.ErrorCodeRegistry.Entry;
import org.pccc.conformance.ErrorCodeRegistry.Range;
import org.junit.jupiter.api.Test;

/** One meaning per code, across every module. */
class ErrorCodeRegistryTest {
  private static final Pattern LITERAL = Pattern.compile("\"(PCCC-[0-9]{4})\"");

  @Test
  void noTwoConstantsShareACode() {
    Map<String, List<String>> byCode = ErrorCodeRegistry.entries().stream()
        .collect(Collectors.groupingBy(Entry::code, TreeMap::new,
            Collectors.mapping(Entry::symbol, Collectors.toList())));
    Map<String, List<String>> collisions = new TreeMap<>(byCode);
    collisions.values().removeIf(symbols -> symbols.size() == 1);

    assertThat(collisions).as("codes defined by more than one constant").isEmpty();
    // The registry reads every source: the well-known codes are there.
    assertThat(byCode).containsKeys("PCCC-0003", "PCCC-0900", "PCCC-0910", "PCCC-2007", "PCCC-2900",
        "PCCC-3001", "PCCC-3101", "PCCC-4001");
    assertThat(byCode.get("PCCC-0003")).containsExactly("ValidationCode.WRONG_TYPE");
    assertThat(byCode.get("PCCC-2900")).containsExactly("ErrorCode.CONFIGURATION");
  }

  @Test
  void aliasesOnlyRepeatCodesThatASourceDefines() {
    Set<String> defined = codes(ErrorCodeRegistry.entries());
    assertThat(ErrorCodeRegistry.aliasEntries()).isNotEmpty()
        .allSatisfy(alias -> assertThat(defined).as(alias.symbol()).contains(alias.code()));
  }

  @Test
  void everyCodeLiesInADocumentedRangeAndRangesDoNotOverlap() {
    List<Range> ranges = ErrorCodeRegistry.ranges();
    for (int i = 1; i < ranges.size(); i++) {
      assertThat(ranges.get(i).first()).as("%s overlaps %s", ranges.get(i), ranges.get(i - 1))
          .isGreaterThan(ranges.get(i - 1).last());
    }
    List<String> outside = ErrorCodeRegistry.entries().stream()
        .filter(e -> ErrorCodeRegistry.rangeOf(e.number()).isEmpty())
        .map(e -> e.code() + " " + e.symbol()).toList();
    assertThat(outside).as("codes outside every range (add the range to ErrorCodeRegistry.RANGES "
        + "and CONTRIBUTING.md)").isEmpty();
  }

  @Test
  void mainCodeNamesCodesThroughTheirConstants() throws IOException {
    // A literal "PCCC-dddd" may appear only in the file of the constant that defines it: elsewhere
    // it is either a new code nobody registered, or an old number borrowed for another meaning.
    Map<String, Set<String>> definingFiles = new TreeMap<>();
    Stream.concat(ErrorCodeRegistry.entries().stream(), ErrorCodeRegistry.aliasEntries().stream())
        .forEach(e -> definingFiles.computeIfAbsent(e.code(), k -> new TreeSet<>())
            .add(e.symbol().split("\\.")[0] + ".java"));
    List<Path> sources = mainSources();
    // The scan sees every module, including those this module does not depend on.
    assertThat(sources).anyMatch(p -> p.toString().contains("pccc-transport-kafka"))
        .anyMatch(p -> p.endsWith("ValidationCode.java"));

    List<String> misplaced = new ArrayList<>();
    for (Path file : sources) {
      String name = file.getFileName().toString();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String code = line.strip();
        if (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*")) {
          continue; // Javadoc and comments may quote codes
        }
        Matcher m = LITERAL.matcher(line);
        while (m.find()) {
          Set<String> allowed = definingFiles.getOrDefault(m.group(1), Set.of());
          if (!allowed.contains(name)) {
            misplaced.add(m.group(1) + " in " + name + (allowed.isEmpty() ? " (not registered)"
                : " (use the constant in " + allowed + ")"));
          }
        }
      }
    }
    assertThat(misplaced).as("code literals outside their defining constant: define new codes as a "
        + "constant of a class in ErrorCodeRegistry.SOURCES").isEmpty();
  }

  private static Set<String> codes(List<Entry> entries) {
    return entries.stream().map(Entry::code).collect(Collectors.toCollection(TreeSet::new));
  }

  private static List<Path> mainSources() throws IOException {
    Path root = Path.of("").toAbsolutePath();
    while (root != null && !Files.exists(root.resolve("pccc-model"))) {
      root = root.getParent();
    }
    assertThat(root).as("the reactor root above " + Path.of("").toAbsolutePath()).isNotNull();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> modules = Files.list(root)) {
      for (Path module : modules.filter(p -> Files.isDirectory(p.resolve("src/main/java"))).toList()) {
        try (Stream<Path> walk = Files.walk(module.resolve("src/main/java"))) {
          walk.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
        }
      }
    }
    return files;
  }
}
