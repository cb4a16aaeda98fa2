package org.pccc.examples;

import static org.pccc.examples.DemoNetwork.BOGORODICA;
import static org.pccc.examples.DemoNetwork.CENTRES;
import static org.pccc.examples.DemoNetwork.GYUESHEVO;
import static org.pccc.examples.DemoNetwork.SREMSKA_RACA;
import static org.pccc.examples.DemoNetwork.TABANOVCE;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.pccc.awareness.RegionalPicture;
import org.pccc.awareness.RequestState;
import org.pccc.crypto.SealedEnvelope;
import org.pccc.crypto.VerifiedMessage;
import org.pccc.examples.DemoNetwork.Centre;
import org.pccc.model.Handling;
import org.pccc.model.Header;
import org.pccc.model.Message;
import org.pccc.model.Party;
import org.pccc.model.body.Alert;
import org.pccc.model.body.Body;
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
import org.pccc.model.code.Sex;
import org.pccc.model.code.Urgency;
import org.pccc.model.code.VehicleCategory;
import org.pccc.model.names.NameMatchKeys;
import org.pccc.model.rules.ReplyDeadlines;
import org.pccc.model.subject.IdentityDocument;
import org.pccc.model.subject.Location;
import org.pccc.model.subject.PartialDate;
import org.pccc.model.subject.Person;
import org.pccc.model.subject.PersonName;
import org.pccc.model.subject.Plate;
import org.pccc.model.subject.Subject;
import org.pccc.model.subject.Vehicle;
import org.pccc.transport.DeliveryHandle;
import org.pccc.transport.MessageContext;
import org.pccc.transport.PcccNode;
import org.pccc.transport.spi.OutboundEnvelope;

/**
 * The scripted day of work of the demo. Each step prints a line of the timeline; a step that does
 * not happen as scripted is recorded as a failure, and the demo then exits non-zero. All people,
 * vehicles and documents are invented.
 */
final class RegionalDay {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final DemoNetwork network;
  private final DemoClock clock;
  private final RegionalPicture picture;
  private final PrintStream out;
  private final List<String> failures = new ArrayList<>();
  private int requests;
  private int deadlinesMet;
  private int delayNotices;
  private int waitedInOutbox;
  private UUID answeredInTime;
  private Centre answeredInTimeBy;
  private DelayedRequest delayed;
  private UUID overdue;
  private Centre overdueAt;

  /** A request answered first by a delay notice: its answer comes later in the day. */
  private record DelayedRequest(Message request, PcccNode.PendingRequest pending, VerifiedMessage received) {}

  RegionalDay(DemoNetwork network, PrintStream out) {
    this.network = network;
    this.clock = network.clock();
    this.picture = network.picture();
    this.out = out;
  }

  List<String> failures() {
    return failures;
  }

  int requests() {
    return requests;
  }

  int deadlinesMet() {
    return deadlinesMet;
  }

  int waitedInOutbox() {
    return waitedInOutbox;
  }

  /** Returns the delay notices sent (Art. 5(2)). */
  int delayNotices() {
    return delayNotices;
  }

  /**
   * Returns the three requests whose Art. 5 deadline the picture must judge, with the state the
   * script expects at the end of the day: answered in time, answered after a delay notice, overdue.
   */
  Map<String, Expected> deadlines() {
    Map<String, Expected> m = new LinkedHashMap<>();
    if (answeredInTime != null) {
      m.put("urgent vehicle check", new Expected(answeredInTime, answeredInTimeBy.id(), RequestState.ANSWERED_IN_TIME));
    }
    if (delayed != null) {
      // The picture judges the answer against the Art. 5 deadline; the delay notice is counted
      // as such, but does not make a reply after the deadline an answer in time.
      m.put("request answered after a delay notice", new Expected(delayed.request().header().messageId(),
          BOGORODICA.id(), RequestState.ANSWERED_LATE));
    }
    if (overdue != null) {
      m.put("request left unanswered", new Expected(overdue, overdueAt.id(), RequestState.OVERDUE));
    }
    return m;
  }

