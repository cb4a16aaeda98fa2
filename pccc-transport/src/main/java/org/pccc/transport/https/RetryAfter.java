package org.pccc.transport.https;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parses {@code Retry-After} (RFC 9110 §10.2.3): delay seconds or an HTTP date; capped at a day. */
final class RetryAfter {
  static final Duration MAX = Duration.ofDays(1);

  private RetryAfter() {}

  static Optional<Duration> parse(String value, Instant now) {
    if (value == null) {
      return Optional.empty();
    }
    String v = value.trim();
    if (!v.isEmpty() && v.length() <= 10 && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
      long seconds = Long.parseLong(v);
      return Optional.of(seconds > MAX.getSeconds() ? MAX : Duration.ofSeconds(seconds));
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(now, at);
      if (d.isNegative()) {
        return Optional.of(Duration.ZERO);
      }
      return Optional.of(d.compareTo(MAX) > 0 ? MAX : d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
