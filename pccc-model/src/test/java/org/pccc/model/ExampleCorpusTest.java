package org.pccc.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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

  @Test
  void corpusCoversEveryBodyKind() {
    Set<MessageKind> kinds = EnumSet.noneOf(MessageKind.class);
    for (String name : Examples.names()) {
      kinds.add(json.readValid(Examples.read(name)).body().kind());
    }
    assertThat(kinds).containsExactlyInAnyOrder(MessageKind.values());
  }
}