  /**
   * A request and the state the script expects it in at the end of the day.
   *
   * @param requestId the request's message id
   * @param requestedCentre the centre asked
   * @param state the expected state
   */
  record Expected(UUID requestId, String requestedCentre, RequestState state) {}

  void run() throws Exception {
    for (Centre c : CENTRES) {
      network.start(c);
    }
    step("05:55", "network up: 4 centres, a CA per country, directory signed by the coordinator (serial "
        + network.pki().directory().serial() + ")");
    urgentVehicleCheck();
    personCheckRefused();
    unansweredRequest();
    clarificationRound();
    nameSearchAcrossScripts();
    delayedRequest();
    documentCheckWithMrz();
    hotPursuit();
    centreOffline();
    tamperedAndReplayed();
    answerAfterDelayNotice();
    situationReports();
  }

  // 06:10 — an urgent vehicle check answered with a hit inside its 8-hour deadline.
  private void urgentVehicleCheck() throws Exception {
    moveTo("06:10");
    Vehicle truck = new Vehicle("WDB9634031L123456", new Plate("SK 1234 AB", Country.of("MK")), "Mercedes-Benz",
        "Actros", "white", VehicleCategory.N3, 2016);
    Message request = request(SREMSKA_RACA, TABANOVCE, Urgency.URGENT, "Truck at the crossing point now",
        "Smuggling of excise goods (fuel)", "Undeclared fuel tanks found in a truck with Macedonian plates.",
        DataAccess.DIRECT, List.of(truck), List.of("Who is the registered keeper?", "Is it reported stolen?"));
    Instant due = ReplyDeadlines.dueBy(Urgency.URGENT, DataAccess.DIRECT, request.header().createdAt());
    VerifiedMessage answer = ask(SREMSKA_RACA, request, TABANOVCE, req -> new Reply(ReplyOutcome.HIT,
        List.of(person("Трајковски", "Горан", NameScript.CYRILLIC, "MK", PartialDate.parse("1979-04"))),
        "Регистриран сопственик е лицето подолу; возилото не е пријавено како украдено.", null, List.of(), null,
        List.of()), "mk", HandlingCode.H1);
    if (answer != null) {
      boolean met = !answer.openedAt().isAfter(due);
      requests++;
      deadlinesMet += met ? 1 : 0;
      answeredInTime = request.header().messageId();
      answeredInTimeBy = TABANOVCE;
      step("06:10", "urgent vehicle check RS-BA → MK-RS: HIT, answered inside the 8-hour deadline (Art. 5(1)(a)): " + met);
    }
  }

  // 07:30 — a person check answered by a refusal with its legal ground.
  private void personCheckRefused() throws Exception {
    moveTo("07:30");
    Message request = request(BOGORODICA, GYUESHEVO, Urgency.NORMAL, null, "Petty theft",
        "A person was stopped with goods of unclear origin.", DataAccess.INDIRECT,
        List.of(person("Стоянов", "Иван", NameScript.CYRILLIC, "BG", PartialDate.ofYear(1990))),
        List.of("Is the person known for property offences?"));
    VerifiedMessage answer = ask(BOGORODICA, request, GYUESHEVO, req -> new Reply(ReplyOutcome.REFUSAL, List.of(),
        "Деянието се наказва с лишаване от свобода до една година.", RefusalGround.MINOR_OFFENCE, List.of(), null,
        List.of()), "bg", HandlingCode.H0);
    if (answer != null) {
      Reply r = (Reply) answer.message().body();
      requests++;
      deadlinesMet++;
      expect(r.refusalGround() == RefusalGround.MINOR_OFFENCE, "refusal names its Art. 6 ground");
      step("07:30", "person check MK-GR → BG-MK: REFUSAL, ground " + r.refusalGround().code() + " — "
          + r.refusalGround().label());
    }
  }

