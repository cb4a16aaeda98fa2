package org.pccc.awareness;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pccc.model.Handling;
import org.pccc.model.Header;
import org.pccc.model.Message;
import org.pccc.model.Party;
import org.pccc.model.body.Alert;
import org.pccc.model.body.Body;
import org.pccc.model.body.DelayNotice;
import org.pccc.model.body.InformationRequest;
import org.pccc.model.body.OperationalNotice;
import org.pccc.model.body.Reply;
import org.pccc.model.body.SituationEntry;
import org.pccc.model.body.SituationReport;
import org.pccc.model.code.AlertType;
import org.pccc.model.code.Country;
import org.pccc.model.code.DataAccess;
import org.pccc.model.code.DocumentType;
import org.pccc.model.code.HandlingCode;
import org.pccc.model.code.NameForm;
import org.pccc.model.code.NameScript;
import org.pccc.model.code.NoticeType;
import org.pccc.model.code.RefusalGround;
import org.pccc.model.code.ReplyOutcome;
import org.pccc.model.code.Urgency;
import org.pccc.model.subject.Coordinates;
import org.pccc.model.subject.IdentityDocument;
import org.pccc.model.subject.Location;
import org.pccc.model.subject.Person;
import org.pccc.model.subject.PersonName;
import org.pccc.model.subject.Plate;
import org.pccc.model.subject.Subject;
import org.pccc.model.subject.Vehicle;

/**
 * Test traffic between four centres on fixed instants. Every personal or free-text field carries a
 * distinctive value (listed in {@link #PERSONAL_VALUES}) so that a test can search exports for it.
 */
final class Traffic {
  static final Instant T0 = Instant.parse("2026-06-01T06:00:00Z");

  static final String TABANOVCE = "MK-RS-TABANOVCE";
  static final String BOGORODICA = "MK-GR-BOGORODICA";
  static final String GYUESHEVO = "BG-MK-GYUESHEVO";
  static final String SREMSKA = "RS-BA-SREMSKA-RACA";

  static final List<CentrePlace> PLACES = List.of(
      new CentrePlace(TABANOVCE, "PCCC Tabanovce", List.of("MK", "RS"), new Coordinates(42.2130, 21.7040)),
      new CentrePlace(BOGORODICA, "PCCC Bogorodica", List.of("GR", "MK"), new Coordinates(41.1294, 22.5636)),
      new CentrePlace(GYUESHEVO, "PCCC Gyueshevo", List.of("BG", "MK"), new Coordinates(42.2383, 22.4761)),
      new CentrePlace(SREMSKA, "PCCC Sremska Rača", List.of("RS", "BA"), new Coordinates(44.9095, 19.3270)));

  static final String SURNAME = "Zvrkotijevic";
  static final String GIVEN = "Qiriaki";
  static final String DOCUMENT = "QX7193846";
  static final String PLATE = "ZQ 4471-XW";
  static final String VIN = "WVWZZZ3CZWE987123";
  static final String FREE_TEXT = "Kestrelgorge";

  /** Values from personal and free-text fields; none may appear in a default export. */
  static final List<String> PERSONAL_VALUES = List.of(SURNAME, GIVEN, DOCUMENT, PLATE, "4471", VIN, FREE_TEXT,
      "Octarine", "Falconridge");

  private Traffic() {}

  static Party party(String centre) {
    return Party.of(centre, centre.substring(0, 2));
  }

  static Header.Builder header(String from, Instant at, Urgency urgency, String... to) {
    return Header.builder().sender(party(from)).recipients(java.util.Arrays.stream(to).map(Traffic::party).toList())
        .createdAt(at).urgency(urgency).urgencyReason(FREE_TEXT + " urgency").purpose(FREE_TEXT + " purpose")
        .legalBasis(FREE_TEXT + " basis");
  }

  static Message message(Header h, Body b) {
    return Message.of(h, b);
  }

  static List<Subject> subjects() {
    Person p = new Person(List.of(new PersonName(SURNAME, GIVEN, NameScript.LATIN, NameForm.ORIGINAL)), List.of(),
        null, FREE_TEXT + " birthplace", null, null, List.of(),
        List.of(new IdentityDocument(DocumentType.PASSPORT, DOCUMENT, Country.of("RS"), null, null, null)),
        FREE_TEXT + " description");
    Vehicle v = new Vehicle(VIN, new Plate(PLATE, Country.of("MK")), "Octarine", "Falconridge", FREE_TEXT, null,
        2020);
    return List.of(p, v, new IdentityDocument(DocumentType.PASSPORT, DOCUMENT, Country.of("RS"), null, null, null));
  }

  static Message alert(String from, Instant at, HandlingCode handling, Instant validUntil, String... to) {
    return message(header(from, at, Urgency.URGENT, to).handling(new Handling(handling, FREE_TEXT + " conditions"))
        .build(), new Alert(AlertType.WANTED_PERSON, FREE_TEXT + " summary " + SURNAME, subjects(),
            FREE_TEXT + " action", validUntil, List.of()));
  }

  static Message request(String from, Instant at, Urgency urgency, DataAccess access, String... to) {
    return message(header(from, at, urgency, to).build(), new InformationRequest(FREE_TEXT + " authority",
        FREE_TEXT + " offence", FREE_TEXT + " facts " + SURNAME + " " + PLATE, FREE_TEXT, FREE_TEXT, FREE_TEXT,
        access, false, subjects(), List.of(FREE_TEXT + " question " + DOCUMENT), List.of()));
  }

  static Message reply(Message request, String from, Instant at, ReplyOutcome outcome) {
    Header rh = request.header();
    Reply body = switch (outcome) {
      case REFUSAL -> new Reply(outcome, List.of(), FREE_TEXT, RefusalGround.HARM_TO_INTERESTS, List.of(), null,
          List.of());
      case DELAY_NOTICE -> new Reply(outcome, List.of(), null, null, List.of(),
          new DelayNotice(at.plus(Duration.ofDays(3)), FREE_TEXT + " reasons"), List.of());
      case CLARIFICATION_REQUEST -> new Reply(outcome, List.of(), null, null, List.of(FREE_TEXT + "?"), null,
          List.of());
      default -> new Reply(outcome, subjects(), FREE_TEXT + " text " + SURNAME, null, List.of(), null, List.of());
    };
    return message(header(from, at, rh.urgency(), rh.sender().centreId()).conversationId(rh.conversationId())
        .inReplyTo(rh.messageId()).build(), body);
  }

  static Message notice(String from, Instant starts, Instant ends, String crossingPoint, String... to) {
    Location where = new Location(crossingPoint, FREE_TEXT + " section", new Coordinates(42.2383, 22.4761), null,
        FREE_TEXT + " place");
    return message(header(from, starts, Urgency.URGENT, to).build(), new OperationalNotice(NoticeType.HOT_PURSUIT,
        FREE_TEXT + " pursuit of " + PLATE, starts, ends, where, subjects(), 4));
  }

  static Message situationReport(String from, Instant periodStart, Instant periodEnd, String... to) {
    SituationEntry atPoint = new SituationEntry(Location.crossingPoint("BG-GYUESHEVO", 42.2383, 22.4761), 7, 5, 3, 1,
        1);
    SituationEntry section = new SituationEntry(new Location(null, FREE_TEXT + " green border", null, null, null), 12,
        9, 0, 0, 0);
    return message(header(from, periodEnd, Urgency.NORMAL, to).build(),
        new SituationReport(periodStart, periodEnd, List.of(atPoint, section), FREE_TEXT + " remarks"));
  }

  static UUID id(Message m) {
    return m.header().messageId();
  }

}
