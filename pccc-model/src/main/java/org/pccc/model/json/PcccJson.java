package org.pccc.model.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pccc.model.Limits;
import org.pccc.model.Message;
import org.pccc.model.PcccException;
import org.pccc.model.directory.NetworkDirectory;
import org.pccc.model.internal.JsonPointers;
import org.pccc.model.internal.StrictTypesModule;
import org.pccc.model.validation.MessageValidator;
import org.pccc.model.validation.ValidationCode;
import org.pccc.model.validation.ValidationException;
import org.pccc.model.validation.ValidationIssue;
import org.pccc.model.validation.ValidationReport;

/**
 * Reads and writes PCCC messages as JSON. Immutable and thread-safe: build one and share it.
 *
 * <p>Writing is canonical: object keys sorted, no nulls or empty lists, timestamps in UTC with
 * {@code Z}, UTF-8. Reading is strict and bounded: input size, nesting depth, string and number
 * lengths are limited, duplicate keys are rejected, and every problem comes back as a
 * {@link ValidationReport} with stable codes instead of an exception. Unknown fields are ignored
 * with a warning, so a 1.x reader accepts later 1.y messages; version 2.x is rejected.
 *
 * <p>The Jackson mapper inside is private: this class never touches an application's own
 * {@code ObjectMapper}.
 */
public final class PcccJson {
  private static final String WARNINGS = "pccc.warnings";
  private static final Pattern VERSION = Pattern.compile("^([0-9]{1,3})\\.([0-9]{1,3})$");

  /**
   * {@code PCCC-0900}: a message or document could not be written as JSON (a fault of this SDK or
   * of a custom value, never of the input). Not a validation code: those are {@code PCCC-00xx}.
   */
  public static final String WRITE_FAILED = "PCCC-0900";

  /**
   * Default largest accepted document, {@link Limits#MAX_MESSAGE_BYTES} (2 MiB: 20 inline
   * attachments of 64 KiB fit, and the sealed envelope stays within {@link Limits#MAX_ENVELOPE_BYTES}).
   */
  public static final int DEFAULT_MAX_DOCUMENT_BYTES = Limits.MAX_MESSAGE_BYTES;
  /** Default deepest accepted nesting of arrays and objects. */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 32;
  /** Default longest accepted string, in characters. */
  public static final int DEFAULT_MAX_STRING_LENGTH = 100_000;
  /** Default longest accepted number literal, in characters. */
  public static final int DEFAULT_MAX_NUMBER_LENGTH = 32;

  private static final PcccJson DEFAULT = builder().build();

  private final int maxDocumentBytes;
  private final ObjectMapper mapper;
  // Made once: readerFor builds a reader and looks up its deserializer; a read only adds its attribute.
  private final ObjectReader messageReader;
  private final MessageValidator validator;

  private PcccJson(Builder b) {
    this.maxDocumentBytes = b.maxDocumentBytes;
    this.validator = b.validator == null ? MessageValidator.create() : b.validator;
    this.mapper = newMapper(b.maxNestingDepth, b.maxStringLength, b.maxNumberLength, b.maxDocumentBytes);
    this.messageReader = mapper.readerFor(Message.class);
  }

  /** Returns the shared instance with default limits. */
  public static PcccJson create() {
    return DEFAULT;
  }

  /** Returns a builder for custom limits. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a new Jackson mapper configured as this SDK writes JSON: strict, bounded, canonical.
   * Other modules use it for their own documents (directory, receipts). Each call returns a new
   * instance, so nobody shares mutable configuration.
   */
  public static ObjectMapper newMapper() {
    return newMapper(DEFAULT_MAX_NESTING_DEPTH, DEFAULT_MAX_STRING_LENGTH, DEFAULT_MAX_NUMBER_LENGTH,
        DEFAULT_MAX_DOCUMENT_BYTES);
  }

  private static ObjectMapper newMapper(int depth, int stringLength, int numberLength, long documentLength) {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(depth)
                    .maxStringLength(stringLength)
                    .maxNumberLength(numberLength)
                    .maxDocumentLength(documentLength)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    JsonMapper mapper =
        JsonMapper.builder(factory)
            .addModule(new StrictTypesModule())
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .defaultPropertyInclusion(
                JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY))
            .addHandler(new UnknownFieldCollector())
            .build();
    // No silent coercions: a number is not a string, a string is not a number or a boolean.
    mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    for (LogicalType t : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
      mapper.coercionConfigFor(t)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
    mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    return mapper;
  }

