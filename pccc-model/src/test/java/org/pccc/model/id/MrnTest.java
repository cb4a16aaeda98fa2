package org.pccc.model.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class MrnTest {

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/org/pccc/model/id/mrns.csv")
  void vectors(String description, String input, boolean valid, String reasonFragment) {
    Outcomes.assertOutcome(input, Mrn.check(input), valid, reasonFragment);
  }

  @Test
  void checkCharacterOfPublishedExample() {
    assertThat(Mrn.checkCharacter("15ITQ1V1T0240456E")).isEqualTo('9');
    assertThat(Mrn.checkCharacter("24DE1234567890123")).isEqualTo('0');
    assertThatThrownBy(() -> Mrn.checkCharacter("15IT"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Mrn.checkCharacter("15ITQ1V1T0240456e"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Documents a limit stated in the Javadoc: B (12) and 1 are equal mod 11. */
  @Test
  void letterEqualToDigitModElevenIsNotDetected() {
    assertThat(Mrn.checkCharacter("20GR00000000000B0"))
        .isEqualTo(Mrn.checkCharacter("20GR0000000000010"));
  }
}
