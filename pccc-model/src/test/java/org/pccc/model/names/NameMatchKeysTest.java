package org.pccc.model.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameMatchKeysTest {

  @Test
  void primaryKeysAreReadableCanonicalSpellings() {
    assertThat(NameMatchKeys.key("Петровић")).isEqualTo("PETROVIC");
    assertThat(NameMatchKeys.key("Ѓорѓи")).isEqualTo("DJORDJI");
    assertThat(NameMatchKeys.key("Đorđi")).isEqualTo("DJORDJI");
    assertThat(NameMatchKeys.key("Шћепановић")).isEqualTo("SCEPANOVIC");
    assertThat(NameMatchKeys.key("Hristo Stoichkov")).isEqualTo("HRISTO STOICKOV");
    assertThat(NameMatchKeys.key("Марија")).isEqualTo("MARIA");
    assertThat(NameMatchKeys.key("Ljubiša")).isEqualTo("LIUBISA");
  }

  @Test
  void keysHoldOneReadingPerPlausibleLanguageAndForm() {
    // Ъ is only Bulgarian: two readings, Streamlined and ICAO.
    assertThat(NameMatchKeys.keys("Кънчо")).containsExactly("KANCO", "KIENCO");
    // Ђ is only Serbian: national (Đ→DJ) and ICAO (Đ→D).
    assertThat(NameMatchKeys.keys("Ђорђе")).containsExactly("DJORDJE", "DORDE");
    // A Latin name with an umlaut: the base letter and the ICAO expansion.
    assertThat(NameMatchKeys.keys("Öztürk")).containsExactly("OEZTUERK", "OZTURK");
    assertThat(NameMatchKeys.keys("Petrović")).containsExactly("PETROVIC");
  }

  @Test
  void aHintNarrowsTheReadings() {
    assertThat(NameMatchKeys.keys("Христо", NameLanguage.BULGARIAN)).containsExactly("HRISTO");
    assertThat(NameMatchKeys.keys("Яна", NameLanguage.BULGARIAN)).containsExactly("IANA");
    assertThat(NameMatchKeys.keys("Ъгъл", NameLanguage.BULGARIAN)).containsExactly("AGAL", "IEGIEL");
    assertThat(NameMatchKeys.keys("Ъгъл", NameLanguage.SERBIAN)).containsExactly("IEGIEL");
    assertThat(NameMatchKeys.key("Христо", NameLanguage.BULGARIAN)).isEqualTo("HRISTO");
  }

  @Test
  void keysAreSortedUnmodifiableAndContainThePrimaryKey() {
    for (String name : List.of("Кънчо Първанов", "Ђорђевић", "Jürgen Müller", "Παύλος", "Иван")) {
      var keys = NameMatchKeys.keys(name);
      assertThat(keys).contains(NameMatchKeys.key(name));
      assertThat(List.copyOf(keys)).isSorted();
      assertThatThrownBy(() -> keys.add("X")).isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Test
  void namesWithoutLettersHaveNoKeysAndMatchNothing() {
    assertThat(NameMatchKeys.keys("12 34")).isEmpty();
    assertThat(NameMatchKeys.key("--")).isEmpty();
    assertThat(NameMatchKeys.matches("12", "12")).isFalse();
  }

  @Test
  void otherScriptsAreKeptSoThatTheyMeetThemselves() {
    assertThat(NameMatchKeys.matches("李小龍", "李小龍")).isTrue();
    assertThat(NameMatchKeys.matches("李小龍", "李小")).isFalse();
  }

  @Test
  void invalidInputIsRejectedWithoutEchoingIt() {
    assertThatThrownBy(() -> NameMatchKeys.keys(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NameMatchKeys.key("   ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NameMatchKeys.matches("Marko", "Jovanović".repeat(60)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("Jovanović");
    assertThatThrownBy(() -> NameMatchKeys.keys("Marko", null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
