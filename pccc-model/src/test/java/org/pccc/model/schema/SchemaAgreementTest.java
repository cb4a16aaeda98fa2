package org.pccc.model.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.pccc.model.Examples;
import org.pccc.model.Message;
import org.pccc.model.MessageArbitraries;
import org.pccc.model.JsonEdits;
import org.pccc.model.JsonMutations;
import org.pccc.model.MessageCases;
import org.pccc.model.MessageCases.SchemaVerdict;
import org.pccc.model.json.PcccJson;
import org.pccc.model.json.ReadResult;
import org.pccc.model.validation.ValidationCode;

/**
 * The shipped JSON Schema and the Java validator say the same thing: the schema is the generated
 * one, valid 2020-12; every example passes both; every invalid case fails both, except for codes
 * listed in {@link JsonSchemas#NOT_EXPRESSIBLE_IN_SCHEMA}, which the schema accepts.
 */
class SchemaAgreementTest {
  private static final PcccJson JSON = PcccJson.create();
  private static final Path SHIPPED = Path.of("src/main/resources/org/pccc/model/schema/message.schema.json");

  /** Identifier checks come with the real algorithms; their cases are added after merging. */
  private static final Set<ValidationCode> PENDING = EnumSet.of(
      ValidationCode.MRZ_INVALID, ValidationCode.VIN_INVALID, ValidationCode.CONTAINER_NUMBER_INVALID,
      ValidationCode.MRN_INVALID, ValidationCode.HS_CODE_INVALID);

  // ---------------------------------------------------------------- (a) no drift

  /**
   * The shipped schema is exactly what the generator makes of the records today. To regenerate it
   * after changing a record, run this test with {@code -Dpccc.schema.regenerate=true}.
   */
  @Test
  void shippedSchemaIsTheGeneratedOne() throws IOException {
    String generated = JsonSchemas.generateMessageSchema();
    if (Boolean.getBoolean("pccc.schema.regenerate") && Files.exists(SHIPPED)) {
      Files.writeString(SHIPPED, generated, StandardCharsets.UTF_8);
      return;
    }
    assertThat(JsonSchemas.messageSchema())
        .as("the shipped schema has drifted from the records; regenerate it with\n"
            + "  mvn -o -pl pccc-model test -Dtest=SchemaAgreementTest -Dpccc.schema.regenerate=true\n"
            + "and commit pccc-model/" + SHIPPED)
        .isEqualTo(generated);
  }

  @Test
  void generationIsDeterministic() {
    assertThat(JsonSchemas.generateMessageSchema()).isEqualTo(JsonSchemas.generateMessageSchema());
  }

  // ---------------------------------------------------------------- (b) a valid 2020-12 schema

  @Test
  void schemaIsValidAgainstThe202012MetaSchema() {
    JsonNode schema = MessageSchema.parse(JsonSchemas.messageSchema().getBytes(StandardCharsets.UTF_8));
    assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    Set<ValidationMessage> problems = MessageSchema.metaSchema().validate(schema);
    assertThat(problems).isEmpty();
    assertThatCode(() -> MessageSchema.load(JsonSchemas.messageSchema())).doesNotThrowAnyException();
  }

  @Test
  void everyReferenceResolvesAndEveryDefinitionIsUsed() {
    String text = JsonSchemas.messageSchema();
    JsonNode schema = MessageSchema.parse(text.getBytes(StandardCharsets.UTF_8));
    List<String> refs = new ArrayList<>();
    collect(schema, "$ref", refs);
    assertThat(refs).isNotEmpty().allMatch(r -> r.startsWith("#/$defs/"));
    Set<String> referenced = refs.stream().map(r -> r.substring("#/$defs/".length())).collect(Collectors.toSet());
    List<String> defined = new ArrayList<>();
    schema.path("$defs").fieldNames().forEachRemaining(defined::add);
    assertThat(defined).containsAll(referenced);
    assertThat(referenced).containsAll(defined);
  }

  /** Patterns must mean the same in every engine: they compile in Java and use no Java-only syntax. */
  @Test
  void everyPatternCompilesAndIsAnchored() {
    List<String> patterns = new ArrayList<>();
    collect(MessageSchema.parse(JsonSchemas.messageSchema().getBytes(StandardCharsets.UTF_8)), "pattern", patterns);
    assertThat(patterns).isNotEmpty();
    for (String p : patterns) {
      assertThatCode(() -> Pattern.compile(p)).as(p).doesNotThrowAnyException();
      assertThat(p).as("Java-only syntax in %s", p).doesNotContain("\\A").doesNotContain("\\Z").doesNotContain("(?<")
          .doesNotContain("++").doesNotContain("*+");
      boolean notBlank = p.equals("\\S") || p.startsWith("[^") && p.endsWith("]") && p.indexOf(']') == p.length() - 1;
      if (!notBlank) {
        assertThat(p).as("unanchored pattern").startsWith("^").endsWith("$");
      }
    }
  }

