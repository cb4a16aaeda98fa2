package org.pccc.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pccc.model.json.PcccJson;
import org.pccc.model.json.ReadResult;
import org.pccc.model.schema.JsonSchemas;
import org.pccc.model.validation.ValidationCode;

/**
 * The message vectors say what the Java SDK says: every valid vector is accepted by
 * {@link PcccJson#read} without warnings and by the published schema; every invalid vector gives
 * exactly its expected codes; the corpus covers every body kind and every code.
 */
class MessageVectorsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final PcccJson JSON = PcccJson.create();
  private static final VectorFolder VECTORS = new VectorFolder(TestVectors.REPO_VECTORS);
  /** Codes no message file can produce: they are about network directories, not messages. */
  static final Set<ValidationCode> NOT_FROM_A_MESSAGE =
      EnumSet.of(ValidationCode.DIRECTORY_DUPLICATE_CENTRE, ValidationCode.DIRECTORY_UNKNOWN_CENTRE);

  private static JsonSchema schema() {
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JsonSchemas.messageSchema(), config);
  }

  @TestFactory
  Stream<DynamicTest> everyValidVectorIsValidInJavaAndInTheSchema() {
    JsonSchema schema = schema();
    return VectorFolder.vectorFiles(VECTORS.validMessages()).stream().map(file -> DynamicTest.dynamicTest(
        file.getFileName().toString(), () -> {
          ReadResult result = JSON.read(Files.readAllBytes(file));
          assertThat(result).as("%s: %s", file.getFileName(), result.report()).isInstanceOf(ReadResult.Accepted.class);
          assertThat(result.report().issues()).as("warnings of %s", file.getFileName()).isEmpty();
          Set<ValidationMessage> errors = schema.validate(MAPPER.readTree(file.toFile()));
          assertThat(errors).as("schema errors of %s", file.getFileName()).isEmpty();
        }));
  }

  @TestFactory
  Stream<DynamicTest> everyInvalidVectorGivesExactlyItsExpectedCodesInJava() {
    return VectorFolder.vectorFiles(VECTORS.invalidMessages()).stream().map(file -> DynamicTest.dynamicTest(
        file.getFileName().toString(), () -> {
          ReadResult result = JSON.read(Files.readAllBytes(file));
          assertThat(new TreeSet<>(result.report().codes()))
              .as("%s: %s", file.getFileName(), result.report())
              .isEqualTo(expected(file));
          boolean onlyWarnings = expected(file).stream()
              .allMatch(c -> ValidationCode.fromCode(c).severity() == org.pccc.model.validation.Severity.WARNING);
          assertThat(result instanceof ReadResult.Accepted).as("accepted iff only warnings").isEqualTo(onlyWarnings);
        }));
  }

  @Test
  void atLeastThreeValidVectorsPerBodyKind() throws Exception {
    Map<String, Integer> perKind = new HashMap<>();
    for (Path file : VectorFolder.vectorFiles(VECTORS.validMessages())) {
      perKind.merge(MAPPER.readTree(file.toFile()).path("body").path("type").asText(), 1, Integer::sum);
    }
    for (String kind : List.of("information-request", "reply", "alert", "operational-notice", "situation-report",
        "receipt", "error")) {
      assertThat(perKind.getOrDefault(kind, 0)).as("valid vectors of kind %s", kind).isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void everyCodeAMessageCanHaveHasAnInvalidVector() throws Exception {
    Set<String> covered = new TreeSet<>();
    for (Path file : VectorFolder.vectorFiles(VECTORS.invalidMessages())) {
      covered.addAll(expected(file));
    }
    Set<String> wanted = EnumSet.allOf(ValidationCode.class).stream().filter(c -> !NOT_FROM_A_MESSAGE.contains(c))
        .map(ValidationCode::code).collect(Collectors.toCollection(TreeSet::new));
    wanted.removeAll(covered);
    assertThat(wanted).as("codes without an invalid vector").isEmpty();
  }

  @Test
  void everyInvalidVectorHasAnExpectedFile() {
    for (Path file : VectorFolder.vectorFiles(VECTORS.invalidMessages())) {
      assertThat(VectorFolder.expectedFile(file)).exists();
    }
  }

  static Set<String> expected(Path vector) throws java.io.IOException {
    JsonNode node = MAPPER.readTree(VectorFolder.expectedFile(vector).toFile());
    Set<String> codes = new TreeSet<>();
    node.path("codes").forEach(c -> codes.add(c.asText()));
    return codes;
  }
}
