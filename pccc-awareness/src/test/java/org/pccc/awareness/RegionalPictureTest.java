package org.pccc.awareness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pccc.awareness.Traffic.BOGORODICA;
import static org.pccc.awareness.Traffic.GYUESHEVO;
import static org.pccc.awareness.Traffic.SREMSKA;
import static org.pccc.awareness.Traffic.T0;
import static org.pccc.awareness.Traffic.TABANOVCE;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.pccc.model.Message;
import org.pccc.model.code.DataAccess;
import org.pccc.model.code.HandlingCode;
import org.pccc.model.code.RefusalGround;
import org.pccc.model.code.ReplyOutcome;
import org.pccc.model.code.Urgency;
import org.junit.jupiter.api.Test;

/** The picture's rules: validity, operations under way, Art. 5 deadlines, situation, flows, queries. */
class RegionalPictureTest {

  private static Instant h(double hours) {
    return T0.plus(Duration.ofMinutes(Math.round(hours * 60)));
  }

  @Test
  void alertIsActiveOnlyWithinItsValidity() {
    RegionalPicture p = RegionalPicture.create();
    p.onMessage(Traffic.alert(SREMSKA, h(1), HandlingCode.H0, h(25), TABANOVCE, GYUESHEVO));
    assertThat(p.view(PictureQuery.asOf(h(0.5))).alerts()).isEmpty();
    assertThat(p.view(PictureQuery.asOf(h(2))).alerts()).singleElement()
        .satisfies(a -> assertThat(a.validUntil()).isEqualTo(h(25)));
    assertThat(p.view(PictureQuery.asOf(h(25))).alerts()).isEmpty();
  }

  @Test
  void noticeIsInProgressBetweenStartAndEnd() {
    RegionalPicture p = RegionalPicture.create();
    p.onMessage(Traffic.notice(GYUESHEVO, h(2), h(4), "BG-GYUESHEVO", TABANOVCE));
    assertThat(p.view(PictureQuery.asOf(h(3))).notices()).singleElement()
        .satisfies(n -> assertThat(n.crossingPoint()).isEqualTo("BG-GYUESHEVO"));
    assertThat(p.view(PictureQuery.asOf(h(4))).notices()).isEmpty();
  }

  @Test
  void urgentDirectRequestHasEightHoursAndIsAtRiskInTheLastQuarter() {
    RegionalPicture p = RegionalPicture.create();
    Message req = Traffic.request(TABANOVCE, h(0), Urgency.URGENT, DataAccess.DIRECT, BOGORODICA);
    p.onMessage(req);
    RequestStatus at5 = p.view(PictureQuery.asOf(h(5))).requests().get(0);
    assertThat(at5.track().dueBy()).isEqualTo(h(8));
    assertThat(at5.state()).isEqualTo(RequestState.OPEN);
    assertThat(p.view(PictureQuery.asOf(h(6.5))).deadlinesAtRisk()).singleElement()
        .satisfies(r -> assertThat(r.state()).isEqualTo(RequestState.AT_RISK));
    assertThat(p.view(PictureQuery.asOf(h(8))).requests().get(0).state()).isEqualTo(RequestState.OVERDUE);
  }

