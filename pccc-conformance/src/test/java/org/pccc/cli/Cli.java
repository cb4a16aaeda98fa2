package org.pccc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.pccc.model.Examples;
import org.pccc.model.Header;
import org.pccc.model.Message;
import org.pccc.model.json.PcccJson;
import picocli.CommandLine;

/** Runs the tool in-process with captured output. */
final class Cli {
  private Cli() {}

  /** What a run printed and returned. */
  record Result(int exit, String out, String err) {
    JsonNode json() {
      String trimmed = out.trim();
      if (trimmed.contains("\n")) {
        throw new AssertionError("more than one line on stdout: " + out);
      }
      return Json.parse(trimmed.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
      return "exit " + exit + "\nstdout: " + out + "\nstderr: " + err;
    }
  }

  static Result run(Object... args) {
    CommandLine cl = Pccc.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    String[] strings = new String[args.length];
    for (int i = 0; i < args.length; i++) {
      strings[i] = String.valueOf(args[i]);
    }
    int exit = cl.execute(strings);
    return new Result(exit, out.toString(), err.toString());
  }

  /** An example message made current: new id, created a second ago, every other instant moved alike. */
  static Path freshMessage(Path folder, String example) throws Exception {
    PcccJson json = PcccJson.create();
    Message m = json.readValid(Examples.readAt(example, Instant.now().minusSeconds(1)));
    Header fresh = m.header().toBuilder().messageId(UUID.randomUUID()).build();
    Path file = folder.resolve(UUID.randomUUID() + ".json");
    Files.write(file, json.write(Message.of(fresh, m.body())));
    return file;
  }
}
