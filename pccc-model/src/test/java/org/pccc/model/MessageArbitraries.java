package org.pccc.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.pccc.model.body.Alert;
import org.pccc.model.body.AttachmentRef;
import org.pccc.model.body.Body;
import org.pccc.model.body.DelayNotice;
import org.pccc.model.body.ErrorReport;
import org.pccc.model.body.InformationRequest;
import org.pccc.model.body.OperationalNotice;
import org.pccc.model.body.Receipt;
import org.pccc.model.body.Reply;
import org.pccc.model.body.SituationEntry;
import org.pccc.model.body.SituationReport;
import org.pccc.model.code.Agency;
import org.pccc.model.code.AlertType;
import org.pccc.model.code.AliasType;
import org.pccc.model.code.Country;
import org.pccc.model.code.DataAccess;
import org.pccc.model.code.DocumentType;
import org.pccc.model.code.ExciseCategory;
import org.pccc.model.code.HandlingCode;
import org.pccc.model.code.InformationAccuracy;
import org.pccc.model.code.Language;
import org.pccc.model.code.MessageKind;
import org.pccc.model.code.NameForm;
import org.pccc.model.code.NameScript;
import org.pccc.model.code.NoticeType;
import org.pccc.model.code.RefusalGround;
import org.pccc.model.code.ReplyOutcome;
import org.pccc.model.code.Sex;
import org.pccc.model.code.SourceReliability;
import org.pccc.model.code.Urgency;
import org.pccc.model.code.VehicleCategory;
import org.pccc.model.rules.ReplyDeadlines;
import org.pccc.model.subject.Address;
import org.pccc.model.subject.Alias;
import org.pccc.model.subject.Consignment;
import org.pccc.model.subject.Coordinates;
import org.pccc.model.subject.IdentityDocument;
import org.pccc.model.subject.Location;
import org.pccc.model.subject.Organisation;
import org.pccc.model.subject.PartialDate;
import org.pccc.model.subject.Person;
import org.pccc.model.subject.PersonName;
import org.pccc.model.subject.PhoneNumber;
import org.pccc.model.subject.Plate;
import org.pccc.model.subject.Subject;
import org.pccc.model.subject.Vehicle;

/**
 * jqwik arbitraries for every record of the model that produce only VALID values: field
 * constraints and the rules across fields (reply outcome decides its fields, alerts carry a subject
 * of their type, requests carry purpose, legal basis and a reason when urgent, times in order,
 * sender not among recipients, recipients unique, inline attachments consistent).
 *
 * <p>Free text mixes Latin with diacritics, Cyrillic and Greek (and JSON's special characters), so
 * that every generated message exercises escaping and multi-byte UTF-8.
 *
 * <p>Identifiers are valid under the real algorithms, not just the patterns, so these arbitraries
 * stay valid once the identifier checks are implemented: European VINs (W, T, V, Z: no mandatory
 * check digit), ISO 6346 container numbers with their check digit, HS chapters 01-97 except 77,
 * the ICAO Doc 9303 specimen MRZ, and no MRN.
 */
public final class MessageArbitraries {
  private MessageArbitraries() {}

  // ---------------------------------------------------------------- text

  static final String LATIN =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZčćđšžČĆĐŠŽëËçÇşŞğĞıİäöüÄÖÜăâîșțĂÂÎȘȚ";
  static final String CYRILLIC =
      "абвгдђежзијклљмнњопрстћуфхцчџшѓќѕщъьюяАБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШЃЌЅЩЪЮЯ";
  static final String GREEK = "αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩΆΈΉΊΌΎΏ";
  /** Characters that JSON must escape or that are easy to get wrong, plus a few symbols. */
  static final String SPECIAL = "0123456789.,;:!?-()\"'/\\<>&@#%+*=[]{}«»„“”’–—…€№";

  private static final List<String> REAL_WORDS =
      List.of("Петровић", "Petrović", "PETROVIC", "Ѓорѓи", "Gjorgji", "Đorđi", "Трајковски", "Κιλκίς",
          "Θεσσαλονίκη", "Gjirokastër", "Çakallı", "Kapıkule", "Šid", "Bajakovo", "Табановце", "Кулата",
          "Ευζώνοι", "Hani i Elezit", "Vrbnica", "Кресна", "Giurgiu", "Ruse", "Свиленград", "🚓");

  private static Arbitrary<String> word() {
    Arbitrary<String> latin = Arbitraries.strings().withChars(LATIN).ofMinLength(1).ofMaxLength(12);
    Arbitrary<String> cyrillic = Arbitraries.strings().withChars(CYRILLIC).ofMinLength(1).ofMaxLength(12);
    Arbitrary<String> greek = Arbitraries.strings().withChars(GREEK).ofMinLength(1).ofMaxLength(12);
    Arbitrary<String> special = Arbitraries.strings().withChars(SPECIAL).ofMinLength(1).ofMaxLength(4);
    Arbitrary<String> real = Arbitraries.of(REAL_WORDS);
    return Arbitraries.frequencyOf(
        Tuple.of(4, latin), Tuple.of(3, cyrillic), Tuple.of(3, greek), Tuple.of(1, special), Tuple.of(2, real));
  }

