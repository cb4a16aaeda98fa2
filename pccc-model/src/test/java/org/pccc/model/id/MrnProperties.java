package org.pccc.model.id;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * MRN check character guarantees (see {@link Mrn}): substitutions and adjacent swaps are detected
 * when the values differ mod 11 and the correct remainder is not 0 or 10.
 */
class MrnProperties {

  private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String DIGITS = "0123456789";
  private static final String ALPHANUMERIC = DIGITS + LETTERS;

  @Provide
  Arbitrary<String> mrns() {
    Arbitrary<String> year = Arbitraries.strings().numeric().ofLength(2);
    Arbitrary<String> country = Arbitraries.strings().withCharRange('A', 'Z').ofLength(2);
    Arbitrary<String> identifier =
        Arbitraries.strings().withChars(ALPHANUMERIC.toCharArray()).ofLength(13);
    return Combinators.combine(year, country, identifier)
        .as((y, c, i) -> y + c + i)
        .map(first -> first + Reference.iso6346Digit(first, 17));
  }

  @Property
  void mrnWithComputedCheckCharacterIsValid(@ForAll("mrns") String mrn) {
    Outcomes.assertOutcome(mrn, Mrn.check(mrn), true, null);
  }

  @Property
  void singleSubstitutionIsDetectedWhereGuaranteed(
      @ForAll("mrns") String mrn,
      @ForAll @IntRange(min = 0, max = 16) int position,
      @ForAll @IntRange(min = 0, max = 35) int pick) {
    String alphabet = position < 2 ? DIGITS : position < 4 ? LETTERS : ALPHANUMERIC;
    char original = mrn.charAt(position);
    char replacement = alphabet.charAt(pick % alphabet.length());
    Assume.that(replacement != original);
    Assume.that(guaranteed(mrn));
    Assume.that((Reference.iso6346Value(original) - Reference.iso6346Value(replacement)) % 11 != 0);
    String mutated = ContainerNumberProperties.replace(mrn, position, replacement);
    Outcomes.assertOutcome(mutated, Mrn.check(mutated), false, "does not match");
  }

  @Property
  void digitForDigitSubstitutionIsAlwaysDetectedWhenRemainderIsNotZeroOrTen(
      @ForAll("mrns") String mrn,
      @ForAll @IntRange(min = 0, max = 16) int position,
      @ForAll @IntRange(min = 1, max = 9) int shift) {
    char original = mrn.charAt(position);
    Assume.that(Character.isDigit(original));
    Assume.that(guaranteed(mrn));
    char replacement = (char) ('0' + (original - '0' + shift) % 10);
    String mutated = ContainerNumberProperties.replace(mrn, position, replacement);
    Outcomes.assertOutcome(mutated, Mrn.check(mutated), false, "does not match");
  }

  @Property
  void adjacentSwapIsDetectedWhereGuaranteed(
      @ForAll("mrns") String mrn, @ForAll @IntRange(min = 4, max = 15) int position) {
    char a = mrn.charAt(position);
    char b = mrn.charAt(position + 1);
    Assume.that(guaranteed(mrn));
    Assume.that((Reference.iso6346Value(a) - Reference.iso6346Value(b)) % 11 != 0);
    String swapped =
        ContainerNumberProperties.replace(
            ContainerNumberProperties.replace(mrn, position, b), position + 1, a);
    Outcomes.assertOutcome(swapped, Mrn.check(swapped), false, "does not match");
  }

  private static boolean guaranteed(String mrn) {
    int remainder = Reference.iso6346Remainder(mrn, 17);
    return remainder != 0 && remainder != 10;
  }
}
