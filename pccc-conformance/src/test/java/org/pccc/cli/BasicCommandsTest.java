package org.pccc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pccc.model.Examples;

class BasicCommandsTest {
  @TempDir Path temp;

  @Test
  void versionHelpAndUsageErrors() {
    assertThat(Cli.run("--version").exit()).isZero();
    assertThat(Cli.run("--version").out()).contains("pccc");
    assertThat(Cli.run("--help").out()).contains("validate", "seal", "open", "vectors", "serve", "send", "stats");
    for (String command : List.of("validate", "schema", "seal", "open", "verify-receipt", "names", "directory",
        "vectors", "serve", "send", "stats")) {
      Cli.Result r = Cli.run(command, "--help");
      assertThat(r.exit()).as(command).isZero();
      assertThat(r.out()).as(command).contains("Usage: pccc " + command);
    }
    for (String sub : List.of("create", "sign", "verify")) {
      assertThat(Cli.run("directory", sub, "--help").exit()).isZero();
    }
    assertThat(Cli.run().exit()).isEqualTo(2);
    assertThat(Cli.run("no-such-command").exit()).isEqualTo(2);
    assertThat(Cli.run("open").exit()).isEqualTo(2);
    assertThat(Cli.run("open", "--max-age", "not-a-duration", "x").exit()).isEqualTo(2);
    assertThat(Cli.run("directory").exit()).isEqualTo(2);
  }

  @Test
  void everyExampleValidatesAndTheJsonHasTheDocumentedFields() throws Exception {
    List<String> files = new ArrayList<>();
    for (String name : Examples.names()) {
      Path f = temp.resolve(name);
      Files.write(f, Examples.read(name));
      files.add(f.toString());
    }
    List<Object> args = new ArrayList<>(List.of("validate", "--json"));
    args.addAll(files);
    Cli.Result r = Cli.run(args.toArray());
    assertThat(r.exit()).as(r.toString()).isZero();
    JsonNode json = r.json();
    assertThat(json.get("valid").asBoolean()).isTrue();
    assertThat(json.get("results")).hasSize(files.size());
    for (JsonNode result : json.get("results")) {
      assertThat(result.get("valid").asBoolean()).isTrue();
      assertThat(result.has("file")).isTrue();
      assertThat(result.get("issues").isArray()).isTrue();
    }
    Cli.Result text = Cli.run("validate", files.get(0));
    assertThat(text.exit()).isZero();
    assertThat(text.out()).contains("valid");
  }

