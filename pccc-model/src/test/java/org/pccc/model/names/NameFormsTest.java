package org.pccc.model.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class NameFormsTest {

  @Test
  void derivesEveryFormFromTheOriginal() {
    NameForms forms = NameForms.of("Ђорђе Петровић", NameLanguage.SERBIAN);
    assertThat(forms.original()).isEqualTo("Ђорђе Петровић");
    assertThat(forms.script()).isEqualTo(Script.CYRILLIC);
    assertThat(forms.nationalLatin()).isEqualTo("Đorđe Petrović");
    assertThat(forms.icao()).isEqualTo("DORDE PETROVIC");
    assertThat(forms.primaryKey()).isEqualTo("DJORDJE PETROVIC");
    assertThat(forms.matchKeys()).containsExactly("DJORDJE PETROVIC", "DORDE PETROVIC");
  }

  @Test
  void withoutAHintTheLanguageIsGuessed() {
    NameForms forms = NameForms.of("Ѓорѓи Ивановиќ");
    assertThat(forms.nationalLatin()).isEqualTo("Gjorgji Ivanovikj");
    assertThat(forms.icao()).isEqualTo("GJORGJI IVANOVIKJ");
    assertThat(forms.matches(NameForms.of("Đorđi Ivanović"))).isTrue();
    assertThat(forms.matches(NameForms.of("Đorđi Ivanovski"))).isFalse();
  }

  @Test
  void greekNamesCarryTheirPassportForm() {
    NameForms forms = NameForms.of("Ευάγγελος Παπαδόπουλος");
    assertThat(forms.script()).isEqualTo(Script.GREEK);
    assertThat(forms.icao()).isEqualTo("EVANGELOS PAPADOPOULOS");
  }

  @Test
  void theConstructorChecksItsInvariants() {
    assertThatThrownBy(() -> new NameForms("Marko", Script.LATIN, "Marko", "marko", "MARKO", Set.of("MARKO")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NameForms("Marko", Script.LATIN, "Marko", "MARKO", "MARKO", Set.of("MIRKO")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("Marko");
    assertThatThrownBy(() -> new NameForms(" ", Script.LATIN, "", "", "", Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NameForms("Marko", null, "Marko", "MARKO", "MARKO", Set.of("MARKO")))
        .isInstanceOf(IllegalArgumentException.class);
    NameForms valid = new NameForms("Marko", Script.LATIN, "Marko", "MARKO", "MARKO", Set.of("MIRKO", "MARKO"));
    assertThat(valid.matchKeys()).containsExactly("MARKO", "MIRKO");
    assertThatThrownBy(() -> valid.matchKeys().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void toStringDoesNotRevealTheName() {
    NameForms forms = NameForms.of("Петровић");
    assertThat(forms.toString()).doesNotContain("Петровић", "Petrović", "PETROVIC").contains("CYRILLIC");
  }

  @Test
  void equalOriginalsGiveEqualForms() {
    assertThat(NameForms.of("Jovanović")).isEqualTo(NameForms.of("Jovanović"));
    assertThat(NameForms.of("Jovanović").hashCode()).isEqualTo(NameForms.of("Jovanović").hashCode());
  }
}
