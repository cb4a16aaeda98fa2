package org.pccc.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random damage to JSON, at the byte level and at the tree level, for robustness and differential tests. */
public final class JsonMutations {
  private JsonMutations() {}

  /** Damages bytes once: flips, replaces with a JSON special character, deletes, duplicates or inserts. */
  public static byte[] mutateBytes(byte[] json, Random random) {
    if (json.length == 0) {
      return new byte[] {(byte) random.nextInt(256)};
    }
    int at = random.nextInt(json.length);
    switch (random.nextInt(5)) {
      case 0: {
        byte[] copy = json.clone();
        copy[at] = (byte) random.nextInt(256);
        return copy;
      }
      case 1: {
        byte[] copy = json.clone();
        copy[at] = (byte) "{}[]\",:0-e\\ ".charAt(random.nextInt(12));
        return copy;
      }
      case 2: {
        int end = Math.min(json.length, at + 1 + random.nextInt(20));
        byte[] copy = new byte[json.length - (end - at)];
        System.arraycopy(json, 0, copy, 0, at);
        System.arraycopy(json, end, copy, at, json.length - end);
        return copy;
      }
      case 3: {
        int end = Math.min(json.length, at + 1 + random.nextInt(40));
        byte[] copy = new byte[json.length + (end - at)];
        System.arraycopy(json, 0, copy, 0, end);
        System.arraycopy(json, at, copy, end, json.length - at);
        return copy;
      }
      default: {
        byte[] copy = new byte[json.length + 1];
        System.arraycopy(json, 0, copy, 0, at);
        copy[at] = (byte) random.nextInt(256);
        System.arraycopy(json, at, copy, at + 1, json.length - at);
        return copy;
      }
    }
  }

  /** Replaces, removes or duplicates one randomly chosen node of the tree. */
  public static void mutateTree(JsonNode root, Random random) {
    List<JsonNode> containers = new ArrayList<>();
    collectContainers(root, containers);
    JsonNode parent = containers.get(random.nextInt(containers.size()));
    JsonNode replacement = randomValue(random);
    if (parent instanceof ObjectNode o) {
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      if (names.isEmpty() || random.nextInt(6) == 0) {
        o.set(random.nextBoolean() ? "type" : "extra", replacement);
        return;
      }
      String name = names.get(random.nextInt(names.size()));
      if (random.nextInt(4) == 0) {
        o.remove(name);
      } else {
        o.set(name, replacement);
      }
    } else if (parent instanceof ArrayNode a) {
      if (a.isEmpty() || random.nextInt(4) == 0) {
        a.add(a.isEmpty() ? replacement : a.get(random.nextInt(a.size())).deepCopy());
      } else if (random.nextInt(4) == 0) {
        a.remove(random.nextInt(a.size()));
      } else {
        a.set(random.nextInt(a.size()), replacement);
      }
    }
  }

  private static void collectContainers(JsonNode node, List<JsonNode> out) {
    if (node.isContainerNode()) {
      out.add(node);
      node.forEach(child -> collectContainers(child, out));
    }
  }

  /** A value of a random shape, including the awkward ones (null, huge, deep, blank, long). */
  public static JsonNode randomValue(Random random) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    switch (random.nextInt(16)) {
      case 0: return f.nullNode();
      case 1: return f.booleanNode(random.nextBoolean());
      case 2: return f.numberNode(random.nextInt());
      case 3: return f.numberNode(random.nextLong());
      case 4: return f.numberNode(random.nextDouble() * 1e6 - 5e5);
      case 5: return f.numberNode(new BigInteger("9".repeat(1 + random.nextInt(40))));
      case 6: return f.textNode("");
      case 7: return f.textNode(" ");
      case 8: return f.textNode("2026-11-30T10:00:00Z");
      case 9: return f.textNode(String.valueOf((char) random.nextInt(0x3000)).repeat(random.nextInt(3000)));
      case 10: return f.textNode("H" + random.nextInt(5));
      case 11: return f.arrayNode();
      case 12: return f.objectNode();
      case 13: {
        ArrayNode deep = f.arrayNode();
        ArrayNode cur = deep;
        for (int i = 0; i < 40; i++) {
          cur = cur.addArray();
        }
        return deep;
      }
      case 14: return f.objectNode().put("type", List.of("person", "vehicle", "reply", "alert").get(random.nextInt(4)));
      default: return f.textNode(List.of("PCCC-0001", "MK", "mk", "URGENT", "REFUSAL", "HIT", "1.0", "2.0",
          "00000000-0000-0000-0000-000000000000").get(random.nextInt(9)));
    }
  }
}
