package org.pccc.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.pccc.crypto.DirectoryVerifier;
import org.pccc.crypto.TrustedDirectory;
import org.pccc.crypto.pki.CentreKeys;
import org.pccc.crypto.pki.EncryptionKeyPair;
import org.pccc.crypto.pki.Pem;
import org.pccc.crypto.pki.SigningKeyPair;

/**
 * The layout of a vectors folder, and loading its keys and directory with the Java library:
 *
 * <pre>
 * messages/valid/*.json
 * messages/invalid/*.json + *.expected.json
 * keys/&lt;centre&gt;/{signing-key.pem, signing-cert.pem, encryption-key.pem, encryption-cert.pem,
 *                 centre-id}
 * directory/{directory.json, directory.jws, coordinator-cert.pem}
 * envelopes/valid/*.json + *.expected.json
 * envelopes/invalid/*.json + *.expected.json
 * </pre>
 *
 * Immutable; reads the file system on each call.
 *
 * @param root the vectors folder
 */
public record VectorFolder(Path root) {

  /** Returns {@code messages/valid}. */
  public Path validMessages() {
    return root.resolve("messages/valid");
  }

  /** Returns {@code messages/invalid}. */
  public Path invalidMessages() {
    return root.resolve("messages/invalid");
  }

  /** Returns {@code keys}. */
  public Path keys() {
    return root.resolve("keys");
  }

  /** Returns {@code directory/directory.jws}, the signed directory. */
  public Path signedDirectory() {
    return root.resolve("directory/directory.jws");
  }

  /** Returns {@code directory/coordinator-cert.pem}. */
  public Path coordinatorCertificate() {
    return root.resolve("directory/coordinator-cert.pem");
  }

  /** Returns {@code envelopes/valid}. */
  public Path validEnvelopes() {
    return root.resolve("envelopes/valid");
  }

  /** Returns {@code envelopes/invalid}. */
  public Path invalidEnvelopes() {
    return root.resolve("envelopes/invalid");
  }

  /**
   * Lists the vector files of a folder: {@code *.json} that are not {@code *.expected.json},
   * sorted by name; empty if the folder does not exist.
   */
  public static List<Path> vectorFiles(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> {
        String name = p.getFileName().toString();
        return name.endsWith(".json") && !name.endsWith(".expected.json") && Files.isRegularFile(p);
      }).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the {@code .expected.json} file next to a vector. */
  public static Path expectedFile(Path vector) {
    String name = vector.getFileName().toString();
    return vector.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".expected.json");
  }

  /** Returns the key folders by centre id (from each folder's {@code centre-id} file, else its name). */
  public Map<String, Path> centres() {
    Map<String, Path> centres = new TreeMap<>();
    if (!Files.isDirectory(keys())) {
      return centres;
    }
    try (Stream<Path> dirs = Files.list(keys())) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        centres.put(centreId(dir), dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return centres;
  }

  /** Returns the key folder of a centre, if the vectors have one. */
  public Optional<Path> keysOf(String centreId) {
    return Optional.ofNullable(centres().get(centreId));
  }

  /** Returns the centre id of a key folder. */
  public static String centreId(Path keyFolder) {
    Path file = keyFolder.resolve("centre-id");
    try {
      return Files.isRegularFile(file)
          ? Files.readString(file, StandardCharsets.UTF_8).strip()
          : keyFolder.getFileName().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Loads a centre's keys from its folder (PKCS#8 PEM keys, PEM certificates).
   *
   * @throws org.pccc.crypto.pki.KeyLoadingException if a key or certificate is unusable
   */
  public static CentreKeys loadKeys(Path keyFolder) {
    try {
      SigningKeyPair signing = SigningKeyPair.of(
          Pem.readPrivateKey(Files.readString(keyFolder.resolve("signing-key.pem"))),
          Pem.readCertificates(keyFolder.resolve("signing-cert.pem")));
      EncryptionKeyPair encryption = EncryptionKeyPair.of(
          Pem.readPrivateKey(Files.readString(keyFolder.resolve("encryption-key.pem"))),
          Pem.readCertificates(keyFolder.resolve("encryption-cert.pem")));
      return new CentreKeys(centreId(keyFolder), signing, encryption);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Verifies a signed directory with the coordinator's certificate.
   *
   * @throws org.pccc.crypto.CryptoException if the signature or the content is not acceptable
   */
  public static TrustedDirectory loadDirectory(Path signedDirectory, Path coordinatorCertificate) {
    try {
      List<X509Certificate> coordinator = new ArrayList<>(Pem.readCertificates(coordinatorCertificate));
      return new DirectoryVerifier(coordinator).verify(Files.readAllBytes(signedDirectory), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
