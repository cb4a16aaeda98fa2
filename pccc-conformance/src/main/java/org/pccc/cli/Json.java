package org.pccc.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.pccc.model.validation.ValidationIssue;
import org.pccc.model.validation.ValidationReport;

/** The JSON the commands print: one compact object per line. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  static JsonNode parse(byte[] json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The issues of a report as {@code [{"code","severity","pointer","message"}]}. */
  static ArrayNode issues(ValidationReport report) {
    ArrayNode array = MAPPER.createArrayNode();
    for (ValidationIssue i : report.issues()) {
      ObjectNode o = array.addObject();
      o.put("code", i.code().code());
      o.put("severity", i.severity().name());
      o.put("pointer", i.pointer());
      o.put("message", i.message());
    }
    return array;
  }
}
