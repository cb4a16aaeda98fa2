package org.pccc.model.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Checks every row of transliteration.csv (language | original | national Latin | ICAO) and reports
 * all failing rows at once.
 */
class TransliterationVectorsTest {

  private static final String FILE = "/org/pccc/model/names/transliteration.csv";

  private static List<String[]> vectors() {
    return TestData.rows(FILE);
  }

  @Test
  void theVectorFileCoversManyNamesInEveryLanguage() {
    List<String[]> rows = vectors();
    assertThat(rows).hasSizeGreaterThanOrEqualTo(80).allSatisfy(row -> assertThat(row).hasSize(4));
    Set<NameLanguage> hinted = EnumSet.noneOf(NameLanguage.class);
    for (String[] row : rows) {
      if (!row[0].equals("NONE")) {
        hinted.add(NameLanguage.valueOf(row[0]));
      }
    }
    assertThat(hinted).containsExactlyInAnyOrder(NameLanguage.values());
  }

  @Test
  void nationalLatinFormsMatchTheVectors() {
    SoftAssertions soft = new SoftAssertions();
    for (String[] row : vectors()) {
      String actual =
          row[0].equals("NONE")
              ? Transliterator.toLatin(row[1])
              : Transliterator.toLatin(row[1], NameLanguage.valueOf(row[0]));
      soft.assertThat(actual).as("toLatin(%s, %s)", row[1], row[0]).isEqualTo(nfc(row[2]));
    }
    soft.assertAll();
  }

  @Test
  void icaoFormsMatchTheVectors() {
    SoftAssertions soft = new SoftAssertions();
    for (String[] row : vectors()) {
      String actual =
          row[0].equals("NONE")
              ? Transliterator.toIcao(row[1])
              : Transliterator.toIcao(row[1], NameLanguage.valueOf(row[0]));
      soft.assertThat(actual).as("toIcao(%s, %s)", row[1], row[0]).isEqualTo(row[3]);
    }
    soft.assertAll();
  }

  @Test
  void mrzFieldsAreTheIcaoFormsWithFillers() {
    SoftAssertions soft = new SoftAssertions();
    for (String[] row : vectors()) {
      String actual =
          row[0].equals("NONE")
              ? Transliterator.toMrzField(row[1])
              : Transliterator.toMrzField(row[1], NameLanguage.valueOf(row[0]));
      soft.assertThat(actual).as("toMrzField(%s)", row[1]).isEqualTo(row[3].replace(' ', '<'));
    }
    soft.assertAll();
  }

  @Test
  void reversibleSchemesGiveTheCyrillicBack() {
    SoftAssertions soft = new SoftAssertions();
    int checked = 0;
    for (String[] row : vectors()) {
      if (row[0].equals("NONE") || !NameLanguage.valueOf(row[0]).supportsToCyrillic()) {
        continue;
      }
      String back = Transliterator.toCyrillic(row[2], NameLanguage.valueOf(row[0]));
      soft.assertThat(back).as("toCyrillic(%s, %s)", row[2], row[0]).isEqualTo(nfc(row[1]));
      checked++;
    }
    soft.assertAll();
    assertThat(checked).isGreaterThanOrEqualTo(40);
  }

  @Test
  void everyFormOfAVectorNameSharesAKeyWithTheOriginal() {
    List<String> failures = new ArrayList<>();
    for (String[] row : vectors()) {
      for (String form : List.of(row[2], row[3])) {
        if (!form.isEmpty() && !NameMatchKeys.matches(row[1], form)) {
          failures.add(row[1] + " !~ " + form);
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  private static String nfc(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC);
  }
}
