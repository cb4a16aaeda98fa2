package org.pccc.model.schema;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.pccc.model.Message;
import org.pccc.model.code.CodeList;
import org.pccc.model.code.Country;
import org.pccc.model.code.Language;
import org.pccc.model.directory.NetworkDirectory;
import org.pccc.model.internal.StrictTypesModule;
import org.pccc.model.json.PcccJson;
import org.pccc.model.subject.PartialDate;

/**
 * Derives the JSON Schema (2020-12) of the message from the Java records and their Jakarta
 * constraints, so the two cannot drift apart; rules across fields that JSON Schema can express
 * are added as {@code if}/{@code then} fragments. The result is shipped as a resource and checked
 * against a fresh generation by the tests.
 */
final class SchemaGenerator {
  static final String BASE = "https://pccc.example.org/schema/1.0/";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  /** A character that is not whitespace to Character.isWhitespace (String.isBlank, @NotBlank). */
  private static final String NOT_BLANK =
      "[^\\t\\n\\u000B\\f\\r\\u001C-\\u001F \\u1680\\u2000-\\u2006\\u2008-\\u200A\\u2028\\u2029\\u205F\\u3000]";
  private static final String PARTIAL_DATE = "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$";

  private final Map<String, ObjectNode> defs = new TreeMap<>();
  private final ObjectMapper mapper = PcccJson.newMapper();

  static String generateMessageSchema() {
    return new SchemaGenerator().generate(Message.class, "message.schema.json",
        "PCCC exchange message, schema version 1.x",
        "Generated from the Java records of pccc-model. Rules across fields that JSON Schema cannot"
            + " express (check digits, time order, sender among recipients, attachment digests) are"
            + " enforced by the SDK's validator only.",
        MESSAGE_RULES);
  }

  static String generateDirectorySchema() {
    return new SchemaGenerator().generate(NetworkDirectory.class, "directory.schema.json",
        "PCCC network directory, format version 1.x",
        "Generated from the Java records of pccc-model. The directory travels as the payload of a JWS"
            + " signed by the network coordinator. Unique centre ids and policies naming listed centres"
            + " are checked by the SDK's validator only.",
        null);
  }