  // 08:20 — an urgent request the requested centre does not answer: its 8-hour deadline passes at 16:20.
  private void unansweredRequest() throws Exception {
    moveTo("08:20");
    Vehicle car = new Vehicle(null, new Plate("CA 7781 KX", Country.of("BG")), "Volkswagen", "Passat", "grey",
        VehicleCategory.M1, 2012);
    Message request = request(SREMSKA_RACA, GYUESHEVO, Urgency.URGENT, "Car held at the crossing point",
        "Trafficking in stolen vehicles", "A car with Bulgarian plates and a re-stamped chassis number.",
        DataAccess.DIRECT, List.of(car), List.of("Who is the registered keeper?"));
    network.node(SREMSKA_RACA).request(request);
    picture.onSent(request);
    VerifiedMessage atRequested = network.await(GYUESHEVO, request.header().messageId());
    expect(atRequested != null, "unanswered request reaches " + GYUESHEVO.id());
    requests++;
    overdue = request.header().messageId();
    overdueAt = GYUESHEVO;
    Instant due = ReplyDeadlines.dueBy(Urgency.URGENT, DataAccess.DIRECT, request.header().createdAt());
    step("08:20", "urgent vehicle check RS-BA → BG-MK over file: received, left unanswered (due "
        + clock.label(due) + ")");
  }

  // 09:00 — a clarification round: the requested side asks, the requester answers with more detail.
  private void clarificationRound() throws Exception {
    moveTo("09:00");
    Message first = request(TABANOVCE, SREMSKA_RACA, Urgency.NORMAL, null, "Document fraud",
        "A traveller presented a residence permit that may be forged.", DataAccess.INDIRECT,
        List.of(person("Petrović", "Marko", NameScript.LATIN, "RS", null)), List.of("Is the permit genuine?"));
    VerifiedMessage clarification = ask(TABANOVCE, first, SREMSKA_RACA, req -> new Reply(
        ReplyOutcome.CLARIFICATION_REQUEST, List.of(), null, null,
        List.of("Molimo dostavite datum rođenja i broj dozvole."), null, List.of()), "sr", HandlingCode.H0);
    if (clarification == null) {
      return;
    }
    Message second = request(TABANOVCE, SREMSKA_RACA, Urgency.NORMAL, null, "Document fraud",
        "Details as asked: date of birth 1988-02-11, permit number RP4471202.", DataAccess.INDIRECT,
        List.of(person("Petrović", "Marko", NameScript.LATIN, "RS", PartialDate.parse("1988-02-11"))),
        List.of("Is the permit genuine?"));
    VerifiedMessage answer = ask(TABANOVCE, second, SREMSKA_RACA, req -> new Reply(ReplyOutcome.NO_HIT, List.of(),
        "Nema podataka o izdatoj dozvoli s tim brojem.", null, List.of(), null, List.of()), "sr", HandlingCode.H0);
    if (answer != null) {
      requests += 2;
      // A clarification request is not an answer: the first request's deadline pauses (the
      // picture shows it awaiting clarification); the second is answered in time.
      deadlinesMet += 1;
      step("09:00", "clarification round MK-RS ↔ RS-BA: CLARIFICATION_REQUEST, then details, then NO_HIT");
    }
  }

  // 10:15 — a name searched in Latin matches a record held in Cyrillic.
  private void nameSearchAcrossScripts() throws Exception {
    moveTo("10:15");
    Message request = request(GYUESHEVO, SREMSKA_RACA, Urgency.NORMAL, null, "Cigarette smuggling",
        "A driver gave his name as written in his passport.", DataAccess.DIRECT,
        List.of(person("PETROVIC", "NIKOLA", NameScript.LATIN, "RS", null)), List.of("Is the person known?"));
    List<Person> register = List.of(
        person("Петровић", "Никола", NameScript.CYRILLIC, "RS", PartialDate.parse("1975-09-30")),
        person("Јовановић", "Милан", NameScript.CYRILLIC, "RS", PartialDate.parse("1981-01-12")));
    VerifiedMessage answer = ask(GYUESHEVO, request, SREMSKA_RACA, req -> {
      Person asked = (Person) ((InformationRequest) req.message().body()).subjects().get(0);
      String query = asked.names().get(0).surname() + " " + asked.names().get(0).givenNames();
      List<Subject> hits = new ArrayList<>();
      for (Person p : register) {
        String recorded = p.names().get(0).surname() + " " + p.names().get(0).givenNames();
        if (NameMatchKeys.matches(query, recorded)) {
          hits.add(p);
        }
      }
      return hits.isEmpty()
          ? new Reply(ReplyOutcome.NO_HIT, List.of(), null, null, List.of(), null, List.of())
          : new Reply(ReplyOutcome.HIT, hits, "Лице пронађено у евиденцији.", null, List.of(), null, List.of());
    }, "sr", HandlingCode.H0);
    if (answer != null) {
      Reply r = (Reply) answer.message().body();
      requests++;
      deadlinesMet++;
      expect(r.outcome() == ReplyOutcome.HIT, "Latin 'PETROVIC NIKOLA' matches Cyrillic 'Петровић Никола'");
      step("10:15", "name search BG-MK → RS-BA: 'PETROVIC NIKOLA' (Latin, MRZ form) found as 'Петровић Никола' "
          + "(Cyrillic): " + r.outcome().code());
    }
  }

