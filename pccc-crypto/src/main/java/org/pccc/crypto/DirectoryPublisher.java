package org.pccc.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.pccc.crypto.jose.JcaProviders;
import org.pccc.crypto.jose.Jws;
import org.pccc.crypto.jose.JwsHeader;
import org.pccc.crypto.pki.SigningKeyPair;
import org.pccc.model.directory.NetworkDirectory;
import org.pccc.model.json.PcccJson;
import org.pccc.model.validation.ValidationException;
import org.pccc.model.validation.ValidationReport;

/**
 * Signs a network directory as the network coordinator: a JWS (compact serialization) over the
 * directory's canonical JSON, typed {@code pccc-directory}. Stateless and thread-safe.
 */
public final class DirectoryPublisher {
  private DirectoryPublisher() {}

  /**
   * Validates and signs a directory.
   *
   * @param directory the directory
   * @param coordinator the coordinator's signing key and certificate
   * @return the JWS compact serialization, ASCII bytes
   * @throws ValidationException if the directory is not valid
   */
  public static byte[] sign(NetworkDirectory directory, SigningKeyPair coordinator) {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(coordinator, "coordinator");
    PcccJson json = PcccJson.create();
    ValidationReport report = json.validator().validateDirectory(directory);
    if (!report.isValid()) {
      throw new ValidationException(report);
    }
    String x5t = coordinator.x5tS256();
    JwsHeader header = JwsHeader.builder().keyId(x5t).x5tS256(x5t).type(EnvelopeTypes.DIRECTORY).build();
    return Jws.sign(json.writeDocument(directory), header, coordinator.privateKey(), JcaProviders.defaults())
        .getBytes(StandardCharsets.US_ASCII);
  }
}
