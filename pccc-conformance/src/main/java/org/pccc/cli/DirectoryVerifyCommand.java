package org.pccc.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.pccc.crypto.DirectorySerialFile;
import org.pccc.crypto.DirectoryVerifier;
import org.pccc.crypto.EnvelopeRejectedException;
import org.pccc.crypto.TrustedDirectory;
import org.pccc.model.directory.CentreEntry;
import org.pccc.model.directory.NetworkDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pccc directory verify --coordinator CERT.pem (--state FILE | --min-serial N) [--network ID]
 * [--max-age DURATION] [--json] FILE}: verifies a signed directory and lists its centres. The
 * serial must not be lower than the one kept in {@code --state} (which is then raised to it) or
 * than {@code --min-serial}; one of the two is required, so a rollback is never accepted silently.
 *
 * <p>JSON: {@code {"ok":true,"networkId","serial","issuedAt","expiresAt"?,"centres":[{"centreId","name",
 * "endpoints":[...]}]}} or {@code {"ok":false,"code","error"}} (exit 1).
 */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = Pccc.Version.class,
    description = {"Verifies a signed network directory against the pinned coordinator certificate and lists the centres.",
        "Refuses another network's directory (--network), an expired one, and a serial below the one kept in",
        "--state FILE (raised on success) or below --min-serial N; one of the two is required.",
        "--json prints {\"ok\":true,\"networkId\",\"serial\",\"issuedAt\",\"centres\":[{\"centreId\",\"name\",\"endpoints\"}]}.",
        "Exit codes: 0 valid, 1 signature or content refused, 2 usage problem."})
final class DirectoryVerifyCommand extends CommandBase {
  @Option(names = "--coordinator", required = true, paramLabel = "CERT.pem", description = "The pinned coordinator certificate(s).")
  Path coordinator;

  @Option(names = "--state", paramLabel = "FILE",
      description = "Where the highest accepted serial is kept; a lower serial is refused, a higher one recorded.")
  Path state;

  @Option(names = "--min-serial", paramLabel = "N", description = "Refuse a directory with a lower serial.")
  Long minSerial;

  @Option(names = "--network", paramLabel = "ID", description = "The expected network id.")
  String network;

  @Option(names = "--max-age", paramLabel = "DURATION",
      description = "Oldest directory accepted when it names no expiresAt, ISO-8601 (default P400D).")
  java.time.Duration maxAge;

  @Option(names = "--json", description = "Print one JSON object on stdout.")
  boolean json;

  @Parameters(index = "0", paramLabel = "FILE", description = "The signed directory (JWS).")
  String file;

  @Override
  protected int run() {
    var certificates = TrustOptions.coordinatorCertificates(coordinator);
    byte[] bytes = Inputs.read(file, "directory file");
    if (state == null && minSerial == null) {
      throw CliException.config("give --state FILE (the highest serial accepted so far) or --min-serial N;"
          + " without either an old directory could be rolled back to");
    }
    DirectoryVerifier verifier = TrustOptions.verifier(certificates, java.time.Clock.systemUTC(), network, maxAge);
    TrustedDirectory trusted;
    try {
      trusted = state != null ? verifier.verify(bytes, DirectorySerialFile.at(state)) : verifier.verify(bytes, minSerial);
    } catch (EnvelopeRejectedException e) {
      return fail(ExitCodes.REJECTED, e.code(), detail(e));
    }
    NetworkDirectory d = trusted.directory();
    if (json) {
      ObjectNode o = Json.object().put("ok", true).put("networkId", d.networkId()).put("serial", d.serial())
          .put("issuedAt", d.issuedAt().toString());
      d.expiry().ifPresent(e -> o.put("expiresAt", e.toString()));
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
