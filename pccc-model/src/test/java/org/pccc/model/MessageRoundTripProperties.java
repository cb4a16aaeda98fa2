package org.pccc.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.pccc.model.body.InformationRequest;
import org.pccc.model.code.MessageKind;
import org.pccc.model.json.PcccJson;
import org.pccc.model.json.ReadResult;
import org.pccc.model.schema.MessageSchema;
import org.pccc.model.validation.MessageValidator;
import org.pccc.model.validation.ValidationReport;

/**
 * For any valid message: it validates, it reads back equal from what is written, writing is
 * canonical, and the shipped JSON Schema accepts it.
 */
class MessageRoundTripProperties {
  private static final PcccJson JSON = PcccJson.create();
  private static final MessageValidator VALIDATOR = MessageValidator.create();

  @Provide
  Arbitrary<Message> messages() {
    return MessageArbitraries.validMessages();
  }

  @Property(tries = 200)
  void validMessagesHaveNoIssues(@ForAll("messages") Message m) {
    ValidationReport report = VALIDATOR.validate(m);
    assertThat(report.issues()).as("%s", report).isEmpty();
  }

  @Property(tries = 200)
  void readOfWriteIsAcceptedWithoutIssuesAndEqual(@ForAll("messages") Message m) {
    ReadResult result = JSON.read(JSON.write(m));
    assertThat(result).as("%s", result.report()).isInstanceOf(ReadResult.Accepted.class);
    assertThat(result.report().issues()).isEmpty();
    assertThat(((ReadResult.Accepted) result).message()).isEqualTo(m);
  }

  @Property(tries = 200)
  void writeIsDeterministicAndCanonical(@ForAll("messages") Message m) {
    byte[] first = JSON.write(m);
    assertThat(JSON.write(m)).isEqualTo(first);
    byte[] again = JSON.write(JSON.readValid(first));
    assertThat(new String(again, StandardCharsets.UTF_8)).isEqualTo(new String(first, StandardCharsets.UTF_8));
  }

  /** Pretty or reordered input is read to the same message and written to the same canonical bytes. */
  @Property(tries = 100)
  void keyOrderAndWhitespaceDoNotMatter(@ForAll("messages") Message m, @ForAll long seed) {
    byte[] canonical = JSON.write(m);
    JsonNode shuffled = shuffleKeys(JsonEdits.parse(canonical), new Random(seed));
    byte[] reordered = JsonEdits.bytes(shuffled);
    assertThat(JSON.write(JSON.readValid(reordered))).isEqualTo(canonical);
    byte[] pretty = JSON.writePretty(m).getBytes(StandardCharsets.UTF_8);
    assertThat(JSON.write(JSON.readValid(pretty))).isEqualTo(canonical);
  }

  @Property(tries = 200)
  void shippedSchemaAcceptsEveryValidMessage(@ForAll("messages") Message m) {
    byte[] json = JSON.write(m);
    assertThat(MessageSchema.errors(json)).as(new String(json, StandardCharsets.UTF_8)).isEmpty();
  }

  /** Every kind is generated, so no body kind escapes the properties above. */
  @Property(tries = 20)
  void everyKindRoundTrips(@ForAll MessageKind kind, @ForAll long seed) {
    Message m = MessageArbitraries.validMessages(kind).generator(10).next(new Random(seed)).value();
    assertThat(m.body().kind()).isEqualTo(kind);
    assertThat(JSON.readValid(JSON.write(m))).isEqualTo(m);
  }

  /** The largest inline attachment (64 KiB) and the longest texts still fit the default limits. */
  @Example
  void largestValidRequestFitsTheDefaultLimits() {
    Message base = JSON.readValid(Examples.read("request-person-document.json"));
    InformationRequest r = (InformationRequest) base.body();
    String facts = MessageArbitraries.exactLength(10_000).generator(1).next(new Random(1)).value();
    InformationRequest big = new InformationRequest(r.requestingAuthority(), r.offenceOrThreat(), facts,
        r.purposeLink(), r.reasonsDataHeld(), r.necessityAndProportionality(), r.dataAccess(), r.copyToSpoc(),
        r.subjects(), r.questions(), Collections.nCopies(20, MessageArbitraries.largestInlineAttachment()));
    Message m = Message.of(base.header(), big);
    assertThat(VALIDATOR.validate(m).issues()).isEmpty();
    byte[] json = JSON.write(m);
    assertThat(json.length).isLessThanOrEqualTo(PcccJson.DEFAULT_MAX_DOCUMENT_BYTES);
    assertThat(JSON.readValid(json)).isEqualTo(m);
    assertThat(MessageSchema.errors(json)).isEmpty();
  }

  private static JsonNode shuffleKeys(JsonNode node, Random random) {
    if (node instanceof ObjectNode o) {
      List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
      o.fields().forEachRemaining(entries::add);
      Collections.shuffle(entries, random);
      ObjectNode copy = JsonEdits.MAPPER.createObjectNode();
      for (Map.Entry<String, JsonNode> e : entries) {
        copy.set(e.getKey(), shuffleKeys(e.getValue(), random));
      }
      return copy;
    }
    if (node instanceof ArrayNode a) {
      ArrayNode copy = JsonEdits.MAPPER.createArrayNode();
      a.forEach(element -> copy.add(shuffleKeys(element, random)));
      return copy;
    }
    return node;
  }
}
