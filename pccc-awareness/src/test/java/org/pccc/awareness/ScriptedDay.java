package org.pccc.awareness;

import static org.pccc.awareness.Traffic.BOGORODICA;
import static org.pccc.awareness.Traffic.GYUESHEVO;
import static org.pccc.awareness.Traffic.SREMSKA;
import static org.pccc.awareness.Traffic.T0;
import static org.pccc.awareness.Traffic.TABANOVCE;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.pccc.model.Message;
import org.pccc.model.code.DataAccess;
import org.pccc.model.code.HandlingCode;
import org.pccc.model.code.ReplyOutcome;
import org.pccc.model.code.Urgency;

/**
 * A scripted day of traffic with every kind of item: alerts (H0 and H2), an operation, a
 * situation report, a request answered in time, one with a delay notice, one overdue, a refusal.
 */
final class ScriptedDay {
  /** The time the day is looked at: 10:00 on the day. */
  static final Instant AS_OF = T0.plus(Duration.ofHours(10));

  private ScriptedDay() {}

  static Instant h(double hours) {
    return T0.plus(Duration.ofMinutes(Math.round(hours * 60)));
  }

  static List<Message> messages() {
    Message answered = Traffic.request(TABANOVCE, h(0), Urgency.URGENT, DataAccess.DIRECT, BOGORODICA);
    Message delayed = Traffic.request(TABANOVCE, h(0.5), Urgency.URGENT, DataAccess.INDIRECT, SREMSKA);
    Message overdue = Traffic.request(GYUESHEVO, h(1), Urgency.URGENT, DataAccess.DIRECT, TABANOVCE);
    Message atRisk = Traffic.request(BOGORODICA, h(3.5), Urgency.URGENT, DataAccess.DIRECT, GYUESHEVO);
    Message refused = Traffic.request(SREMSKA, h(1), Urgency.NORMAL, DataAccess.DIRECT, GYUESHEVO);
    return List.of(
        Traffic.situationReport(GYUESHEVO, h(-24), h(0), TABANOVCE, BOGORODICA),
        Traffic.alert(SREMSKA, h(0.2), HandlingCode.H0, h(48), TABANOVCE, BOGORODICA, GYUESHEVO),
        Traffic.alert(BOGORODICA, h(0.4), HandlingCode.H2, null, TABANOVCE),
        answered, delayed, overdue, atRisk, refused,
        Traffic.reply(answered, BOGORODICA, h(2), ReplyOutcome.HIT),
        Traffic.reply(delayed, SREMSKA, h(4), ReplyOutcome.DELAY_NOTICE),
        Traffic.reply(refused, GYUESHEVO, h(5), ReplyOutcome.REFUSAL),
        Traffic.notice(GYUESHEVO, h(8), h(12), "BG-GYUESHEVO", TABANOVCE));
  }

  static RegionalPicture picture() {
    RegionalPicture p = RegionalPicture.create();
    messages().forEach(p::onMessage);
    return p;
  }

  static PictureView view() {
    return picture().view(new PictureQuery(AS_OF, h(-24), h(24), null));
  }
}
