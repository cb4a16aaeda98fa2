package org.pccc.cli;

import java.nio.file.Path;
import org.pccc.crypto.DirectoryPublisher;
import org.pccc.crypto.pki.Pem;
import org.pccc.crypto.pki.SigningKeyPair;
import org.pccc.model.directory.NetworkDirectory;
import org.pccc.model.json.PcccJson;
import org.pccc.model.validation.ValidationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pccc directory sign --key PEM --cert PEM --out FILE [--json] DIRECTORY.json}: signs a
 * directory as the network coordinator.
 *
 * <p>JSON: {@code {"ok":true,"networkId","serial","centres":N,"out"}}; an invalid directory exits 1
 * with {@code {"ok":false,"code","error"}}.
 */
@Command(name = "sign", mixinStandardHelpOptions = true, versionProvider = Pccc.Version.class,
    description = {"Signs a network directory (JSON) with the coordinator's key, as a JWS.",
        "--json prints {\"ok\":true,\"networkId\",\"serial\",\"centres\",\"out\"}.",
        "Exit codes: 0 signed, 1 the directory is invalid, 2 usage/key problem."})
final class DirectorySignCommand extends CommandBase {
  @Option(names = "--key", required = true, paramLabel = "PEM",
      description = "The coordinator's private key (PKCS#8 PEM, encrypted or not).")
  Path key;

  @Mixin KeyPasswordOptions keyPassword;

  @Option(names = "--cert", required = true, paramLabel = "PEM", description = "The coordinator's certificate (chain may follow).")
  Path cert;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the signed directory.")
  Path outFile;

  @Option(names = "--json", description = "Print one JSON object on stdout.")
  boolean json;

  @Parameters(index = "0", paramLabel = "DIRECTORY.json", description = "The directory to sign.")
  String directory;

  @Override
  protected int run() {
    if (!java.nio.file.Files.isRegularFile(key) || !java.nio.file.Files.isRegularFile(cert)) {
      throw CliException.config("key or certificate file not found: " + key + ", " + cert);
    }
    SigningKeyPair coordinator = SigningKeyPair.of(Pem.readPrivateKey(key, keyPassword.password().chars()),
        Pem.readCertificates(cert));
    byte[] bytes = Inputs.read(directory, "directory file");
    NetworkDirectory dir;
    try {
      dir = PcccJson.create().readDirectory(bytes);
    } catch (ValidationException e) {
      return fail(ExitCodes.REJECTED, e.code(), "the directory is not valid: " + e.report().codes());
    }
    Inputs.write(outFile, DirectoryPublisher.sign(dir, coordinator));
    if (json) {
      out().println(Json.write(Json.object().put("ok", true).put("networkId", dir.networkId())
          .put("serial", dir.serial()).put("centres", dir.centres().size()).put("out", outFile.toString())));
    } else {
      out().println("signed directory " + dir.networkId() + " serial " + dir.serial() + " ("
          + dir.centres().size() + " centres) -> " + outFile);
    }
    out().flush();
    return ExitCodes.OK;
  }
}
