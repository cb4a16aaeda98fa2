package org.pccc.model.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

/**
 * The strict readers of timestamps and dates give what {@link Instant#parse} and
 * {@link LocalDate#parse} give for every text of the wire pattern, valid or not: the same value,
 * or a {@link DateTimeException} from both.
 */
class StrictTypesProperties {

  /** Two digits, biased to the edges of months, hours, minutes and seconds. */
  private static Arbitrary<String> twoDigits() {
    return Arbitraries.oneOf(
        Arbitraries.of("00", "01", "12", "13", "23", "24", "28", "29", "30", "31", "32", "59", "60", "61", "99"),
        Arbitraries.strings().numeric().ofLength(2));
  }

  @Provide
  Arbitrary<String> dates() {
    Arbitrary<String> year = Arbitraries.oneOf(
        Arbitraries.of("0000", "0001", "1900", "2000", "2024", "2100", "9999"),
        Arbitraries.strings().numeric().ofLength(4));
    return Combinators.combine(year, twoDigits(), twoDigits()).as((y, m, d) -> y + "-" + m + "-" + d);
  }

  @Provide
  Arbitrary<String> instants() {
    Arbitrary<String> fraction = Arbitraries.oneOf(
        Arbitraries.just(""),
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(9).map(f -> "." + f));
    return Combinators.combine(dates(), twoDigits(), twoDigits(), twoDigits(), fraction)
        .as((date, h, m, s, f) -> date + "T" + h + ":" + m + ":" + s + f + "Z");
  }

  @Property(tries = 3000)
  void datesReadAsLocalDateParse(@ForAll("dates") String text) {
    assertThat(text).matches(Pattern.compile(StrictTypesModule.DATE_PATTERN));
    assertSame(() -> LocalDate.parse(text), () -> StrictTypesModule.date(text));
  }

  @Property(tries = 3000)
  void instantsReadAsInstantParse(@ForAll("instants") String text) {
    assertThat(text).matches(Pattern.compile(StrictTypesModule.INSTANT_PATTERN));
    assertSame(() -> Instant.parse(text), () -> StrictTypesModule.instant(text));
  }

  @Example
  void lenientFormsOfInstantParseAreKept() {
    for (String text : new String[] {
        "2026-12-31T24:00:00Z", "2026-12-31T23:59:60Z", "2026-12-31T23:59:60.5Z", "2026-12-31T24:00:00.000Z",
        "2026-12-31T24:00:01Z", "2026-12-31T23:58:60Z", "2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z",
        "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2026-11-30T08:20:00.1Z"}) {
      assertSame(() -> Instant.parse(text), () -> StrictTypesModule.instant(text));
    }
  }

  private static <T> void assertSame(java.util.function.Supplier<T> expected, java.util.function.Supplier<T> actual) {
    T want;
    try {
      want = expected.get();
    } catch (DateTimeException e) {
      assertThatThrownBy(actual::get).isInstanceOf(DateTimeException.class);
      return;
    }
    assertThat(actual.get()).isEqualTo(want);
  }
}
