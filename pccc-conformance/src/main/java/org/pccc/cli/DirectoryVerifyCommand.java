package org.pccc.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.pccc.crypto.DirectoryVerifier;
import org.pccc.crypto.EnvelopeRejectedException;
import org.pccc.crypto.TrustedDirectory;
import org.pccc.model.directory.CentreEntry;
import org.pccc.model.directory.NetworkDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pccc directory verify --coordinator CERT.pem [--json] FILE}: verifies a signed directory
 * and lists its centres.
 *
 * <p>JSON: {@code {"ok":true,"networkId","serial","issuedAt","centres":[{"centreId","name",
 * "endpoints":[...]}]}} or {@code {"ok":false,"code","error"}} (exit 1).
 */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = Pccc.Version.class,
    description = {"Verifies a signed network directory against the pinned coordinator certificate and lists the centres.",
        "--json prints {\"ok\":true,\"networkId\",\"serial\",\"issuedAt\",\"centres\":[{\"centreId\",\"name\",\"endpoints\"}]}.",
        "Exit codes: 0 valid, 1 signature or content refused, 2 usage problem."})
final class DirectoryVerifyCommand extends CommandBase {
  @Option(names = "--coordinator", required = true, paramLabel = "CERT.pem", description = "The pinned coordinator certificate(s).")
  Path coordinator;

  @Option(names = "--json", description = "Print one JSON object on stdout.")
  boolean json;

  @Parameters(index = "0", paramLabel = "FILE", description = "The signed directory (JWS).")
  String file;

  @Override
  protected int run() {
    var certificates = TrustOptions.coordinatorCertificates(coordinator);
    byte[] bytes = Inputs.read(file, "directory file");
    TrustedDirectory trusted;
    try {
      trusted = new DirectoryVerifier(certificates).verify(bytes, 0);
    } catch (EnvelopeRejectedException e) {
      return fail(ExitCodes.REJECTED, e.code(), detail(e));
    }
    NetworkDirectory d = trusted.directory();
    if (json) {
      ObjectNode o = Json.object().put("ok", true).put("networkId", d.networkId()).put("serial", d.serial())
          .put("issuedAt", d.issuedAt().toString());
      ArrayNode array = o.putArray("centres");
      for (CentreEntry c : d.centres()) {
        ObjectNode e = array.addObject().put("centreId", c.centreId()).put("name", c.name());
        c.endpoints().forEach(e.putArray("endpoints")::add);
      }
      out().println(Json.write(o));
    } else {
      out().println("valid directory " + d.networkId() + " serial " + d.serial() + " issued " + d.issuedAt());
      for (CentreEntry c : d.centres()) {
        out().println("  " + c.centreId() + "  " + c.name() + "  " + c.endpoints());
      }
    }
    out().flush();
    return ExitCodes.OK;
  }
}
