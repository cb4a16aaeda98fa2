package org.pccc.model.validation;

import jakarta.validation.constraints.NotBlank;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.pccc.model.Header;
import org.pccc.model.Message;
import org.pccc.model.Party;
import org.pccc.model.body.Alert;
import org.pccc.model.body.AttachmentRef;
import org.pccc.model.body.Body;
import org.pccc.model.body.ErrorReport;
import org.pccc.model.body.InformationRequest;
import org.pccc.model.body.OperationalNotice;
import org.pccc.model.body.Receipt;
import org.pccc.model.body.Reply;
import org.pccc.model.body.SituationReport;
import org.pccc.model.code.HandlingCode;
import org.pccc.model.code.ReplyOutcome;
import org.pccc.model.code.Urgency;
import org.pccc.model.internal.IdentifierChecks;
import org.pccc.model.subject.Consignment;
import org.pccc.model.subject.IdentityDocument;
import org.pccc.model.subject.Location;
import org.pccc.model.subject.Person;
import org.pccc.model.subject.Vehicle;

/**
 * The rules across fields. Each adds issues to the list; none throws for any message that
 * survived binding (fields may still be null here, since field constraints are checked apart).
 */
final class MessageRules {
  private static final java.util.regex.Pattern VIN = fieldPattern(Vehicle.class, "vin");
  private static final java.util.regex.Pattern CONTAINER = fieldPattern(Consignment.class, "containerNumber");
  private static final java.util.regex.Pattern MRN = fieldPattern(Consignment.class, "mrn");
  private static final java.util.regex.Pattern TIR = fieldPattern(Consignment.class, "tirCarnet");
  private static final java.util.regex.Pattern HS = java.util.regex.Pattern.compile("^[0-9]{6}(?:[0-9]{2}){0,2}$");

  private MessageRules() {}

  /** The field's own {@code @Pattern}, so that the two layers cannot disagree on the format. */
  private static java.util.regex.Pattern fieldPattern(Class<? extends Record> type, String component) {
    try {
      jakarta.validation.constraints.Pattern p =
          type.getDeclaredMethod(component).getAnnotation(jakarta.validation.constraints.Pattern.class);
      return java.util.regex.Pattern.compile(p.regexp());
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("no component " + component, e);
    }
  }

  /** RFC 3339 has four-digit years; Instant.toString writes others with a sign. */
  private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  static void check(Message m, List<ValidationIssue> out) {
    Header h = m.header();
    if (h != null) {
      header(h, out);
    }
    Body body = m.body();
    if (body != null && h != null) {
      body(h, body, out);
    }
    walk(m, new StringBuilder(), h == null ? null : h.createdAt(), out);
  }

  private static void header(Header h, List<ValidationIssue> out) {
    Set<Party> seen = new HashSet<>();
    List<Party> recipients = h.recipients();
    for (int i = 0; i < recipients.size(); i++) {
      Party p = recipients.get(i);
      if (p == null) {
        continue;
      }
      if (h.sender() != null && p.centreId() != null && p.centreId().equals(h.sender().centreId())) {
        add(out, ValidationCode.SENDER_AMONG_RECIPIENTS, "/header/recipients/" + i,
            "the sender's centre is also a recipient");
      }
      if (!seen.add(p)) {
        add(out, ValidationCode.DUPLICATE_RECIPIENT, "/header/recipients/" + i, "this recipient is named twice");
      }
    }
    if (h.dueBy() != null && h.createdAt() != null && !h.dueBy().isAfter(h.createdAt())) {
      add(out, ValidationCode.DUE_BY_NOT_AFTER_CREATED, "/header/dueBy", "dueBy must be after createdAt");
    }
    if (h.handling() != null && h.handling().code() == HandlingCode.H3 && h.handling().conditions() == null) {
      add(out, ValidationCode.H3_WITHOUT_CONDITIONS, "/header/handling/conditions",
          "handling code H3 requires the conditions in words");
    }
  }

