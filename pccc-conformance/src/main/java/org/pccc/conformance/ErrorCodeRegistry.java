package org.pccc.conformance;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pccc.awareness.AwarenessException;
import org.pccc.cli.CliCodes;
import org.pccc.crypto.ErrorCode;
import org.pccc.crypto.pki.KeyLoadingException;
import org.pccc.crypto.pki.TrustException;
import org.pccc.model.json.PcccJson;
import org.pccc.model.validation.ValidationCode;
import org.pccc.model.validation.ValidationException;
import org.pccc.transport.DeliveryException;
import org.pccc.transport.HandlingRestrictionException;
import org.pccc.transport.InboundRefusedException;
import org.pccc.transport.ReplyException;
import org.pccc.transport.file.FileTransport;
import org.pccc.transport.https.EnvelopeServlet;
import org.pccc.transport.https.HttpsTransport;
import org.pccc.transport.spi.TransportException;
import org.pccc.transport.store.StoreException;

/**
 * Every stable error code ({@code PCCC-dddd}) of every module, read from the classes that define
 * them, and the number ranges each part of the SDK draws from. A code means one thing for ever:
 * {@code ErrorCodeRegistryTest} fails when two constants share a number, when a code lies outside
 * the ranges, or when main code uses a {@code "PCCC-dddd"} literal that no constant here defines.
 *
 * <p>Adding a code to an existing enum or constant class needs no change here. A new class that
 * defines codes is one line in {@link #SOURCES}; a new range is one line in {@link #RANGES}.
 * (Codes of {@code pccc-transport-kafka}, which this module does not depend on, must be constants
 * of {@link TransportException}; the test's scan of the main sources enforces it.)
 *
 * <p>Thread safety: immutable; {@link #entries()} reads constants only.
 */
public final class ErrorCodeRegistry {
  private static final Pattern CODE = Pattern.compile("^PCCC-[0-9]{4}$");

  /**
   * The classes that define codes, one a line. An enum contributes each constant's {@code code()};
   * any other class its {@code public static final String} fields whose value is a code.
   */
  static final List<Class<?>> SOURCES = List.of(
      ValidationCode.class,
      ValidationException.class,
      PcccJson.class,
      CliCodes.class,
      ErrorCode.class,
      TransportException.class,
      DeliveryException.class,
      ReplyException.class,
      HandlingRestrictionException.class,
      StoreException.class,
      InboundRefusedException.class,
      FileTransport.class,
      HttpsTransport.class,
      EnvelopeServlet.class,
      AwarenessException.class);

  /**
   * Classes that repeat codes of {@link ErrorCode} with the same meaning (a finer-grained type for
   * callers); each of their codes must be one that a source defines.
   */
  static final List<Class<?>> ALIASES = List.of(
      TrustException.Reason.class, // its four reasons are ErrorCode 2009, 2010, 2011, 2019
      KeyLoadingException.class); // ErrorCode.KEY_UNSUPPORTED (2901): a key we cannot use

  /** The number ranges, one a line; they never overlap. */
  static final List<Range> RANGES = List.of(
      new Range(0, 899, "pccc-model: validation (ValidationCode; 0000 = no error)"),
      new Range(900, 909, "pccc-model: other failures (JSON writing)"),
      new Range(910, 919, "pccc CLI (pccc-conformance): usage, files, unexpected failures"),
      new Range(2000, 2099, "pccc-crypto: an envelope, receipt or directory was refused"),
      new Range(2900, 2999, "pccc-crypto: our own setup is wrong (keys, providers, settings)"),
      new Range(3000, 3099, "transports and delivery (SPI, node, mem/https/file/kafka)"),
      new Range(3100, 3199, "pccc-transport: handling restrictions"),
      new Range(4000, 4099, "pccc-transport: durable stores"),
      new Range(4100, 4199, "pccc-awareness: the regional picture and statistics"));

  private ErrorCodeRegistry() {}

  /**
   * A code and the constant that defines it.
   *
   * @param code the code, {@code PCCC-dddd}
   * @param symbol the defining constant, as {@code Class.NAME}
   */
  public record Entry(String code, String symbol) {
    /** Returns the number of the code, for example 2007. */
    public int number() {
      return Integer.parseInt(code.substring(5));
    }
  }

  /**
   * A range of code numbers and what they are for.
   *
   * @param first the first number
   * @param last the last number, inclusive
   * @param owner the module and the kind of failure
   */
  public record Range(int first, int last, String owner) {
    /** Whether the number lies in this range. */
    public boolean contains(int number) {
      return number >= first && number <= last;
    }
  }

  /** Returns every code that the sources define, sorted by number (a collision shows twice). */
  public static List<Entry> entries() {
    return read(SOURCES);
  }

  /** Returns the codes that the alias classes repeat. */
  static List<Entry> aliasEntries() {
    return read(ALIASES);
  }

  /** Returns the ranges, by first number. */
  public static List<Range> ranges() {
    return RANGES.stream().sorted(Comparator.comparingInt(Range::first)).toList();
  }

  /** Returns the range a number lies in, if any. */
  public static Optional<Range> rangeOf(int number) {
    return RANGES.stream().filter(r -> r.contains(number)).findFirst();
  }

  private static List<Entry> read(List<Class<?>> classes) {
    List<Entry> entries = new ArrayList<>();
    for (Class<?> c : classes) {
      if (c.isEnum()) {
        readEnum(c, entries);
      } else {
        readConstants(c, entries);
      }
    }
    entries.sort(Comparator.comparing(Entry::code).thenComparing(Entry::symbol));
    return List.copyOf(entries);
  }

  private static void readEnum(Class<?> c, List<Entry> into) {
    try {
      Method code = c.getMethod("code");
      for (Object constant : c.getEnumConstants()) {
        into.add(new Entry((String) code.invoke(constant), name(c) + "." + ((Enum<?>) constant).name()));
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(c.getName() + " has no public code() method", e);
    }
  }

  private static void readConstants(Class<?> c, List<Entry> into) {
    for (Field f : c.getFields()) {
      int m = f.getModifiers();
      if (Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == String.class
          && f.getDeclaringClass() == c) {
        try {
          String value = (String) f.get(null);
          if (value != null && CODE.matcher(value).matches()) {
            into.add(new Entry(value, name(c) + "." + f.getName()));
          }
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  private static String name(Class<?> c) {
    return c.getName().substring(c.getPackageName().length() + 1).replace('$', '.');
  }
}
