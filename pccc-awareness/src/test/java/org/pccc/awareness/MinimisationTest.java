package org.pccc.awareness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pccc.model.code.HandlingCode;
import org.junit.jupiter.api.Test;

/**
 * No value from a message's personal or free-text fields reaches the picture's default exports;
 * subject identifiers appear only where the handling code and the caller's option both allow.
 */
class MinimisationTest {

  static Map<String, String> defaultExports(PictureView view) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("geojson", PictureExports.geoJson(view, Traffic.PLACES));
    out.put("json", PictureExports.json(view));
    out.put("json with subjects", PictureExports.json(view, true));
    PictureExports.csv(view).forEach((name, text) -> out.put("csv " + name, text));
    out.put("html", PicturePage.html(view, Traffic.PLACES, "Test picture"));
    out.put("toString", view.toString());
    return out;
  }

  @Test
  void personalAndFreeTextValuesReachNoDefaultExport() {
    PictureView view = ScriptedDay.view();
    // The test is only worth something if the view is full: every part has content.
    assertThat(view.alerts()).hasSize(2);
    assertThat(view.requests()).hasSize(5);
    assertThat(view.notices()).hasSize(1);
    assertThat(view.situation()).isNotEmpty();
    List<String> leaks = new ArrayList<>();
    defaultExports(view).forEach((name, text) -> {
      assertThat(text).as(name).isNotBlank();
      for (String value : Traffic.PERSONAL_VALUES) {
        if (text.contains(value)) {
          leaks.add(name + " contains " + value);
        }
      }
    });
    assertThat(leaks).isEmpty();
  }

  @Test
  void subjectsOfAnH0AlertAreKeptOnlyWhenTheCallerChoseSoAndOnlyInTheExplicitExport() {
    RegionalPicture p = RegionalPicture.builder().revealSubjectsFor(HandlingCode.H0).build();
    ScriptedDay.messages().forEach(p::onMessage);
    PictureView view = p.view(new PictureQuery(ScriptedDay.AS_OF, ScriptedDay.h(-24), ScriptedDay.h(24), null));
    ActiveAlert h0 = view.alerts().stream().filter(a -> a.handling() == HandlingCode.H0).findFirst().orElseThrow();
    ActiveAlert h2 = view.alerts().stream().filter(a -> a.handling() == HandlingCode.H2).findFirst().orElseThrow();
    assertThat(h0.subjects()).extracting(SubjectIdentifier::value)
        .contains(Traffic.SURNAME + ", " + Traffic.GIVEN, "P " + Traffic.DOCUMENT, Traffic.PLATE + " (MK)");
    assertThat(h2.subjects()).isEmpty();
    assertThat(PictureExports.json(view, true)).contains(Traffic.SURNAME, Traffic.DOCUMENT, Traffic.PLATE);
    // The default exports still carry none of it, nor any free text.
    Map<String, String> exports = defaultExports(view);
    exports.remove("json with subjects");
    exports.remove("toString");
    exports.forEach((name, text) -> {
      for (String value : Traffic.PERSONAL_VALUES) {
        assertThat(text).as(name).doesNotContain(value);
      }
    });
  }

  @Test
  void handlingCodesThatForbidPassingOnCannotBeRevealed() {
    assertThatThrownBy(() -> RegionalPicture.builder().revealSubjectsFor(HandlingCode.H2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RegionalPicture.builder().revealSubjectsFor(HandlingCode.H3))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