  private static void body(Header h, Body body, List<ValidationIssue> out) {
    if (body instanceof InformationRequest) {
      if (h.urgency() == Urgency.URGENT && h.urgencyReason() == null) {
        add(out, ValidationCode.URGENT_WITHOUT_REASON, "/header/urgencyReason",
            "an urgent request must give the reason for urgency");
      }
      if (h.purpose() == null) {
        add(out, ValidationCode.REQUEST_WITHOUT_PURPOSE, "/header/purpose", "a request must state its purpose");
      }
      if (h.legalBasis() == null) {
        add(out, ValidationCode.REQUEST_WITHOUT_LEGAL_BASIS, "/header/legalBasis",
            "a request must state its legal basis");
      }
    } else if (body instanceof Reply r) {
      reply(h, r, out);
    } else if (body instanceof Alert a) {
      alert(h, a, out);
    } else if (body instanceof OperationalNotice n) {
      if (n.endsAt() != null && n.startsAt() != null && !n.endsAt().isAfter(n.startsAt())) {
        add(out, ValidationCode.TIME_ORDER, "/body/endsAt", "endsAt must be after startsAt");
      }
    } else if (body instanceof SituationReport s) {
      if (s.periodEnd() != null && s.periodStart() != null && !s.periodEnd().isAfter(s.periodStart())) {
        add(out, ValidationCode.TIME_ORDER, "/body/periodEnd", "periodEnd must be after periodStart");
      }
    } else if (body instanceof Receipt || body instanceof ErrorReport) {
      // Field constraints cover these kinds.
    }
  }

  private static void reply(Header h, Reply r, List<ValidationIssue> out) {
    if (h.inReplyTo() == null) {
      add(out, ValidationCode.REPLY_WITHOUT_REQUEST, "/header/inReplyTo", "a reply must name the request it answers");
    }
    ReplyOutcome outcome = r.outcome();
    if (outcome == null) {
      return;
    }
    if (outcome == ReplyOutcome.REFUSAL && r.refusalGround() == null) {
      add(out, ValidationCode.REFUSAL_WITHOUT_GROUND, "/body/refusalGround", "a refusal must name its Art. 6 ground");
    }
    if (outcome != ReplyOutcome.REFUSAL && r.refusalGround() != null) {
      add(out, ValidationCode.GROUND_WITHOUT_REFUSAL, "/body/refusalGround", "only a refusal names a refusal ground");
    }
    boolean carriesResults = outcome == ReplyOutcome.HIT || outcome == ReplyOutcome.PARTIAL;
    if (carriesResults && r.results().isEmpty()) {
      add(out, ValidationCode.HIT_WITHOUT_RESULTS, "/body/results", "a hit or partial reply must carry results");
    }
    if (!carriesResults && !r.results().isEmpty()) {
      add(out, ValidationCode.RESULTS_WITHOUT_HIT, "/body/results", "only a hit or partial reply carries results");
    }
    if (outcome == ReplyOutcome.CLARIFICATION_REQUEST && r.questions().isEmpty()) {
      add(out, ValidationCode.CLARIFICATION_WITHOUT_QUESTION, "/body/questions",
          "a clarification request must ask at least one question");
    }
    if (outcome == ReplyOutcome.DELAY_NOTICE && r.delay() == null) {
      add(out, ValidationCode.DELAY_WITHOUT_NOTICE, "/body/delay",
          "a delay notice must give the expected date and reasons");
    }
    if (r.delay() != null && r.delay().expectedBy() != null && h.createdAt() != null
        && !r.delay().expectedBy().isAfter(h.createdAt())) {
      add(out, ValidationCode.TIME_ORDER, "/body/delay/expectedBy", "expectedBy must be after createdAt");
    }
  }

  private static void alert(Header h, Alert a, List<ValidationIssue> out) {
    if (a.alertType() != null && !a.subjects().isEmpty()) {
      Class<?> wanted;
      switch (a.alertType()) {
        case STOLEN_VEHICLE:
          wanted = Vehicle.class;
          break;
        case STOLEN_LOST_DOCUMENT:
          wanted = IdentityDocument.class;
          break;
        default:
          wanted = Person.class;
      }
      if (a.subjects().stream().noneMatch(wanted::isInstance)) {
        add(out, ValidationCode.ALERT_SUBJECT_MISMATCH, "/body/subjects",
            "an alert of this type needs a subject of type " + typeName(wanted));
      }
    }
    if (a.validUntil() != null && h.createdAt() != null && !a.validUntil().isAfter(h.createdAt())) {
      add(out, ValidationCode.TIME_ORDER, "/body/validUntil", "validUntil must be after createdAt");
    }
  }

