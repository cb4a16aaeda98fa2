package org.pccc.model.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LabelsTest {
  private static final List<Locale> REGION =
      List.of(
          Locale.forLanguageTag("mk"),
          Locale.forLanguageTag("sr"),
          Locale.forLanguageTag("sr-Latn"),
          Locale.forLanguageTag("sq"),
          Locale.forLanguageTag("bg"),
          Locale.forLanguageTag("el"));

  private static final List<CodeList> TRANSLATED = new ArrayList<>();

  static {
    TRANSLATED.addAll(List.of(MessageKind.values()));
    TRANSLATED.addAll(List.of(Urgency.values()));
    TRANSLATED.addAll(List.of(HandlingCode.values()));
    TRANSLATED.addAll(List.of(RefusalGround.values()));
  }

  @Test
  void everyRegionalLocaleTranslatesEveryKindUrgencyHandlingAndGround() {
    List<String> missing = new ArrayList<>();
    for (Locale locale : REGION) {
      for (CodeList value : TRANSLATED) {
        String label = value.label(locale);
        if (label.equals(value.label()) || label.isBlank()) {
          missing.add(locale.toLanguageTag() + " " + value.getClass().getSimpleName() + "." + value.code());
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void labelsAreInTheLocalesScript() {
    assertThat(HandlingCode.H2.label(Locale.forLanguageTag("mk"))).startsWith("Не смее");
    assertThat(MessageKind.REPLY.label(Locale.forLanguageTag("sr-Latn"))).isEqualTo("Odgovor");
    assertThat(MessageKind.REPLY.label(Locale.forLanguageTag("sr"))).isEqualTo("Одговор");
    assertThat(Urgency.URGENT.label(Locale.forLanguageTag("el"))).isEqualTo("Επείγον");
    assertThat(Urgency.URGENT.label(Locale.forLanguageTag("sq"))).isEqualTo("Urgjent");
  }

  @Test
  void unknownLocaleFallsBackToEnglish() {
    assertThat(RefusalGround.MINOR_OFFENCE.label(Locale.JAPANESE)).isEqualTo(RefusalGround.MINOR_OFFENCE.label());
    assertThat(Country.of("MK").label(Locale.forLanguageTag("mk"))).isEqualTo("North Macedonia");
  }
}