  /**
   * Writes a message in canonical form, UTF-8. Does not validate: call
   * {@link MessageValidator#validate(Message)} first, or send through a node, which does.
   *
   * @param message the message
   * @return the JSON bytes
   */
  public byte[] write(Message message) {
    try {
      return mapper.writeValueAsBytes(message);
    } catch (JsonProcessingException e) {
      throw new PcccException(WRITE_FAILED, "message could not be written as JSON", e);
    }
  }

  /** Writes a message in canonical form as a string. */
  public String writeString(Message message) {
    return new String(write(message), StandardCharsets.UTF_8);
  }

  /** Writes a message indented for people to read (not canonical). */
  public String writePretty(Message message) {
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new PcccException(WRITE_FAILED, "message could not be written as JSON", e);
    }
  }

  /**
   * Reads and validates a message. Never throws for bad input: every problem is in the report.
   *
   * @param json UTF-8 JSON bytes
   * @return the accepted message or the rejection with its report
   */
  public ReadResult read(byte[] json) {
    if (json == null) {
      return new ReadResult.Rejected(ValidationReport.of(ValidationCode.MALFORMED_JSON, "", "no input"));
    }
    if (json.length > maxDocumentBytes) {
      return new ReadResult.Rejected(
          ValidationReport.of(ValidationCode.LIMIT_EXCEEDED, "",
              "document of " + json.length + " bytes exceeds the limit of " + maxDocumentBytes));
    }
    // RFC 8259 section 8.1: JSON between systems is UTF-8. Jackson would detect UTF-16/32 (a zero byte
    // among the first two, or a FE/FF lead byte, which UTF-8 never has) and read it.
    if (json.length >= 2 && (json[0] == 0 || json[1] == 0 || (json[0] & 0xFE) == 0xFE)) {
      return new ReadResult.Rejected(ValidationReport.of(ValidationCode.MALFORMED_JSON, "", "input is not UTF-8"));
    }
    JsonNode tree;
    try {
      tree = mapper.readTree(json);
    } catch (MismatchedInputException e) {
      // Without a target type the only mismatch is content after the document: a syntax error.
      return new ReadResult.Rejected(ValidationReport.of(ValidationCode.MALFORMED_JSON, "",
          "unexpected content after the JSON document"));
    } catch (IOException e) {
      return new ReadResult.Rejected(new ValidationReport(List.of(issueFor(e))));
    }
    if (tree == null || tree.isMissingNode()) {
      return new ReadResult.Rejected(ValidationReport.of(ValidationCode.MALFORMED_JSON, "", "empty input"));
    }
    if (!tree.isObject()) {
      return new ReadResult.Rejected(ValidationReport.of(ValidationCode.NOT_AN_OBJECT, "", "expected a JSON object"));
    }
    ValidationReport versionProblem = checkVersion(tree.get("pccc"));
    if (versionProblem != null) {
      return new ReadResult.Rejected(versionProblem);
    }
    String nullAt = firstNull(tree);
    if (nullAt != null) {
      // The writer never emits null; an absent field is left out. Refusing null keeps Java and the
      // JSON Schema in agreement (the schema has no null types).
      return new ReadResult.Rejected(ValidationReport.of(ValidationCode.WRONG_TYPE, nullAt,
          "null is not allowed: leave the field out instead"));
    }
    List<ValidationIssue> warnings = new ArrayList<>();
    Message message;
    try {
      ObjectReader reader = messageReader.withAttribute(WARNINGS, warnings);
      message = reader.readValue(mapper.treeAsTokens(tree));
    } catch (IOException e) {
      List<ValidationIssue> issues = new ArrayList<>(warnings);
      issues.add(issueFor(e));
      return new ReadResult.Rejected(new ValidationReport(issues));
    }
    ValidationReport report = new ValidationReport(warnings).plus(validator.validate(message));
    return report.isValid()
        ? new ReadResult.Accepted(message, report)
        : new ReadResult.Rejected(report);
  }

  /**
   * Reads a message and returns it only if it is valid.
   *
   * @param json UTF-8 JSON bytes
   * @return the valid message
   * @throws ValidationException with the report if the input is not a valid message
   */
  public Message readValid(byte[] json) {
    ReadResult result = read(json);
    if (result instanceof ReadResult.Accepted accepted) {
      return accepted.message();
    }
    throw new ValidationException(result.report());
  }

  /**
   * Writes any document of this SDK (for example a {@link NetworkDirectory}) in canonical form.
   *
   * @param document a record of the model
   * @return the JSON bytes
   */
  public byte[] writeDocument(Object document) {
    try {
      return mapper.writeValueAsBytes(document);
    } catch (JsonProcessingException e) {
      throw new PcccException(WRITE_FAILED, "document could not be written as JSON", e);
    }
  }

  /**
   * Reads and validates a network directory (the payload of the coordinator's signed JWS; the
   * signature is checked by {@code pccc-crypto} before this is called).
   *
   * @param json UTF-8 JSON bytes
   * @return the valid directory
   * @throws ValidationException with the report if the input is not a valid directory
   */
  public NetworkDirectory readDirectory(byte[] json) {
    if (json == null || json.length > maxDocumentBytes) {
      throw new ValidationException(ValidationReport.of(ValidationCode.LIMIT_EXCEEDED, "", "directory missing or too large"));
    }
    NetworkDirectory directory;
    try {
      JsonNode tree = mapper.readTree(json);
      if (tree == null || !tree.isObject()) {
        throw new ValidationException(ValidationReport.of(ValidationCode.NOT_AN_OBJECT, "", "expected a JSON object"));
      }
      JsonNode version = tree.get("pcccDirectory");
      if (version == null || !version.isTextual() || !version.textValue().startsWith("1.")) {
        throw new ValidationException(ValidationReport.of(ValidationCode.VERSION_UNSUPPORTED, "/pcccDirectory",
            "directory format must be 1.x"));
      }
      directory = mapper.readerFor(NetworkDirectory.class).readValue(mapper.treeAsTokens(tree));
    } catch (IOException e) {
      throw new ValidationException(new ValidationReport(List.of(issueFor(e))));
    }
    ValidationReport report = validator.validateDirectory(directory);
    if (!report.isValid()) {
      throw new ValidationException(report);
    }
    return directory;
  }

  /** Returns the validator this codec uses. */
  public MessageValidator validator() {
    return validator;
  }

  /**
   * Returns the JSON Pointer of the first null in document order, or null if there is none. The
   * pointer is built on the way back from a null only: the search itself allocates no strings.
   */
  private static String firstNull(JsonNode node) {
    if (node.isNull()) {
      return "";
    }
    if (node.isObject()) {
      for (var it = node.fields(); it.hasNext(); ) {
        var e = it.next();
        String found = firstNull(e.getValue());
        if (found != null) {
          return "/" + JsonPointers.escape(e.getKey()) + found;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String found = firstNull(node.get(i));
        if (found != null) {
          return "/" + i + found;
        }
      }
    }
    return null;
  }

  private static ValidationReport checkVersion(JsonNode version) {
    if (version == null || version.isNull()) {
      return ValidationReport.of(ValidationCode.VERSION_MISSING, "/pccc", "the schema version \"pccc\" is missing");
    }
    Matcher m = version.isTextual() ? VERSION.matcher(version.textValue()) : null;
    if (m == null || !m.matches()) {
      return ValidationReport.of(ValidationCode.WRONG_TYPE, "/pccc", "the schema version must look like \"1.0\"");
    }
    if (!m.group(1).equals("1")) {
      return ValidationReport.of(ValidationCode.VERSION_UNSUPPORTED, "/pccc",
          "schema version " + m.group(1) + ".x is not supported; this reader accepts 1.x");
    }
    return null;
  }

  /** Maps a Jackson failure to an issue; Jackson's own message is dropped as it may echo input. */
  static ValidationIssue issueFor(IOException e) {
    if (e instanceof StreamConstraintsException) {
      return ValidationIssue.of(ValidationCode.LIMIT_EXCEEDED, pointerOf(e), limitName(e.getMessage()));
    }
    if (e instanceof JsonParseException p) {
      String text = String.valueOf(p.getOriginalMessage());
      if (text.startsWith("Duplicate field") || text.startsWith("Duplicate Object property")) {
        return ValidationIssue.of(ValidationCode.DUPLICATE_KEY, pointerOf(e), "the same key appears twice in an object");
      }
      return ValidationIssue.of(ValidationCode.MALFORMED_JSON, "",
          "not well-formed JSON near line " + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr());
    }
    if (e instanceof InputCoercionException) {
      return ValidationIssue.of(ValidationCode.WRONG_TYPE, pointerOf(e), "number out of range for its field");
    }
    if (e instanceof InvalidTypeIdException t) {
      String pointer = JsonPointers.of(t.getPath()) + "/type";
      return ValidationIssue.of(ValidationCode.UNKNOWN_TYPE, pointer, "missing or unknown type");
    }
    if (e instanceof ValueInstantiationException v) {
      String reason = v.getCause() instanceof IllegalArgumentException iae ? iae.getMessage() : "value not acceptable";
      return ValidationIssue.of(ValidationCode.INVALID_VALUE, JsonPointers.of(v.getPath()), reason);
    }
    if (e instanceof InvalidFormatException f) {
      return ValidationIssue.of(ValidationCode.WRONG_TYPE, JsonPointers.of(f.getPath()),
          "value has the wrong format for " + simpleName(f.getTargetType()));
    }
    if (e instanceof MismatchedInputException m) {
      return ValidationIssue.of(ValidationCode.WRONG_TYPE, JsonPointers.of(m.getPath()),
          "value has the wrong JSON type for " + simpleName(m.getTargetType()));
    }
    if (e instanceof JsonMappingException m) {
      return ValidationIssue.of(ValidationCode.INVALID_VALUE, JsonPointers.of(m.getPath()), "value not acceptable");
    }
    return ValidationIssue.of(ValidationCode.MALFORMED_JSON, "", "input could not be read");
  }

  private static String pointerOf(IOException e) {
    if (e instanceof JsonMappingException m) {
      return JsonPointers.of(m.getPath());
    }
    if (e instanceof JsonProcessingException p && p.getProcessor() instanceof JsonParser parser) {
      return JsonPointers.of(parser.getParsingContext());
    }
    return "";
  }

  private static String limitName(String jacksonMessage) {
    String m = String.valueOf(jacksonMessage);
    if (m.contains("nesting depth")) {
      return "nesting depth exceeds the limit";
    } else if (m.contains("String value length")) {
      return "string length exceeds the limit";
    } else if (m.contains("Number value length")) {
      return "number length exceeds the limit";
    } else if (m.contains("Document length") || m.contains("document length")) {
      return "document size exceeds the limit";
    }
    return "input limit exceeded";
  }

  private static String simpleName(Class<?> type) {
    return type == null ? "this field" : type.getSimpleName();
  }

  /** Records unknown fields as warnings instead of failing, for 1.x forward compatibility. */
  private static final class UnknownFieldCollector extends DeserializationProblemHandler {
    @Override
    public boolean handleUnknownProperty(
        DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer, Object beanOrClass,
        String propertyName) throws IOException {
      @SuppressWarnings("unchecked")
      List<ValidationIssue> warnings = (List<ValidationIssue>) ctxt.getAttribute(WARNINGS);
      if (warnings != null) {
        String pointer = JsonPointers.of(p.getParsingContext());
        if (!pointer.endsWith("/" + JsonPointers.escape(propertyName))) {
          pointer = pointer + "/" + JsonPointers.escape(propertyName);
        }
        warnings.add(ValidationIssue.of(ValidationCode.UNKNOWN_FIELD, pointer, "unknown field ignored"));
      }
      p.skipChildren();
      return true;
    }
  }

  /** Builds a {@link PcccJson} with custom limits. Not thread-safe. */
  public static final class Builder {
    private int maxDocumentBytes = DEFAULT_MAX_DOCUMENT_BYTES;
    private int maxNestingDepth = DEFAULT_MAX_NESTING_DEPTH;
    private int maxStringLength = DEFAULT_MAX_STRING_LENGTH;
    private int maxNumberLength = DEFAULT_MAX_NUMBER_LENGTH;
    private MessageValidator validator;

    private Builder() {}

    /** Sets the largest accepted document in bytes. */
    public Builder maxDocumentBytes(int v) { maxDocumentBytes = positive(v); return this; }
    /** Sets the deepest accepted nesting. */
    public Builder maxNestingDepth(int v) { maxNestingDepth = positive(v); return this; }
    /** Sets the longest accepted string in characters. */
    public Builder maxStringLength(int v) { maxStringLength = positive(v); return this; }
    /** Sets the longest accepted number literal in characters. */
    public Builder maxNumberLength(int v) { maxNumberLength = positive(v); return this; }
    /** Sets the validator (for example one with extra rules). */
    public Builder validator(MessageValidator v) { validator = v; return this; }

    /** Builds the codec. */
    public PcccJson build() {
      return new PcccJson(this);
    }

    private static int positive(int v) {
      if (v <= 0) {
        throw new IllegalArgumentException("limit must be positive");
      }
      return v;
    }
  }

}
