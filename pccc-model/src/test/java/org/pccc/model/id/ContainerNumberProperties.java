package org.pccc.model.id;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * ISO 6346 guarantees (see {@link ContainerNumber}): a single substitution or adjacent swap is
 * detected when the two character values differ mod 11 and the correct remainder is not 0 or 10.
 */
class ContainerNumberProperties {

  private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String DIGITS = "0123456789";

  @Provide
  Arbitrary<String> containerNumbers() {
    Arbitrary<String> owner = Arbitraries.strings().withCharRange('A', 'Z').ofLength(3);
    Arbitrary<Character> category = Arbitraries.of('U', 'J', 'Z');
    Arbitrary<String> serial = Arbitraries.strings().numeric().ofLength(6);
    return Combinators.combine(owner, category, serial)
        .as((o, c, s) -> o + c + s)
        .map(ten -> ten + Reference.iso6346Digit(ten, 10));
  }

  @Property
  void numberWithComputedCheckDigitIsValid(@ForAll("containerNumbers") String number) {
    Outcomes.assertOutcome(number, ContainerNumber.check(number), true, null);
    assertThat(ContainerNumber.checkDigit(number)).isEqualTo(number.charAt(10) - '0');
  }

  @Property
  void singleSubstitutionIsDetectedWhereGuaranteed(
      @ForAll("containerNumbers") String number,
      @ForAll @IntRange(min = 0, max = 10) int position,
      @ForAll @IntRange(min = 0, max = 25) int pick) {
    String alphabet = position < 3 ? LETTERS : position == 3 ? "UJZ" : DIGITS;
    char original = number.charAt(position);
    char replacement = alphabet.charAt(pick % alphabet.length());
    Assume.that(replacement != original);
    String mutated = replace(number, position, replacement);
    if (position < 10) {
      Assume.that(guaranteed(number));
      Assume.that(
          (Reference.iso6346Value(original) - Reference.iso6346Value(replacement)) % 11 != 0);
    }
    Outcomes.assertOutcome(mutated, ContainerNumber.check(mutated), false, "check digit");
  }

  @Property
  void adjacentSwapIsDetectedWhereGuaranteed(
      @ForAll("containerNumbers") String number, @ForAll @IntRange(min = 0, max = 8) int position) {
    Assume.that(position != 2 && position != 3); // swaps touching the category break the format
    char a = number.charAt(position);
    char b = number.charAt(position + 1);
    Assume.that(guaranteed(number));
    Assume.that((Reference.iso6346Value(a) - Reference.iso6346Value(b)) % 11 != 0);
    String swapped = replace(replace(number, position, b), position + 1, a);
    Outcomes.assertOutcome(swapped, ContainerNumber.check(swapped), false, "check digit");
  }

  @Property
  void printedFormNormalizesToTheValidNumber(@ForAll("containerNumbers") String number) {
    String printed =
        number.substring(0, 4).toLowerCase(java.util.Locale.ROOT) + " " + number.substring(4, 10)
            + "-" + number.charAt(10);
    assertThat(ContainerNumber.normalize(printed)).isEqualTo(number);
  }

  private static boolean guaranteed(String number) {
    int remainder = Reference.iso6346Remainder(number, 10);
    return remainder != 0 && remainder != 10;
  }

  static String replace(String s, int position, char c) {
    return s.substring(0, position) + c + s.substring(position + 1);
  }
}
