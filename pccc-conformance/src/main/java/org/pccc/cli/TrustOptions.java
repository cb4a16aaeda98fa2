package org.pccc.cli;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.pccc.crypto.DirectoryVerifier;
import org.pccc.crypto.EnvelopeRejectedException;
import org.pccc.crypto.TrustedDirectory;
import org.pccc.crypto.jose.AlgorithmPolicy;
import org.pccc.crypto.pki.Pem;
import picocli.CommandLine.Option;

/** The signed network directory and the pinned coordinator certificate that verifies it. */
final class TrustOptions {
  @Option(names = "--directory", required = true, paramLabel = "FILE",
      description = "The network directory as the coordinator signed it (JWS compact serialization).")
  Path directory;

  @Option(names = "--coordinator", required = true, paramLabel = "CERT.pem",
      description = "The pinned certificate(s) of the network coordinator (PEM).")
  Path coordinator;

  /** Verifies the directory; any failure is a configuration error (exit 2). */
  TrustedDirectory load(Clock clock) {
    List<X509Certificate> certificates = coordinatorCertificates(coordinator);
    byte[] signed = Inputs.read(directory, "directory");
    try {
      return new DirectoryVerifier(certificates, AlgorithmPolicy.defaults(), clock).verify(signed, 0);
    } catch (EnvelopeRejectedException e) {
      throw new CliException(ExitCodes.CONFIGURATION, e.code(),
          "the directory " + directory + " does not verify: " + CommandBase.detail(e), e);
    }
  }

  static List<X509Certificate> coordinatorCertificates(Path file) {
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw CliException.config("coordinator certificate not found: " + file);
    }
    return Pem.readCertificates(file);
  }
}
