package org.pccc.model.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Identifiers without a check digit: every well-formed value validates, and normalizing works. */
class FormatProperties {

  private static final Map<String, String> REGION =
      Map.ofEntries(
          Map.entry("30", "GR"), Map.entry("355", "AL"), Map.entry("359", "BG"),
          Map.entry("373", "MD"), Map.entry("381", "RS"), Map.entry("382", "ME"),
          Map.entry("383", "XK"), Map.entry("385", "HR"), Map.entry("386", "SI"),
          Map.entry("387", "BA"), Map.entry("389", "MK"), Map.entry("40", "RO"),
          Map.entry("90", "TR"));

  @Provide
  Arbitrary<String> hsCodes() {
    Arbitrary<Integer> chapter = Arbitraries.integers().between(1, 97).filter(c -> c != 77);
    Arbitrary<String> rest =
        Arbitraries.of(4, 6, 8).flatMap(n -> Arbitraries.strings().numeric().ofLength(n));
    return Combinators.combine(chapter, rest).as((c, r) -> String.format("%02d", c) + r);
  }

  @Property
  void wellFormedHsCodesAreValid(@ForAll("hsCodes") String code) {
    Outcomes.assertOutcome(code, HsCode.check(code), true, null);
  }

  @Property
  void dottedHsCodesNormalizeToValidOnes(@ForAll("hsCodes") String code) {
    String dotted = code.substring(0, 4) + "." + code.substring(4, 6) + " " + code.substring(6);
    assertThat(HsCode.normalize(dotted)).isEqualTo(code);
  }

  @Property
  void reservedChapterIsAlwaysInvalid(@ForAll("hsCodes") String code) {
    String reserved = "77" + code.substring(2);
    Outcomes.assertOutcome(reserved, HsCode.check(reserved), false, "chapter 77");
  }

  @Provide
  Arbitrary<String> e164Numbers() {
    Arbitrary<Character> first = Arbitraries.chars().range('1', '9');
    Arbitrary<String> rest = Arbitraries.strings().numeric().ofMaxLength(14);
    return Combinators.combine(first, rest).as((f, r) -> "+" + f + r);
  }

  @Property
  void wellFormedE164NumbersAreValid(@ForAll("e164Numbers") String number) {
    Outcomes.assertOutcome(number, PhoneNumber.check(number), true, null);
  }

  @Property
  void regionNumbersAreRecognised(
      @ForAll("regionCodes") String callingCode, @ForAll("subscriberNumbers") String subscriber) {
    String number = "+" + callingCode + subscriber;
    number = number.substring(0, Math.min(16, number.length()));
    assertThat(PhoneNumber.regionCountry(number)).contains(REGION.get(callingCode));
  }

  @Provide
  Arbitrary<String> regionCodes() {
    return Arbitraries.of(REGION.keySet());
  }

  @Provide
  Arbitrary<String> subscriberNumbers() {
    return Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(12);
  }

  @Property
  void writtenFormsNormalizeToE164(@ForAll("e164Numbers") String number) {
    String written = "00" + number.substring(1, 2) + " " + number.substring(2);
    assertThat(PhoneNumber.normalize(written)).isEqualTo(number);
  }
}
