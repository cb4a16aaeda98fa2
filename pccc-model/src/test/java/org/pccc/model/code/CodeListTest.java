package org.pccc.model.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pccc.model.json.PcccJson;
import org.pccc.model.validation.ValidationCode;

/**
 * Every code list: stable codes that are unique, round-trip through {@code fromCode} and JSON, and
 * unknown codes that are refused without echoing the input.
 */
class CodeListTest {
  private static final ObjectMapper MAPPER = PcccJson.newMapper();
  private static final String PROBE = "Петровић-X9";

  /** Every enum of this package that is a code list, found on the class path (not listed by hand). */
  static List<Class<?>> enumCodeLists() throws IOException, URISyntaxException {
    Path classes = Path.of(CodeList.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path folder = classes.resolve("org/pccc/model/code");
    List<Class<?>> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.sorted().collect(Collectors.toList())) {
        String file = f.getFileName().toString();
        if (!file.endsWith(".class") || file.contains("$")) {
          continue;
        }
        Class<?> type = load("org.pccc.model.code." + file.substring(0, file.length() - ".class".length()));
        if (type.isEnum() && CodeList.class.isAssignableFrom(type)) {
          found.add(type);
        }
      }
    }
    return found;
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void everyEnumCodeListIsFound() throws Exception {
    assertThat(enumCodeLists()).hasSize(18).contains(HandlingCode.class, RefusalGround.class, Sex.class,
        MessageKind.class, VehicleCategory.class, DocumentType.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enumCodeLists")
  void codesAreUniqueAndRoundTrip(Class<?> type) throws Exception {
    CodeList[] values = (CodeList[]) type.getEnumConstants();
    assertThat(values).isNotEmpty();
    Set<String> codes = new HashSet<>();
    Method fromCode = type.getMethod("fromCode", String.class);
    for (CodeList v : values) {
      assertThat(v.code()).as("%s code", v).matches("^[A-Za-z0-9][A-Za-z0-9_-]*$");
      assertThat(codes.add(v.code())).as("duplicate code %s in %s", v.code(), type.getSimpleName()).isTrue();
      assertThat(fromCode.invoke(null, v.code())).isSameAs(v);
      assertThat(v.label()).as("%s label", v).isNotBlank();
      // The wire form is the code, and it reads back.
      String json = MAPPER.writeValueAsString(v);
      assertThat(json).isEqualTo("\"" + v.code() + "\"");
      assertThat(MAPPER.readValue(json, type)).isSameAs(v);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enumCodeLists")
  void unknownCodesAreRefusedWithoutEchoingThem(Class<?> type) throws Exception {
    Method fromCode = type.getMethod("fromCode", String.class);
    for (String unknown : new String[] {PROBE, "", " ", "h0", "hit"}) {
      if (Arrays.stream(type.getEnumConstants()).anyMatch(v -> ((CodeList) v).code().equals(unknown))) {
        continue;
      }
      Throwable thrown = invoke(fromCode, unknown);
      assertThat(thrown).as("%s.fromCode(%s)", type.getSimpleName(), unknown)
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(thrown.getMessage()).doesNotContain("Петровић").doesNotContain("X9");
    }
    assertThat(invoke(fromCode, null)).isInstanceOf(IllegalArgumentException.class);
    // The enum constant's Java name is not its wire code (where the two differ).
    for (Object v : type.getEnumConstants()) {
      String name = ((Enum<?>) v).name();
      if (!name.equals(((CodeList) v).code())
          && Arrays.stream(type.getEnumConstants()).noneMatch(o -> ((CodeList) o).code().equals(name))) {
        assertThat(invoke(fromCode, name)).isInstanceOf(IllegalArgumentException.class);
      }
    }
  }

  private static Throwable invoke(Method m, String arg) {
    try {
      m.invoke(null, arg);
      return null;
    } catch (InvocationTargetException e) {
      return e.getCause();
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enumCodeLists")
  void labelsInTheRegionsLanguagesFallBackToEnglish(Class<?> type) {
    for (Object v : type.getEnumConstants()) {
      CodeList c = (CodeList) v;
      for (String tag : List.of("mk", "sr", "sq", "bg", "el", "tr", "ro", "hr", "bs", "sl", "en", "und")) {
        assertThat(c.label(Locale.forLanguageTag(tag))).isNotBlank();
      }
      assertThat(c.label(Locale.ENGLISH)).isEqualTo(c.label());
    }
  }

  // ---------------------------------------------------------------- countries

  @Test
  void countryListHas250EntriesWithKosovoAndNorthMacedonia() {
    assertThat(Country.codes()).hasSize(250).doesNotHaveDuplicates().isSorted()
        .allMatch(c -> c.matches("^[A-Z]{2}$"));
    assertThat(Country.of("XK").alpha3()).isEqualTo("XKX");
    assertThat(Country.of("XK").label()).isEqualTo("Kosovo");
    assertThat(Country.of("MK").alpha3()).isEqualTo("MKD");
    assertThat(Country.of("MK").label()).isEqualTo("North Macedonia");
    assertThat(Country.of("TR").label()).isEqualTo("Türkiye");
    assertThat(Country.codes()).contains("AL", "BA", "BG", "GR", "HR", "XK", "MD", "ME", "MK", "RO", "RS", "SI", "TR");
    Set<String> alpha3 = new HashSet<>();
    for (String code : Country.codes()) {
      Country c = Country.of(code);
      assertThat(c.alpha3()).as(code).matches("^[A-Z]{3}$");
      assertThat(alpha3.add(c.alpha3())).as("duplicate alpha-3 %s", c.alpha3()).isTrue();
      assertThat(c.label()).as(code).isNotBlank();
      assertThat(c.code()).isEqualTo(code);
    }
  }

  /** The shipped list is ISO 3166-1 as the JDK knows it, plus XK; alpha-3 codes agree with the JDK's. */
  @Test
  void countryListIsTheJdksPlusKosovo() {
    Set<String> jdk = new TreeSet<>(Arrays.asList(Locale.getISOCountries()));
    Set<String> ours = new TreeSet<>(Country.codes());
    Set<String> onlyOurs = new TreeSet<>(ours);
    onlyOurs.removeAll(jdk);
    Set<String> onlyJdk = new TreeSet<>(jdk);
    onlyJdk.removeAll(ours);
    assertThat(onlyOurs).containsExactly("XK");
    assertThat(onlyJdk).isEmpty();
    List<String> alpha3Differences = new ArrayList<>();
    for (String code : jdk) {
      String theirs = new Locale("", code).getISO3Country();
      if (!theirs.equals(Country.of(code).alpha3())) {
        alpha3Differences.add(code + ": " + Country.of(code).alpha3() + " vs JDK " + theirs);
      }
    }
    assertThat(alpha3Differences).isEmpty();
  }

  @Test
  void unknownCountriesAreRefusedWithoutEchoingThem() {
    for (String bad : new String[] {"ZZ", "mk", "MKD", "", PROBE}) {
      assertThat(Country.isKnown(bad)).as(bad).isFalse();
      assertThatThrownBy(() -> Country.of(bad)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageNotContaining(bad.isEmpty() ? "\u0000" : bad);
    }
    assertThatThrownBy(() -> Country.of(null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Country.isKnown(null)).isFalse();
    assertThat(Country.of("MK")).isEqualTo(Country.of("MK")).hasToString("MK");
  }

  // ---------------------------------------------------------------- languages

  @ParameterizedTest
  @ValueSource(strings = {"mk", "sr", "sq", "bg", "el", "tr", "ro", "hr", "bs", "sl", "en", "de", "fr", "it", "hu"})
  void languagesOfTheRegionAreThere(String code) {
    assertThat(Language.isKnown(code)).isTrue();
    assertThat(Language.of(code).code()).isEqualTo(code);
    assertThat(Language.of(code).label()).isNotBlank();
  }

  @Test
  void languageLabels() {
    assertThat(Language.of("mk").label()).isEqualTo("Macedonian");
    assertThat(Language.of("sq").label()).isEqualTo("Albanian");
    assertThat(Language.of("el").label()).isEqualTo("Greek");
    assertThat(Language.of("bs").label()).isEqualTo("Bosnian");
  }

  /**
   * ISO 639-1 as the JDK knows it, without the withdrawn codes the JDK still lists (in, iw, ji for
   * id, he, yi; mo for Moldavian, now ro). Montenegrin has no ISO 639-1 code (only cnr in 639-2/3).
   */
  @Test
  void languageListIsTheJdksWithoutWithdrawnCodes() {
    assertThat(Language.codes()).hasSize(184).doesNotHaveDuplicates().isSorted()
        .allMatch(c -> c.matches("^[a-z]{2}$"));
    Set<String> jdk = new TreeSet<>(Arrays.asList(Locale.getISOLanguages()));
    Set<String> onlyOurs = new TreeSet<>(Language.codes());
    onlyOurs.removeAll(jdk);
    Set<String> onlyJdk = new TreeSet<>(jdk);
    onlyJdk.removeAll(Language.codes());
    assertThat(onlyOurs).as("codes the JDK does not know").isEmpty();
    assertThat(onlyJdk).as("JDK codes missing from the list").containsExactlyInAnyOrder("in", "iw", "ji", "mo");
    assertThat(Language.isKnown("cnr")).isFalse();
  }

  @Test
  void unknownLanguagesAreRefusedWithoutEchoingThem() {
    for (String bad : new String[] {"xx", "MK", "mkd", "iw", PROBE}) {
      assertThat(Language.isKnown(bad)).as(bad).isFalse();
      assertThatThrownBy(() -> Language.of(bad)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageNotContaining(bad);
    }
    assertThatThrownBy(() -> Language.of(null)).isInstanceOf(IllegalArgumentException.class);
  }

  // ---------------------------------------------------------------- validation codes

  @Test
  void unknownValidationCodeIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> ValidationCode.fromCode("PCCC-9999-" + PROBE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("Петровић");
  }
}
