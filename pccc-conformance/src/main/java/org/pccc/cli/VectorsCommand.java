package org.pccc.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pccc vectors --out DIR [--json]}: regenerates the test-vector folder ({@link
 * VectorWriter} describes the layout).
 *
 * <p>JSON: {@code {"ok":true,"notForProduction":true,"out","vectors":[{"name","recipient","result",
 * "code"?,"openAt"}]}}.
 */
@Command(name = "vectors", mixinStandardHelpOptions = true, versionProvider = Pccc.Version.class,
    description = {"Regenerates the test vectors (NOT FOR PRODUCTION keys): a 3-centre development network,",
        "keys/ID/, directory/, messages/valid/ (examples), envelopes/valid|invalid/NAME.json with NAME.expected.json, index.json.",
        "Open one with: pccc open --keys DIR/keys/RECIPIENT --directory DIR/directory/directory.jws",
        "  --coordinator DIR/directory/coordinator-cert.pem --at OPENAT DIR/envelopes/invalid/NAME.json",
        "--json prints {\"ok\":true,\"notForProduction\":true,\"out\",\"vectors\":[{\"name\",\"recipient\",\"result\",\"code\",\"openAt\"}]}."})
final class VectorsCommand extends CommandBase {
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to (re)write.")
  Path outDir;

  @Option(names = "--json", description = "Print one JSON object on stdout.")
  boolean json;

  @Override
  protected int run() {
    List<VectorWriter.Vector> vectors = VectorWriter.write(outDir);
    err().println("WARNING: " + NetworkWriter.WARNING);
    if (json) {
      ObjectNode o = Json.object().put("ok", true).put("notForProduction", true).put("out", outDir.toString());
      ArrayNode array = o.putArray("vectors");
      for (VectorWriter.Vector v : vectors) {
        ObjectNode e = array.addObject().put("name", v.name()).put("recipient", v.recipient())
            .put("result", v.accepted() ? "accepted" : "rejected").put("openAt", v.openAt().toString());
        if (v.code() != null) {
          e.put("code", v.code());
        }
      }
      out().println(Json.write(o));
    } else {
      out().println("*** NOT FOR PRODUCTION keys *** wrote " + vectors.size() + " vectors to " + outDir);
      for (VectorWriter.Vector v : vectors) {
        out().println("  " + v.name() + " -> " + (v.accepted() ? "accepted" : "rejected " + v.code())
            + " by " + v.recipient() + " at " + v.openAt());
      }
    }
    out().flush();
    return ExitCodes.OK;
  }
}
