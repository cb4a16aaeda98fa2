package org.pccc.model.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class VinTest {

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/org/pccc/model/id/vins.csv")
  void vectors(String description, String input, boolean valid, String reasonFragment) {
    Outcomes.assertOutcome(input, Vin.check(input), valid, reasonFragment);
  }

  @Test
  void checkDigitOfTheClassicExampleIsX() {
    assertThat(Vin.checkDigit("1M8GDM9AXKP042788")).isEqualTo('X');
    assertThat(Vin.hasValidCheckDigit("1M8GDM9AXKP042788")).isTrue();
  }

  @Test
  void hasValidCheckDigitIsIndependentOfRegion() {
    // Valid under check() because the check digit is not mandatory in Europe, but not a match.
    assertThat(Vin.check("WBA3A5C51CF256985").valid()).isTrue();
    assertThat(Vin.hasValidCheckDigit("WBA3A5C51CF256985")).isFalse();
    assertThat(Vin.hasValidCheckDigit("WBA3A5C53CF256985")).isTrue();
    assertThat(Vin.hasValidCheckDigit(null)).isFalse();
    assertThat(Vin.hasValidCheckDigit("1M8GDM9AXKP04278")).isFalse();
  }

  @Test
  void mandatoryRegions() {
    assertThat(Vin.isCheckDigitMandatory("1M8GDM9AXKP042788")).isTrue();
    assertThat(Vin.isCheckDigitMandatory("5YJSA1E18HF000001")).isTrue();
    assertThat(Vin.isCheckDigitMandatory("LSGPC52U65F000001")).isTrue();
    assertThat(Vin.isCheckDigitMandatory("6FPAAAJGCM1234567")).isFalse(); // Australia
    assertThat(Vin.isCheckDigitMandatory("WVWZZZ1JZXW000001")).isFalse();
    assertThat(Vin.isCheckDigitMandatory(null)).isFalse();
    assertThat(Vin.isCheckDigitMandatory("")).isFalse();
  }

  @Test
  void checkDigitRejectsMalformedInput() {
    assertThatThrownBy(() -> Vin.checkDigit("1M8GDM9AXKP04278"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Vin.checkDigit("1M8GDM9AXKP04278O"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Vin.checkDigit(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
