package org.pccc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    JsonNode index = Json.parse(Files.readAllBytes(out.resolve("index.json")));
    List<String> failures = new ArrayList<>();
    int valid = 0;
    int invalid = 0;
    List<String> codes = new ArrayList<>();
    for (JsonNode v : index.get("vectors")) {
      Path folder = out.resolve(v.get("name").asText());
      JsonNode expected = Json.parse(Files.readAllBytes(folder.resolve("expected.json")));
      String recipient = expected.get("recipient").asText();
      Cli.Result opened = Cli.run("open", "--json", "--keys", out.resolve("centres").resolve(recipient),
          "--directory", out.resolve("directory.jws"), "--coordinator", out.resolve("coordinator/cert.pem"),
          "--at", expected.get("openAt").asText(), folder.resolve("envelope.json"));
      JsonNode json = opened.json();
      if ("accepted".equals(expected.get("result").asText())) {
        valid++;
        if (opened.exit() != 0 || !json.get("ok").asBoolean()
            || !json.get("messageId").asText().equals(expected.get("messageId").asText())
            || !json.get("sha256").asText().equals(expected.get("sha256").asText())) {
          failures.add(v.get("name").asText() + ": " + opened);
        }
        JsonNode message = Json.parse(Files.readAllBytes(out.resolve(expected.get("message").asText())));
        if (!message.equals(json.get("message"))) {
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
    try (var s = Files.list(out.resolve("messages"))) {
      s.forEach(args::add);
    }
    assertThat(Cli.run(args.toArray()).exit()).isZero();
  }

  @Test
  void theSameSeedGivesTheSameNetwork() throws Exception {
    VectorWriter.write(temp.resolve("a"));
    VectorWriter.write(temp.resolve("b"));
    assertThat(Files.readString(temp.resolve("a/directory.jws"))).isEqualTo(Files.readString(temp.resolve("b/directory.jws")));
    assertThat(Files.readString(temp.resolve("a/centres/MK-GR-BOGORODICA/signing-key.pem")))
        .isEqualTo(Files.readString(temp.resolve("b/centres/MK-GR-BOGORODICA/signing-key.pem")));
  }
}
