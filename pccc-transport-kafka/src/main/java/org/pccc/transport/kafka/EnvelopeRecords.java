package org.pccc.transport.kafka;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.pccc.transport.spi.InboundEnvelope;
import org.pccc.transport.spi.OutboundEnvelope;

/**
 * How an envelope becomes a Kafka record and back: key = conversation id (so one conversation
 * stays in one partition, in order), value = the sealed envelope bytes untouched, headers = the
 * routing metadata of {@link OutboundEnvelope} only (ids, kind, centres; never content).
 */
final class EnvelopeRecords {
  static final String MESSAGE_ID = "pccc-message-id";
  static final String CONVERSATION_ID = "pccc-conversation-id";
  static final String KIND = "pccc-kind";
  static final String SENDER_CENTRE = "pccc-sender-centre";
  static final String RECIPIENT_CENTRE = "pccc-recipient-centre";
  static final List<String> HEADERS = List.of(MESSAGE_ID, CONVERSATION_ID, KIND, SENDER_CENTRE, RECIPIENT_CENTRE);
  private static final int MAX_HEADER_VALUE_LENGTH = 256;

  private EnvelopeRecords() {}

  static ProducerRecord<byte[], byte[]> toRecord(String topic, OutboundEnvelope envelope) {
    List<Header> headers = List.of(
        header(MESSAGE_ID, envelope.messageId().toString()),
        header(CONVERSATION_ID, envelope.conversationId().toString()),
        header(KIND, envelope.kind()),
        header(SENDER_CENTRE, envelope.senderCentre()),
        header(RECIPIENT_CENTRE, envelope.recipientCentre()));
    byte[] key = envelope.conversationId().toString().getBytes(StandardCharsets.US_ASCII);
    return new ProducerRecord<>(topic, null, key, envelope.bytes(), headers);
  }

  /** Reads back only the known headers, as unauthenticated metadata. */
  static InboundEnvelope toEnvelope(ConsumerRecord<byte[], byte[]> record) {
    Map<String, String> metadata = new LinkedHashMap<>();
    for (Header h : record.headers()) {
      if (HEADERS.contains(h.key()) && h.value() != null && h.value().length <= MAX_HEADER_VALUE_LENGTH) {
        metadata.putIfAbsent(h.key(), new String(h.value(), StandardCharsets.UTF_8));
      }
    }
    byte[] value = record.value();
    return new InboundEnvelope(value == null ? new byte[0] : value, metadata);
  }

  private static Header header(String key, String value) {
    // Metadata fields are short ids; anything longer is cut so a header can never carry a body.
    String bounded = value.length() > MAX_HEADER_VALUE_LENGTH ? value.substring(0, MAX_HEADER_VALUE_LENGTH) : value;
    return new RecordHeader(key, bounded.getBytes(StandardCharsets.UTF_8));
  }
}
