package org.pccc.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.pccc.model.json.PcccJson;
import org.pccc.model.json.ReadResult;
import org.pccc.model.validation.ValidationIssue;
import org.pccc.model.validation.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pccc validate [--json] FILE...}: reads and validates messages.
 *
 * <p>JSON: {@code {"results":[{"file","valid":bool,"issues":[{"code","severity","pointer",
 * "message"}]}],"valid":bool,"codes":[every code reported, sorted]}}. Exit 1 if any message is invalid, 2 if a file cannot be read.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = Pccc.Version.class,
    description = {"Validates PCCC messages (JSON files, or - for stdin).",
        "Prints valid/invalid per file and each issue (code, severity, JSON Pointer, message).",
        "--json prints {\"results\":[{\"file\",\"valid\",\"issues\":[{\"code\",\"severity\",\"pointer\",\"message\"}]}],\"valid\",\"codes\"}",
        "(codes: every code reported, sorted).",
        "Exit codes: 0 all valid, 1 some invalid, 2 a file cannot be read."})
final class ValidateCommand extends CommandBase {
  @Option(names = "--json", description = "Print one JSON object on stdout.")
  boolean json;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Message files; - reads stdin.")
  List<String> files;

  @Override
  protected int run() {
    PcccJson reader = PcccJson.create();
    ObjectNode result = Json.object();
    ArrayNode results = result.putArray("results");
    boolean allValid = true;
    // Read every file first, so that an unreadable one fails the command before any output.
    List<ReadResult> reads = files.stream().map(f -> Messages.read(reader, f)).toList();
    for (int i = 0; i < files.size(); i++) {
      ReadResult read = reads.get(i);
      ValidationReport report = read.report();
      boolean valid = read instanceof ReadResult.Accepted;
      allValid &= valid;
      ObjectNode r = results.addObject();
      r.put("file", files.get(i));
      r.put("valid", valid);
      r.set("issues", Json.issues(report));
      if (!json) {
        out().println(files.get(i) + ": " + (valid ? "valid" : "INVALID"));
        for (ValidationIssue issue : report.issues()) {
          out().println("  " + issue.code().code() + " " + issue.severity() + " "
              + (issue.pointer().isEmpty() ? "(root)" : issue.pointer()) + " " + issue.message());
        }
      }
    }
    result.put("valid", allValid);
    // Every code reported, sorted: what the conformance suite compares with a vector's codes.
    java.util.TreeSet<String> codes = new java.util.TreeSet<>();
    results.forEach(r -> r.get("issues").forEach(i -> codes.add(i.get("code").asText())));
    codes.forEach(result.putArray("codes")::add);
    if (json) {
      out().println(Json.write(result));
    }
    out().flush();
    return allValid ? ExitCodes.OK : ExitCodes.REJECTED;
  }
}
