package org.pccc.model.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class MrzTest {

  private static final String TD3 =
      "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
          + "L898902C36UTO7408122F1204159ZE184226B<<<<<10";
  private static final String TD1 =
      "I<UTOD231458907<<<<<<<<<<<<<<<\n"
          + "7408122F1204159UTO<<<<<<<<<<<6\n"
          + "ERIKSSON<<ANNA<MARIA<<<<<<<<<<";
  private static final String TD2 =
      "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\n" + "D231458907UTO7408122F1204159<<<<<<<6";

  /** The vectors file writes line breaks as {@code |}. */
  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/org/pccc/model/id/mrzs.csv")
  void vectors(String description, String input, boolean valid, String reasonFragment) {
    String mrz = input == null ? null : input.replace('|', '\n');
    IdCheck result = Mrz.check(mrz);
    Outcomes.assertOutcome(mrz, result, valid, reasonFragment);
    assertThat(Mrz.parse(mrz).isPresent()).isEqualTo(valid);
  }

  @Test
  void checkDigitsOfTheSpecimenFields() {
    assertThat(Mrz.checkDigit("L898902C3")).isEqualTo(6);
    assertThat(Mrz.checkDigit("740812")).isEqualTo(2);
    assertThat(Mrz.checkDigit("120415")).isEqualTo(9);
    assertThat(Mrz.checkDigit("ZE184226B<<<<<")).isEqualTo(1);
    assertThat(Mrz.checkDigit("D23145890")).isEqualTo(7);
    assertThat(Mrz.checkDigit("")).isZero();
  }

  @Test
  void checkDigitRejectsCharactersOutsideTheMrzSet() {
    assertThatThrownBy(() -> Mrz.checkDigit("abc")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Mrz.checkDigit(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parsesTheTd3Specimen() {
    MrzData data = Mrz.parse(TD3).orElseThrow();
    assertThat(data.format()).isEqualTo(MrzFormat.TD3);
    assertThat(data.documentCode()).isEqualTo("P");
    assertThat(data.issuingState()).isEqualTo("UTO");
    assertThat(data.documentNumber()).isEqualTo("L898902C3");
    assertThat(data.birthDate()).isEqualTo("740812");
    assertThat(data.sex()).isEqualTo('F');
    assertThat(data.expiryDate()).isEqualTo("120415");
    assertThat(data.nationality()).isEqualTo("UTO");
    assertThat(data.primaryIdentifier()).isEqualTo("ERIKSSON");
    assertThat(data.secondaryIdentifier()).isEqualTo("ANNA<MARIA");
  }

  @Test
  void parsesTheTd1AndTd2Specimens() {
    MrzData td1 = Mrz.parse(TD1).orElseThrow();
    assertThat(td1.format()).isEqualTo(MrzFormat.TD1);
    assertThat(td1.documentCode()).isEqualTo("I");
    assertThat(td1.documentNumber()).isEqualTo("D23145890");
    assertThat(td1.birthDate()).isEqualTo("740812");
    assertThat(td1.expiryDate()).isEqualTo("120415");
    assertThat(td1.nationality()).isEqualTo("UTO");
    assertThat(td1.primaryIdentifier()).isEqualTo("ERIKSSON");
    assertThat(td1.secondaryIdentifier()).isEqualTo("ANNA<MARIA");

    MrzData td2 = Mrz.parse(TD2).orElseThrow();
    assertThat(td2.format()).isEqualTo(MrzFormat.TD2);
    assertThat(td2.documentNumber()).isEqualTo("D23145890");
    assertThat(td2.sex()).isEqualTo('F');
  }

  @Test
  void parsesLongDocumentNumbersWhole() {
    String td1 =
        "I<UTOD23145890<7349<<<<<<<<<<<\n"
            + "7408122F1204159UTO<<<<<<<<<<<6\n"
            + "ERIKSSON<<ANNA<MARIA<<<<<<<<<<";
    assertThat(Mrz.parse(td1).orElseThrow().documentNumber()).isEqualTo("D23145890734");
    String td2 =
        "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\n" + "D23145890<UTO7408122F1204159735<<<<0";
    assertThat(Mrz.parse(td2).orElseThrow().documentNumber()).isEqualTo("D2314589073");
  }

  @Test
  void parsesVisasAndShortStateCodes() {
    String mrvB =
        "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\n" + "L8988901C4XXX4009078F9612109<<<<<<<<";
    MrzData visa = Mrz.parse(mrvB).orElseThrow();
    assertThat(visa.format()).isEqualTo(MrzFormat.MRV_B);
    assertThat(visa.documentCode()).isEqualTo("V");
    assertThat(visa.nationality()).isEqualTo("XXX");
    String german =
        "P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<\n"
            + "C01X00T478D<<6408125F2701013<<<<<<<<<<<<<<08";
    MrzData passport = Mrz.parse(german).orElseThrow();
    assertThat(passport.issuingState()).isEqualTo("D");
    assertThat(passport.nationality()).isEqualTo("D");
    assertThat(passport.secondaryIdentifier()).isEqualTo("ERIKA");
  }

  @Test
  void acceptsWindowsLineBreaksAndOneTrailingLineBreak() {
    assertThat(Mrz.check(TD3.replace("\n", "\r\n")).valid()).isTrue();
    assertThat(Mrz.check(TD1.replace("\n", "\r\n") + "\r\n").valid()).isTrue();
    assertThat(Mrz.check(TD2 + "\n").valid()).isTrue();
    assertThat(Mrz.check(TD2 + "\n\n").valid()).isFalse();
    assertThat(Mrz.check(TD3.replace("\n", "\r")).valid()).isFalse();
  }

  @Test
  void toStringOfParsedDataHidesPersonalFields() {
    String text = Mrz.parse(TD3).orElseThrow().toString();
    assertThat(text).contains("TD3").contains("UTO");
    assertThat(text).doesNotContain("ERIKSSON", "ANNA", "L898902C3", "740812", "120415");
  }

  /** Documents a limit stated in the Javadoc: 7-3-1 mod 10 misses some adjacent swaps. */
  @Test
  void swappingZeroAndFiveIsNotDetected() {
    assertThat(Mrz.checkDigit("05")).isEqualTo(Mrz.checkDigit("50"));
  }

  @Test
  void parseOfInvalidInputIsEmpty() {
    assertThat(Mrz.parse(null)).isEmpty();
    assertThat(Mrz.parse(TD3.replace("L898902C36", "L898902C37"))).isEmpty();
  }
}
