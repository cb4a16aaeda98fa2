package org.pccc.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.pccc.model.schema.JsonSchemas;

/** The published schemas are byte-identical copies of the ones the model ships. */
class SchemaFilesTest {
  @Test
  void messageSchemaIsTheModelsSchema() throws Exception {
    assertThat(Files.readString(Path.of("schemas", JsonSchemas.MESSAGE), StandardCharsets.UTF_8))
        .as("pccc-conformance/schemas/message.schema.json must be a copy of JsonSchemas.messageSchema()")
        .isEqualTo(JsonSchemas.messageSchema());
  }

  @Test
  void directorySchemaIsTheModelsSchema() throws Exception {
    assertThat(Files.readString(Path.of("schemas", JsonSchemas.DIRECTORY), StandardCharsets.UTF_8))
        .as("pccc-conformance/schemas/directory.schema.json must be a copy of JsonSchemas.directorySchema()")
        .isEqualTo(JsonSchemas.directorySchema());
  }
}
