package org.pccc.model.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** Checks every pair of matches.csv (first | second | MATCH or NO_MATCH | why), both ways. */
class MatchVectorsTest {

  private static final String FILE = "/org/pccc/model/names/matches.csv";

  @Test
  void theVectorFileHasManyPairsOfBothKinds() {
    List<String[]> rows = TestData.rows(FILE);
    assertThat(rows).allSatisfy(row -> assertThat(row[2]).isIn("MATCH", "NO_MATCH"));
    assertThat(rows.stream().filter(r -> r[2].equals("MATCH")).count()).isGreaterThanOrEqualTo(50);
    assertThat(rows.stream().filter(r -> r[2].equals("NO_MATCH")).count()).isGreaterThanOrEqualTo(25);
  }

  @Test
  void pairsMatchExactlyAsTheVectorsSay() {
    SoftAssertions soft = new SoftAssertions();
    for (String[] row : TestData.rows(FILE)) {
      boolean expected = row[2].equals("MATCH");
      soft.assertThat(NameMatchKeys.matches(row[0], row[1]))
          .as("%s ~ %s (%s): keys %s / %s", row[0], row[1], row[3],
              NameMatchKeys.keys(row[0]), NameMatchKeys.keys(row[1]))
          .isEqualTo(expected);
      soft.assertThat(NameMatchKeys.matches(row[1], row[0]))
          .as("symmetric: %s ~ %s", row[1], row[0])
          .isEqualTo(expected);
    }
    soft.assertAll();
  }

  @Test
  void matchingNameFormsAgreeWithMatchingStrings() {
    SoftAssertions soft = new SoftAssertions();
    for (String[] row : TestData.rows(FILE)) {
      soft.assertThat(NameForms.of(row[0]).matches(NameForms.of(row[1])))
          .as("NameForms %s ~ %s", row[0], row[1])
          .isEqualTo(row[2].equals("MATCH"));
    }
    soft.assertAll();
  }
}
