package org.pccc.crypto.internal.jose;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pccc.crypto.ErrorCode;

/**
 * The JSON reader and writer of the JOSE code, private to it.
 *
 * <p>Reading is strict: UTF-8 only (malformed sequences are refused instead of replaced),
 * duplicate member names are refused (RFC 7515 §5.2 allows a parser to do so, and two parsers
 * that keep different duplicates would see different headers), no trailing content, no comments,
 * a shallow nesting limit. The mapper is never exposed, so no caller setting can loosen it.
 */
public final class StrictJson {
  /** Headers and JWE documents are shallow; anything deeper is an attack on the parser. */
  private static final int MAX_NESTING_DEPTH = 16;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(MAX_NESTING_DEPTH)
                          // Input size is bounded by the caller's maxBytes before parsing.
                          .maxStringLength(Integer.MAX_VALUE)
                          .build())
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private StrictJson() {}

  /**
   * Parses UTF-8 bytes that must hold one JSON object.
   *
   * @param utf8 the bytes
   * @param what what is parsed, for the error message (for example "JWS protected header")
   * @return the object
   * @throws org.pccc.crypto.EnvelopeRejectedException MALFORMED_ENVELOPE if the bytes are not one
   *     strict JSON object
   */
  public static ObjectNode parseObject(byte[] utf8, String what) {
    if (isAscii(utf8)) {
      // Every JOSE document this SDK writes is ASCII: parse the bytes as they are.
      return parseObject(utf8, 0, utf8.length, what);
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(utf8))
              .toString();
    } catch (CharacterCodingException e) {
      throw Failures.rejected(ErrorCode.MALFORMED_ENVELOPE, what + " is not valid UTF-8");
    }
    return parseObject(text, what);
  }

  /** Returns whether every byte is below 0x80. */
  public static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  private static ObjectNode parseObject(byte[] ascii, int offset, int length, String what) {
    JsonNode node;
    try {
      node = MAPPER.readTree(ascii, offset, length);
    } catch (java.io.IOException e) {
      throw notStrict(what, e);
    }
    return requireObject(node, what);
  }

  /**
   * Parses text that must hold one JSON object.
   *
   * @param text the JSON text
   * @param what what is parsed, for the error message
   * @return the object
   */
  public static ObjectNode parseObject(String text, String what) {
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw notStrict(what, e);
    }
    return requireObject(node, what);
  }

  private static RuntimeException notStrict(String what, java.io.IOException e) {
    // The parser's message may quote input; only the kind of failure is reported.
    return Failures.rejected(
        ErrorCode.MALFORMED_ENVELOPE,
        what + " is not strict JSON (" + e.getClass().getSimpleName() + ")");
  }

  private static ObjectNode requireObject(JsonNode node, String what) {
    if (node == null || !node.isObject()) {
      throw Failures.rejected(ErrorCode.MALFORMED_ENVELOPE, what + " is not a JSON object");
    }
    return (ObjectNode) node;
  }

  /** Returns a new empty object that keeps insertion order. */
  public static ObjectNode newObject() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** Converts a Java value (String, Number, Boolean, null, List, Map) to a tree. */
  public static JsonNode toTree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /** Serializes compactly (no whitespace) in insertion order. */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  /** Serializes compactly to UTF-8. */
  public static byte[] writeBytes(JsonNode node) {
    return write(node).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Converts a tree to plain Java values, deeply unmodifiable: objects become maps in member
   * order, arrays lists, numbers {@code Integer}, {@code Long}, {@code BigInteger} or {@code
   * Double}/{@code BigDecimal} as Jackson reads them.
   */
  public static Object toJava(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> property : node.properties()) {
        map.put(property.getKey(), toJava(property.getValue()));
      }
      return Collections.unmodifiableMap(map);
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      for (JsonNode element : node) {
        list.add(toJava(element));
      }
      return Collections.unmodifiableList(list);
    }
    if (node.isNull()) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNumber()) {
      return node.numberValue();
    }
    throw new IllegalStateException("unexpected JSON node " + node.getNodeType());
  }
}