  private static String typeName(Class<?> type) {
    if (type == Vehicle.class) {
      return "vehicle";
    }
    return type == IdentityDocument.class ? "document" : "person";
  }

  /**
   * Visits every record in the message with its JSON Pointer: blank optional texts, and the rules
   * of subjects and attachments wherever they appear. The pointer grows and shrinks in one
   * builder as the walk goes down and back up; it becomes a string only for an issue.
   */
  private static void walk(Object value, StringBuilder pointer, Instant createdAt, List<ValidationIssue> out) {
    int length = pointer.length();
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        walk(list.get(i), pointer.append('/').append(i), createdAt, out);
        pointer.setLength(length);
      }
      return;
    }
    if (!(value instanceof Record record)) {
      return;
    }
    Component[] components = COMPONENTS.get(record.getClass());
    if (components == null) {
      return;
    }
    subjectRules(record, pointer, createdAt, out);
    for (Component c : components) {
      if (!c.visited()) {
        continue;
      }
      Object v;
      try {
        v = (Object) c.accessor().invokeExact((Object) record);
      } catch (Throwable e) {
        throw new IllegalStateException("record accessor failed", e);
      }
      pointer.append('/').append(c.name());
      if (v instanceof Instant t && (t.isBefore(EARLIEST) || t.isAfter(LATEST))) {
        add(out, ValidationCode.RANGE, pointer.toString(), "time outside the years 0000 to 9999");
      } else if (v instanceof LocalDate d && (d.getYear() < 0 || d.getYear() > 9999)) {
        add(out, ValidationCode.RANGE, pointer.toString(), "date outside the years 0000 to 9999");
      } else if (v instanceof String s && s.isBlank() && !c.notBlank()) {
        add(out, ValidationCode.BLANK_TEXT, pointer.toString(), "text is present but blank; leave it out instead");
      } else {
        walk(v, pointer, createdAt, out);
      }
      pointer.setLength(length);
    }
  }

  /**
   * A record component as the walk needs it; looked up once per class, reflection is slow.
   * {@code visited} is false where no value of the declared type can carry an issue.
   */
  private record Component(String name, MethodHandle accessor, boolean notBlank, boolean visited) {}

  /**
   * Whether a value of this declared type can be blank text, a time or date out of range, or hold a
   * record or a list. Primitives, enums and other final classes that are none of these (UUID,
   * numbers) cannot: the walk would look at them and find nothing, so it leaves them unread.
   */
  private static boolean visited(Class<?> type) {
    if (type == String.class || type == Instant.class || type == LocalDate.class) {
      return true;
    }
    if (type.isPrimitive() || type.isEnum()) {
      return false;
    }
    return !Modifier.isFinal(type.getModifiers()) || type.isRecord() || List.class.isAssignableFrom(type);
  }

  /** The accessors' common type, so that the walk can call each with {@code invokeExact}. */
  private static final MethodType ACCESSOR_TYPE = MethodType.methodType(Object.class, Object.class);

  /** The components of each record of the model; null for other records, which the walk does not enter. */
  private static final ClassValue<Component[]> COMPONENTS = new ClassValue<>() {
    @Override
    protected Component[] computeValue(Class<?> type) {
      if (!type.getPackageName().startsWith("org.pccc.model")) {
        return null;
      }
      RecordComponent[] components = type.getRecordComponents();
      Component[] out = new Component[components.length];
      for (int i = 0; i < components.length; i++) {
        RecordComponent c = components[i];
        try {
          MethodHandle accessor = MethodHandles.publicLookup().unreflect(c.getAccessor()).asType(ACCESSOR_TYPE);
          out[i] = new Component(c.getName(), accessor, c.getAccessor().getAnnotation(NotBlank.class) != null,
              visited(c.getType()));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("record accessor not accessible", e);
        }
      }
      return out;
    }
  };

  private static void subjectRules(Record r, StringBuilder p, Instant createdAt, List<ValidationIssue> out) {
    if (r instanceof Person person) {
      if (person.birthDate() != null && createdAt != null
          && person.birthDate().earliest().isAfter(LocalDate.ofInstant(createdAt, ZoneOffset.UTC))) {
        add(out, ValidationCode.BIRTH_DATE_IN_FUTURE, p + "/birthDate", "date of birth after the message was created");
      }
    } else if (r instanceof IdentityDocument d) {
      if (d.issuedOn() != null && d.expiresOn() != null && d.expiresOn().isBefore(d.issuedOn())) {
        add(out, ValidationCode.DOCUMENT_DATES, p + "/expiresOn", "the document expires before it was issued");
      }
      if (d.mrz() != null && !d.mrz().isBlank()) {
        IdentifierChecks.mrz(d.mrz()).ifPresent(reason -> add(out, ValidationCode.MRZ_INVALID, p + "/mrz", reason));
      }
    } else if (r instanceof Vehicle v) {
      if (v.vin() == null && v.plate() == null) {
        add(out, ValidationCode.VEHICLE_UNIDENTIFIED, p.toString(), "a vehicle needs a VIN or a plate");
      }
      if (v.vin() != null && VIN.matcher(v.vin()).matches()) {
        IdentifierChecks.vin(v.vin()).ifPresent(reason -> add(out, ValidationCode.VIN_INVALID, p + "/vin", reason));
      }
    } else if (r instanceof Location l) {
      if (l.crossingPoint() == null && l.borderSection() == null && l.coordinates() == null
          && l.address() == null && l.description() == null) {
        add(out, ValidationCode.LOCATION_EMPTY, p.toString(), "a location needs at least one way to find it");
      }
    } else if (r instanceof Consignment c) {
      if (c.containerNumber() == null && c.mrn() == null && c.tirCarnet() == null && c.hsCodes().isEmpty()
          && c.description() == null) {
        add(out, ValidationCode.CONSIGNMENT_UNIDENTIFIED, p.toString(),
            "a consignment needs an identifier or a description");
      }
      // Check digits are checked only where the format is right; a wrong format is a FORMAT issue.
      if (c.containerNumber() != null && CONTAINER.matcher(c.containerNumber()).matches()) {
        IdentifierChecks.containerNumber(c.containerNumber())
            .ifPresent(reason -> add(out, ValidationCode.CONTAINER_NUMBER_INVALID, p + "/containerNumber", reason));
      }
      if (c.mrn() != null && MRN.matcher(c.mrn()).matches()) {
        IdentifierChecks.mrn(c.mrn()).ifPresent(reason -> add(out, ValidationCode.MRN_INVALID, p + "/mrn", reason));
      }
      if (c.tirCarnet() != null && TIR.matcher(c.tirCarnet()).matches()) {
        IdentifierChecks.tirCarnet(c.tirCarnet())
            .ifPresent(reason -> add(out, ValidationCode.TIR_CARNET_INVALID, p + "/tirCarnet", reason));
      }
      for (int i = 0; i < c.hsCodes().size(); i++) {
        String hs = c.hsCodes().get(i);
        if (hs != null && HS.matcher(hs).matches()) {
          final int index = i;
          IdentifierChecks.hsCode(hs)
              .ifPresent(reason -> add(out, ValidationCode.HS_CODE_INVALID, p + "/hsCodes/" + index, reason));
        }
      }
    } else if (r instanceof AttachmentRef a) {
      attachment(a, p, out);
    }
  }

  private static void attachment(AttachmentRef a, StringBuilder p, List<ValidationIssue> out) {
    if (a.inlineBase64() == null || a.sizeBytes() == null || a.sha256() == null) {
      return;
    }
    byte[] content;
    try {
      content = Base64.getDecoder().decode(a.inlineBase64());
    } catch (IllegalArgumentException e) {
      add(out, ValidationCode.ATTACHMENT_MISMATCH, p + "/inlineBase64", "inline content is not valid base64");
      return;
    }
    if (content.length != a.sizeBytes()) {
      add(out, ValidationCode.ATTACHMENT_MISMATCH, p + "/sizeBytes", "inline content does not have the declared size");
    } else if (!HexFormat.of().formatHex(sha256(content)).equals(a.sha256())) {
      add(out, ValidationCode.ATTACHMENT_MISMATCH, p + "/sha256", "inline content does not have the declared SHA-256");
    }
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  private static void add(List<ValidationIssue> out, ValidationCode code, String pointer, String message) {
    out.add(ValidationIssue.of(code, pointer, message));
  }
}
