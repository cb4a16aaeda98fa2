package org.pccc.model.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.arbitraries.StringArbitrary;

/** No check throws, returns null or repeats its input, whatever it is given. */
class RobustnessProperties {

  @Property
  void anyStringGetsAnAnswerThatDoesNotEchoIt(@ForAll("anyStrings") String input) {
    assertAllChecksBehave(input);
  }

  @Property
  void identifierLikeStringsGetAnAnswerThatDoesNotEchoIt(@ForAll("identifierLike") String input) {
    assertAllChecksBehave(input);
  }

  @Provide
  Arbitrary<String> anyStrings() {
    return Arbitraries.strings().ofMaxLength(120);
  }

  /** Strings close to real identifiers get past the first checks and exercise the rest. */
  @Provide
  Arbitrary<String> identifierLike() {
    StringArbitrary chars =
        Arbitraries.strings().withChars("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<+ -.".toCharArray());
    return Arbitraries.oneOf(
        chars.ofLength(6), chars.ofLength(8), chars.ofLength(10), chars.ofLength(11),
        chars.ofLength(16), chars.ofLength(17), chars.ofLength(18), chars.ofMaxLength(100));
  }

  private static void assertAllChecksBehave(String input) {
    for (Map.Entry<String, Function<String, IdCheck>> check : Outcomes.ALL_CHECKS.entrySet()) {
      IdCheck result = check.getValue().apply(input);
      assertThat(result).as(check.getKey()).isNotNull();
      Outcomes.assertNoEcho(input, result);
    }
    assertThat(Mrz.parse(input)).isNotNull();
    assertThat(PhoneNumber.regionCountry(input)).isNotNull();
    Vin.hasValidCheckDigit(input);
    Vin.isCheckDigitMandatory(input);
    ContainerNumber.normalize(input);
    HsCode.normalize(input);
    TirCarnet.normalize(input);
    PhoneNumber.normalize(input);
  }
}