  private static void collect(JsonNode node, String key, List<String> out) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> {
        if (e.getKey().equals(key) && e.getValue().isTextual()) {
          out.add(e.getValue().asText());
        } else {
          collect(e.getValue(), key, out);
        }
      });
    } else if (node.isArray()) {
      node.forEach(n -> collect(n, key, out));
    }
  }

  // ---------------------------------------------------------------- (c) the corpus

  static List<String> examples() {
    return Examples.names();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExamplePassesTheSchemaAndTheValidator(String name) {
    byte[] json = Examples.read(name);
    assertThat(MessageSchema.errors(json)).as(name).isEmpty();
    ReadResult result = JSON.read(json);
    assertThat(result).as("%s: %s", name, result.report()).isInstanceOf(ReadResult.Accepted.class);
    assertThat(result.report().issues()).isEmpty();
  }

  // ---------------------------------------------------------------- (d) invalid messages

  static Stream<MessageCases.Case> cases() {
    return MessageCases.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void invalidCaseFailsTheValidator(MessageCases.Case c) {
    ReadResult result = JSON.read(c.invalid());
    assertThat(result).isInstanceOf(ReadResult.Rejected.class);
    assertThat(result.report().errors()).extracting(i -> i.code()).contains(c.code());
  }

  /**
   * The schema rejects every invalid case, except where the code is one JSON Schema cannot express;
   * then the case is listed as schema-accepted and must really be accepted (so the list stays honest).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void invalidCaseGetsItsSchemaVerdict(MessageCases.Case c) {
    if (c.schema() == SchemaVerdict.ACCEPTS) {
      assertThat(JsonSchemas.NOT_EXPRESSIBLE_IN_SCHEMA)
          .as("only codes JSON Schema cannot express may be accepted by the schema").contains(c.code());
    }
    switch (c.schema()) {
      case REJECTS -> assertThat(MessageSchema.errors(c.invalid())).as("schema must reject it").isNotEmpty();
      case ACCEPTS -> assertThat(MessageSchema.errors(c.invalid())).as("schema must accept it").isEmpty();
      case NOT_JSON -> assertThat(parses(c.invalid())).as("must not even be JSON").isFalse();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validCounterpartPassesTheSchema(MessageCases.Case c) {
    assertThat(MessageSchema.errors(c.valid())).isEmpty();
  }

  /** Every code in NOT_EXPRESSIBLE_IN_SCHEMA is there for a reason: a case shows the schema accepting it. */
  @Test
  void everyNotExpressibleCodeHasACaseTheSchemaAccepts() {
    Set<ValidationCode> shown = cases().filter(c -> c.schema() == SchemaVerdict.ACCEPTS)
        .map(MessageCases.Case::code).collect(Collectors.toCollection(() -> EnumSet.noneOf(ValidationCode.class)));
    Set<ValidationCode> unshown = EnumSet.copyOf(JsonSchemas.NOT_EXPRESSIBLE_IN_SCHEMA);
    unshown.removeAll(shown);
    unshown.removeAll(PENDING);
    assertThat(unshown).as("listed as not expressible, but no case shows the schema accepting it").isEmpty();
  }

  private static boolean parses(byte[] json) {
    try {
      JsonEdits.parse(json);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  // ---------------------------------------------------------------- differential: random mutations

  @Provide
  Arbitrary<Message> messages() {
    return MessageArbitraries.validMessages();
  }

  /**
   * Damage a valid message at random and ask both sides: whatever Java accepts the schema accepts,
   * and whatever Java rejects for a reason JSON Schema can express, the schema rejects.
   */
  @Property(tries = 300)
  @net.jqwik.api.Disabled("bug: fails today on every field constraint (SchemaGenerator reads RecordComponent);"
      + " with the proposed schema fixes it still finds explicit nulls (see schemaAndValidatorAgreeOnExplicitNull)")
  void schemaAndValidatorAgreeOnRandomMutations(@ForAll("messages") Message m, @ForAll long seed) {
    Random random = new Random(seed);
    ObjectNode tree = JsonEdits.parse(JSON.write(m));
    JsonMutations.mutateTree(tree, random);
    byte[] json = JsonEdits.bytes(tree);
    ReadResult result = JSON.read(json);
    boolean schemaAccepts = MessageSchema.accepts(json);
    if (result instanceof ReadResult.Accepted) {
      assertThat(schemaAccepts).as("Java accepts, the schema rejects: %s\n%s", MessageSchema.errors(json),
          new String(json, StandardCharsets.UTF_8)).isTrue();
    } else if (result.report().errors().stream()
        .noneMatch(i -> JsonSchemas.NOT_EXPRESSIBLE_IN_SCHEMA.contains(i.code()))) {
      assertThat(schemaAccepts).as("Java rejects (%s), the schema accepts:\n%s", result.report(),
          new String(json, StandardCharsets.UTF_8)).isFalse();
    }
  }

  // ---------------------------------------------------------------- bugs found (disabled until fixed)

  /**
   * Java's idea of blank (String.isBlank, used by @NotBlank and the BLANK_TEXT rule) and the schema's
   * {@code \S} disagree: U+001C..U+001F and U+1680, U+2000..U+200A, U+3000 are whitespace to Java but
   * not to {@code \S} in Java regex; U+00A0 is whitespace to ECMA-262 regex but not to Java.
   */
  @ParameterizedTest(name = "U+{0}")
  @ValueSource(strings = {"0009", "001F", "00A0", "1680", "2003", "2007", "202F", "3000", "FEFF"})
  void schemaAndValidatorAgreeOnBlankText(String hex) {
    String blank = String.valueOf((char) Integer.parseInt(hex, 16)).repeat(2);
    byte[] json = JsonEdits.with("alert-stolen-vehicle.json", "/body/actionRequested", blank);
    boolean javaAccepts = JSON.read(json) instanceof ReadResult.Accepted;
    boolean schemaAccepts = MessageSchema.accepts(json);
    assertThat(schemaAccepts).as("schema accepts U+%s while Java %s", hex, javaAccepts ? "accepts" : "rejects")
        .isEqualTo(javaAccepts);
    // Same for a required text.
    json = JsonEdits.with("alert-stolen-vehicle.json", "/body/summary", blank);
    assertThat(MessageSchema.accepts(json)).isEqualTo(JSON.read(json) instanceof ReadResult.Accepted);
  }

  /**
   * Java binds an explicit {@code null} like an absent field; the schema's types do not admit null.
   * So {@code "agency": null} passes the SDK and fails a partner's schema validator (and a null
   * refusal ground on a hit fails the schema's "else: not required" rule). Fix on either side: the
   * reader refuses null values (the writer never emits them), or the schema admits null for
   * optional fields and its rules treat null as absent.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("explicitNulls")
  void schemaAndValidatorAgreeOnExplicitNull(String example, String pointer) {
    byte[] json = JsonEdits.with(example, pointer, null);
    assertThat(MessageSchema.accepts(json)).as("schema accepts").isEqualTo(JSON.read(json) instanceof ReadResult.Accepted);
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> explicitNulls() {
    return Stream.of(
        org.junit.jupiter.params.provider.Arguments.of("alert-stolen-vehicle.json", "/header/sender/agency"),
        org.junit.jupiter.params.provider.Arguments.of("alert-stolen-vehicle.json", "/header/evaluation"),
        org.junit.jupiter.params.provider.Arguments.of("alert-stolen-vehicle.json", "/body/attachments"),
        org.junit.jupiter.params.provider.Arguments.of("reply-hit-vehicle.json", "/body/refusalGround"),
        org.junit.jupiter.params.provider.Arguments.of("reply-hit-vehicle.json", "/body/results/0/birthDate"),
        org.junit.jupiter.params.provider.Arguments.of("notice-hot-pursuit.json", "/body/officers"));
  }

  /**
   * In JSON Schema 2020-12 "integer" is any number with a zero fraction, so {@code 2.0} is an integer;
   * the reader rejects it as WRONG_TYPE. JSON Schema cannot tell the literals apart, so the fix is on
   * the Java side (accept integral literals exactly, without Jackson's truncating TryConvert).
   */
  @Test
  @Disabled("known limitation, documented in JsonSchemas: \"officers\": 2.0 is an integer to JSON Schema but WRONG_TYPE to the strict reader")
  void schemaAndValidatorAgreeOnIntegralFractions() {
    byte[] json = JsonEdits.replaceText("notice-hot-pursuit.json", "\"officers\": 2", "\"officers\": 2.0");
    assertThat(MessageSchema.accepts(json)).isEqualTo(JSON.read(json) instanceof ReadResult.Accepted);
  }

  /**
   * Java's @Size counts UTF-16 units, JSON Schema's maxLength counts code points: 1001 emoji are 2002
   * units, too long for Java, short enough for the schema.
   */
  @Test
  @Disabled("known limitation, documented in JsonSchemas: @Size counts UTF-16 units, maxLength counts code points: text with characters outside the BMP"
      + " is rejected by Java (SIZE) and accepted by the schema")
  void schemaAndValidatorAgreeOnLengthOutsideTheBasicPlane() {
    byte[] json = JsonEdits.with("alert-stolen-vehicle.json", "/body/summary", "🚓".repeat(1001));
    assertThat(MessageSchema.accepts(json)).isEqualTo(JSON.read(json) instanceof ReadResult.Accepted);
  }
}
