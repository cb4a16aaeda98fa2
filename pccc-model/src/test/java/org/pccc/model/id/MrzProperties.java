package org.pccc.model.id;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.arbitraries.StringArbitrary;
import net.jqwik.api.constraints.IntRange;

/**
 * MRZ guarantees (see {@link Mrz}): a generated zone with computed check digits validates and
 * parses back to its fields; replacing a digit by another digit in a field protected by a check
 * digit is always detected; for other substitutions and adjacent swaps the check digit changes
 * exactly when the standard's arithmetic says it must.
 */
class MrzProperties {

  private static final String MRZ_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<";

  /** The fields a generated MRZ is built from. */
  record Fields(
      String documentNumber,
      String birthDate,
      char sex,
      String expiryDate,
      String state,
      String primary,
      String secondary) {}

  @Provide
  Arbitrary<Fields> fields() {
    Arbitrary<String> number =
        Arbitraries.strings().withChars("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray())
            .ofMinLength(1).ofMaxLength(9);
    Arbitrary<String> date =
        Arbitraries.integers().between(0, 99).flatMap(
            year -> Arbitraries.integers().between(1, 12).flatMap(
                month -> Arbitraries.integers().between(1, 28)
                    .map(day -> String.format("%02d%02d%02d", year, month, day))));
    Arbitrary<Character> sex = Arbitraries.of('F', 'M', 'X', '<');
    Arbitrary<String> state = Arbitraries.of("UTO", "SRB", "MKD", "BIH", "HRV", "D", "GRC", "TUR");
    Arbitrary<String> name =
        Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(10);
    return Combinators.combine(number, date, sex, date, state, name, name).as(Fields::new);
  }

  static String pad(String s, int length) {
    return (s + "<".repeat(length)).substring(0, length);
  }

  static String td3(Fields f) {
    String state = pad(f.state(), 3);
    String l1 = pad("P<" + state + f.primary() + "<<" + f.secondary(), 44);
    String doc = pad(f.documentNumber(), 9);
    String optional = "<".repeat(14);
    String l2 =
        doc + Reference.mrzDigit(doc) + state + f.birthDate() + Reference.mrzDigit(f.birthDate())
            + f.sex() + f.expiryDate() + Reference.mrzDigit(f.expiryDate()) + optional
            + Reference.mrzDigit(optional);
    l2 += Reference.mrzDigit(l2.substring(0, 10) + l2.substring(13, 20) + l2.substring(21, 43));
    return l1 + "\n" + l2;
  }

  static String td1(Fields f) {
    String state = pad(f.state(), 3);
    String doc = pad(f.documentNumber(), 9);
    String l1 = pad("I<" + state + doc + Reference.mrzDigit(doc), 30);
    String l2 =
        f.birthDate() + Reference.mrzDigit(f.birthDate()) + f.sex() + f.expiryDate()
            + Reference.mrzDigit(f.expiryDate()) + state + "<".repeat(11);
    l2 += Reference.mrzDigit(l1.substring(5, 30) + l2.substring(0, 7) + l2.substring(8, 15)
        + l2.substring(18, 29));
    String l3 = pad(f.primary() + "<<" + f.secondary(), 30);
    return l1 + "\n" + l2 + "\n" + l3;
  }

  static String td2(Fields f) {
    String state = pad(f.state(), 3);
    String l1 = pad("I<" + state + f.primary() + "<<" + f.secondary(), 36);
    String doc = pad(f.documentNumber(), 9);
    String l2 =
        doc + Reference.mrzDigit(doc) + state + f.birthDate() + Reference.mrzDigit(f.birthDate())
            + f.sex() + f.expiryDate() + Reference.mrzDigit(f.expiryDate()) + "<".repeat(7);
    l2 += Reference.mrzDigit(l2.substring(0, 10) + l2.substring(13, 20) + l2.substring(21, 35));
    return l1 + "\n" + l2;
  }

  @Property
  void generatedZonesValidateAndParseBack(@ForAll("fields") Fields f) {
    for (String mrz : new String[] {td3(f), td1(f), td2(f)}) {
      Outcomes.assertOutcome(mrz, Mrz.check(mrz), true, null);
      MrzData data = Mrz.parse(mrz).orElseThrow();
      assertThat(data.documentNumber()).isEqualTo(f.documentNumber());
      assertThat(data.birthDate()).isEqualTo(f.birthDate());
      assertThat(data.expiryDate()).isEqualTo(f.expiryDate());
      assertThat(data.sex()).isEqualTo(f.sex());
      assertThat(data.issuingState()).isEqualTo(f.state());
      assertThat(data.nationality()).isEqualTo(f.state());
      assertThat(data.primaryIdentifier()).isEqualTo(f.primary());
      assertThat(data.secondaryIdentifier()).isEqualTo(f.secondary());
    }
  }

  /**
   * Positions of the check-digit-protected fields in the second TD3 line: document number (0-8),
   * birth date (13-18), expiry date (21-26).
   */
  @Property
  void digitForDigitSubstitutionInAProtectedFieldIsAlwaysDetected(
      @ForAll("fields") Fields f,
      @ForAll @IntRange(min = 0, max = 20) int pick,
      @ForAll @IntRange(min = 1, max = 9) int shift) {
    int[] protectedPositions = {
      0, 1, 2, 3, 4, 5, 6, 7, 8, 13, 14, 15, 16, 17, 18, 21, 22, 23, 24, 25, 26
    };
    int position = protectedPositions[pick];
    String mrz = td3(f);
    int at = 45 + position; // 44 characters of line 1 and the line break
    char original = mrz.charAt(at);
    Assume.that(Character.isDigit(original));
    char replacement = (char) ('0' + (original - '0' + shift) % 10);
    String mutated = ContainerNumberProperties.replace(mrz, at, replacement);
    Outcomes.assertOutcome(mutated, Mrz.check(mutated), false, "");
    assertThat(Mrz.parse(mutated)).isEmpty();
  }

  @Property
  void substitutionChangesTheCheckDigitExactlyWhenValuesDifferModTen(
      @ForAll("mrzFields") String field,
      @ForAll @IntRange(min = 0, max = 19) int position,
      @ForAll @IntRange(min = 0, max = 36) int pick) {
    Assume.that(position < field.length());
    char replacement = MRZ_CHARS.charAt(pick);
    String mutated = ContainerNumberProperties.replace(field, position, replacement);
    boolean changed = Mrz.checkDigit(mutated) != Mrz.checkDigit(field);
    int delta = Reference.mrzValue(replacement) - Reference.mrzValue(field.charAt(position));
    assertThat(changed).isEqualTo(Math.floorMod(delta, 10) != 0);
  }

  @Property
  void adjacentSwapChangesTheCheckDigitExactlyWhenTheArithmeticSaysSo(
      @ForAll("mrzFields") String field, @ForAll @IntRange(min = 0, max = 18) int position) {
    Assume.that(position + 1 < field.length());
    char a = field.charAt(position);
    char b = field.charAt(position + 1);
    String swapped =
        ContainerNumberProperties.replace(
            ContainerNumberProperties.replace(field, position, b), position + 1, a);
    boolean changed = Mrz.checkDigit(swapped) != Mrz.checkDigit(field);
    int delta =
        (Reference.mrzValue(a) - Reference.mrzValue(b))
            * (Reference.mrzWeight(position) - Reference.mrzWeight(position + 1));
    assertThat(changed).isEqualTo(Math.floorMod(delta, 10) != 0);
  }

  @Property
  void checkDigitAgreesWithTheReference(@ForAll("mrzFields") String field) {
    assertThat((char) ('0' + Mrz.checkDigit(field))).isEqualTo(Reference.mrzDigit(field));
  }

  @Provide
  Arbitrary<String> mrzFields() {
    return Arbitraries.strings().withChars(MRZ_CHARS.toCharArray()).ofMinLength(1).ofMaxLength(20);
  }

  /** Random zones of the right shape reach deep into the parser; none may throw or echo. */
  @Property
  void randomZonesOfTheRightShapeNeverThrow(
      @ForAll("shapedZones") String mrz) {
    IdCheck result = Mrz.check(mrz);
    Outcomes.assertNoEcho(mrz, result);
    assertThat(Mrz.parse(mrz).isPresent()).isEqualTo(result.valid());
  }

  @Provide
  Arbitrary<String> shapedZones() {
    StringArbitrary chars = Arbitraries.strings().withChars(MRZ_CHARS.toCharArray());
    Arbitrary<String> line30 = chars.ofLength(30);
    Arbitrary<String> line36 = chars.ofLength(36);
    Arbitrary<String> line44 = chars.ofLength(44);
    return Arbitraries.oneOf(
        line30.list().ofSize(3).map(lines -> String.join("\n", lines)),
        line36.list().ofSize(2).map(lines -> String.join("\n", lines)),
        line44.list().ofSize(2).map(lines -> String.join("\n", lines)),
        line36.map(l -> "V" + l.substring(1) + "\n" + l),
        line44.map(l -> "P<" + l.substring(2) + "\n" + l));
  }
}
