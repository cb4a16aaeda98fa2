package org.pccc.model.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Assertions shared by the identifier tests. */
final class Outcomes {

  /**
   * Inputs shorter than this are not searched for in reasons: a reason such as "length must be
   * 17" unavoidably contains the input "17". Identifiers worth protecting are longer.
   */
  static final int ECHO_WINDOW = 5;

  /** Every check of the package, by name, for tests that treat them alike. */
  static final Map<String, Function<String, IdCheck>> ALL_CHECKS = allChecks();

  private Outcomes() {}

  private static Map<String, Function<String, IdCheck>> allChecks() {
    Map<String, Function<String, IdCheck>> checks = new LinkedHashMap<>();
    checks.put("Mrz", Mrz::check);
    checks.put("Vin", Vin::check);
    checks.put("ContainerNumber", ContainerNumber::check);
    checks.put("Mrn", Mrn::check);
    checks.put("PhoneNumber", PhoneNumber::check);
    checks.put("HsCode", HsCode::check);
    checks.put("TirCarnet", TirCarnet::check);
    return Collections.unmodifiableMap(checks);
  }

  /** Asserts the expected validity and reason, and that the reason does not repeat the input. */
  static void assertOutcome(String input, IdCheck result, boolean valid, String reasonFragment) {
    assertThat(result).isNotNull();
    assertThat(result.valid()).as("valid").isEqualTo(valid);
    if (valid) {
      assertThat(result.reason()).isEmpty();
    } else {
      assertThat(result.reason()).contains(reasonFragment);
    }
    assertNoEcho(input, result);
  }

  /**
   * Asserts that the reason contains no run of {@link #ECHO_WINDOW} or more characters of the
   * input (so neither the whole value nor a field cut out of it, such as a document number).
   */
  static void assertNoEcho(String input, IdCheck result) {
    assertThat(result).isNotNull();
    String reason = result.reason();
    if (input == null || input.length() < ECHO_WINDOW) {
      return;
    }
    assertThat(reason).doesNotContain(input);
    if (input.length() > 10_000) {
      return; // a window search over megabytes would only slow the suite down
    }
    for (int i = 0; i + ECHO_WINDOW <= reason.length(); i++) {
      String window = reason.substring(i, i + ECHO_WINDOW);
      assertThat(input).as("reason window").doesNotContain(window);
    }
  }
}
