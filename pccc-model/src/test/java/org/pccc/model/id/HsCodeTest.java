package org.pccc.model.id;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class HsCodeTest {

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/org/pccc/model/id/hs-codes.csv")
  void vectors(String description, String input, boolean valid, String reasonFragment) {
    Outcomes.assertOutcome(input, HsCode.check(input), valid, reasonFragment);
  }

  @Test
  void normalizeRemovesDotsAndSpaces() {
    assertThat(HsCode.normalize("2402.20.90")).isEqualTo("24022090");
    assertThat(HsCode.normalize("2402 20 90 00")).isEqualTo("2402209000");
    assertThat(HsCode.check(HsCode.normalize("2402.20")).valid()).isTrue();
    assertThat(HsCode.normalize(null)).isEmpty();
  }
}