  // 10:40 — an urgent request the requested centre cannot answer in time: it sends a delay notice.
  private void delayedRequest() throws Exception {
    moveTo("10:40");
    Message request = request(TABANOVCE, BOGORODICA, Urgency.URGENT, "Suspect of an armed robbery expected at the border",
        "Armed robbery", "A suspect may try to leave through Evzoni; his criminal record is asked for.",
        DataAccess.DIRECT, List.of(person("Nikolaidis", "Petros", NameScript.LATIN, "GR", PartialDate.ofYear(1984))),
        List.of("Is the person known for violent offences?"));
    PcccNode.PendingRequest pending = network.node(TABANOVCE).request(request);
    picture.onSent(request);
    VerifiedMessage atRequested = network.await(BOGORODICA, request.header().messageId());
    if (atRequested == null) {
      expect(false, "delayed request reaches " + BOGORODICA.id());
      return;
    }
    requests++;
    Instant due = ReplyDeadlines.dueBy(Urgency.URGENT, DataAccess.DIRECT, request.header().createdAt());
    step("10:40", "urgent record check MK-RS → MK-GR over https: the register is down for maintenance (due "
        + clock.label(due) + ")");
    moveTo("10:55");
    Instant expectedBy = clock.instantOf("20:30");
    network.context(atRequested).sendDelayNotice(expectedBy, "The national register is unavailable for maintenance")
        .allReceipts().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    delayNotices++;
    VerifiedMessage notice = network.await(TABANOVCE, m -> m.message().body() instanceof Reply r
        && r.outcome() == ReplyOutcome.DELAY_NOTICE
        && request.header().messageId().equals(m.message().header().inReplyTo()), WAIT);
    expect(notice != null, "the delay notice reaches the requester's handler");
    expect(!pending.reply().isDone(), "the delay notice does not complete the requester's reply future");
    delayed = new DelayedRequest(request, pending, atRequested);
    step("10:55", "MK-GR sends a delay notice (Art. 5(2)): answer expected by " + clock.label(expectedBy)
        + "; the request stays open at MK-RS");
  }

  // 19:30 — the answer to the delayed request, after its deadline, before the expected-by of its notice.
  private void answerAfterDelayNotice() throws Exception {
    if (delayed == null) {
      return;
    }
    moveTo("19:30");
    MessageContext context = network.context(delayed.received());
    Header h = context.replyHeader()
        .sender(Party.of(BOGORODICA.id(), "GR"))
        .handling(Handling.of(HandlingCode.H1))
        .language("el")
        .build();
    Reply body = new Reply(ReplyOutcome.NO_HIT, List.of(), "Το πρόσωπο δεν είναι γνωστό για βίαια αδικήματα.", null,
        List.of(), null, List.of());
    context.reply(h, body);
    picture.onSent(Message.of(h, body));
    VerifiedMessage answer = delayed.pending().reply().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    network.await(TABANOVCE, answer.message().header().messageId());
    expect(((Reply) answer.message().body()).outcome() == ReplyOutcome.NO_HIT,
        "the requester's reply future completes with the answer, not the delay notice");
    step("19:30", "MK-GR answers the delayed request: NO_HIT, after the 8-hour deadline, before the notice's "
        + "expected-by; the requester's future completed with the answer");
  }

