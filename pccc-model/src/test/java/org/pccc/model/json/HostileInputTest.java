package org.pccc.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pccc.model.Examples;
import org.pccc.model.JsonEdits;
import org.pccc.model.JsonMutations;
import org.pccc.model.Message;
import org.pccc.model.MessageArbitraries;
import org.pccc.model.validation.ValidationCode;
import org.pccc.model.validation.ValidationException;
import org.pccc.model.validation.ValidationIssue;
import org.pccc.model.validation.ValidationReport;

/**
 * Bad input never escapes {@link PcccJson#read(byte[])} as an exception: truncated, oversized,
 * deeply nested, mistyped, badly encoded or random bytes all come back as a rejection with the
 * expected code.
 */
class HostileInputTest {
  private static final PcccJson JSON = PcccJson.create();
  private static final byte[] NOTICE = Examples.read("notice-hot-pursuit.json");

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String noticeText() {
    return new String(NOTICE, StandardCharsets.UTF_8);
  }

  private static byte[] noticeWith(String from, String to) {
    String text = noticeText();
    assertThat(text).contains(from);
    return utf8(text.replace(from, to));
  }

  private static List<String> located(ValidationReport report) {
    return report.errors().stream().map(i -> i.code() + " at " + i.pointer()).collect(Collectors.toList());
  }

  /** Reads and checks the result is a rejection whose only error has the code, at the pointer. */
  private static ValidationIssue rejected(byte[] json, ValidationCode code, String pointer) {
    ReadResult result = JSON.read(json);
    assertThat(result).as("%s", result.report()).isInstanceOf(ReadResult.Rejected.class);
    assertThat(located(result.report())).containsExactly(code + " at " + pointer);
    return result.report().errors().get(0);
  }

  // ---------------------------------------------------------------- truncation

