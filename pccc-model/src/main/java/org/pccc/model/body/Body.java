package org.pccc.model.body;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.pccc.model.code.MessageKind;

/**
 * The body of a message: exactly one of a closed set of kinds. A sealed hierarchy of immutable
 * records, so a {@code switch} over it is checked by the compiler; on the wire the kind is the
 * {@code type} discriminator ({@link MessageKind#code()}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = InformationRequest.class, name = "information-request"),
  @JsonSubTypes.Type(value = Reply.class, name = "reply"),
  @JsonSubTypes.Type(value = Alert.class, name = "alert"),
  @JsonSubTypes.Type(value = OperationalNotice.class, name = "operational-notice"),
  @JsonSubTypes.Type(value = SituationReport.class, name = "situation-report"),
  @JsonSubTypes.Type(value = Receipt.class, name = "receipt"),
  @JsonSubTypes.Type(value = ErrorReport.class, name = "error")
})
public sealed interface Body
    permits InformationRequest, Reply, Alert, OperationalNotice, SituationReport, Receipt, ErrorReport {

  /** Returns the kind of this body. */
  @JsonIgnore
  default MessageKind kind() {
    if (this instanceof InformationRequest) {
      return MessageKind.INFORMATION_REQUEST;
    } else if (this instanceof Reply) {
      return MessageKind.REPLY;
    } else if (this instanceof Alert) {
      return MessageKind.ALERT;
    } else if (this instanceof OperationalNotice) {
      return MessageKind.OPERATIONAL_NOTICE;
    } else if (this instanceof SituationReport) {
      return MessageKind.SITUATION_REPORT;
    } else if (this instanceof Receipt) {
      return MessageKind.RECEIPT;
    }
    return MessageKind.ERROR;
  }
}