  @Test
  void brokenMessagesAreInvalidWithCodesAndPointers() throws Exception {
    Path good = temp.resolve("good.json");
    Files.write(good, Examples.read("reply-refusal.json"));
    Path broken = temp.resolve("broken.json");
    Files.writeString(broken, new String(Examples.read("reply-refusal.json"), "UTF-8")
        .replaceFirst("\"messageId\": \"[^\"]*\"", "\"messageId\": \"not-a-uuid\""));
    Path garbage = temp.resolve("garbage.json");
    Files.writeString(garbage, "{ not json");

    Cli.Result r = Cli.run("validate", "--json", good, broken, garbage);
    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    JsonNode json = r.json();
    assertThat(json.get("valid").asBoolean()).isFalse();
    assertThat(json.get("codes").get(0).asText()).startsWith("PCCC-");
    assertThat(json.get("results").get(0).get("valid").asBoolean()).isTrue();
    for (int i = 1; i <= 2; i++) {
      JsonNode result = json.get("results").get(i);
      assertThat(result.get("valid").asBoolean()).isFalse();
      JsonNode issue = result.get("issues").get(0);
      assertThat(issue.get("code").asText()).startsWith("PCCC-");
      assertThat(issue.has("severity")).isTrue();
      assertThat(issue.has("pointer")).isTrue();
      assertThat(issue.has("message")).isTrue();
    }
    assertThat(json.get("results").get(1).get("issues").toString()).contains("/header/messageId");
    assertThat(r.out()).doesNotContain("not-a-uuid");

    Cli.Result text = Cli.run("validate", broken);
    assertThat(text.exit()).isEqualTo(1);
    assertThat(text.out()).contains("INVALID", "PCCC-");

    Cli.Result missing = Cli.run("validate", "--json", temp.resolve("missing.json"));
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.json().get("ok").asBoolean()).isFalse();
  }

  @Test
  void aMessageFileTooLargeIsRejectedInputWithTheModelsSizeCodeNotAConfigurationError() throws Exception {
    Path huge = temp.resolve("huge.json");
    try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
      file.setLength(40L * 1024 * 1024);
    }
    Path good = temp.resolve("good.json");
    Files.write(good, Examples.read("reply-refusal.json"));

    Cli.Result r = Cli.run("validate", "--json", good, huge);
    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.json().get("codes").toString()).isEqualTo("[\"PCCC-0002\"]");
    assertThat(r.json().get("results").get(0).get("valid").asBoolean()).isTrue();
    assertThat(r.json().get("results").get(1).get("issues").get(0).get("message").asText())
        .contains(Integer.toString(org.pccc.model.json.PcccJson.DEFAULT_MAX_DOCUMENT_BYTES));

    Cli.Result text = Cli.run("validate", huge);
    assertThat(text.exit()).isEqualTo(1);
    assertThat(text.out()).contains("INVALID", "PCCC-0002");
  }

  @Test
  void validateReadsStdin() {
    java.io.InputStream original = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream(Examples.read("situation-report.json")));
      Cli.Result r = Cli.run("validate", "--json", "-");
      assertThat(r.exit()).as(r.toString()).isZero();
      assertThat(r.json().get("results").get(0).get("file").asText()).isEqualTo("-");
      System.setIn(new java.io.ByteArrayInputStream("[]".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      assertThat(Cli.run("validate", "-").exit()).isEqualTo(1);
    } finally {
      System.setIn(original);
    }
  }

  @Test
  void schemaPrintsAndWrites() throws Exception {
    Cli.Result message = Cli.run("schema");
    assertThat(message.exit()).isZero();
    assertThat(Json.parse(message.out().getBytes("UTF-8")).has("$schema")).isTrue();
    Cli.Result directory = Cli.run("schema", "directory");
    assertThat(directory.exit()).isZero();
    assertThat(directory.out()).contains("centres");
    assertThat(Cli.run("schema", "all").exit()).isEqualTo(2);
    assertThat(Cli.run("schema", "nonsense").exit()).isEqualTo(2);

    Cli.Result all = Cli.run("schema", "--json", "--out", temp.resolve("schemas"), "all");
    assertThat(all.exit()).as(all.toString()).isZero();
    assertThat(all.json().get("files")).hasSizeGreaterThanOrEqualTo(2);
    assertThat(temp.resolve("schemas/message.schema.json")).exists();
    assertThat(temp.resolve("schemas/directory.schema.json")).exists();
  }

  @Test
  void namesShowFormsAndMatch() {
    Cli.Result match = Cli.run("names", "--match", "Петровић", "PETROVIC");
    assertThat(match.exit()).as(match.toString()).isZero();
    Cli.Result noMatch = Cli.run("names", "--match", "--json", "Петровић", "Papadopoulos");
    assertThat(noMatch.exit()).isEqualTo(1);
    assertThat(noMatch.json().get("match").asBoolean()).isFalse();
    assertThat(Cli.run("names", "--match", "A").exit()).isEqualTo(2);
    assertThat(Cli.run("names", "--lang", "xx", "A").exit()).isEqualTo(2);

    Cli.Result forms = Cli.run("names", "--json", "--lang", "sr", "Љубиша Петровић");
    assertThat(forms.exit()).isZero();
    JsonNode n = forms.json().get("names").get(0);
    assertThat(n.get("script").asText()).isEqualTo("CYRILLIC");
    assertThat(n.get("nationalLatin").asText()).isEqualTo("Ljubiša Petrović");
    assertThat(n.get("icao").asText()).isEqualTo("LJUBISA PETROVIC");
    assertThat(n.get("mrz").asText()).isEqualTo("LJUBISA<PETROVIC");
    assertThat(n.get("matchKeys").isArray()).isTrue();
    assertThat(n.has("primaryKey")).isTrue();
    Cli.Result greek = Cli.run("names", "Παπαδόπουλος");
    assertThat(greek.exit()).isZero();
    assertThat(greek.out()).contains("Papadopoulos");
  }

  @Test
  void theConformanceCommandIsRegisteredOnlyIfPresent() {
    boolean present;
    try {
      Class.forName(Pccc.CONFORMANCE_COMMAND);
      present = true;
    } catch (ClassNotFoundException e) {
      present = false;
    }
    // help + the eleven commands of this package, + the conformance command when it is built
    assertThat(Pccc.commandLine().getSubcommands()).hasSize(present ? 13 : 12);
  }
}