  @Test
  void repliesDecideTheStateAndTheTimeOfTheQueryCounts() {
    RegionalPicture p = RegionalPicture.create();
    Message inTime = Traffic.request(TABANOVCE, h(0), Urgency.URGENT, DataAccess.DIRECT, BOGORODICA);
    Message late = Traffic.request(TABANOVCE, h(0), Urgency.URGENT, DataAccess.DIRECT, GYUESHEVO);
    Message delayed = Traffic.request(TABANOVCE, h(0), Urgency.NORMAL, DataAccess.INDIRECT, SREMSKA);
    Message refused = Traffic.request(GYUESHEVO, h(1), Urgency.NORMAL, DataAccess.DIRECT, SREMSKA);
    List.of(inTime, late, delayed, refused).forEach(p::onMessage);
    p.onMessage(Traffic.reply(inTime, BOGORODICA, h(3), ReplyOutcome.HIT));
    p.onMessage(Traffic.reply(late, GYUESHEVO, h(9), ReplyOutcome.NO_HIT));
    p.onMessage(Traffic.reply(delayed, SREMSKA, h(20), ReplyOutcome.DELAY_NOTICE));
    p.onMessage(Traffic.reply(refused, SREMSKA, h(2), ReplyOutcome.REFUSAL));

    PictureView at10 = p.view(new PictureQuery(h(10), h(0), h(24), null));
    assertThat(state(at10, Traffic.id(inTime))).isEqualTo(RequestState.ANSWERED_IN_TIME);
    assertThat(state(at10, Traffic.id(late))).isEqualTo(RequestState.ANSWERED_LATE);
    assertThat(state(at10, Traffic.id(delayed))).isEqualTo(RequestState.OPEN);
    assertThat(at10.requests().stream().filter(r -> r.track().requestId().equals(Traffic.id(refused))).findFirst()
        .orElseThrow().track().refusalGround()).isEqualTo(RefusalGround.HARM_TO_INTERESTS);
    // As of 2 h the late reply has not been made yet: the request is open, and overdue only after 8 h.
    assertThat(state(p.view(new PictureQuery(h(2), h(0), h(24), null)), Traffic.id(late))).isEqualTo(RequestState.OPEN);
    assertThat(state(p.view(new PictureQuery(h(8.5), h(0), h(24), null)), Traffic.id(late)))
        .isEqualTo(RequestState.OVERDUE);
    // A delay notice is shown as such until the date it promised passes.
    assertThat(state(p.view(PictureQuery.asOf(h(21))), Traffic.id(delayed))).isEqualTo(RequestState.DELAY_NOTIFIED);
    assertThat(state(p.view(PictureQuery.asOf(h(20 + 72))), Traffic.id(delayed))).isEqualTo(RequestState.OVERDUE);
  }

  @Test
  void replyBeforeItsRequestIsPairedWhenTheRequestArrives() {
    RegionalPicture p = RegionalPicture.create();
    Message req = Traffic.request(TABANOVCE, h(0), Urgency.URGENT, DataAccess.DIRECT, BOGORODICA, GYUESHEVO);
    p.onMessage(Traffic.reply(req, BOGORODICA, h(1), ReplyOutcome.HIT));
    p.onMessage(req);
    PictureView v = p.view(PictureQuery.asOf(h(2)));
    assertThat(v.requests()).hasSize(2);
    assertThat(v.requests()).filteredOn(r -> r.track().requestedCentre().equals(BOGORODICA)).singleElement()
        .satisfies(r -> assertThat(r.state()).isEqualTo(RequestState.ANSWERED_IN_TIME));
    assertThat(v.requests()).filteredOn(r -> r.track().requestedCentre().equals(GYUESHEVO)).singleElement()
        .satisfies(r -> assertThat(r.state()).isEqualTo(RequestState.OPEN));
  }

  @Test
  void situationIndicatorsArePerCrossingPointAndPeriod() {
    RegionalPicture p = RegionalPicture.create();
    p.onMessage(Traffic.situationReport(GYUESHEVO, h(-24), h(0), TABANOVCE));
    p.onMessage(Traffic.situationReport(GYUESHEVO, h(24), h(48), TABANOVCE));
    PictureView day1 = p.view(new PictureQuery(h(1), h(-24), h(0), null));
    assertThat(day1.situation()).hasSize(2);
    assertThat(day1.situation()).filteredOn(s -> "BG-GYUESHEVO".equals(s.crossingPoint())).singleElement()
        .satisfies(s -> assertThat(s.irregularCrossings()).isEqualTo(7));
    assertThat(day1.situation()).filteredOn(s -> s.crossingPoint() == null).singleElement()
        .satisfies(s -> assertThat(s.irregularCrossings()).isEqualTo(12));
    // As of before a report was made, it is not in the picture even for the period it covers.
    assertThat(p.view(new PictureQuery(h(30), h(24), h(48), null)).situation()).isEmpty();
    assertThat(p.view(new PictureQuery(h(60), h(24), h(48), null)).situation()).hasSize(2)
        .allSatisfy(s -> assertThat(s.periodStart()).isEqualTo(h(24)));
  }

