package org.pccc.model.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class ContainerNumberTest {

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/org/pccc/model/id/container-numbers.csv")
  void vectors(String description, String input, boolean valid, String reasonFragment) {
    Outcomes.assertOutcome(input, ContainerNumber.check(input), valid, reasonFragment);
  }

  @Test
  void checkDigitOfTheSpecimen() {
    assertThat(ContainerNumber.checkDigit("CSQU305438")).isEqualTo(3);
    assertThatThrownBy(() -> ContainerNumber.checkDigit("CSQU30543"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ContainerNumber.checkDigit("CSQU30543-"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void normalizeRemovesPrintedSeparators() {
    assertThat(ContainerNumber.normalize("csqu 305438-3")).isEqualTo("CSQU3054383");
    assertThat(ContainerNumber.check(ContainerNumber.normalize("CSQU 305438 3")).valid()).isTrue();
    assertThat(ContainerNumber.normalize(null)).isEmpty();
  }

  /** Documents the limits stated in the Javadoc: these errors are not detectable by ISO 6346. */
  @Test
  void lettersEqualModElevenAreInterchangeable() {
    // A = 10 and K = 21 differ by 11, so the check digit cannot tell them apart.
    assertThat(ContainerNumber.checkDigit("AAAU000001"))
        .isEqualTo(ContainerNumber.checkDigit("KAAU000001"));
  }

  @Test
  void remainderTenAndZeroShareCheckDigitZero() {
    // ABCJ000001 has remainder 10, XYZZ654321 remainder 0: both end in 0.
    assertThat(Reference.iso6346Remainder("ABCJ000001", 10)).isEqualTo(10);
    assertThat(Reference.iso6346Remainder("XYZZ654321", 10)).isZero();
    assertThat(ContainerNumber.check("ABCJ0000010").valid()).isTrue();
    assertThat(ContainerNumber.check("XYZZ6543210").valid()).isTrue();
  }
}
