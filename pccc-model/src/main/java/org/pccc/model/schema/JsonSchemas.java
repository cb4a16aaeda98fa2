package org.pccc.model.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.pccc.model.validation.ValidationCode;

/**
 * The JSON Schemas (2020-12) of the PCCC documents, for partners that do not use Java. Shipped as
 * classpath resources under {@code org/pccc/model/schema/}. Stateless and thread-safe.
 *
 * <p>The schema and the Java validator agree on every message except for the rules in {@link
 * #NOT_EXPRESSIBLE_IN_SCHEMA} (the validator is stricter) and two known differences of the two
 * languages: a number written as {@code 2.0} is an integer to JSON Schema but not to the strict
 * Java reader, and text lengths count UTF-16 units in Java ({@code @Size}) but code points in
 * JSON Schema ({@code maxLength}), so text with many characters outside the Basic Multilingual
 * Plane near a limit is accepted by the schema and rejected by Java.
 */
public final class JsonSchemas {
  /** Resource name of the message schema. */
  public static final String MESSAGE = "message.schema.json";

  /** Resource name of the network directory schema. */
  public static final String DIRECTORY = "directory.schema.json";

  /**
   * Validation codes that JSON Schema cannot express; the SDK's validator enforces them, a
   * schema-only validator accepts such messages. Everything else that the validator rejects,
   * the schema rejects too.
   */
  public static final Set<ValidationCode> NOT_EXPRESSIBLE_IN_SCHEMA =
      Set.of(
          ValidationCode.DUPLICATE_KEY,
          ValidationCode.INVALID_VALUE,
          ValidationCode.LIMIT_EXCEEDED,
          ValidationCode.MRZ_INVALID,
          ValidationCode.VIN_INVALID,
          ValidationCode.CONTAINER_NUMBER_INVALID,
          ValidationCode.MRN_INVALID,
          ValidationCode.TIR_CARNET_INVALID,
          ValidationCode.HS_CODE_INVALID,
          ValidationCode.ATTACHMENT_MISMATCH,
          ValidationCode.DOCUMENT_DATES,
          ValidationCode.BIRTH_DATE_IN_FUTURE,
          ValidationCode.SENDER_AMONG_RECIPIENTS,
          ValidationCode.DUE_BY_NOT_AFTER_CREATED,
          ValidationCode.TIME_ORDER);

  private JsonSchemas() {}

  /** Returns the message schema as shipped. */
  public static String messageSchema() {
    return resource(MESSAGE);
  }

  /** Generates the message schema afresh from the Java records (what the shipped one must equal). */
  public static String generateMessageSchema() {
    return SchemaGenerator.generateMessageSchema();
  }

  /** Returns the network directory schema as shipped. */
  public static String directorySchema() {
    return resource(DIRECTORY);
  }

  /** Generates the directory schema afresh from the Java records. */
  public static String generateDirectorySchema() {
    return SchemaGenerator.generateDirectorySchema();
  }

  /**
   * Writes the freshly generated schemas into a folder (used to refresh the shipped resources and
   * by the {@code pccc schema} command).
   *
   * @param folder the target folder, created if missing
   * @throws UncheckedIOException if writing fails
   */
  public static void writeTo(java.nio.file.Path folder) {
    try {
      java.nio.file.Files.createDirectories(folder);
      java.nio.file.Files.writeString(folder.resolve(MESSAGE), generateMessageSchema(), StandardCharsets.UTF_8);
      java.nio.file.Files.writeString(folder.resolve(DIRECTORY), generateDirectorySchema(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Regenerates the shipped schema resources: {@code java ... org.pccc.model.schema.JsonSchemas <folder>}.
   *
   * @param args the target folder, by default the model's resource folder
   */
  public static void main(String[] args) {
    writeTo(java.nio.file.Path.of(args.length > 0 ? args[0] : "pccc-model/src/main/resources/org/pccc/model/schema"));
  }

  private static String resource(String name) {
    try (InputStream in = JsonSchemas.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("schema resource missing: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