  private String generate(Class<?> rootType, String fileName, String title, String description, String rootRules) {
    ObjectNode root = F.objectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$id", BASE + fileName);
    root.put("title", title);
    root.put("description", description);
    ObjectNode document = record(rootType);
    if (rootRules != null) {
      document.set("allOf", parse(rootRules));
    }
    root.setAll(document);
    ObjectNode defsNode = root.putObject("$defs");
    defs.forEach(defsNode::set);
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ObjectNode record(Class<?> type) {
    ObjectNode schema = F.objectNode();
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = F.arrayNode();
    String typeId = typeIdOf(type);
    if (typeId != null) {
      properties.putObject("type").put("const", typeId);
      required.add("type");
    }
    RecordComponent[] components = type.getRecordComponents();
    List<RecordComponent> sorted = new ArrayList<>(List.of(components));
    sorted.sort(Comparator.comparing(RecordComponent::getName));
    for (RecordComponent c : sorted) {
      // Jakarta constraints do not target RECORD_COMPONENT, so they are found on the accessor.
      AnnotatedElement constraints = c.getAccessor();
      ObjectNode p = valueSchema(c.getGenericType(), c.getAnnotatedType(), constraints);
      properties.set(c.getName(), p);
      // A primitive cannot be absent in Java: the reader refuses a missing one (FAIL_ON_NULL_FOR_PRIMITIVES).
      if (c.getType().isPrimitive() || has(constraints, NotNull.class) || has(constraints, NotBlank.class)
          || has(constraints, NotEmpty.class)) {
        required.add(c.getName());
      }
    }
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    String rules = RULES.get(type.getSimpleName());
    if (rules != null) {
      schema.set("allOf", parse(rules));
    }
    return schema;
  }

  private ObjectNode valueSchema(Type type, AnnotatedType annotated, AnnotatedElement constraints) {
    ObjectNode s = F.objectNode();
    Class<?> raw = rawClass(type);
    if (raw == List.class) {
      s.put("type", "array");
      Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
      AnnotatedType annotatedElement =
          ((AnnotatedParameterizedType) annotated).getAnnotatedActualTypeArguments()[0];
      s.set("items", valueSchema(element, annotatedElement, annotatedElement));
      Size size = constraints.getAnnotation(Size.class);
      int min = constraints.getAnnotation(NotEmpty.class) != null ? 1 : 0;
      if (size != null) {
        min = Math.max(min, size.min());
        s.put("maxItems", size.max());
      }
      if (min > 0) {
        s.put("minItems", min);
      }
      if (constraints instanceof java.lang.reflect.Method m && m.getName().equals("recipients")) {
        s.put("uniqueItems", true);
      }
      return s;
    }
    if (raw == String.class) {
      s.put("type", "string");
      Size size = constraints.getAnnotation(Size.class);
      if (size != null) {
        s.put("maxLength", size.max());
      }
      Pattern pattern = constraints.getAnnotation(Pattern.class);
      if (pattern != null) {
        s.put("pattern", pattern.regexp());
        if (constraints.getAnnotation(NotBlank.class) != null) {
          s.putArray("allOf").addObject().put("pattern", NOT_BLANK);
        }
      } else {
        s.put("minLength", 1);
        s.put("pattern", NOT_BLANK);
      }
      return s;
    }
    if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
      s.put("type", "integer");
      boolean isInt = raw == Integer.class || raw == int.class;
      long min = isInt ? Integer.MIN_VALUE : Long.MIN_VALUE;
      long max = isInt ? Integer.MAX_VALUE : Long.MAX_VALUE;
      Min mn = constraints.getAnnotation(Min.class);
      Max mx = constraints.getAnnotation(Max.class);
      if (mn != null) {
        min = mn.value();
      }
      if (constraints.getAnnotation(PositiveOrZero.class) != null) {
        min = Math.max(min, 0);
      }
      if (mx != null) {
        max = mx.value();
      }
      s.put("minimum", min);
      s.put("maximum", max);
      return s;
    }
    if (raw == Double.class || raw == double.class) {
      s.put("type", "number");
      DecimalMin mn = constraints.getAnnotation(DecimalMin.class);
      DecimalMax mx = constraints.getAnnotation(DecimalMax.class);
      if (mn != null) {
        s.put("minimum", new BigDecimal(mn.value()));
      }
      if (mx != null) {
        s.put("maximum", new BigDecimal(mx.value()));
      }
      return s;
    }
    if (raw == boolean.class || raw == Boolean.class) {
      s.put("type", "boolean");
      return s;
    }
    if (raw == Instant.class) {
      return s.put("type", "string").put("format", "date-time").put("pattern", StrictTypesModule.INSTANT_PATTERN);
    }
    if (raw == LocalDate.class) {
      return s.put("type", "string").put("format", "date").put("pattern", StrictTypesModule.DATE_PATTERN);
    }
    if (raw == UUID.class) {
      return s.put("type", "string").put("format", "uuid").put("pattern", StrictTypesModule.UUID_PATTERN);
    }
    if (raw == PartialDate.class) {
      return s.put("type", "string").put("pattern", PARTIAL_DATE);
    }
    return s.put("$ref", "#/$defs/" + define(raw));
  }

  private String define(Class<?> type) {
    String name = type.getSimpleName();
    if (defs.containsKey(name)) {
      return name;
    }
    defs.put(name, F.objectNode()); // placeholder against recursion
    ObjectNode def;
    if (type == Country.class || type == Language.class) {
      def = F.objectNode().put("type", "string");
      ArrayNode values = def.putArray("enum");
      (type == Country.class ? Country.codes() : Language.codes()).forEach(values::add);
    } else if (type.isEnum() && CodeList.class.isAssignableFrom(type)) {
      def = F.objectNode().put("type", "string");
      ArrayNode values = def.putArray("enum");
      for (Object constant : type.getEnumConstants()) {
        values.add(((CodeList) constant).code());
      }
    } else if (type.isSealed()) {
      def = F.objectNode();
      ArrayNode oneOf = def.putArray("oneOf");
      for (JsonSubTypes.Type sub : type.getAnnotation(JsonSubTypes.class).value()) {
        oneOf.addObject().put("$ref", "#/$defs/" + define(sub.value()));
      }
    } else if (type.isRecord()) {
      def = record(type);
    } else {
      throw new IllegalStateException("no schema mapping for " + type.getName());
    }
    defs.put(name, def);
    return name;
  }

  private static String typeIdOf(Class<?> type) {
    for (Class<?> parent : type.getInterfaces()) {
      JsonSubTypes subTypes = parent.getAnnotation(JsonSubTypes.class);
      if (subTypes != null) {
        for (JsonSubTypes.Type t : subTypes.value()) {
          if (t.value() == type) {
            return t.name();
          }
        }
      }
    }
    return null;
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    return (Class<?>) ((ParameterizedType) type).getRawType();
  }

  private static boolean has(AnnotatedElement e, Class<? extends Annotation> a) {
    return e.getAnnotation(a) != null;
  }