  // 11:40 — a document check carrying the machine-readable zone, whose check digits validation verifies.
  private void documentCheckWithMrz() throws Exception {
    moveTo("11:40");
    IdentityDocument passport = new IdentityDocument(DocumentType.PASSPORT, "L898902C3", Country.of("MK"),
        LocalDate.parse("2022-04-16"), LocalDate.parse("2032-04-15"),
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10");
    Message request = request(BOGORODICA, TABANOVCE, Urgency.URGENT, "Traveller held at the border check",
        "Use of a possibly forged passport", "Passport presented at Evzoni with a worn laminate.",
        DataAccess.DIRECT, List.of(passport), List.of("Was this passport issued as printed?"));
    VerifiedMessage answer = ask(BOGORODICA, request, TABANOVCE, req -> new Reply(ReplyOutcome.HIT,
        List.of(((InformationRequest) req.message().body()).subjects().get(0)),
        "Patošot e izdaden so ovie podatoci i ne e prijaven kako izguben.", null, List.of(), null, List.of()),
        "mk", HandlingCode.H0);
    if (answer != null) {
      requests++;
      deadlinesMet++;
      step("11:40", "document check MK-GR → MK-RS with an ICAO 9303 MRZ (check digits verified): HIT");
    }
  }

  // 13:45 — a hot-pursuit notice across the border.
  private void hotPursuit() throws Exception {
    moveTo("13:45");
    Instant now = clock.instant();
    Body notice = new OperationalNotice(NoticeType.HOT_PURSUIT,
        "Patrol in pursuit of a car that failed to stop; expected to cross at Bogorodica/Evzoni.", now,
        now.plus(Duration.ofHours(2)), Location.crossingPoint(BOGORODICA.crossingPoint(),
            BOGORODICA.position().latitude(), BOGORODICA.position().longitude()),
        List.of(new Vehicle(null, new Plate("GV 4455 AC", Country.of("MK")), "Audi", "A6", "black",
            VehicleCategory.M1, null)), 2);
    Message m = Message.of(header(TABANOVCE, List.of(BOGORODICA), Urgency.URGENT, "Pursuit in progress", "en",
        HandlingCode.H0), notice);
    deliver(TABANOVCE, m);
    expect(network.await(BOGORODICA, m.header().messageId()) != null, "hot-pursuit notice arrives");
    step("13:45", "hot-pursuit notice MK-RS → MK-GR over https (mutual TLS pinned to the directory): delivered");
  }

  // 15:00 — one centre offline; a stolen-vehicle alert to every centre meanwhile; nothing lost.
  private void centreOffline() throws Exception {
    moveTo("15:00");
    network.stop(SREMSKA_RACA);
    step("15:00", "link of RS-BA-SREMSKA-RACA down (node stopped)");
    moveTo("15:05");
    Body alert = new Alert(AlertType.STOLEN_VEHICLE, "Украден путнички аутомобил Škoda Octavia, тамно плаве боје.",
        List.of(new Vehicle("TMBJJ7NE8L0123456", new Plate("BG 123-ĆŽ", Country.of("RS")), "Škoda", "Octavia",
            "dark blue", VehicleCategory.M1, 2020)),
        "Stop the vehicle and inform the sending centre.", clock.instant().plus(Duration.ofDays(30)), List.of());
    Message m = Message.of(header(GYUESHEVO, List.of(TABANOVCE, BOGORODICA, SREMSKA_RACA), Urgency.URGENT,
        "Vehicle stolen less than two hours ago", "sr", HandlingCode.H0), alert);
    DeliveryHandle handle = network.node(GYUESHEVO).send(m);
    picture.onSent(m);
    expect(network.await(TABANOVCE, m.header().messageId()) != null, "alert reaches MK-RS");
    expect(network.await(BOGORODICA, m.header().messageId()) != null, "alert reaches MK-GR");
    Thread.sleep(300);
    int pending = network.node(GYUESHEVO).pendingDeliveries();
    waitedInOutbox = pending;
    expect(pending == 1, "the alert to the offline centre waits in the outbox");
    step("15:05", "stolen-vehicle alert BG-MK → all centres; 2 delivered, 1 waiting in the outbox for RS-BA");
    clock.at("16:30"); // the alert for the offline centre waits in the outbox: no waiting for it
    network.start(SREMSKA_RACA);
    handle.allReceipts().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    expect(network.await(SREMSKA_RACA, m.header().messageId()) != null, "alert reaches RS-BA after it returns");
    step("16:30", "RS-BA-SREMSKA-RACA back (restarted on its store): the alert arrived, 3/3 receipts verified");
  }

  // 18:00 — a tampered envelope and a replayed one are refused.
  private void tamperedAndReplayed() throws Exception {
    moveTo("18:00");
    Message m = Message.of(header(TABANOVCE, List.of(SREMSKA_RACA), Urgency.NORMAL, null, "en", HandlingCode.H0),
        new Alert(AlertType.MISSING_PERSON, "Missing teenager, last seen near the border.",
            List.of(person("Илиевска", "Ана", NameScript.CYRILLIC, "MK", PartialDate.ofYear(2010))), null, null,
            List.of()));
    SealedEnvelope sealed = network.pki().sealer(TABANOVCE.id()).seal(m);
    String text = sealed.text();
    int at = text.indexOf("\"ciphertext\":\"") + 20;
    String tampered = text.substring(0, at) + (text.charAt(at) == 'A' ? 'B' : 'A') + text.substring(at + 1);
    int rejectedBefore = rejections();
    rawDeliver(SREMSKA_RACA, tampered.getBytes(StandardCharsets.UTF_8), m);
    expect(rejections() == rejectedBefore + 1, "tampered envelope refused");
    rawDeliver(SREMSKA_RACA, sealed.bytes(), m);
    expect(network.await(SREMSKA_RACA, m.header().messageId()) != null, "original envelope accepted once");
    int duplicatesBefore = network.counters.duplicates.get();
    rawDeliver(SREMSKA_RACA, sealed.bytes(), m);
    Thread.sleep(200);
    expect(network.counters.duplicates.get() == duplicatesBefore + 1, "replayed envelope recognised");
    expect(network.await(SREMSKA_RACA, x -> x.message().header().messageId().equals(m.header().messageId()),
        Duration.ofMillis(300)) == null, "replayed envelope not handed to the application again");
    int beforeForward = rejections();
    rawDeliver(TABANOVCE, sealed.bytes(), m); // a copy pushed to a centre it was not sealed for
    expect(rejections() == beforeForward + 1, "copy sent to a centre that is not a recipient refused");
    step("18:00", "tampered envelope refused; replayed envelope recognised and not delivered twice;"
        + " a copy pushed to a centre it was not sealed for refused");
  }

  // 23:55 — situation reports from every centre to every other.
  private void situationReports() throws Exception {
    moveTo("23:55");
    int[][] counts = {{7, 5, 3, 1, 1}, {4, 4, 6, 2, 1}, {12, 9, 0, 0, 0}, {3, 2, 1, 3, 2}};
    Instant end = clock.instant();
    Instant start = end.minus(Duration.ofDays(1));
    List<DeliveryHandle> handles = new ArrayList<>();
    for (int i = 0; i < CENTRES.size(); i++) {
      Centre c = CENTRES.get(i);
      int[] n = counts[i];
      List<Centre> others = CENTRES.stream().filter(o -> o != c).toList();
      Body report = new SituationReport(start, end, List.of(new SituationEntry(
          Location.crossingPoint(c.crossingPoint(), c.position().latitude(), c.position().longitude()),
          n[0], n[1], n[2], n[3], n[4])), null);
      Message m = Message.of(header(c, others, Urgency.NORMAL, null, "en", HandlingCode.H0), report);
      handles.add(network.node(c).send(m));
      picture.onSent(m);
    }
    CompletableFuture.allOf(handles.stream().map(DeliveryHandle::allReceipts).toArray(CompletableFuture[]::new))
        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    step("23:55", "situation reports from all 4 centres to every other centre: 12 receipts verified");
  }

  // ------------------------------------------------------------ helpers

  private interface Responder {
    Reply answer(VerifiedMessage request) throws Exception;
  }

  private VerifiedMessage ask(Centre from, Message request, Centre to, Responder responder, String language,
      HandlingCode handling) throws Exception {
    PcccNode.PendingRequest pending = network.node(from).request(request);
    picture.onSent(request);
    VerifiedMessage atRequested = network.await(to, request.header().messageId());
    if (atRequested == null) {
      expect(false, "request " + request.body().kind().code() + " reaches " + to.id());
      return null;
    }
    // The requested centre replies through the context its node gave with the request: the reply
    // header comes filled in (conversation, in-reply-to, recipient, urgency); the centre sets the rest.
    MessageContext context = network.context(atRequested);
    Header h = context.replyHeader()
        .sender(Party.of(to.id(), to.countries().get(to.countries().contains(from.country()) ? 1 : 0)))
        .handling(Handling.of(handling))
        .language(language)
        .build();
    Reply body = responder.answer(atRequested);
    context.reply(h, body);
    picture.onSent(Message.of(h, body));
    VerifiedMessage reply = pending.reply().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    network.await(from, reply.message().header().messageId());
    return reply;
  }

  private void deliver(Centre from, Message m) throws Exception {
    DeliveryHandle handle = network.node(from).send(m);
    picture.onSent(m);
    handle.allReceipts().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private void rawDeliver(Centre to, byte[] bytes, Message m) {
    OutboundEnvelope out = new OutboundEnvelope(bytes, m.header().messageId(), m.header().conversationId(),
        m.body().kind().code(), m.header().sender().centreId(), to.id());
    try {
      network.memoryTransport(TABANOVCE).deliver(network.endpointOf(to), out).get(5, TimeUnit.SECONDS);
    } catch (Exception expectedForRejections) {
      // A refused envelope fails the delivery: that is the point of the step.
    }
  }

  private int rejections() {
    return network.counters.rejectionsByCode.values().stream().mapToInt(java.util.concurrent.atomic.AtomicInteger::get).sum();
  }

  private Message request(Centre from, Centre to, Urgency urgency, String urgencyReason, String offence,
      String facts, DataAccess access, List<Subject> subjects, List<String> questions) {
    Header h = Header.builder()
        .createdAt(clock.instant())
        .sender(Party.of(from.id(), from.country()))
        .recipients(Party.of(to.id(), to.country()))
        .urgency(urgency)
        .urgencyReason(urgencyReason)
        .legalBasis("Police Cooperation Convention for Southeast Europe, Art. 5")
        .purpose("Prevention and investigation of cross-border crime")
        .language("en")
        .build();
    return Message.of(h, new InformationRequest("National desk " + from.country() + ", " + from.name(), offence,
        facts, null, null, null, access, false, subjects, questions, List.of()));
  }

  private Header header(Centre from, List<Centre> to, Urgency urgency, String urgencyReason, String language,
      HandlingCode handling) {
    return Header.builder()
        .createdAt(clock.instant())
        .sender(Party.of(from.id(), from.country()))
        .recipients(to.stream().map(c -> Party.of(c.id(), c.country())).toList())
        .urgency(urgency)
        .urgencyReason(urgencyReason)
        .handling(Handling.of(handling))
        .language(language)
        .build();
  }

  private static Person person(String surname, String given, NameScript script, String nationality,
      PartialDate birth) {
    return new Person(List.of(new PersonName(surname, given, script, NameForm.ORIGINAL)), List.of(), birth, null,
        null, Sex.UNKNOWN, List.of(Country.of(nationality)), List.of(), null);
  }

  /**
   * Moves the simulated clock to a step of the timeline, once the deliveries under way have their
   * receipts: a jump of hours would otherwise pass their receipt timeout and send them again.
   */
  private void moveTo(String label) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline && pendingAtRunningNodes() > 0) {
      Thread.sleep(10);
    }
    clock.at(label);
  }

  private int pendingAtRunningNodes() {
    int pending = 0;
    for (Centre c : CENTRES) {
      PcccNode node = network.node(c);
      if (node != null) {
        pending += node.pendingDeliveries();
      }
    }
    return pending;
  }

  private void step(String time, String text) {
    out.printf("  %s  %s%n", time, text);
  }

  private void expect(boolean ok, String what) {
    if (!ok) {
      failures.add(what);
      out.println("         !! not as scripted: " + what);
    }
  }

}
