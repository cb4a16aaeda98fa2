package org.pccc.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pccc.crypto.InsecureDevelopmentNetwork;
import org.pccc.crypto.pki.Pem;
import org.pccc.crypto.pki.SigningKeyPair;
import org.pccc.model.directory.CentreEntry;
import org.pccc.model.json.PcccJson;

/**
 * Writes a development network to a folder, NOT FOR PRODUCTION:
 *
 * <pre>
 * OUT/NOT-FOR-PRODUCTION.txt
 * OUT/directory/directory.json        the directory, canonical JSON, unsigned
 * OUT/directory/directory.jws         the directory as the coordinator signed it (--directory)
 * OUT/directory/coordinator-cert.pem  the coordinator certificate to pin (--coordinator)
 * OUT/directory/coordinator-key.pem   its private key (for directory sign)
 * OUT/keys/ID/                        each centre's key folder (--keys), see {@link KeyFolder}
 * </pre>
 *
 * This is also the layout of the conformance vectors folder, so one folder serves both.
 *
 * <p>Stateless and thread-safe.
 */
public final class NetworkWriter {
  /** The warning file. */
  public static final String WARNING_FILE = "NOT-FOR-PRODUCTION.txt";
  /** The coordinator certificate, relative to the output folder. */
  public static final String COORDINATOR_CERT = "directory/coordinator-cert.pem";
  /** The coordinator private key, relative to the output folder. */
  public static final String COORDINATOR_KEY = "directory/coordinator-key.pem";
  /** The unsigned directory, relative to the output folder. */
  public static final String DIRECTORY_JSON = "directory/directory.json";
  /** The signed directory, relative to the output folder. */
  public static final String DIRECTORY_JWS = "directory/directory.jws";
  /** The folder of the centres' key folders, relative to the output folder. */
  public static final String CENTRES = "keys";

  static final String WARNING =
      "NOT FOR PRODUCTION: an insecure development network. Private keys are stored unencrypted "
          + "and may have been generated from a seed.";

  private NetworkWriter() {}

  /**
   * Writes the network.
   *
   * @param network the development network
   * @param out the folder, created if missing
   * @return the centre ids written, in directory order
   */
  public static List<String> write(InsecureDevelopmentNetwork network, Path out) {
    Inputs.write(out.resolve(WARNING_FILE), KeyFolder.utf8(WARNING + "\n"));
    SigningKeyPair coordinator = network.pki().networkCoordinator().orElseThrow();
    Inputs.write(out.resolve(COORDINATOR_CERT), KeyFolder.utf8(Pem.writeCertificate(coordinator.certificate())));
    Inputs.writeSecret(out.resolve(COORDINATOR_KEY), KeyFolder.utf8(Pem.writePrivateKey(coordinator.privateKey())));
    Inputs.write(out.resolve(DIRECTORY_JSON), PcccJson.create().writeDocument(network.directory().directory()));
    Inputs.write(out.resolve(DIRECTORY_JWS), network.signedDirectory());
    List<String> ids = new ArrayList<>();
    for (CentreEntry c : network.directory().directory().centres()) {
      KeyFolder.write(keyFolder(out, c.centreId()), network.keys(c.centreId()));
      ids.add(c.centreId());
    }
    return ids;
  }

  /**
   * Returns the key folder of a centre in a written network.
   *
   * @param out the network folder
   * @param centreId the centre
   * @return {@code out/keys/ID}
   */
  public static Path keyFolder(Path out, String centreId) {
    return out.resolve(CENTRES).resolve(centreId);
  }
}