  /**
   * Non-blank free text of at most {@code maxLength} UTF-16 units: words in three scripts joined by
   * spaces, commas or new lines; for long fields, sometimes text of exactly the maximum length.
   */
  public static Arbitrary<String> text(int maxLength) {
    int maxWords = Math.max(1, (maxLength + 2) / 14);
    Arbitrary<String> separator = Arbitraries.of(" ", " ", " ", ", ", "\n", " - ");
    Arbitrary<String> words =
        Combinators.combine(word().list().ofMinSize(1).ofMaxSize(Math.min(maxWords, 12)),
                separator.list().ofSize(12))
            .as((ws, seps) -> {
              StringBuilder s = new StringBuilder(ws.get(0));
              for (int i = 1; i < ws.size(); i++) {
                s.append(seps.get(i)).append(ws.get(i));
              }
              return s.toString();
            })
            .filter(s -> s.length() <= maxLength);
    if (maxLength < 100) {
      return words;
    }
    return Arbitraries.frequencyOf(Tuple.of(19, words), Tuple.of(1, exactLength(maxLength)));
  }

  /** Text of exactly {@code length} BMP characters, mixing the scripts. */
  static Arbitrary<String> exactLength(int length) {
    return Arbitraries.of("Žabljak Скопје Αθήνα ", "Ђевђелија Κρυσταλλοπηγή Qafë Thanë ", "Çeşme Ιωάννινα Охрид ")
        .map(seed -> {
          StringBuilder s = new StringBuilder(length + seed.length());
          while (s.length() < length) {
            s.append(seed);
          }
          s.setLength(length);
          return s.toString();
        });
  }

  /** A name part: one or two words of one script, upper or mixed case. */
  static Arbitrary<String> namePart(String alphabet, int max) {
    return Arbitraries.strings().withChars(alphabet).ofMinLength(1).ofMaxLength(Math.min(max, 20))
        .list().ofMinSize(1).ofMaxSize(2)
        .map(parts -> String.join(" ", parts))
        .filter(s -> s.length() <= max);
  }

  // ---------------------------------------------------------------- codes and identifiers

