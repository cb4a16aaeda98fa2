package org.pccc.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * The shipped message schema, loaded into an independent JSON Schema 2020-12 validator
 * (networknt) with format assertions on, as a partner without the Java SDK would use it.
 */
public final class MessageSchema {
  /** A plain mapper: the schema side must not share the SDK's strict reader. */
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

  private static final JsonSchema SHIPPED = load(JsonSchemas.messageSchema());

  private MessageSchema() {}

  /** Loads a schema text. */
  public static JsonSchema load(String schemaText) {
    return FACTORY.getSchema(schemaText, InputFormat.JSON, CONFIG);
  }

  /** Returns the JSON Schema 2020-12 meta-schema (from the validator's own copy, no network). */
  public static JsonSchema metaSchema() {
    return FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"), CONFIG);
  }

  /** Returns the shipped schema's complaints about a document (empty when it accepts it). */
  public static Set<ValidationMessage> errors(byte[] json) {
    return SHIPPED.validate(parse(json));
  }

  /** True if the shipped schema accepts the document. */
  public static boolean accepts(byte[] json) {
    return errors(json).isEmpty();
  }

  /** Parses with a plain mapper: the last of duplicate keys wins, as in most JSON libraries. */
  public static JsonNode parse(byte[] json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
