package org.pccc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pccc.model.json.PcccJson;

/** The vector folder opens with the open command exactly as its expected.json files say. */
class VectorsTest {
  @TempDir Path temp;

  @Test
  void everyVectorOpensAsExpected() throws Exception {
    Path out = temp.resolve("vectors");
    Cli.Result r = Cli.run("vectors", "--json", "--out", out);
    assertThat(r.exit()).as(r.toString()).isZero();
    JsonNode summary = r.json();
    assertThat(summary.get("notForProduction").asBoolean()).isTrue();
    assertThat(out.resolve("keys/MK-GR-BOGORODICA/signing-key.pem")).exists();
    assertThat(out.resolve("directory/coordinator-cert.pem")).exists();
    assertThat(out.resolve("envelopes/invalid/alg-none.expected.json")).exists();

    JsonNode index = Json.parse(Files.readAllBytes(out.resolve("index.json")));
    List<String> failures = new ArrayList<>();
    int valid = 0;
    int invalid = 0;
    List<String> codes = new ArrayList<>();
    for (JsonNode v : index.get("vectors")) {
      Path file = out.resolve(v.get("name").asText());
      JsonNode expected = Json.parse(Files.readAllBytes(VectorWriter.expectedFile(out, v.get("name").asText())));
      String recipient = expected.get("recipient").asText();
      Cli.Result opened = Cli.run("open", "--json", "--keys", out.resolve("keys").resolve(recipient),
          "--directory", out.resolve("directory/directory.jws"), "--coordinator", out.resolve("directory/coordinator-cert.pem"),
          "--at", expected.get("openAt").asText(), file);
      JsonNode json = opened.json();
      if ("ok".equals(expected.get("result").asText())) {
        valid++;
        if (opened.exit() != 0 || !json.get("ok").asBoolean()
            || !json.get("messageId").asText().equals(expected.get("messageId").asText())
            || !json.get("sha256").asText().equals(expected.get("sha256").asText())) {
          failures.add(v.get("name").asText() + ": " + opened);
        }
        byte[] published = Files.readAllBytes(out.resolve("messages/valid").resolve(expected.get("message").asText()));
        JsonNode canonical = Json.parse(PcccJson.create().write(PcccJson.create().readValid(published)));
        if (!canonical.equals(json.get("message"))) {
          failures.add(v.get("name").asText() + ": message differs from " + expected.get("message").asText());
        }
      } else {
        invalid++;
        codes.add(expected.get("code").asText());
        if (opened.exit() != 1 || json.get("ok").asBoolean()
            || !json.get("code").asText().equals(expected.get("code").asText())) {
          failures.add(v.get("name").asText() + ": " + opened);
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(valid).isGreaterThanOrEqualTo(3);
    assertThat(invalid).isGreaterThanOrEqualTo(8);
    assertThat(codes).contains("PCCC-2003", "PCCC-2005", "PCCC-2006", "PCCC-2008", "PCCC-2013");
    assertThat(summary.get("vectors")).hasSize(valid + invalid);

    List<Object> args = new ArrayList<>(List.of("validate"));
    try (var s = Files.list(out.resolve("messages/valid"))) {
      s.forEach(args::add);
    }
    assertThat(Cli.run(args.toArray()).exit()).isZero();
  }

  @Test
  void theSameSeedGivesTheSameNetwork() throws Exception {
    VectorWriter.write(temp.resolve("a"));
    VectorWriter.write(temp.resolve("b"));
    assertThat(Files.readString(temp.resolve("a/directory/directory.jws"))).isEqualTo(Files.readString(temp.resolve("b/directory/directory.jws")));
    assertThat(Files.readString(temp.resolve("a/keys/MK-GR-BOGORODICA/signing-key.pem")))
        .isEqualTo(Files.readString(temp.resolve("b/keys/MK-GR-BOGORODICA/signing-key.pem")));
  }
}
