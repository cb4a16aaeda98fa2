package org.pccc.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pccc.model.body.Alert;
import org.pccc.model.code.MessageKind;
import org.pccc.model.json.PcccJson;
import org.pccc.model.json.ReadResult;

class ExampleCorpusTest {
  private final PcccJson json = PcccJson.create();

  static java.util.List<String> names() {
    return Examples.names();
  }

  @ParameterizedTest
  @MethodSource("names")
  void everyExampleIsValidAndRoundTrips(String name) {
    ReadResult result = json.read(Examples.read(name));
    assertThat(result).as(name + ": " + result.report()).isInstanceOf(ReadResult.Accepted.class);
    assertThat(result.report().issues()).as(name).isEmpty();
    Message message = ((ReadResult.Accepted) result).message();
    byte[] canonical = json.write(message);
    Message again = json.readValid(canonical);
    assertThat(again).isEqualTo(message);
    assertThat(json.write(again)).isEqualTo(canonical);
  }

  @ParameterizedTest
  @MethodSource("names")
  void everyExampleMovedToAnotherTimeStaysValidWithItsInstantsMovedAlike(String name) {
    Message original = json.readValid(Examples.read(name));
    Instant at = Instant.parse("2031-02-28T23:59:58Z");
    Message moved = json.readValid(Examples.readAt(name, at.plusNanos(999_999_999)));
    Duration shift = Duration.between(original.header().createdAt(), at);
    assertThat(moved.header().createdAt()).isEqualTo(at);
    assertThat(moved.header().messageId()).isEqualTo(original.header().messageId());
    if (original.header().dueBy() != null) {
      assertThat(moved.header().dueBy()).isEqualTo(original.header().dueBy().plus(shift));
    }
    // Everything else, dates without a time included, is exactly as it was.
    String unmoved = new String(json.write(original), StandardCharsets.UTF_8);
    String back = new String(json.write(json.readValid(Examples.readAt(name, original.header().createdAt()))),
        StandardCharsets.UTF_8);
    assertThat(back).isEqualTo(unmoved);
    if (name.equals("alert-stolen-vehicle.json")) {
      Alert alert = (Alert) moved.body();
      assertThat(alert.validUntil()).isEqualTo(((Alert) original.body()).validUntil().plus(shift));
    }
  }

  @Test
  void corpusCoversEveryBodyKind() {
    Set<MessageKind> kinds = EnumSet.noneOf(MessageKind.class);
    for (String name : Examples.names()) {
      kinds.add(json.readValid(Examples.read(name)).body().kind());
    }
    assertThat(kinds).containsExactlyInAnyOrder(MessageKind.values());
  }
}
