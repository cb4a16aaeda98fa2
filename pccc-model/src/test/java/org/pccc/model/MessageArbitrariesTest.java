package org.pccc.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pccc.model.body.Alert;
import org.pccc.model.body.AttachmentRef;
import org.pccc.model.body.Body;
import org.pccc.model.body.InformationRequest;
import org.pccc.model.body.OperationalNotice;
import org.pccc.model.body.Reply;
import org.pccc.model.code.AlertType;
import org.pccc.model.code.HandlingCode;
import org.pccc.model.code.MessageKind;
import org.pccc.model.code.ReplyOutcome;
import org.pccc.model.code.Urgency;
import org.pccc.model.json.PcccJson;
import org.pccc.model.subject.Consignment;
import org.pccc.model.subject.IdentityDocument;
import org.pccc.model.subject.Person;
import org.pccc.model.subject.Subject;
import org.pccc.model.subject.Vehicle;

/**
 * The generators behind the properties reach every kind and branch (otherwise a property could
 * pass by never trying a case), and their identifiers are valid under the real algorithms.
 */
class MessageArbitrariesTest {
  private static final PcccJson JSON = PcccJson.create();
  private static List<Message> sample;

  @BeforeAll
  static void generate() {
    sample = MessageArbitraries.validMessages().sampleStream().limit(700).collect(Collectors.toList());
  }

  @Test
  void everyBodyKindReplyOutcomeAndAlertTypeIsGenerated() {
    Set<MessageKind> kinds = EnumSet.noneOf(MessageKind.class);
    Set<ReplyOutcome> outcomes = EnumSet.noneOf(ReplyOutcome.class);
    Set<AlertType> alerts = EnumSet.noneOf(AlertType.class);
    for (Message m : sample) {
      kinds.add(m.body().kind());
      if (m.body() instanceof Reply r) {
        outcomes.add(r.outcome());
      } else if (m.body() instanceof Alert a) {
        alerts.add(a.alertType());
      }
    }
    assertThat(kinds).containsExactlyInAnyOrder(MessageKind.values());
    assertThat(outcomes).containsExactlyInAnyOrder(ReplyOutcome.values());
    assertThat(alerts).containsExactlyInAnyOrder(AlertType.values());
  }

  @Test
  void everySubjectKindAndTheTrickyBranchesAreGenerated() {
    Set<Class<?>> subjectKinds = new HashSet<>();
    Set<HandlingCode> handling = EnumSet.noneOf(HandlingCode.class);
    boolean urgentRequest = false;
    boolean inlineAttachment = false;
    boolean specimenMrz = false;
    boolean manyRecipients = false;
    boolean openEndedNotice = false;
    for (Message m : sample) {
      handling.add(m.header().handling().code());
      manyRecipients |= m.header().recipients().size() > 4;
      urgentRequest |= m.body() instanceof InformationRequest && m.header().urgency() == Urgency.URGENT;
      openEndedNotice |= m.body() instanceof OperationalNotice n && n.endsAt() == null;
      for (Subject s : subjectsOf(m.body())) {
        subjectKinds.add(s.getClass());
        if (s instanceof Person p) {
          specimenMrz |= p.documents().stream().anyMatch(d -> d.mrz() != null);
        }
        specimenMrz |= s instanceof IdentityDocument d && d.mrz() != null;
      }
      inlineAttachment |= attachmentsOf(m.body()).stream().anyMatch(a -> a.inlineBase64() != null);
    }
    assertThat(subjectKinds).hasSize(Subject.class.getPermittedSubclasses().length);
    assertThat(handling).containsExactlyInAnyOrder(HandlingCode.values());
    assertThat(urgentRequest).isTrue();
    assertThat(inlineAttachment).isTrue();
    assertThat(specimenMrz).isTrue();
    assertThat(manyRecipients).isTrue();
    assertThat(openEndedNotice).isTrue();
  }

  @Test
  void textMixesScriptsAndJsonSpecialCharacters() {
    String all = sample.stream().map(m -> JSON.writeString(m)).collect(Collectors.joining());
    assertThat(all).containsPattern("\\p{IsCyrillic}").containsPattern("\\p{IsGreek}").containsPattern("[čćđšž]")
        .contains("\\\"").contains("\\\\").contains("\\n");
  }

  @Test
  void identifiersAreValidUnderTheRealAlgorithms() {
    assertThat(MessageArbitraries.iso6346Remainder("CSQU305438")).isEqualTo(3);
    for (String c : MessageArbitraries.containerNumbers().sampleStream().limit(300).collect(Collectors.toList())) {
      assertThat(c).matches("^[A-Z]{3}[UJZR][0-9]{7}$");
      assertThat(MessageArbitraries.iso6346Remainder(c)).isEqualTo(c.charAt(10) - '0');
    }
    for (String v : MessageArbitraries.vins().sampleStream().limit(300).collect(Collectors.toList())) {
      assertThat(v).matches("^[WTVZ][A-HJ-NPR-Z0-9]{16}$");
    }
    for (String hs : MessageArbitraries.hsCodes().sampleStream().limit(300).collect(Collectors.toList())) {
      int chapter = Integer.parseInt(hs.substring(0, 2));
      assertThat(chapter).isBetween(1, 97).isNotEqualTo(77);
    }
    for (Message m : sample) {
      for (Subject s : subjectsOf(m.body())) {
        if (s instanceof Consignment c) {
          assertThat(c.mrn()).isNull();
        }
        if (s instanceof Vehicle v && v.vin() != null) {
          assertThat(v.vin()).matches("^[WTVZ].*");
        }
      }
    }
  }

  private static List<Subject> subjectsOf(Body body) {
    List<Subject> out = new ArrayList<>();
    if (body instanceof InformationRequest r) {
      out.addAll(r.subjects());
    } else if (body instanceof Reply r) {
      out.addAll(r.results());
    } else if (body instanceof Alert a) {
      out.addAll(a.subjects());
    } else if (body instanceof OperationalNotice n) {
      out.addAll(n.subjects());
      out.add(n.location());
    }
    return out;
  }

  private static List<AttachmentRef> attachmentsOf(Body body) {
    if (body instanceof InformationRequest r) {
      return r.attachments();
    } else if (body instanceof Reply r) {
      return r.attachments();
    } else if (body instanceof Alert a) {
      return a.attachments();
    }
    return List.of();
  }
}
