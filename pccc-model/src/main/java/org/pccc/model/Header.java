package org.pccc.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pccc.model.code.Language;
import org.pccc.model.code.Urgency;

/**
 * The header of every message: identity, routing, timing and handling. Immutable; use
 * {@link #builder()} to create one.
 *
 * @param messageId unique id of this message (UUID)
 * @param conversationId id shared by a request and everything that answers it
 * @param inReplyTo the message this one answers, required for replies
 * @param sender the sending centre and national desk
 * @param recipients one or more receiving centres and desks; never the sender
 * @param createdAt when the sender created the message, UTC
 * @param urgency normal or urgent
 * @param urgencyReason why it is urgent; required for urgent requests (Dir. 2023/977 Art. 4)
 * @param dueBy when an answer is due, UTC; after {@code createdAt}
 * @param handling the handling code
 * @param language the language of the free text in the message
 * @param legalBasis the legal basis of the exchange; required for requests
 * @param purpose the purpose of the exchange; required for requests
 * @param evaluation the 4x4 evaluation of information provided, if any
 */
public record Header(
    @NotNull UUID messageId,
    @NotNull UUID conversationId,
    UUID inReplyTo,
    @NotNull @Valid Party sender,
    @NotEmpty @Size(max = 64) List<@NotNull @Valid Party> recipients,
    @NotNull Instant createdAt,
    @NotNull Urgency urgency,
    @Size(max = 2000) String urgencyReason,
    Instant dueBy,
    @NotNull @Valid Handling handling,
    @NotNull Language language,
    @Size(max = 500) String legalBasis,
    @Size(max = 2000) String purpose,
    @Valid Evaluation evaluation) {

  /** Copies the recipient list so that the header stays immutable. */
  public Header {
    recipients = recipients == null ? List.of() : List.copyOf(recipients);
  }

  /** Returns a builder with a random message id, the conversation id equal to it, now as createdAt, normal urgency and H0. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised from this header. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.messageId = messageId;
    b.conversationId = conversationId;
    b.inReplyTo = inReplyTo;
    b.sender = sender;
    b.recipients = recipients;
    b.createdAt = createdAt;
    b.urgency = urgency;
    b.urgencyReason = urgencyReason;
    b.dueBy = dueBy;
    b.handling = handling;
    b.language = language;
    b.legalBasis = legalBasis;
    b.purpose = purpose;
    b.evaluation = evaluation;
    return b;
  }

  /** Builds a {@link Header}. Not thread-safe; the header it builds is. */
  public static final class Builder {
    private UUID messageId = UUID.randomUUID();
    private UUID conversationId;
    private UUID inReplyTo;
    private Party sender;
    private List<Party> recipients = List.of();
    private Instant createdAt = Instant.now();
    private Urgency urgency = Urgency.NORMAL;
    private String urgencyReason;
    private Instant dueBy;
    private Handling handling = Handling.of(org.pccc.model.code.HandlingCode.H0);
    private Language language = Language.of("en");
    private String legalBasis;
    private String purpose;
    private Evaluation evaluation;

    private Builder() {}

    /** Sets the message id. */
    public Builder messageId(UUID v) { messageId = v; return this; }
    /** Sets the conversation id; defaults to the message id. */
    public Builder conversationId(UUID v) { conversationId = v; return this; }
    /** Sets the id of the message this one answers. */
    public Builder inReplyTo(UUID v) { inReplyTo = v; return this; }
    /** Sets the sender. */
    public Builder sender(Party v) { sender = v; return this; }
    /** Sets the recipients. */
    public Builder recipients(List<Party> v) { recipients = v; return this; }
    /** Sets the recipients. */
    public Builder recipients(Party... v) { recipients = List.of(v); return this; }
    /** Sets the creation time. */
    public Builder createdAt(Instant v) { createdAt = v; return this; }
    /** Sets the urgency. */
    public Builder urgency(Urgency v) { urgency = v; return this; }
    /** Sets the reason for urgency. */
    public Builder urgencyReason(String v) { urgencyReason = v; return this; }
    /** Sets when an answer is due. */
    public Builder dueBy(Instant v) { dueBy = v; return this; }
    /** Sets the handling. */
    public Builder handling(Handling v) { handling = v; return this; }
    /** Sets the language of the free text. */
    public Builder language(Language v) { language = v; return this; }
    /** Sets the language of the free text by ISO 639-1 code. */
    public Builder language(String v) { language = Language.of(v); return this; }
    /** Sets the legal basis. */
    public Builder legalBasis(String v) { legalBasis = v; return this; }
    /** Sets the purpose. */
    public Builder purpose(String v) { purpose = v; return this; }
    /** Sets the evaluation. */
    public Builder evaluation(Evaluation v) { evaluation = v; return this; }

    /** Builds the header; validation happens separately and reports every problem at once. */
    public Header build() {
      return new Header(
          messageId,
          conversationId == null ? messageId : conversationId,
          inReplyTo,
          sender,
          recipients,
          createdAt,
          urgency,
          urgencyReason,
          dueBy,
          handling,
          language,
          legalBasis,
          purpose,
          evaluation);
    }
  }
}
