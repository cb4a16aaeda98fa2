package org.pccc.model.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class TirCarnetTest {

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/org/pccc/model/id/tir-carnets.csv")
  void vectors(String description, String input, boolean valid, String reasonFragment) {
    Outcomes.assertOutcome(input, TirCarnet.check(input), valid, reasonFragment);
  }

  @Test
  void securityCodeMatchesTheUneceExample() {
    // UNECE TIR news, 12 April 2006: "TIR Carnets with numbers above MX51,000,000".
    assertThat(TirCarnet.securityCode(51_000_000)).isEqualTo("MX");
    assertThat(TirCarnet.securityCode(72_581_267)).isEqualTo("JX");
  }

  @Test
  void everyRemainderHasItsOwnCode() {
    java.util.Set<String> codes = new java.util.HashSet<>();
    for (int serial = 25_000_001; serial < 25_000_001 + 23; serial++) {
      String code = TirCarnet.securityCode(serial);
      assertThat(code).hasSize(2).contains("X");
      codes.add(code);
    }
    assertThat(codes).hasSize(23);
  }

  @Test
  void securityCodeRejectsSerialsWithoutOne() {
    assertThatThrownBy(() -> TirCarnet.securityCode(25_000_000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TirCarnet.securityCode(1_000_000_000))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void normalizeRemovesSeparators() {
    assertThat(TirCarnet.normalize("mx 51.000.000")).isEqualTo("MX51000000");
    assertThat(TirCarnet.check(TirCarnet.normalize("mx 51.000.000")).valid()).isTrue();
    assertThat(TirCarnet.normalize(null)).isEmpty();
  }
}