  public static Arbitrary<Country> countries() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of("AL", "BA", "BG", "GR", "HR", "XK", "MD", "ME", "MK", "RO", "RS", "SI", "TR")),
        Tuple.of(1, Arbitraries.of(Country.codes())))
        .map(Country::of);
  }

  public static Arbitrary<Language> languages() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of("mk", "sr", "sq", "bg", "el", "tr", "ro", "hr", "bs", "sl", "en")),
        Tuple.of(1, Arbitraries.of(Language.codes())))
        .map(Language::of);
  }

  public static Arbitrary<UUID> uuids() {
    Arbitrary<UUID> version4 = Combinators.combine(Arbitraries.longs(), Arbitraries.longs())
        .as((msb, lsb) -> new UUID((msb & ~0xF000L) | 0x4000L, (lsb & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L));
    Arbitrary<UUID> anyBits = Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
    return Arbitraries.frequencyOf(Tuple.of(3, version4), Tuple.of(1, anyBits));
  }

  /** A centre id as registered in the directory: realistic ones and random ones of the pattern. */
  public static Arbitrary<String> centreIds() {
    Arbitrary<String> realistic =
        Arbitraries.of("MK-RS-TABANOVCE", "MK-RS-TABANOVCE-MK", "MK-GR-BOGORODICA", "MK-GR-BOGORODICA-MK",
            "BG-MK-GYUESHEVO", "BG-MK-GYUESHEVO-MK", "RS-BA-SREMSKA-RACA", "RS-BA-SREMSKA-RACA-RS",
            "AL-XK-MORINE", "ME-AL-HANI-I-HOTIT", "RO-BG-GIURGIU", "TR-BG-KAPIKULE", "HR-RS-BAJAKOVO", "X1");
    Arbitrary<String> random =
        Combinators.combine(
                Arbitraries.strings().withCharRange('A', 'Z').numeric().ofLength(1),
                Arbitraries.strings().withCharRange('A', 'Z').numeric().withChars('-').ofMaxLength(62),
                Arbitraries.strings().withCharRange('A', 'Z').numeric().ofLength(1))
            .as((a, b, c) -> a + b + c);
    Arbitrary<String> single = Arbitraries.strings().withCharRange('A', 'Z').numeric().ofLength(1);
    return Arbitraries.frequencyOf(Tuple.of(6, realistic), Tuple.of(3, random), Tuple.of(1, single));
  }

  /** A border crossing point code: {@code ^[A-Z]{2}-[A-Z0-9-]{2,40}$}. */
  public static Arbitrary<String> crossingPoints() {
    Arbitrary<String> realistic =
        Arbitraries.of("MK-TABANOVCE", "MK-BOGORODICA", "BG-GYUESHEVO", "RS-PRESEVO", "GR-EVZONOI", "AL-QAFE-THANE",
            "HR-BAJAKOVO", "TR-KAPIKULE");
    Arbitrary<String> random =
        Combinators.combine(
                Arbitraries.strings().withCharRange('A', 'Z').ofLength(2),
                Arbitraries.strings().withCharRange('A', 'Z').numeric().withChars('-').ofMinLength(2).ofMaxLength(40))
            .as((c, rest) -> c + "-" + rest);
    return Arbitraries.oneOf(realistic, random);
  }

  private static final String VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

  /** European VINs (WMI starting W, T, V or Z): 17 characters without I, O, Q. */
  public static Arbitrary<String> vins() {
    return Combinators.combine(
            Arbitraries.of('W', 'T', 'V', 'Z'), Arbitraries.strings().withChars(VIN_CHARS).ofLength(16))
        .as((first, rest) -> first + rest);
  }

  /** ISO 6346 container numbers with a correct check digit (never one whose remainder is 10). */
  public static Arbitrary<String> containerNumbers() {
    return Combinators.combine(
            Arbitraries.strings().withCharRange('A', 'Z').ofLength(3),
            Arbitraries.of('U', 'J', 'Z'),
            Arbitraries.strings().numeric().ofLength(6))
        .as((owner, category, serial) -> owner + category + serial)
        .filter(prefix -> iso6346Remainder(prefix) != 10)
        .map(prefix -> prefix + iso6346Remainder(prefix));
  }

  /** ISO 6346 letter values: A=10 upwards, skipping the multiples of 11. */
  private static final int[] LETTER_VALUES = new int[26];

  static {
    int v = 10;
    for (int i = 0; i < 26; i++) {
      if (v % 11 == 0) {
        v++;
      }
      LETTER_VALUES[i] = v++;
    }
  }

  /** The ISO 6346 check remainder (0-10) of the first ten characters of a container number. */
  static int iso6346Remainder(String firstTen) {
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      char c = firstTen.charAt(i);
      int value = c >= '0' && c <= '9' ? c - '0' : LETTER_VALUES[c - 'A'];
      sum += value << i;
    }
    return sum % 11;
  }

  /** HS codes of 6, 8 or 10 digits in an existing chapter (01-97, not 77). */
  public static Arbitrary<String> hsCodes() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 97).filter(ch -> ch != 77),
            Arbitraries.oneOf(Arbitraries.strings().numeric().ofLength(4), Arbitraries.strings().numeric().ofLength(6),
                Arbitraries.strings().numeric().ofLength(8)))
        .as((chapter, rest) -> String.format("%02d", chapter) + rest);
  }

  /** The ICAO Doc 9303 TD3 specimen (ERIKSSON, ANNA MARIA, Utopia). */
  public static final String ICAO_SPECIMEN_MRZ =
      "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";

  public static Arbitrary<String> documentNumbers() {
    return Arbitraries.strings().withCharRange('A', 'Z').numeric().withChars('<', '-').ofMinLength(1).ofMaxLength(40);
  }

  public static Arbitrary<String> e164() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 9), Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(14))
        .as((first, rest) -> "+" + first + rest);
  }

  public static Arbitrary<String> sha256Hex() {
    return Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
  }

  public static Arbitrary<String> errorCodes() {
    return Arbitraries.strings().numeric().ofLength(4).map(d -> "PCCC-" + d);
  }

  public static Arbitrary<String> mediaTypes() {
    return Arbitraries.of("image/jpeg", "image/png", "application/pdf", "text/plain", "application/vnd.pccc+json",
        "image/svg+xml", "application/x-7z-compressed");
  }

  // ---------------------------------------------------------------- time

  static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  static final Instant LATEST = Instant.parse("2099-12-31T23:59:59Z");

  /** Instants in 2000-2099, with whole seconds, milli, micro or nanosecond precision. */
  public static Arbitrary<Instant> instants() {
    Arbitrary<Integer> nanos = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.just(0)),
        Tuple.of(2, Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000)),
        Tuple.of(1, Arbitraries.integers().between(0, 999_999).map(us -> us * 1_000)),
        Tuple.of(1, Arbitraries.integers().between(0, 999_999_999)));
    return Combinators.combine(
            Arbitraries.longs().between(EARLIEST.getEpochSecond(), LATEST.getEpochSecond()), nanos)
        .as((s, n) -> Instant.ofEpochSecond(s, n));
  }

  /** Positive durations: from one nanosecond (the boundary of every "after" rule) to about a year. */
  public static Arbitrary<Duration> positiveDurations() {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(Duration.ofNanos(1))),
        Tuple.of(4, Arbitraries.longs().between(1, 400L * 24 * 3600).map(Duration::ofSeconds)),
        Tuple.of(1, Arbitraries.longs().between(1, Duration.ofDays(30).toNanos()).map(Duration::ofNanos)));
  }

  /** Instants strictly after {@code t}: from one nanosecond to about a year later. */
  public static Arbitrary<Instant> after(Instant t) {
    return positiveDurations().map(t::plus);
  }

  /** The latest birth date generated: every message is created in 2000 or later. */
  static final LocalDate LATEST_BIRTH = LocalDate.of(1999, 12, 31);

  public static Arbitrary<LocalDate> dates(LocalDate from, LocalDate to) {
    return Arbitraries.longs().between(from.toEpochDay(), to.toEpochDay()).map(LocalDate::ofEpochDay);
  }

  /** Partial dates (year, year-month or full date) whose earliest day is not after {@code notAfter}. */
  public static Arbitrary<PartialDate> partialDates(LocalDate notAfter) {
    Arbitrary<LocalDate> day = Arbitraries.frequencyOf(
        Tuple.of(1, dates(LocalDate.of(1000, 1, 1), notAfter)),
        Tuple.of(6, dates(LocalDate.of(1920, 1, 1), notAfter)));
    return Combinators.combine(day, Arbitraries.integers().between(0, 2))
        .as((d, precision) -> switch (precision) {
          case 0 -> PartialDate.ofYear(d.getYear());
          case 1 -> new PartialDate(d.getYear(), d.getMonthValue(), null);
          default -> PartialDate.of(d);
        });
  }

  // ---------------------------------------------------------------- header parts

  public static Arbitrary<Party> parties() {
    return construct(a -> new Party(a.at(0), a.at(1), a.at(2)),
        centreIds(), countries(), Arbitraries.of(Agency.class).injectNull(0.4));
  }

  public static Arbitrary<Handling> handlings() {
    Arbitrary<Handling> h3 = text(2000).map(c -> new Handling(HandlingCode.H3, c));
    Arbitrary<Handling> others = Combinators.combine(
            Arbitraries.of(HandlingCode.H0, HandlingCode.H1, HandlingCode.H2), text(2000).injectNull(0.8))
        .as(Handling::new);
    return Arbitraries.frequencyOf(Tuple.of(1, h3), Tuple.of(3, others));
  }

  public static Arbitrary<Evaluation> evaluations() {
    return Combinators.combine(Arbitraries.of(SourceReliability.class), Arbitraries.of(InformationAccuracy.class))
        .as(Evaluation::new);
  }

  /** A sender and 1 to 64 unique recipients, none with the sender's centre. */
  public static Arbitrary<Tuple.Tuple2<Party, List<Party>>> senderAndRecipients() {
    Arbitrary<List<Party>> recipients = Arbitraries.frequencyOf(
        Tuple.of(19, parties().list().uniqueElements().ofMinSize(1).ofMaxSize(4)),
        Tuple.of(1, parties().list().uniqueElements().ofMinSize(1).ofMaxSize(64)));
    return Combinators.combine(parties(), recipients).as((sender, candidates) -> {
      List<Party> rs = new ArrayList<>(candidates);
      rs.removeIf(p -> p.centreId().equals(sender.centreId()));
      if (rs.isEmpty()) {
        rs.add(new Party(sender.centreId().equals("X1") ? "X2" : "X1", sender.country(), null));
      }
      return Tuple.of(sender, List.copyOf(rs));
    });
  }

  /** A header fit for a body of {@code kind}, created at {@code createdAt}. */
  public static Arbitrary<Header> headers(MessageKind kind, Instant createdAt) {
    return headers(kind).map(h -> h.apply(createdAt));
  }

  /** Headers fit for a body of {@code kind}, as functions of the creation time. */
  public static Arbitrary<Function<Instant, Header>> headers(MessageKind kind) {
    boolean request = kind == MessageKind.INFORMATION_REQUEST;
    Arbitrary<Tuple.Tuple2<Urgency, String>> urgency = Arbitraries.oneOf(
        Combinators.combine(Arbitraries.just(Urgency.URGENT), request ? text(2000) : text(2000).injectNull(0.7))
            .as(Tuple::of),
        Combinators.combine(Arbitraries.just(Urgency.NORMAL), text(2000).injectNull(0.7)).as(Tuple::of));
    // Null, some time after creation, or the Art. 5 deadline of an urgency and data access.
    Arbitrary<Function<Instant, Instant>> dueBy = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(t -> null)),
        Tuple.of(2, positiveDurations().map(d -> t -> t.plus(d))),
        Tuple.of(1, Combinators.combine(Arbitraries.of(Urgency.class), Arbitraries.of(DataAccess.class))
            .as((u, access) -> t -> ReplyDeadlines.dueBy(u, access, t))));
    return construct(
        a -> createdAt -> {
          UUID messageId = a.at(0);
          UUID conversation = a.at(1);
          Tuple.Tuple2<Party, List<Party>> routing = a.at(3);
          Tuple.Tuple2<Urgency, String> urg = a.at(4);
          Function<Instant, Instant> due = a.at(5);
          return new Header(messageId, conversation == null ? messageId : conversation, a.at(2),
              routing.get1(), routing.get2(), createdAt, urg.get1(), urg.get2(), due.apply(createdAt), a.at(6),
              a.at(7), a.at(8), a.at(9), a.at(10));
        },
        uuids(),
        uuids().injectNull(0.5),
        kind == MessageKind.REPLY ? uuids() : uuids().injectNull(0.6),
        senderAndRecipients(),
        urgency,
        dueBy,
        handlings(),
        languages(),
        request ? text(500) : text(500).injectNull(0.8),
        request ? text(2000) : text(2000).injectNull(0.8),
        evaluations().injectNull(0.6));
  }

  // ---------------------------------------------------------------- subjects

  public static Arbitrary<PersonName> personNames() {
    Arbitrary<PersonName> cyrillic = construct(a -> new PersonName(a.at(0), a.at(1), NameScript.CYRILLIC, a.at(2)),
        namePart(CYRILLIC, 200), namePart(CYRILLIC, 200).injectNull(0.2),
        Arbitraries.of(NameForm.ORIGINAL, NameForm.OTHER));
    Arbitrary<PersonName> greek = construct(a -> new PersonName(a.at(0), a.at(1), NameScript.GREEK, a.at(2)),
        namePart(GREEK, 200), namePart(GREEK, 200).injectNull(0.2), Arbitraries.of(NameForm.ORIGINAL, NameForm.OTHER));
    Arbitrary<PersonName> latin = construct(a -> new PersonName(a.at(0), a.at(1), NameScript.LATIN, a.at(2)),
        namePart(LATIN, 200), namePart(LATIN, 200).injectNull(0.2), Arbitraries.of(NameForm.class));
    Arbitrary<PersonName> icao = construct(a -> new PersonName(a.at(0), a.at(1), NameScript.LATIN, NameForm.ICAO),
        namePart("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 200), namePart("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 200).injectNull(0.2));
    Arbitrary<PersonName> mixed = construct(a -> new PersonName(a.at(0), a.at(1), NameScript.OTHER, NameForm.OTHER),
        text(200), text(200).injectNull(0.5));
    return Arbitraries.frequencyOf(
        Tuple.of(3, cyrillic), Tuple.of(2, greek), Tuple.of(3, latin), Tuple.of(2, icao), Tuple.of(1, mixed));
  }

  public static Arbitrary<Alias> aliases() {
    return Combinators.combine(Arbitraries.of(AliasType.class), personNames()).as(Alias::new);
  }

  public static Arbitrary<Address> addresses() {
    return construct(a -> new Address(a.at(0), a.at(1), a.at(2), a.at(3)),
        text(200).injectNull(0.3),
        Arbitraries.strings().numeric().withChars(' ', '-').ofMinLength(1).ofMaxLength(20)
            .filter(s -> !s.isBlank()).injectNull(0.3),
        text(100).injectNull(0.3),
        countries());
  }

  public static Arbitrary<Coordinates> coordinates() {
    Arbitrary<Double> lat = Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.doubles().between(-90, 90).ofScale(6)),
        Tuple.of(1, Arbitraries.of(-90.0, 90.0, 0.0, -0.0, 41.1294, 1e-7)));
    Arbitrary<Double> lon = Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.doubles().between(-180, 180).ofScale(6)),
        Tuple.of(1, Arbitraries.of(-180.0, 180.0, 0.0, 22.5636, -1e-7)));
    return Combinators.combine(lat, lon).as(Coordinates::new);
  }

  /** Locations with at least one way to find them. */
  public static Arbitrary<Location> locations() {
    return construct(a -> new Location(a.at(0), a.at(1), a.at(2), a.at(3), a.at(4)),
            crossingPoints().injectNull(0.5), text(100).injectNull(0.7), coordinates().injectNull(0.5),
            addresses().injectNull(0.8), text(500).injectNull(0.7))
        .filter(l -> l.crossingPoint() != null || l.borderSection() != null || l.coordinates() != null
            || l.address() != null || l.description() != null);
  }

  public static Arbitrary<Plate> plates() {
    String upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZČĆĐŠŽАБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ0123456789";
    return Combinators.combine(
            Arbitraries.strings().withChars(upper).ofLength(1),
            Arbitraries.strings().withChars(upper + " -").ofMaxLength(14),
            countries())
        .as((first, rest, country) -> new Plate(first + rest, country));
  }

  /** Vehicles with a VIN, a plate or both. */
  public static Arbitrary<Vehicle> vehicles() {
    Arbitrary<Tuple.Tuple2<String, Plate>> ids = Arbitraries.oneOf(
        Combinators.combine(vins(), plates()).as(Tuple::of),
        vins().map(v -> Tuple.of(v, (Plate) null)),
        plates().map(p -> Tuple.of((String) null, p)));
    return construct(
        a -> {
          Tuple.Tuple2<String, Plate> id = a.at(0);
          return new Vehicle(id.get1(), id.get2(), a.at(1), a.at(2), a.at(3), a.at(4), a.at(5));
        },
        ids,
        Arbitraries.of("Škoda", "Mercedes-Benz", "Zastava", "Лада", "Audi", "Dacia", "TOFAŞ").injectNull(0.3),
        text(100).injectNull(0.5),
        text(100).injectNull(0.5),
        Arbitraries.of(VehicleCategory.class).injectNull(0.4),
        Arbitraries.integers().between(1886, 2100).injectNull(0.4));
  }

  /** Identity documents; with the ICAO specimen MRZ now and then; expiry never before issue. */
  public static Arbitrary<IdentityDocument> identityDocuments() {
    Arbitrary<IdentityDocument> plain = construct(
        a -> {
          LocalDate issued = a.at(3);
          Integer validDays = a.at(4);
          LocalDate expires = validDays == null ? null
              : issued == null ? LocalDate.of(2030, 1, 1).plusDays(validDays) : issued.plusDays(validDays);
          return new IdentityDocument(a.at(0), a.at(1), a.at(2), issued, expires, null);
        },
        Arbitraries.of(DocumentType.class), documentNumbers(), countries(),
        dates(LocalDate.of(1950, 1, 1), LocalDate.of(2090, 12, 31)).injectNull(0.4),
        Arbitraries.integers().between(0, 3653).injectNull(0.3));
    Arbitrary<IdentityDocument> specimen = countries().map(c -> new IdentityDocument(
        DocumentType.PASSPORT, "L898902C3", c, LocalDate.of(2002, 4, 16), LocalDate.of(2012, 4, 15),
        ICAO_SPECIMEN_MRZ));
    return Arbitraries.frequencyOf(Tuple.of(5, plain), Tuple.of(1, specimen));
  }

  /** Persons born in 1999 or earlier, so before any generated message was created. */
  public static Arbitrary<Person> persons() {
    return construct(a -> new Person(a.at(0), a.at(1), a.at(2), a.at(3), a.at(4), a.at(5), a.at(6), a.at(7), a.at(8)),
        personNames().list().ofMinSize(1).ofMaxSize(3),
        aliases().list().ofMaxSize(2),
        partialDates(LATEST_BIRTH).injectNull(0.3),
        text(200).injectNull(0.6),
        countries().injectNull(0.6),
        Arbitraries.of(Sex.class).injectNull(0.3),
        countries().list().ofMaxSize(3),
        identityDocuments().list().ofMaxSize(2),
        text(2000).injectNull(0.7));
  }

  public static Arbitrary<Organisation> organisations() {
    return construct(a -> new Organisation(a.at(0), a.at(1), a.at(2), a.at(3)),
        text(300), countries().injectNull(0.3),
        Arbitraries.strings().withCharRange('A', 'Z').numeric().withChars('-', '/').ofMinLength(1).ofMaxLength(50)
            .injectNull(0.4),
        addresses().injectNull(0.5));
  }

  public static Arbitrary<PhoneNumber> phoneNumbers() {
    return Combinators.combine(e164(), text(500).injectNull(0.5)).as(PhoneNumber::new);
  }

  /** Consignments with an identifier or a description (never an MRN: see the class comment). */
  public static Arbitrary<Consignment> consignments() {
    return construct(a -> new Consignment(a.at(0), null, a.at(1), a.at(2), a.at(3), a.at(4)),
            containerNumbers().injectNull(0.5),
            Arbitraries.integers().between(25_000_001, 99_999_999)
                .map(serial -> org.pccc.model.id.TirCarnet.securityCode(serial) + serial).injectNull(0.7),
            hsCodes().list().ofMaxSize(3),
            Arbitraries.of(ExciseCategory.class).injectNull(0.5),
            text(2000).injectNull(0.5))
        .filter(c -> c.containerNumber() != null || c.tirCarnet() != null || !c.hsCodes().isEmpty()
            || c.description() != null);
  }

  /** Any subject (persons born in 1999 or earlier). */
  public static Arbitrary<Subject> subjects() {
    return Arbitraries.oneOf(
        persons(), identityDocuments(), vehicles(), organisations(), phoneNumbers(), locations(),
        consignments());
  }

  // ---------------------------------------------------------------- body parts

  /**
   * Attachments: some carry their content inline, with matching size and SHA-256. Inline content
   * is never empty: an empty {@code inlineBase64} is blank text, which the validator rejects.
   */
  public static Arbitrary<AttachmentRef> attachmentRefs() {
    Arbitrary<String> names = Combinators.combine(
            Arbitraries.strings().withChars(LATIN + CYRILLIC + GREEK + "0123456789 _-()").ofMinLength(1).ofMaxLength(40),
            Arbitraries.of(".jpg", ".png", ".pdf", ".txt", "", ".tar.gz"))
        .as((stem, ext) -> stem + ext)
        .filter(n -> !n.isBlank());
    Arbitrary<AttachmentRef> inline = Combinators.combine(
            names, mediaTypes(), Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(300))
        .as((name, type, content) -> new AttachmentRef(name, type, (long) content.length,
            HexFormat.of().formatHex(sha256(content)), Base64.getEncoder().encodeToString(content)));
    Arbitrary<AttachmentRef> byReference = Combinators.combine(
            names, mediaTypes(),
            Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.longs().between(0, 50_000_000)),
                Tuple.of(1, Arbitraries.of(0L, Long.MAX_VALUE))),
            sha256Hex())
        .as((name, type, size, sha) -> new AttachmentRef(name, type, size, sha, null));
    return Arbitraries.frequencyOf(Tuple.of(1, inline), Tuple.of(2, byReference));
  }

  /** The single largest attachment that may travel inline: exactly {@link AttachmentRef#MAX_INLINE_BYTES}. */
  public static AttachmentRef largestInlineAttachment() {
    byte[] content = new byte[AttachmentRef.MAX_INLINE_BYTES];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 31 + 7);
    }
    return new AttachmentRef("largest.bin", "application/octet-stream", (long) content.length,
        HexFormat.of().formatHex(sha256(content)), Base64.getEncoder().encodeToString(content));
  }

  /** Delay notices expecting the reply after {@code createdAt}, as functions of it. */
  public static Arbitrary<Function<Instant, DelayNotice>> delayNotices() {
    return Combinators.combine(positiveDurations(), text(2000))
        .as((d, reasons) -> createdAt -> new DelayNotice(createdAt.plus(d), reasons));
  }

  public static Arbitrary<SituationEntry> situationEntries() {
    Arbitrary<Integer> count = Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.integers().between(0, 200)),
        Tuple.of(1, Arbitraries.of(0, Integer.MAX_VALUE)));
    return construct(a -> new SituationEntry(a.at(0), a.at(1), a.at(2), a.at(3), a.at(4), a.at(5)),
        locations(), count, count, count, count, count);
  }

  // ---------------------------------------------------------------- bodies

  public static Arbitrary<InformationRequest> informationRequests() {
    return construct(
        a -> new InformationRequest(a.at(0), a.at(1), a.at(2), a.at(3), a.at(4), a.at(5), a.at(6), a.at(7), a.at(8),
            a.at(9), a.at(10)),
        text(200), text(500), text(10000), text(2000).injectNull(0.4), text(2000).injectNull(0.4),
        text(2000).injectNull(0.4), Arbitraries.of(DataAccess.class), Arbitraries.of(true, false),
        subjects().list().ofMinSize(1).ofMaxSize(3),
        text(1000).list().ofMinSize(1).ofMaxSize(3),
        attachmentRefs().list().ofMaxSize(2));
  }

  /** Replies whose fields fit their outcome, as functions of the creation time (a delay must end after it). */
  public static Arbitrary<Function<Instant, Reply>> replies() {
    List<Arbitrary<Function<Instant, Reply>>> byOutcome = new ArrayList<>();
    for (ReplyOutcome outcome : ReplyOutcome.values()) {
      byOutcome.add(replies(outcome));
    }
    return Arbitraries.oneOf(byOutcome);
  }

  /** Replies with the given outcome, as functions of the creation time. */
  public static Arbitrary<Function<Instant, Reply>> replies(ReplyOutcome outcome) {
    boolean results = outcome == ReplyOutcome.HIT || outcome == ReplyOutcome.PARTIAL;
    Arbitrary<List<Subject>> resultList =
        results ? subjects().list().ofMinSize(1).ofMaxSize(3) : Arbitraries.just(List.of());
    Arbitrary<RefusalGround> ground =
        outcome == ReplyOutcome.REFUSAL ? Arbitraries.of(RefusalGround.class) : Arbitraries.just(null);
    Arbitrary<List<String>> questions = outcome == ReplyOutcome.CLARIFICATION_REQUEST
        ? text(1000).list().ofMinSize(1).ofMaxSize(3)
        : Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(List.<String>of())),
            Tuple.of(1, text(1000).list().ofMinSize(1).ofMaxSize(2)));
    Arbitrary<Function<Instant, DelayNotice>> delay = outcome == ReplyOutcome.DELAY_NOTICE
        ? delayNotices() : delayNotices().injectNull(0.85);
    return construct(
        a -> createdAt -> {
          Function<Instant, DelayNotice> d = a.at(4);
          return new Reply(outcome, a.at(0), a.at(1), a.at(2), a.at(3), d == null ? null : d.apply(createdAt),
              a.at(5));
        },
        resultList, text(10000).injectNull(0.4), ground, questions, delay, attachmentRefs().list().ofMaxSize(2));
  }

  /** Alerts that carry a subject of their type and lapse (if at all) after creation. */
  public static Arbitrary<Function<Instant, Alert>> alerts() {
    List<Arbitrary<Function<Instant, Alert>>> byType = new ArrayList<>();
    for (AlertType type : AlertType.values()) {
      Arbitrary<? extends Subject> matching = switch (type) {
        case STOLEN_VEHICLE -> vehicles();
        case STOLEN_LOST_DOCUMENT -> identityDocuments();
        case WANTED_PERSON, MISSING_PERSON -> persons();
      };
      Arbitrary<List<Subject>> subjects = Combinators.combine(
              matching, subjects().list().ofMaxSize(2), Arbitraries.integers().between(0, 2))
          .as((m, others, at) -> {
            List<Subject> all = new ArrayList<>(others);
            all.add(Math.min(at, all.size()), m);
            return all;
          });
      byType.add(construct(
          a -> createdAt -> {
            Duration lapse = a.at(3);
            return new Alert(type, a.at(0), a.at(1), a.at(2), lapse == null ? null : createdAt.plus(lapse), a.at(4));
          },
          text(2000), subjects, text(2000).injectNull(0.5), positiveDurations().injectNull(0.5),
          attachmentRefs().list().ofMaxSize(2)));
    }
    return Arbitraries.oneOf(byType);
  }

  /** Operational notices starting around creation (or any time), ending after they start if at all. */
  public static Arbitrary<Function<Instant, OperationalNotice>> operationalNotices() {
    Arbitrary<Function<Instant, Instant>> starts = Arbitraries.oneOf(
        Arbitraries.longs().between(-3 * 86400, 3 * 86400).map(offset -> t -> t.plusSeconds(offset)),
        instants().map(i -> t -> i));
    return construct(
        a -> createdAt -> {
          Function<Instant, Instant> start = a.at(2);
          Duration length = a.at(3);
          Instant startsAt = start.apply(createdAt);
          return new OperationalNotice(a.at(0), a.at(1), startsAt, length == null ? null : startsAt.plus(length),
              a.at(4), a.at(5), a.at(6));
        },
        Arbitraries.of(NoticeType.class), text(2000), starts, positiveDurations().injectNull(0.3), locations(),
        subjects().list().ofMaxSize(3),
        Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.integers().between(0, 40)),
            Tuple.of(1, Arbitraries.of(0, Integer.MAX_VALUE))).injectNull(0.3));
  }

  public static Arbitrary<SituationReport> situationReports() {
    return Combinators.combine(instants(), positiveDurations(), situationEntries().list().ofMinSize(1).ofMaxSize(4),
            text(5000).injectNull(0.5))
        .as((start, length, entries, remarks) -> new SituationReport(start, start.plus(length), entries, remarks));
  }

  public static Arbitrary<Receipt> receipts() {
    return Combinators.combine(uuids(), sha256Hex(), instants()).as(Receipt::new);
  }

  public static Arbitrary<ErrorReport> errorReports() {
    return Combinators.combine(uuids().injectNull(0.3), errorCodes(), text(2000).injectNull(0.3))
        .as(ErrorReport::new);
  }

  /** Bodies of the given kind, as functions of the message's creation time. */
  public static Arbitrary<Function<Instant, Body>> bodies(MessageKind kind) {
    return switch (kind) {
      case INFORMATION_REQUEST -> informationRequests().map(b -> t -> b);
      case REPLY -> replies().map(f -> f::apply);
      case ALERT -> alerts().map(f -> f::apply);
      case OPERATIONAL_NOTICE -> operationalNotices().map(f -> f::apply);
      case SITUATION_REPORT -> situationReports().map(b -> t -> b);
      case RECEIPT -> receipts().map(b -> t -> b);
      case ERROR -> errorReports().map(b -> t -> b);
    };
  }

  /** A body of the given kind for a message created at {@code createdAt}. */
  public static Arbitrary<Body> bodies(MessageKind kind, Instant createdAt) {
    return bodies(kind).map(f -> f.apply(createdAt));
  }

  // ---------------------------------------------------------------- messages

  /** Valid messages of the given kind. */
  public static Arbitrary<Message> validMessages(MessageKind kind) {
    return Combinators.combine(instants(), headers(kind), bodies(kind))
        .as((createdAt, h, b) -> Message.of(h.apply(createdAt), b.apply(createdAt)));
  }

  /** Valid messages of every kind. */
  public static Arbitrary<Message> validMessages() {
    List<Arbitrary<Message>> kinds = new ArrayList<>();
    for (MessageKind kind : MessageKind.values()) {
      kinds.add(validMessages(kind));
    }
    return Arbitraries.oneOf(kinds);
  }

  // ---------------------------------------------------------------- plumbing

  /** Positional arguments of a record constructor, typed where they are used. */
  static final class Args {
    private final List<Object> values;

    Args(List<Object> values) {
      this.values = values;
    }

    @SuppressWarnings("unchecked")
    <V> V at(int index) {
      return (V) values.get(index);
    }
  }

  /** Combines any number of arbitraries into a record (jqwik's typed combine stops at eight). */
  @SuppressWarnings("unchecked")
  static <T> Arbitrary<T> construct(Function<Args, T> constructor, Arbitrary<?>... parts) {
    List<Arbitrary<Object>> list = new ArrayList<>();
    for (Arbitrary<?> part : parts) {
      list.add((Arbitrary<Object>) part);
    }
    return Combinators.combine(list).as(values -> constructor.apply(new Args(values)));
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
