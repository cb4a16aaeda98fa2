package org.pccc.model;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Edits JSON documents by JSON Pointer, to derive invalid messages from valid examples. Uses a
 * plain Jackson mapper of its own, never the SDK's, so that edits do not depend on the code under
 * test.
 */
public final class JsonEdits {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private final ObjectNode root;

  private JsonEdits(ObjectNode root) {
    this.root = root;
  }

  /** Returns the example's JSON tree. */
  public static ObjectNode tree(String example) {
    return parse(Examples.read(example));
  }

  /** Parses bytes into an object tree. */
  public static ObjectNode parse(byte[] json) {
    try {
      return (ObjectNode) MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the example edited by {@code edits}, as UTF-8 JSON bytes. */
  public static byte[] edit(String example, Consumer<JsonEdits> edits) {
    JsonEdits e = new JsonEdits(tree(example));
    edits.accept(e);
    return e.bytes();
  }

  /** Returns the example with one value set (or added) at {@code pointer}. */
  public static byte[] with(String example, String pointer, Object value) {
    return edit(example, e -> e.set(pointer, value));
  }

  /** Returns the example without the value at {@code pointer}. */
  public static byte[] without(String example, String pointer) {
    return edit(example, e -> e.remove(pointer));
  }

  /** Serialises a tree as UTF-8 bytes. */
  public static byte[] bytes(JsonNode tree) {
    try {
      return MAPPER.writeValueAsBytes(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces {@code from} by {@code to} in the example's raw text, once; fails if absent. */
  public static byte[] replaceText(String example, String from, String to) {
    String text = new String(Examples.read(example), StandardCharsets.UTF_8);
    if (!text.contains(from)) {
      throw new IllegalArgumentException("text not in " + example + ": " + from);
    }
    return text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to))
        .getBytes(StandardCharsets.UTF_8);
  }

  byte[] bytes() {
    return bytes(root);
  }

  /** Sets the value at a pointer; {@code -} as last token appends to an array. */
  public JsonEdits set(String pointer, Object value) {
    JsonNode node = value instanceof JsonNode n ? n : MAPPER.valueToTree(value);
    JsonPointer p = JsonPointer.compile(pointer);
    JsonNode parent = root.at(p.head());
    String last = p.last().getMatchingProperty();
    if (parent instanceof ObjectNode o) {
      o.set(last, node);
    } else if (parent instanceof ArrayNode a) {
      if (last.equals("-")) {
        a.add(node);
      } else {
        a.set(Integer.parseInt(last), node);
      }
    } else {
      throw new IllegalArgumentException("no container at " + p.head());
    }
    return this;
  }

  /** Removes the value at a pointer; fails if there is none, so that a test cannot edit nothing. */
  public JsonEdits remove(String pointer) {
    JsonPointer p = JsonPointer.compile(pointer);
    JsonNode parent = root.at(p.head());
    String last = p.last().getMatchingProperty();
    JsonNode removed;
    if (parent instanceof ObjectNode o) {
      removed = o.remove(last);
    } else if (parent instanceof ArrayNode a) {
      removed = a.remove(Integer.parseInt(last));
    } else {
      removed = null;
    }
    if (removed == null) {
      throw new IllegalArgumentException("nothing to remove at " + pointer);
    }
    return this;
  }

  /** Returns the node at a pointer, for reading values to copy. */
  public JsonNode at(String pointer) {
    return root.at(pointer);
  }
}
