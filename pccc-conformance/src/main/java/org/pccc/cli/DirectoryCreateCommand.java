package org.pccc.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.pccc.crypto.InsecureDevelopmentNetwork;
import org.pccc.crypto.pki.CertificateNames;
import org.pccc.crypto.pki.InsecureDevelopmentPki;
import org.pccc.model.directory.CentreEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pccc directory create --network ID --out DIR [--centres CC:ID,...] [--seed N]
 * [--endpoint-base URI] [--endpoint ID=URI]... [--json]}: makes an insecure development network (NOT FOR PRODUCTION) and
 * writes it as {@link NetworkWriter} describes.
 *
 * <p>JSON: {@code {"ok":true,"notForProduction":true,"network","out","directory","coordinator",
 * "centres":[{"centreId","keys","endpoints":[...]}]}}.
 */
@Command(name = "create", mixinStandardHelpOptions = true, versionProvider = Pccc.Version.class,
    description = {"NOT FOR PRODUCTION. Creates a development network: a CA per country, keys per centre,",
        "a coordinator, and the signed directory. Writes into DIR: NOT-FOR-PRODUCTION.txt,",
        "directory/directory.jws (use with --directory), directory/coordinator-cert.pem (pin with --coordinator),",
        "directory/directory.json, directory/coordinator-key.pem, keys/ID/ (key folders for --keys).",
        KeyFolder.LAYOUT_HELP,
        "--json prints {\"ok\":true,\"notForProduction\":true,\"network\",\"out\",\"directory\",\"coordinator\",",
        "\"centres\":[{\"centreId\",\"keys\",\"endpoints\"}]}."})
final class DirectoryCreateCommand extends CommandBase {
  /** The centres of a network when none are named. */
  static final String DEFAULT_CENTRES = "RS:MK-RS-TABANOVCE,MK:MK-RS-TABANOVCE-MK,RS:RS-BA-SREMSKA-RACA";

  @Option(names = "--network", required = true, paramLabel = "ID", description = "The network id.")
  String network;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write.")
  Path out;

  @Option(names = "--centres", split = ",", paramLabel = "CC:ID",
      description = "Centres as country:centre-id, comma separated (default: " + DEFAULT_CENTRES + ").")
  List<String> centres;

  @Option(names = "--seed", paramLabel = "N",
      description = "Generate the keys reproducibly from this seed (insecure by design; also fixes issuedAt and expiresAt).")
  Long seed;

  @Option(names = "--endpoint-base", paramLabel = "URI",
      description = "Endpoints are URI/ID (default: file: drop folders DIR/drop/ID).")
  String endpointBase;

  @Option(names = "--endpoint", paramLabel = "ID=URI",
      description = "The endpoint of one centre, overriding --endpoint-base (repeatable), e.g. MK-A=https://127.0.0.1:8443/pccc.")
  java.util.Map<String, String> endpoints = new java.util.LinkedHashMap<>();

  @Option(names = "--json", description = "Print one JSON object on stdout.")
  boolean json;

  @Override
  protected int run() {
    List<String> specs = centres == null ? List.of(DEFAULT_CENTRES.split(",")) : centres;
    String base = endpointBase != null ? endpointBase : out.toAbsolutePath().resolve("drop").toUri().toString();
    if (!base.endsWith("/")) {
      base = base + "/";
    }
    InsecureDevelopmentNetwork.Builder builder = InsecureDevelopmentNetwork.builder(network);
    List<String> ids = new ArrayList<>();
    for (String spec : specs) {
      int colon = spec.indexOf(':');
      if (colon != 2) {
        throw CliException.config("a centre is CC:ID, for example MK:MK-RS-TABANOVCE");
      }
      String country = spec.substring(0, colon);
      String id = spec.substring(colon + 1);
      if (!country.matches("[A-Z]{2}") || !CertificateNames.isValidCentreId(id)) {
        throw CliException.config("not a valid CC:ID centre: " + spec);
      }
      if (ids.contains(id)) {
        throw CliException.config("centre named twice: " + id);
      }
      ids.add(id);
      builder.centre(id, country, "PCCC " + id, List.of(endpoints.getOrDefault(id, base + id)), null);
    }
    if (seed != null) {
      // Fixed dates, like the seeded keys: the directory stays valid as long as they do (not the
      // 400-day default age, which would end a reproducible test network on a day of the calendar).
      builder.insecureSeed(seed).issuedAt(Instant.parse("2026-01-01T00:00:00Z"))
          .expiresAt(InsecureDevelopmentPki.SEEDED_DEFAULT_VALIDITY.notAfter());
    }
    for (String named : endpoints.keySet()) {
      if (!ids.contains(named)) {
        throw CliException.config("--endpoint names a centre that is not in --centres: " + named);
      }
    }
    InsecureDevelopmentNetwork net = builder.build();
    NetworkWriter.write(net, out);
    err().println("WARNING: " + NetworkWriter.WARNING);
    if (json) {
      ObjectNode o = Json.object().put("ok", true).put("notForProduction", true)
          .put("network", network).put("out", out.toString())
          .put("directory", out.resolve(NetworkWriter.DIRECTORY_JWS).toString())
          .put("coordinator", out.resolve(NetworkWriter.COORDINATOR_CERT).toString());
      ArrayNode array = o.putArray("centres");
      for (CentreEntry c : net.directory().directory().centres()) {
        ObjectNode e = array.addObject().put("centreId", c.centreId())
            .put("keys", NetworkWriter.keyFolder(out, c.centreId()).toString());
        c.endpoints().forEach(e.putArray("endpoints")::add);
      }
      out().println(Json.write(o));
    } else {
      out().println("*** NOT FOR PRODUCTION: insecure development network " + network + " ***");
      out().println("directory:   " + out.resolve(NetworkWriter.DIRECTORY_JWS));
      out().println("coordinator: " + out.resolve(NetworkWriter.COORDINATOR_CERT));
      for (CentreEntry c : net.directory().directory().centres()) {
        out().println("centre " + c.centreId() + ": keys " + NetworkWriter.keyFolder(out, c.centreId())
            + ", endpoints " + c.endpoints());
      }
    }
    out().flush();
    return ExitCodes.OK;
  }
}
