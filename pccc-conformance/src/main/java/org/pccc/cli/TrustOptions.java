package org.pccc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.pccc.crypto.DirectorySerialFile;
import org.pccc.crypto.DirectoryVerifier;
import org.pccc.crypto.EnvelopeRejectedException;
import org.pccc.crypto.TrustedDirectory;
import org.pccc.crypto.jose.AlgorithmPolicy;
import org.pccc.crypto.pki.Pem;
import picocli.CommandLine.Option;

/**
 * The signed network directory, the pinned coordinator certificate that verifies it, and the
 * freshness rules: the expected network ({@code --network}), the highest serial accepted so far
 * ({@code --directory-state FILE}, kept across runs, or {@code --min-serial N}), and the age limit
 * of a directory that names no expiry ({@code --directory-max-age}). Without a state file or a
 * minimum serial the serial is not checked against anything, and the tool says so on stderr.
 */
final class TrustOptions {
  @Option(names = "--directory", required = true, paramLabel = "FILE",
      description = "The network directory as the coordinator signed it (JWS compact serialization).")
  Path directory;

  @Option(names = "--coordinator", required = true, paramLabel = "CERT.pem",
      description = "The pinned certificate(s) of the network coordinator (PEM).")
  Path coordinator;

  @Option(names = "--network", paramLabel = "ID",
      description = "The network this centre belongs to; another network's directory is refused.")
  String network;

  @Option(names = "--directory-state", paramLabel = "FILE",
      description = "Where the highest accepted directory serial is kept; a lower serial is refused (rollback).")
  Path state;

  @Option(names = "--min-serial", paramLabel = "N", description = "Refuse a directory with a lower serial.")
  Long minSerial;

  @Option(names = "--directory-max-age", paramLabel = "DURATION",
      description = "Oldest directory accepted when it names no expiresAt, ISO-8601 (default P400D).")
  Duration maxAge;

  /** Verifies the directory; any failure is a configuration error (exit 2). */
  TrustedDirectory load(Clock clock, PrintWriter err) {
    List<X509Certificate> certificates = coordinatorCertificates(coordinator);
    byte[] signed = Inputs.read(directory, "directory");
    DirectoryVerifier verifier = verifier(certificates, clock, network, maxAge);
    try {
      if (state != null) {
        return verifier.verify(signed, DirectorySerialFile.at(state));
      }
      if (minSerial == null) {
        err.println("pccc: warning: the directory's serial is not checked against the highest accepted one;"
            + " pass --directory-state FILE (or --min-serial N) to refuse a rollback");
        err.flush();
      }
      return verifier.verify(signed, minSerial == null ? 0 : minSerial);
    } catch (EnvelopeRejectedException e) {
      throw new CliException(ExitCodes.CONFIGURATION, e.code(),
          "the directory " + directory + " does not verify: " + CommandBase.detail(e), e);
    }
  }

  /** The verifier with the freshness rules given on the command line. */
  static DirectoryVerifier verifier(List<X509Certificate> certificates, Clock clock, String network, Duration maxAge) {
    DirectoryVerifier.Builder b = DirectoryVerifier.builder(certificates).clock(clock);
    if (network != null) {
      b.expectedNetworkId(network);
    }
    if (maxAge != null) {
      if (maxAge.isNegative() || maxAge.isZero()) {
        throw CliException.config("--directory-max-age must be positive");
      }
      b.maxAge(maxAge);
    }
    return b.build();
  }

  static List<X509Certificate> coordinatorCertificates(Path file) {
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw CliException.config("coordinator certificate not found: " + file);
    }
    return Pem.readCertificates(file);
  }
}