  private JsonNode parse(String json) {
    try {
      return typed(mapper.readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Gives every rule sub-schema the type its keywords apply to, as strict validators (ajv's
   * strictTypes) require: object keywords imply {@code "type":"object"}, array keywords
   * {@code "type":"array"}; and names every required property in the same sub-schema
   * (strictRequired).
   */
  private static JsonNode typed(JsonNode node) {
    if (node instanceof ObjectNode o) {
      if (!o.has("type") && !o.has("const") && !o.has("enum")) {
        if (o.has("properties") || o.has("required")) {
          o.put("type", "object");
        } else if (o.has("contains") || o.has("minItems") || o.has("maxItems")) {
          o.put("type", "array");
        }
      }
      if (o.has("required")) {
        // Name each required property locally (as "true": no extra constraint), as ajv's
        // strictRequired asks; the record's own schema constrains its value.
        ObjectNode props = o.has("properties") ? (ObjectNode) o.get("properties") : o.putObject("properties");
        o.get("required").forEach(name -> {
          if (!props.has(name.asText())) {
            props.put(name.asText(), true);
          }
        });
      }
      o.fields().forEachRemaining(e -> typed(e.getValue()));
    } else if (node instanceof ArrayNode a) {
      a.forEach(SchemaGenerator::typed);
    }
    return node;
  }

  private static final String MESSAGE_RULES = """
      [
        {"if": {"properties": {"body": {"properties": {"type": {"const": "reply"}}}}},
         "then": {"properties": {"header": {"required": ["inReplyTo"]}}}},
        {"if": {"properties": {"body": {"properties": {"type": {"const": "information-request"}}}}},
         "then": {"properties": {"header": {"required": ["purpose", "legalBasis"]}}}},
        {"if": {"properties": {"body": {"properties": {"type": {"const": "information-request"}}},
                               "header": {"properties": {"urgency": {"const": "URGENT"}}, "required": ["urgency"]}}},
         "then": {"properties": {"header": {"required": ["urgencyReason"]}}}}
      ]""";

  private static final Map<String, String> RULES = Map.of(
      "Reply", """
      [
        {"if": {"properties": {"outcome": {"const": "REFUSAL"}}, "required": ["outcome"]},
         "then": {"required": ["refusalGround"]},
         "else": {"not": {"required": ["refusalGround"]}}},
        {"if": {"properties": {"outcome": {"enum": ["HIT", "PARTIAL"]}}, "required": ["outcome"]},
         "then": {"required": ["results"], "properties": {"results": {"minItems": 1}}},
         "else": {"properties": {"results": {"maxItems": 0}}}},
        {"if": {"properties": {"outcome": {"const": "CLARIFICATION_REQUEST"}}, "required": ["outcome"]},
         "then": {"required": ["questions"], "properties": {"questions": {"minItems": 1}}}},
        {"if": {"properties": {"outcome": {"const": "DELAY_NOTICE"}}, "required": ["outcome"]},
         "then": {"required": ["delay"]}}
      ]""",
      "Handling", """
      [
        {"if": {"properties": {"code": {"const": "H3"}}, "required": ["code"]},
         "then": {"required": ["conditions"]}}
      ]""",
      "Alert", """
      [
        {"if": {"properties": {"alertType": {"const": "STOLEN_VEHICLE"}}, "required": ["alertType"]},
         "then": {"properties": {"subjects": {"contains": {"properties": {"type": {"const": "vehicle"}}, "required": ["type"]}}}}},
        {"if": {"properties": {"alertType": {"const": "STOLEN_LOST_DOCUMENT"}}, "required": ["alertType"]},
         "then": {"properties": {"subjects": {"contains": {"properties": {"type": {"const": "document"}}, "required": ["type"]}}}}},
        {"if": {"properties": {"alertType": {"enum": ["WANTED_PERSON", "MISSING_PERSON"]}}, "required": ["alertType"]},
         "then": {"properties": {"subjects": {"contains": {"properties": {"type": {"const": "person"}}, "required": ["type"]}}}}}
      ]""",
      "Vehicle", """
      [ {"anyOf": [{"required": ["vin"]}, {"required": ["plate"]}]} ]""",
      "Location", """
      [ {"anyOf": [{"required": ["crossingPoint"]}, {"required": ["borderSection"]}, {"required": ["coordinates"]},
                   {"required": ["address"]}, {"required": ["description"]}]} ]""",
      "Consignment", """
      [ {"anyOf": [{"required": ["containerNumber"]}, {"required": ["mrn"]}, {"required": ["tirCarnet"]},
                   {"required": ["hsCodes"], "properties": {"hsCodes": {"minItems": 1}}}, {"required": ["description"]}]} ]""");
}