  /** Every proper prefix of every example is rejected as malformed; all failures are reported at once. */
  @Test
  void everyPrefixOfEveryExampleIsMalformed() {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Map.Entry<String, byte[]> example : Examples.all().entrySet()) {
      byte[] full = example.getValue();
      int end = new String(full, StandardCharsets.ISO_8859_1).lastIndexOf('}');
      for (int length = 0; length <= end; length++) {
        byte[] prefix = Arrays.copyOf(full, length);
        checked++;
        try {
          ReadResult result = JSON.read(prefix);
          boolean ok = result instanceof ReadResult.Rejected
              && result.report().errors().size() == 1
              && result.report().errors().get(0).code() == ValidationCode.MALFORMED_JSON
              && result.report().errors().get(0).pointer().isEmpty();
          if (!ok) {
            failures.add(example.getKey() + " cut at byte " + length + ": " + result.report());
          }
        } catch (RuntimeException | StackOverflowError e) {
          failures.add(example.getKey() + " cut at byte " + length + ": threw " + e);
        }
      }
    }
    assertThat(checked).isGreaterThan(5_000);
    assertThat(failures).isEmpty();
  }

  // ---------------------------------------------------------------- empty, null, not an object

  @Test
  void emptyAndNullInputAreMalformed() {
    rejected(null, ValidationCode.MALFORMED_JSON, "");
    rejected(new byte[0], ValidationCode.MALFORMED_JSON, "");
    rejected(utf8(" \n\t\r "), ValidationCode.MALFORMED_JSON, "");
    rejected(utf8("\uFEFF"), ValidationCode.MALFORMED_JSON, "");
  }

  @ParameterizedTest
  @MethodSource("nonObjects")
  void rootsOtherThanAnObjectAreNotAnObject(String json) {
    rejected(utf8(json), ValidationCode.NOT_AN_OBJECT, "");
  }

  static Stream<String> nonObjects() {
    return Stream.of("null", "true", "0", "-1.5e3", "\"pccc\"", "[]", "[{\"pccc\": \"1.0\"}]");
  }

  // ---------------------------------------------------------------- size and depth limits

  @Test
  void tenMegabyteStringIsOverTheDocumentLimit() {
    String huge = "Ж".repeat(5 * 1024 * 1024); // 10 MiB in UTF-8
    byte[] json = noticeWith("\"officers\": 2", "\"officers\": 2, \"note\": \"" + huge + "\"");
    assertThat(json.length).isGreaterThan(10 * 1024 * 1024);
    rejected(json, ValidationCode.LIMIT_EXCEEDED, "");
  }

  @Test
  void tenMegabyteStringIsOverTheStringLimitWhenTheDocumentLimitAllowsIt() {
    PcccJson lenient = PcccJson.builder().maxDocumentBytes(16 * 1024 * 1024).build();
    byte[] json = noticeWith("Patrol in pursuit", "x".repeat(10 * 1024 * 1024));
    ReadResult result = lenient.read(json);
    assertThat(result).isInstanceOf(ReadResult.Rejected.class);
    assertThat(result.report().errors()).extracting(ValidationIssue::code).containsExactly(ValidationCode.LIMIT_EXCEEDED);
    assertThat(result.report().errors().get(0).message()).contains("string");
  }

  @Test
  void documentLimitIsExact() {
    assertThat(PcccJson.builder().maxDocumentBytes(NOTICE.length).build().read(NOTICE))
        .isInstanceOf(ReadResult.Accepted.class);
    ReadResult over = PcccJson.builder().maxDocumentBytes(NOTICE.length - 1).build().read(NOTICE);
    assertThat(located(over.report())).containsExactly("LIMIT_EXCEEDED at ");
  }

  @Test
  void tenThousandDeepNestingIsOverTheDepthLimit() {
    int depth = 10_000;
    rejected(utf8("[".repeat(depth) + "]".repeat(depth)), ValidationCode.LIMIT_EXCEEDED, "");
    rejected(utf8("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)), ValidationCode.LIMIT_EXCEEDED, "");
    rejected(noticeWith("\"officers\": 2", "\"officers\": 2, \"x\": " + "[".repeat(depth) + "]".repeat(depth)),
        ValidationCode.LIMIT_EXCEEDED, "");
    // Truncated deep nesting: the limit is hit before the end is.
    ValidationIssue issue = JSON.read(utf8("[".repeat(depth))).report().errors().get(0);
    assertThat(issue.code()).isIn(ValidationCode.LIMIT_EXCEEDED, ValidationCode.MALFORMED_JSON);
  }

  @Test
  void nestingJustInsideTheLimitIsFine() {
    // The body is at depth 2, so 30 more levels reach 32, the default limit.
    ReadResult result = JSON.read(noticeWith("\"officers\": 2", "\"officers\": 2, \"x\": "
        + "[".repeat(30) + "]".repeat(30)));
    assertThat(result).isInstanceOf(ReadResult.Accepted.class);
    assertThat(located(result.report())).isEmpty();
  }

  // ---------------------------------------------------------------- numbers

  @Test
  void hugeNumbersAreRejectedNotThrown() {
    rejected(noticeWith("\"officers\": 2", "\"officers\": 1e999999"), ValidationCode.WRONG_TYPE, "/body/officers");
    rejected(noticeWith("\"officers\": 2", "\"officers\": " + "9".repeat(400)), ValidationCode.LIMIT_EXCEEDED, "");
    rejected(noticeWith("41.1294", "1e999999"), ValidationCode.RANGE, "/body/location/coordinates/latitude");
    rejected(noticeWith("41.1294", "-1e999999"), ValidationCode.RANGE, "/body/location/coordinates/latitude");
    rejected(noticeWith("41.1294", "4".repeat(40)), ValidationCode.LIMIT_EXCEEDED, "");
    rejected(noticeWith("41.1294", "0." + "1".repeat(40)), ValidationCode.LIMIT_EXCEEDED, "");
  }

  @Test
  void integersBeyondTheirJavaTypeAreRejectedAtTheirField() {
    byte[] intOverflow = noticeWith("\"officers\": 2", "\"officers\": " + (1L + Integer.MAX_VALUE));
    ReadResult result = JSON.read(intOverflow);
    assertThat(result).isInstanceOf(ReadResult.Rejected.class);
    assertThat(result.report().errors()).hasSize(1);
    assertThat(result.report().errors().get(0).pointer()).isEqualTo("/body/officers");
    // Today INVALID_VALUE "value not acceptable"; WRONG_TYPE or RANGE would say more (see the report).
    assertThat(result.report().errors().get(0).code())
        .isIn(ValidationCode.WRONG_TYPE, ValidationCode.RANGE, ValidationCode.INVALID_VALUE);

    byte[] longOverflow = JsonEdits.with("reply-hit-vehicle.json", "/body/attachments", List.of(
        JsonEdits.parse(utf8("{\"name\": \"a.jpg\", \"mediaType\": \"image/jpeg\", \"sizeBytes\": "
            + BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE) + ", \"sha256\": \"" + "0".repeat(64) + "\"}"))));
    result = JSON.read(longOverflow);
    assertThat(result).isInstanceOf(ReadResult.Rejected.class);
    assertThat(result.report().errors().get(0).pointer()).startsWith("/body/attachments/0");
  }

  @Test
  void tinyNumbersUnderflowToZeroAndAreFine() {
    ReadResult result = JSON.read(noticeWith("41.1294", "1e-999"));
    assertThat(result).isInstanceOf(ReadResult.Accepted.class);
    Message m = ((ReadResult.Accepted) result).message();
    assertThat(JSON.readValid(JSON.write(m))).isEqualTo(m);
  }

  // ---------------------------------------------------------------- encoding

  static Stream<Arguments> invalidUtf8() {
    return Stream.of(
        Arguments.of("lone continuation byte", new byte[] {(byte) 0x80}),
        Arguments.of("lead byte without continuation", new byte[] {(byte) 0xC3, '('}),
        Arguments.of("overlong encoding of /", new byte[] {(byte) 0xC0, (byte) 0xAF}),
        Arguments.of("encoded surrogate (CESU-8)", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
        Arguments.of("beyond U+10FFFF", new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}),
        Arguments.of("byte FF", new byte[] {(byte) 0xFF}),
        Arguments.of("byte FE", new byte[] {(byte) 0xFE}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidUtf8")
  void invalidUtf8IsMalformed(String name, byte[] bad) {
    byte[] before = utf8(noticeText().substring(0, noticeText().indexOf("Patrol")));
    byte[] after = utf8(noticeText().substring(noticeText().indexOf("Patrol")));
    byte[] json = new byte[before.length + bad.length + after.length];
    System.arraycopy(before, 0, json, 0, before.length);
    System.arraycopy(bad, 0, json, before.length, bad.length);
    System.arraycopy(after, 0, json, before.length + bad.length, after.length);
    rejected(json, ValidationCode.MALFORMED_JSON, "");
  }

  @Test
  void truncatedMultiByteCharacterIsMalformed() {
    byte[] json = utf8("{\"pccc\": \"1.0\", \"x\": \"Ж");
    rejected(Arrays.copyOf(json, json.length - 1), ValidationCode.MALFORMED_JSON, "");
  }

  /** RFC 8259 section 8.1 lets a parser ignore a UTF-8 byte order mark; this one does. */
  @Test
  void utf8ByteOrderMarkIsIgnored() {
    byte[] withBom = new byte[NOTICE.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(NOTICE, 0, withBom, 3, NOTICE.length);
    ReadResult result = JSON.read(withBom);
    assertThat(result).isInstanceOf(ReadResult.Accepted.class);
    assertThat(((ReadResult.Accepted) result).message()).isEqualTo(JSON.readValid(NOTICE));
  }

  @Test
  void rawControlCharactersAndNulInStringsAreMalformed() {
    rejected(noticeWith("Patrol in", "Patrol\u0001in"), ValidationCode.MALFORMED_JSON, "");
    rejected(noticeWith("Patrol in", "Patrol\u0000in"), ValidationCode.MALFORMED_JSON, "");
    rejected(noticeWith("Patrol in", "Patrol\nin"), ValidationCode.MALFORMED_JSON, "");
  }

  /** Escaped control characters are legal JSON text and survive the round trip. */
  @Test
  void escapedControlCharactersRoundTrip() {
    ReadResult result = JSON.read(noticeWith("Patrol in", "Patrol\\u0001\\u001b\\u007f\\t in"));
    assertThat(result).isInstanceOf(ReadResult.Accepted.class);
    Message m = ((ReadResult.Accepted) result).message();
    assertThat(JSON.readValid(JSON.write(m))).isEqualTo(m);
  }

  /** RFC 8259 section 8.1: JSON exchanged between systems is UTF-8; a signed message has one byte form. */
  @Test
  void utf16AndUtf32InputAreRejected() {
    String text = noticeText();
    for (java.nio.charset.Charset cs : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
        StandardCharsets.UTF_16, java.nio.charset.Charset.forName("UTF-32BE"))) {
      assertThat(JSON.read(text.getBytes(cs))).as(cs.name()).isInstanceOf(ReadResult.Rejected.class);
    }
  }

  // ---------------------------------------------------------------- syntax beyond RFC 8259

  @ParameterizedTest
  @MethodSource("nonStandardSyntax")
  void nonStandardSyntaxIsMalformed(String from, String to) {
    rejected(noticeWith(from, to), ValidationCode.MALFORMED_JSON, "");
  }

  static Stream<Arguments> nonStandardSyntax() {
    return Stream.of(
        Arguments.of("\"officers\": 2", "\"officers\": 2 /* two */"),
        Arguments.of("\"officers\": 2", "\"officers\": 2 // two"),
        Arguments.of("\"officers\": 2", "\"officers\": 2,"),
        Arguments.of("\"officers\": 2", "'officers': 2"),
        Arguments.of("\"officers\": 2", "officers: 2"),
        Arguments.of("\"officers\": 2", "\"officers\": 02"),
        Arguments.of("\"officers\": 2", "\"officers\": +2"),
        Arguments.of("\"officers\": 2", "\"officers\": 0x2"),
        Arguments.of("41.1294", "NaN"),
        Arguments.of("41.1294", "Infinity"),
        Arguments.of("41.1294", ".5"),
        Arguments.of("\"officers\": 2", "\"officers\": 2 \"extra\": 1"),
        Arguments.of("Patrol in", "Patrol \\x41 in"),
        Arguments.of("Patrol in", "Patrol \\u00G1 in"));
  }

  @Test
  void contentAfterTheDocumentIsMalformed() {
    rejected(noticeWith("}\n", "}\n{}"), ValidationCode.MALFORMED_JSON, "");
    rejected(utf8(noticeText().strip() + " 1"), ValidationCode.MALFORMED_JSON, "");
  }

  @Test
  void contentAfterTheDocumentIsRejectedNotThrown() {
    ReadResult result = JSON.read(utf8(noticeText().strip() + " {}"));
    assertThat(result).isInstanceOf(ReadResult.Rejected.class);
    assertThat(result.report().errors()).hasSize(1);
  }

  // ---------------------------------------------------------------- keys, types, versions

  @Test
  void duplicateKeysAreRejectedWherever() {
    rejected(utf8(noticeText().replaceFirst("\\{", "{\"pccc\": \"1.0\",")), ValidationCode.DUPLICATE_KEY, "/pccc");
    rejected(noticeWith("\"urgency\": \"URGENT\"", "\"urgency\": \"URGENT\", \"urgency\": \"NORMAL\""),
        ValidationCode.DUPLICATE_KEY, "/header/urgency");
    rejected(noticeWith("\"latitude\": 41.1294", "\"latitude\": 41.1294, \"latitude\": 41.1294"),
        ValidationCode.DUPLICATE_KEY, "/body/location/coordinates/latitude");
  }

  @Test
  void unknownBodyAndSubjectTypesAreUnknownType() {
    rejected(noticeWith("\"operational-notice\"", "\"covert-operation\""), ValidationCode.UNKNOWN_TYPE, "/body/type");
    // An explicit null is refused before binding, like every null (the writer never emits one).
    rejected(noticeWith("\"operational-notice\"", "null"), ValidationCode.WRONG_TYPE, "/body/type");
    rejected(noticeWith("\"type\": \"vehicle\"", "\"type\": \"tank\""), ValidationCode.UNKNOWN_TYPE,
        "/body/subjects/0/type");
    rejected(noticeWith("\"type\": \"location\"", "\"type\": \"vehicle\""), ValidationCode.UNKNOWN_TYPE,
        "/body/location/type");
  }

  /** The pointer of a null names array indexes and escapes keys; the first null in document order wins. */
  @Test
  void nullIsReportedAtItsPointer() {
    rejected(noticeWith("\"colour\": \"black\"", "\"colour\": null"), ValidationCode.WRONG_TYPE,
        "/body/subjects/0/colour");
    rejected(noticeWith("\"officers\": 2", "\"officers\": 2, \"a/b~c\": [1, {\"d\": null}], \"e\": null"),
        ValidationCode.WRONG_TYPE, "/body/a~1b~0c/1/d");
  }

  @Test
  void versionsOtherThan1xAreRejectedBeforeAnythingElse() {
    rejected(noticeWith("\"pccc\": \"1.0\"", "\"pccc\": \"2.0\""), ValidationCode.VERSION_UNSUPPORTED, "/pccc");
    rejected(noticeWith("\"pccc\": \"1.0\"", "\"pccc\": \"0.9\""), ValidationCode.VERSION_UNSUPPORTED, "/pccc");
    rejected(noticeWith("\"pccc\": \"1.0\"", "\"pccc\": \"10.0\""), ValidationCode.VERSION_UNSUPPORTED, "/pccc");
    rejected(utf8("{\"pccc\": \"2.0\", \"anything\": [1, 2, 3]}"), ValidationCode.VERSION_UNSUPPORTED, "/pccc");
    rejected(utf8("{\"header\": {}}"), ValidationCode.VERSION_MISSING, "/pccc");
    rejected(noticeWith("\"pccc\": \"1.0\"", "\"pccc\": \"v1\""), ValidationCode.WRONG_TYPE, "/pccc");
    rejected(noticeWith("\"pccc\": \"1.0\"", "\"pccc\": [\"1.0\"]"), ValidationCode.WRONG_TYPE, "/pccc");
    assertThat(JSON.read(noticeWith("\"pccc\": \"1.0\"", "\"pccc\": \"1.999\""))).isInstanceOf(ReadResult.Accepted.class);
  }

  @ParameterizedTest
  @MethodSource("wrongTypes")
  void wrongJsonTypesAreWrongType(String pointer, Object value) {
    rejected(JsonEdits.with("notice-hot-pursuit.json", pointer, value), ValidationCode.WRONG_TYPE, pointer);
  }

  static Stream<Arguments> wrongTypes() {
    return Stream.of(
        Arguments.of("/header", "header"),
        Arguments.of("/header/recipients", Map.of("centreId", "X")),
        Arguments.of("/header/sender", List.of()),
        Arguments.of("/header/createdAt", true),
        Arguments.of("/body/startsAt", List.of("2026-11-30T13:40:00Z")),
        Arguments.of("/body/officers", true),
        Arguments.of("/body/officers", List.of(2)),
        Arguments.of("/body/summary", Map.of()),
        Arguments.of("/body/subjects", "vehicle"),
        Arguments.of("/body/location/coordinates", "41.1,22.5"));
  }

  /** A scalar where a typed object belongs has no discriminator: reported at the body, not thrown. */
  @Test
  void scalarBodyIsRejectedAtTheBody() {
    for (Object scalar : List.of(7, "reply", true)) {
      ReadResult result = JSON.read(JsonEdits.with("notice-hot-pursuit.json", "/body", scalar));
      assertThat(result).isInstanceOf(ReadResult.Rejected.class);
      assertThat(result.report().errors()).hasSize(1);
      assertThat(result.report().errors().get(0).code()).isIn(ValidationCode.WRONG_TYPE, ValidationCode.UNKNOWN_TYPE);
      assertThat(result.report().errors().get(0).pointer()).startsWith("/body");
    }
  }

  /** JSON has one number type; the reader still wants integers written without a fraction. */
  @Test
  void integralFractionForAnIntegerFieldIsWrongType() {
    rejected(noticeWith("\"officers\": 2", "\"officers\": 2.0"), ValidationCode.WRONG_TYPE, "/body/officers");
    rejected(noticeWith("\"officers\": 2", "\"officers\": 2e0"), ValidationCode.WRONG_TYPE, "/body/officers");
  }

  /** Lists that contain null cannot even be built (List.copyOf), but that is a rejection, not a crash. */
  @Test
  void nullsInListsAreRejectedNotThrown() {
    for (String pointer : List.of("/header/recipients/-", "/body/subjects/-")) {
      ReadResult result = JSON.read(JsonEdits.with("notice-hot-pursuit.json", pointer, null));
      assertThat(result).as(pointer).isInstanceOf(ReadResult.Rejected.class);
      assertThat(result.report().errors()).as(pointer).isNotEmpty();
    }
  }

  @Test
  void readValidThrowsOnlyValidationExceptionWithTheReport() {
    assertThatThrownBy(() -> JSON.readValid(utf8("{")))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).report().errors())
            .extracting(ValidationIssue::code).containsExactly(ValidationCode.MALFORMED_JSON))
        .satisfies(e -> assertThat(((ValidationException) e).code()).isEqualTo("PCCC-0001"));
    assertThatThrownBy(() -> JSON.readValid(null)).isInstanceOf(ValidationException.class);
  }

  // ---------------------------------------------------------------- random input never throws

  @Property(tries = 1000)
  void randomBytesNeverThrow(@ForAll @Size(max = 300) byte[] bytes) {
    assertThat(JSON.read(bytes)).isInstanceOf(ReadResult.Rejected.class)
        .satisfies(r -> assertThat(r.report().errors()).isNotEmpty());
  }

  @Property(tries = 500)
  void randomJsonLikeTextNeverThrows(@ForAll("jsonLikeText") String text) {
    ReadResult result = JSON.read(utf8(text));
    assertThat(result.report()).isNotNull();
    if (result instanceof ReadResult.Rejected) {
      assertThat(result.report().errors()).isNotEmpty();
    }
  }

  @Provide
  Arbitrary<String> jsonLikeText() {
    return Arbitraries.strings().withChars("{}[]\":,0123456789.eE+-tfnul \\\"pcheadrbody").ofMaxLength(200)
        .map(s -> "{\"pccc\": \"1.0\", " + s);
  }

  /** Byte-level damage to a valid message: flips, insertions, deletions, duplications. */
  @Property(tries = 300)
  void byteMutationsOfValidMessagesNeverThrow(@ForAll("messages") Message m, @ForAll long seed) {
    Random random = new Random(seed);
    byte[] json = JSON.write(m);
    for (int round = 0; round < 1 + random.nextInt(4); round++) {
      json = JsonMutations.mutateBytes(json, random);
    }
    checkOutcome(json);
  }

  /** Tree-level damage: one value replaced by something of another shape, or removed, or duplicated. */
  @Property(tries = 300)
  void treeMutationsOfValidMessagesNeverThrow(@ForAll("messages") Message m, @ForAll long seed) {
    Random random = new Random(seed);
    ObjectNode tree = JsonEdits.parse(JSON.write(m));
    JsonMutations.mutateTree(tree, random);
    checkOutcome(JsonEdits.bytes(tree));
  }

  @Provide
  Arbitrary<Message> messages() {
    return MessageArbitraries.validMessages();
  }

  private static void checkOutcome(byte[] json) {
    ReadResult result = JSON.read(json);
    if (result instanceof ReadResult.Accepted accepted) {
      // Whatever is accepted can be written and read back to the same message.
      assertThat(JSON.readValid(JSON.write(accepted.message()))).isEqualTo(accepted.message());
      assertThat(result.report().errors()).isEmpty();
    } else {
      assertThat(result.report().errors()).isNotEmpty();
    }
  }
}
