package org.pccc.model.subject;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;

/**
 * A date that may be known only in part: a year ({@code 1984}), a year and month
 * ({@code 1984-03}) or a full date ({@code 1984-03-07}). Immutable.
 *
 * @param year the year, 1000 to 9999
 * @param month the month 1-12, or null
 * @param day the day of month, or null; only with a month
 */
public record PartialDate(int year, Integer month, Integer day) {
  private static final java.util.regex.Pattern FORMAT =
      java.util.regex.Pattern.compile("^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$");

  /**
   * Checks that the parts form a real calendar date.
   *
   * @throws IllegalArgumentException if they do not
   */
  public PartialDate {
    if (year < 1000 || year > 9999) {
      throw new IllegalArgumentException("year out of range");
    }
    if (day != null && month == null) {
      throw new IllegalArgumentException("a day needs a month");
    }
    if (month != null && (month < 1 || month > 12)) {
      throw new IllegalArgumentException("month out of range");
    }
    if (day != null) {
      try {
        LocalDate.of(year, month, day);
      } catch (DateTimeException e) {
        throw new IllegalArgumentException("not a calendar date");
      }
    }
  }

  /**
   * Parses {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}.
   *
   * @param text the text
   * @return the partial date
   * @throws IllegalArgumentException if the text is not one of these forms or not a real date
   */
  @JsonCreator
  public static PartialDate parse(String text) {
    Matcher m = FORMAT.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new IllegalArgumentException("expected YYYY, YYYY-MM or YYYY-MM-DD");
    }
    return new PartialDate(
        Integer.parseInt(m.group(1)),
        m.group(2) == null ? null : Integer.parseInt(m.group(2)),
        m.group(3) == null ? null : Integer.parseInt(m.group(3)));
  }

  /** Returns a full date. */
  public static PartialDate of(LocalDate date) {
    return new PartialDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
  }

  /** Returns a year-only date. */
  public static PartialDate ofYear(int year) {
    return new PartialDate(year, null, null);
  }

  /** Returns the earliest day this partial date can mean. */
  public LocalDate earliest() {
    return LocalDate.of(year, month == null ? 1 : month, day == null ? 1 : day);
  }

  /** Returns the latest day this partial date can mean. */
  public LocalDate latest() {
    if (day != null) {
      return LocalDate.of(year, month, day);
    }
    return month == null ? LocalDate.of(year, 12, 31) : YearMonth.of(year, month).atEndOfMonth();
  }

  /** Returns the wire form, for example {@code 1984-03}. */
  @JsonValue
  @Override
  public String toString() {
    // The year always has four digits (see the constructor); String.format is slow on the write path.
    StringBuilder s = new StringBuilder(10).append(year);
    if (month != null) {
      twoDigits(s.append('-'), month);
      if (day != null) {
        twoDigits(s.append('-'), day);
      }
    }
    return s.toString();
  }

  private static void twoDigits(StringBuilder s, int value) {
    if (value < 10) {
      s.append('0');
    }
    s.append(value);
  }
}
