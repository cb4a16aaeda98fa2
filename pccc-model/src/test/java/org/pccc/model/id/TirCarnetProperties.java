package org.pccc.model.id;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * TIR security code guarantees (see {@link TirCarnet}): every single-digit substitution, every
 * adjacent swap of different digits and every change to the code is detected, unconditionally.
 */
class TirCarnetProperties {

  @Provide
  Arbitrary<String> carnetNumbers() {
    return Arbitraries.integers()
        .between(TirCarnet.LAST_NUMBER_WITHOUT_SECURITY_CODE + 1, 999_999_999)
        .map(serial -> Reference.tirCode(serial) + serial);
  }

  @Property
  void numberWithComputedCodeIsValid(@ForAll("carnetNumbers") String number) {
    Outcomes.assertOutcome(number, TirCarnet.check(number), true, null);
  }

  @Property
  void everyDigitSubstitutionIsDetected(
      @ForAll("carnetNumbers") String number,
      @ForAll @IntRange(min = 2, max = 10) int position,
      @ForAll @IntRange(min = 1, max = 9) int shift) {
    Assume.that(position < number.length());
    char original = number.charAt(position);
    char replacement = (char) ('0' + (original - '0' + shift) % 10);
    String mutated = ContainerNumberProperties.replace(number, position, replacement);
    IdCheck result = TirCarnet.check(mutated);
    Outcomes.assertNoEcho(mutated, result);
    org.assertj.core.api.Assertions.assertThat(result.valid()).isFalse();
  }

  @Property
  void everyAdjacentSwapOfDifferentDigitsIsDetected(
      @ForAll("carnetNumbers") String number, @ForAll @IntRange(min = 2, max = 9) int position) {
    Assume.that(position + 1 < number.length());
    char a = number.charAt(position);
    char b = number.charAt(position + 1);
    Assume.that(a != b);
    String swapped =
        ContainerNumberProperties.replace(
            ContainerNumberProperties.replace(number, position, b), position + 1, a);
    IdCheck result = TirCarnet.check(swapped);
    Outcomes.assertNoEcho(swapped, result);
    org.assertj.core.api.Assertions.assertThat(result.valid()).isFalse();
  }

  @Property
  void everyChangeToTheSecurityCodeIsDetected(
      @ForAll("carnetNumbers") String number,
      @ForAll @IntRange(min = 0, max = 1) int position,
      @ForAll @IntRange(min = 1, max = 25) int shift) {
    char replacement = (char) ('A' + (number.charAt(position) - 'A' + shift) % 26);
    String mutated = ContainerNumberProperties.replace(number, position, replacement);
    Outcomes.assertOutcome(mutated, TirCarnet.check(mutated), false, "security code");
  }
}
