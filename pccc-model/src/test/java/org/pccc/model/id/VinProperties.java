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
 * VIN check digit guarantees (see {@link Vin}): substitutions and adjacent swaps outside position
 * 9 are detected whenever the transliterated values differ.
 */
class VinProperties {

  private static final String VIN_CHARS = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";

  /** VINs from regions where the check digit is mandatory, with a correct check digit. */
  @Provide
  Arbitrary<String> mandatoryVins() {
    Arbitrary<Character> region = Arbitraries.of('1', '2', '3', '4', '5', 'L');
    Arbitrary<String> rest = Arbitraries.strings().withChars(VIN_CHARS.toCharArray()).ofLength(16);
    return Combinators.combine(region, rest)
        .as((r, s) -> r + s)
        .map(vin -> vin.substring(0, 8) + Reference.vinDigit(vin) + vin.substring(9));
  }

  /** European VINs (WMI region S to Z), position 9 arbitrary. */
  @Provide
  Arbitrary<String> europeanVins() {
    Arbitrary<Character> region = Arbitraries.of('S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z');
    Arbitrary<String> rest = Arbitraries.strings().withChars(VIN_CHARS.toCharArray()).ofLength(16);
    return Combinators.combine(region, rest).as((r, s) -> r + s);
  }

  @Property
  void vinWithComputedCheckDigitIsValid(@ForAll("mandatoryVins") String vin) {
    Outcomes.assertOutcome(vin, Vin.check(vin), true, null);
    assertThat(Vin.hasValidCheckDigit(vin)).isTrue();
  }

  @Property
  void europeanVinIsValidWhateverPositionNine(@ForAll("europeanVins") String vin) {
    Outcomes.assertOutcome(vin, Vin.check(vin), true, null);
    assertThat(Vin.hasValidCheckDigit(vin)).isEqualTo(vin.charAt(8) == Reference.vinDigit(vin));
  }

  @Property
  void substitutionIsDetectedWhenValuesDiffer(
      @ForAll("mandatoryVins") String vin,
      @ForAll @IntRange(min = 0, max = 16) int position,
      @ForAll @IntRange(min = 0, max = 32) int pick) {
    Assume.that(position != 8);
    char original = vin.charAt(position);
    char replacement = VIN_CHARS.charAt(pick);
    Assume.that(Reference.vinValue(replacement) != Reference.vinValue(original));
    String mutated = ContainerNumberProperties.replace(vin, position, replacement);
    assertThat(Vin.hasValidCheckDigit(mutated)).isFalse();
    if (position > 0) { // the first character decides whether the check digit is mandatory
      Outcomes.assertOutcome(mutated, Vin.check(mutated), false, "check digit in position 9");
    }
  }

  @Property
  void adjacentSwapIsDetectedWhenValuesDiffer(
      @ForAll("mandatoryVins") String vin, @ForAll @IntRange(min = 1, max = 15) int position) {
    Assume.that(position != 7 && position != 8); // swaps touching position 9 itself
    char a = vin.charAt(position);
    char b = vin.charAt(position + 1);
    Assume.that(Reference.vinValue(a) != Reference.vinValue(b));
    String swapped =
        ContainerNumberProperties.replace(
            ContainerNumberProperties.replace(vin, position, b), position + 1, a);
    assertThat(Vin.hasValidCheckDigit(swapped)).isFalse();
    Outcomes.assertOutcome(swapped, Vin.check(swapped), false, "check digit in position 9");
  }
}
