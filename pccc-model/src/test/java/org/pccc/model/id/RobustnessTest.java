package org.pccc.model.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Every check returns a value for hostile input, quickly, and never repeats the input. */
class RobustnessTest {

  private static final int TEN_MEGABYTES = 10 * 1024 * 1024;

  private static final List<String> HUGE_INPUTS =
      List.of(
          "A".repeat(TEN_MEGABYTES),
          "7".repeat(TEN_MEGABYTES),
          "+" + "3".repeat(TEN_MEGABYTES),
          ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n").repeat(TEN_MEGABYTES / 45));

  @Test
  void nullAndEmptyAreInvalidWithAReason() {
    for (Map.Entry<String, Function<String, IdCheck>> check : Outcomes.ALL_CHECKS.entrySet()) {
      IdCheck ofNull = check.getValue().apply(null);
      IdCheck ofEmpty = check.getValue().apply("");
      assertThat(ofNull.valid()).as(check.getKey()).isFalse();
      assertThat(ofNull.reason()).as(check.getKey()).contains("missing");
      assertThat(ofEmpty.valid()).as(check.getKey()).isFalse();
      assertThat(ofEmpty.reason()).as(check.getKey()).contains("empty");
    }
  }

  @Test
  void tenMegabyteInputsAreRejectedQuickly() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () -> {
          for (String input : HUGE_INPUTS) {
            for (Map.Entry<String, Function<String, IdCheck>> check :
                Outcomes.ALL_CHECKS.entrySet()) {
              IdCheck result = check.getValue().apply(input);
              assertThat(result.valid()).as(check.getKey()).isFalse();
              Outcomes.assertNoEcho(input, result);
            }
            assertThat(Mrz.parse(input)).isEmpty();
            assertThat(Vin.hasValidCheckDigit(input)).isFalse();
            assertThat(PhoneNumber.regionCountry(input)).isEmpty();
          }
        });
  }
}
