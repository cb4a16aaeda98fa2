package org.pccc.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.pccc.model.schema.JsonSchemas;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pccc schema [--out DIR] [--json] [message|directory|all]}: prints a JSON Schema on stdout
 * or writes schemas into a folder.
 *
 * <p>JSON (with {@code --out}): {@code {"out":DIR,"files":[paths]}}. Without {@code --out} the
 * schema itself is the JSON printed.
 */
@Command(name = "schema", mixinStandardHelpOptions = true, versionProvider = Pccc.Version.class,
    description = {"Exports the JSON Schemas (2020-12) of PCCC documents.",
        "Without --out prints the message or directory schema on stdout ('all' needs --out).",
        "With --out writes message.schema.json and/or directory.schema.json into DIR;",
        "--json then prints {\"out\":DIR,\"files\":[...]}."})
final class SchemaCommand extends CommandBase {
  enum Which { message, directory, all }

  @Option(names = "--out", paramLabel = "DIR", description = "Write the schema files into this folder.")
  Path out;

  @Option(names = "--json", description = "With --out, print {\"out\",\"files\"}.")
  boolean json;

  @Parameters(arity = "0..1", paramLabel = "message|directory|all", defaultValue = "message",
      description = "Which schema (default: ${DEFAULT-VALUE}).")
  Which which;

  @Override
  protected int run() throws Exception {
    if (out == null) {
      if (which == Which.all) {
        throw CliException.config("'all' writes several files: give --out DIR");
      }
      out().println(which == Which.message ? JsonSchemas.messageSchema() : JsonSchemas.directorySchema());
      out().flush();
      return ExitCodes.OK;
    }
    List<String> files = new ArrayList<>();
    if (which == Which.all) {
      JsonSchemas.writeTo(out);
      try (Stream<Path> s = Files.list(out)) {
        s.filter(p -> p.getFileName().toString().endsWith(".schema.json")).sorted()
            .forEach(p -> files.add(p.toString()));
      }
    } else {
      Path file = out.resolve(which == Which.message ? JsonSchemas.MESSAGE : JsonSchemas.DIRECTORY);
      String schema = which == Which.message ? JsonSchemas.messageSchema() : JsonSchemas.directorySchema();
      Inputs.write(file, KeyFolder.utf8(schema));
      files.add(file.toString());
    }
    if (json) {
      var o = Json.object().put("out", out.toString());
      files.forEach(o.putArray("files")::add);
      out().println(Json.write(o));
    } else {
      files.forEach(f -> out().println("wrote " + f));
    }
    out().flush();
    return ExitCodes.OK;
  }
}