  @Test
  void flowsCountMessagesPerPairKindAndUrgencyOnceEach() {
    RegionalPicture p = RegionalPicture.create();
    Message req = Traffic.request(TABANOVCE, h(1), Urgency.URGENT, DataAccess.DIRECT, BOGORODICA, GYUESHEVO);
    p.onMessage(req);
    p.onSent(req); // the same message again: counted once
    p.onMessage(Traffic.request(TABANOVCE, h(2), Urgency.URGENT, DataAccess.DIRECT, BOGORODICA));
    p.onMessage(Traffic.reply(req, BOGORODICA, h(3), ReplyOutcome.HIT));
    PictureView v = p.view(PictureQuery.asOf(h(4)));
    assertThat(v.flows()).containsExactlyInAnyOrder(
        new Flow(BOGORODICA, TABANOVCE, "reply", "URGENT", 1),
        new Flow(TABANOVCE, BOGORODICA, "information-request", "URGENT", 2),
        new Flow(TABANOVCE, GYUESHEVO, "information-request", "URGENT", 1));
    assertThat(v.timeline()).hasSize(3);
    assertThat(p.view(PictureQuery.asOf(h(4)).forCentre(GYUESHEVO)).flows())
        .containsExactly(new Flow(TABANOVCE, GYUESHEVO, "information-request", "URGENT", 1));
  }

  @Test
  void centreQueryShowsOnlyWhatConcernsTheCentre() {
    RegionalPicture p = RegionalPicture.create();
    p.onMessage(Traffic.alert(SREMSKA, h(1), HandlingCode.H0, h(30), TABANOVCE));
    p.onMessage(Traffic.request(GYUESHEVO, h(1), Urgency.NORMAL, DataAccess.DIRECT, BOGORODICA));
    PictureView forBogorodica = p.view(PictureQuery.asOf(h(2)).forCentre(BOGORODICA));
    assertThat(forBogorodica.alerts()).isEmpty();
    assertThat(forBogorodica.requests()).hasSize(1);
    assertThat(p.view(PictureQuery.asOf(h(2)).forCentre(TABANOVCE)).alerts()).hasSize(1);
  }

  @Test
  void periodWithEndBeforeStartIsRefusedWithItsCode() {
    assertThatThrownBy(() -> PictureQuery.period(h(2), h(1)))
        .isInstanceOfSatisfying(AwarenessException.class, e -> assertThat(e.code()).isEqualTo("PCCC-4102"));
  }

  @Test
  void concurrentFeedingLosesNothing() throws Exception {
    RegionalPicture p = RegionalPicture.create();
    List<Message> messages = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      messages.add(Traffic.request(TABANOVCE, h(i / 100.0), Urgency.NORMAL, DataAccess.DIRECT, BOGORODICA));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    try {
      for (int t = 0; t < 4; t++) {
        int from = t * 100;
        pool.submit(() -> {
          start.await();
          for (int i = from; i < from + 100; i++) {
            p.onMessage(messages.get(i));
            p.view(PictureQuery.asOf(h(5)));
          }
          return null;
        });
      }
      start.countDown();
      pool.shutdown();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      pool.shutdownNow();
    }
    assertThat(p.view(PictureQuery.asOf(h(5))).flows()).singleElement()
        .satisfies(f -> assertThat(f.count()).isEqualTo(400));
  }

  private static RequestState state(PictureView v, java.util.UUID requestId) {
    return v.requests().stream().filter(r -> r.track().requestId().equals(requestId)).findFirst().orElseThrow()
        .state();
  }
}
