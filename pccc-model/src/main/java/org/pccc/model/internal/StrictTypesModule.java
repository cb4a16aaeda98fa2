package org.pccc.model.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Strict wire forms for time and identifiers: timestamps are RFC 3339 in UTC with {@code Z},
 * dates are {@code YYYY-MM-DD}, UUIDs are the 36-character form. Jackson's defaults accept
 * offsets, epoch numbers and base64 UUIDs, which partner schemas would reject.
 */
public final class StrictTypesModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /** RFC 3339 date-time in UTC, fraction optional. Shared with the JSON Schema. */
  public static final String INSTANT_PATTERN =
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?Z$";

  /** A calendar date. Shared with the JSON Schema. */
  public static final String DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

  /** A UUID in its 36-character form. Shared with the JSON Schema. */
  public static final String UUID_PATTERN =
      "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

  private static final Pattern INSTANT = Pattern.compile(INSTANT_PATTERN);
  private static final Pattern DATE = Pattern.compile(DATE_PATTERN);
  private static final Pattern UUID_RE = Pattern.compile(UUID_PATTERN);

  private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

  /** Creates the module. */
  public StrictTypesModule() {
    super("pccc-strict-types");
    addSerializer(Instant.class, new ToStringSerializer<>());
    addSerializer(LocalDate.class, new ToStringSerializer<>());
    addSerializer(UUID.class, new ToStringSerializer<>());
    addDeserializer(Instant.class, new StrictDeserializer<>(Instant.class, INSTANT, StrictTypesModule::instant));
    addDeserializer(LocalDate.class, new StrictDeserializer<>(LocalDate.class, DATE, StrictTypesModule::date));
    addDeserializer(UUID.class, new StrictDeserializer<>(UUID.class, UUID_RE, UUID::fromString));
  }

  /**
   * Reads a timestamp that matches {@link #INSTANT_PATTERN}: the same instant as
   * {@link Instant#parse}, which takes about a microsecond as it builds a formatter on every call.
   * The digits are at fixed places, so {@link LocalDateTime#of} gives the same instant wherever it
   * accepts the fields; the rest (an invalid field, and the forms that {@code Instant.parse} reads
   * leniently: {@code 24:00:00} as the next midnight and the leap second {@code 23:59:60}) is left
   * to {@code Instant.parse}.
   *
   * @param text a text that matches {@link #INSTANT_PATTERN}
   * @return the instant
   * @throws DateTimeException if {@link Instant#parse} rejects the text
   */
  static Instant instant(String text) {
    int end = text.length() - 1; // the Z
    int nanos = 0;
    if (end > 19) {
      // ".f" to ".fffffffff": scale the fraction to nanoseconds
      nanos = Integer.parseInt(text, 20, end, 10) * POWERS_OF_TEN[9 - (end - 20)];
    }
    try {
      return LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10), digits(text, 11, 13),
          digits(text, 14, 16), digits(text, 17, 19), nanos).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return Instant.parse(text);
    }
  }

  /**
   * Reads a date that matches {@link #DATE_PATTERN}: {@link LocalDate#of} checks exactly what the
   * strict {@link LocalDate#parse} checks once the form is right, without its formatter.
   *
   * @param text a text that matches {@link #DATE_PATTERN}
   * @return the date
   * @throws DateTimeException if the text is not a calendar date
   */
  static LocalDate date(String text) {
    return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
  }

  private static int digits(String text, int from, int to) {
    return Integer.parseInt(text, from, to, 10);
  }

  private static final class ToStringSerializer<T> extends JsonSerializer<T> {
    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeString(value.toString());
    }
  }

  private interface Parser<T> {
    T parse(String text);
  }

  private static final class StrictDeserializer<T> extends JsonDeserializer<T> {
    private final Class<T> type;
    private final Pattern pattern;
    private final Parser<T> parser;

    StrictDeserializer(Class<T> type, Pattern pattern, Parser<T> parser) {
      this.type = type;
      this.pattern = pattern;
      this.parser = parser;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return type.cast(ctxt.handleUnexpectedToken(type, p));
      }
      String text = p.getText();
      if (!pattern.matcher(text).matches()) {
        // The message must not echo the input: it may be personal data.
        throw ctxt.weirdStringException("", type, "wrong format for " + type.getSimpleName());
      }
      try {
        return parser.parse(text);
      } catch (DateTimeException | IllegalArgumentException e) {
        throw ctxt.weirdStringException("", type, "not a valid " + type.getSimpleName());
      }
    }
  }
}
