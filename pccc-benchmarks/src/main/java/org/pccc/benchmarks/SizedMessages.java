package org.pccc.benchmarks;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.pccc.model.Examples;
import org.pccc.model.Header;
import org.pccc.model.Message;
import org.pccc.model.Party;
import org.pccc.model.body.AttachmentRef;
import org.pccc.model.body.InformationRequest;
import org.pccc.model.json.PcccJson;
import org.pccc.model.subject.Subject;

/**
 * Valid messages of a chosen size for the benchmarks, grown from the example corpus: the
 * {@code 1k} size is the stolen-vehicle alert as shipped; larger sizes start from the
 * person-and-document information request and add, in this order, a longer {@code facts} text,
 * copies of the person subject, then inline attachments of pseudo-random bytes (with their true
 * size and SHA-256, so validation passes), and finally top up {@code facts} to the target.
 * Deterministic: the same size gives the same body. Stateless and thread-safe.
 */
final class SizedMessages {
  /** The sizes every benchmark accepts as a {@code @Param}. */
  static final String SIZE_1K = "1k";
  static final String SIZE_2K = "2k";
  static final String SIZE_10K = "10k";
  static final String SIZE_100K = "100k";

  private static final String FILLER =
      "The vehicle crossed the border section at night and the driver presented a passport whose "
          + "photograph did not match the holder; the travel history shows repeated short trips. ";
  private static final int MAX_FACTS_CHARS = 10_000;
  private static final int MAX_SUBJECTS = 20;
  private static final PcccJson JSON = PcccJson.create();

  private SizedMessages() {}

  /** Returns the target size in bytes of a size label ({@code 1k} = 1024 bytes). */
  static int targetBytes(String size) {
    switch (size) {
      case SIZE_1K:
        return 1024;
      case SIZE_2K:
        return 2048;
      case SIZE_10K:
        return 10 * 1024;
      case SIZE_100K:
        return 100 * 1024;
      default:
        throw new IllegalArgumentException("unknown size " + size + " (1k, 2k, 10k or 100k)");
    }
  }

  /**
   * Returns a valid message of about the given size (canonical JSON), from one centre to others,
   * created now, with a fresh id.
   *
   * @param size a size label
   * @param sender the sending centre
   * @param recipients the receiving centres
   * @return the message
   */
  static Message message(String size, Party sender, List<Party> recipients) {
    int target = targetBytes(size);
    // Moved to now: the alert's validity end must stay after the created-at the benchmark gives it.
    Message template = JSON.readValid(Examples.readAt(
        SIZE_1K.equals(size) ? "alert-stolen-vehicle.json" : "request-person-document.json", Instant.now()));
    Message message = Message.of(header(template.header(), sender, recipients), template.body());
    if (template.body() instanceof InformationRequest request) {
      message = grow(message, request, target);
    }
    return message;
  }

  /** Returns a copy of the message with a new id and creation time, as a sender makes each one. */
  static Message withNewId(Message message) {
    Header h = message.header();
    UUID id = UUID.randomUUID();
    Header fresh = new Header(id, id, null, h.sender(), h.recipients(), Instant.now(), h.urgency(),
        h.urgencyReason(), null, h.handling(), h.language(), h.legalBasis(), h.purpose(), h.evaluation());
    return Message.of(fresh, message.body());
  }

  /** Returns the canonical JSON size of a message in bytes. */
  static int bytes(Message message) {
    return JSON.write(message).length;
  }

  private static Header header(Header t, Party sender, List<Party> recipients) {
    UUID id = UUID.randomUUID();
    return new Header(id, id, null, sender, recipients, Instant.now(), t.urgency(), t.urgencyReason(), null,
        t.handling(), t.language(), t.legalBasis(), t.purpose(), t.evaluation());
  }

  private static Message grow(Message message, InformationRequest request, int target) {
    InformationRequest r = request;
    // 1. a longer account of the facts, up to 4,000 characters
    r = withFacts(r, extend(r.facts(), Math.min(4_000, r.facts().length() + missing(message, r, target))));
    // 2. more subjects: copies of the person
    Subject person = r.subjects().get(0);
    List<Subject> subjects = new ArrayList<>(r.subjects());
    int personBytes = JSON.writeDocument(person).length + 1;
    while (subjects.size() < MAX_SUBJECTS && missing(message, r, target) > personBytes) {
      subjects.add(person);
      r = withSubjects(r, subjects);
    }
    // 3. inline attachments for what is still missing, 64 KiB at most each
    List<AttachmentRef> attachments = new ArrayList<>(r.attachments());
    Random random = new Random(target);
    int attachmentOverhead = 220;
    while (missing(message, r, target) > 2 * attachmentOverhead && attachments.size() < 20) {
      int base64Chars = missing(message, r, target) - attachmentOverhead;
      int decoded = Math.min(AttachmentRef.MAX_INLINE_BYTES, base64Chars / 4 * 3);
      attachments.add(attachment("photo-" + (attachments.size() + 1) + ".jpg", decoded, random));
      r = withAttachments(r, attachments);
    }
    // 4. top up the facts to the target
    int missing = missing(message, r, target);
    if (missing > 0) {
      r = withFacts(r, extend(r.facts(), Math.min(MAX_FACTS_CHARS, r.facts().length() + missing)));
    }
    return Message.of(message.header(), r);
  }

  private static int missing(Message message, InformationRequest body, int target) {
    return target - bytes(Message.of(message.header(), body));
  }

  private static String extend(String facts, int length) {
    StringBuilder b = new StringBuilder(facts);
    while (b.length() < length) {
      b.append(' ').append(FILLER);
    }
    b.setLength(Math.max(facts.length(), length));
    return b.toString().strip();
  }

  private static AttachmentRef attachment(String name, int size, Random random) {
    byte[] content = new byte[size];
    random.nextBytes(content);
    return new AttachmentRef(name, "image/jpeg", (long) size, sha256Hex(content),
        Base64.getEncoder().encodeToString(content));
  }

  private static String sha256Hex(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InformationRequest withFacts(InformationRequest r, String facts) {
    return new InformationRequest(r.requestingAuthority(), r.offenceOrThreat(), facts, r.purposeLink(),
        r.reasonsDataHeld(), r.necessityAndProportionality(), r.dataAccess(), r.copyToSpoc(), r.subjects(),
        r.questions(), r.attachments());
  }

  private static InformationRequest withSubjects(InformationRequest r, List<Subject> subjects) {
    return new InformationRequest(r.requestingAuthority(), r.offenceOrThreat(), r.facts(), r.purposeLink(),
        r.reasonsDataHeld(), r.necessityAndProportionality(), r.dataAccess(), r.copyToSpoc(), subjects,
        r.questions(), r.attachments());
  }

  private static InformationRequest withAttachments(InformationRequest r, List<AttachmentRef> attachments) {
    return new InformationRequest(r.requestingAuthority(), r.offenceOrThreat(), r.facts(), r.purposeLink(),
        r.reasonsDataHeld(), r.necessityAndProportionality(), r.dataAccess(), r.copyToSpoc(), r.subjects(),
        r.questions(), attachments);
  }

  /** Prints the sizes actually produced, for the README. */
  static String describe() {
    StringBuilder b = new StringBuilder();
    Party a = Party.of("BENCH-A", "MK");
    Party c = Party.of("BENCH-B", "RS");
    for (String s : List.of(SIZE_1K, SIZE_2K, SIZE_10K, SIZE_100K)) {
      b.append(s).append(" = ").append(bytes(message(s, a, List.of(c)))).append(" bytes\n");
    }
    return b.toString();
  }
}
