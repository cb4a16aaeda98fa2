package org.pccc.model.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdCheckTest {

  @Test
  void okIsValidWithoutReason() {
    assertThat(IdCheck.ok().valid()).isTrue();
    assertThat(IdCheck.ok().reason()).isEmpty();
    assertThat(IdCheck.ok()).isSameAs(IdCheck.ok());
  }

  @Test
  void invalidCarriesItsReason() {
    IdCheck check = IdCheck.invalid("length must be 17");
    assertThat(check.valid()).isFalse();
    assertThat(check.reason()).isEqualTo("length must be 17");
  }

  @Test
  void invariantsAreEnforced() {
    assertThatThrownBy(() -> IdCheck.invalid(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IdCheck(true, "why")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IdCheck(false, null)).isInstanceOf(NullPointerException.class);
  }
}
