package org.pccc.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.pccc.crypto.jose.Jwk;
import org.pccc.crypto.pki.CentreKeys;
import org.pccc.crypto.pki.CertificateNames;
import org.pccc.crypto.pki.EncryptionKeyPair;
import org.pccc.crypto.pki.Pem;
import org.pccc.crypto.pki.SigningKeyPair;

/**
 * A centre's key folder, the same for every command that takes {@code --keys DIR}:
 *
 * <pre>
 * DIR/signing-key.pem      the signing private key, unencrypted PKCS#8 PEM (Ed25519 or P-256)
 * DIR/signing-cert.pem     its certificate, optionally followed by the chain
 * DIR/encryption-key.pem   the encryption private key, unencrypted PKCS#8 PEM (X25519 or P-256)
 * DIR/encryption-cert.pem  its certificate, optionally followed by the chain
 * DIR/centre-id            optional: the centre id on one line; otherwise it is read from the
 *                          signing certificate (SubjectAlternativeName urn:pccc:centre:ID)
 * DIR/signing-key.jwk      written for partners in other languages (private JWK, kid = x5t#S256);
 * DIR/encryption-key.jwk   never read by this tool
 * </pre>
 *
 * Stateless and thread-safe.
 */
public final class KeyFolder {
  /** The signing private key file. */
  public static final String SIGNING_KEY = "signing-key.pem";
  /** The signing certificate (chain) file. */
  public static final String SIGNING_CERT = "signing-cert.pem";
  /** The encryption private key file. */
  public static final String ENCRYPTION_KEY = "encryption-key.pem";
  /** The encryption certificate (chain) file. */
  public static final String ENCRYPTION_CERT = "encryption-cert.pem";
  /** The signing private key as a JWK (written, not read). */
  public static final String SIGNING_JWK = "signing-key.jwk";
  /** The encryption private key as a JWK (written, not read). */
  public static final String ENCRYPTION_JWK = "encryption-key.jwk";
  /** The optional file with the centre id. */
  public static final String CENTRE_ID = "centre-id";

  /** The text printed with every help that takes a key folder. */
  static final String LAYOUT_HELP =
      "Key folder DIR: signing-key.pem and encryption-key.pem (unencrypted PKCS#8 PEM), "
          + "signing-cert.pem and encryption-cert.pem (certificate, chain may follow), "
          + "optional centre-id (else taken from the certificate's urn:pccc:centre: name).";

  private KeyFolder() {}

  /**
   * Loads a centre's keys from a key folder.
   *
   * @param folder the key folder
   * @return the keys
   * @throws org.pccc.crypto.pki.KeyLoadingException if a key or certificate is malformed
   * @throws RuntimeException (a configuration error) if a file is missing
   */
  public static CentreKeys read(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw CliException.config("key folder not found: " + folder);
    }
    PrivateKey signingKey = Pem.readPrivateKey(existing(folder, SIGNING_KEY), null);
    List<X509Certificate> signingChain = Pem.readCertificates(existing(folder, SIGNING_CERT));
    PrivateKey encryptionKey = Pem.readPrivateKey(existing(folder, ENCRYPTION_KEY), null);
    List<X509Certificate> encryptionChain = Pem.readCertificates(existing(folder, ENCRYPTION_CERT));
    String centreId;
    Path idFile = folder.resolve(CENTRE_ID);
    if (Files.isRegularFile(idFile)) {
      centreId = new String(Inputs.read(idFile, "centre id file"), StandardCharsets.UTF_8).trim();
      if (!CertificateNames.isValidCentreId(centreId)) {
        throw CliException.config("the centre id in " + idFile + " is not a valid centre id");
      }
    } else {
      centreId = CertificateNames.centreId(signingChain.get(0)).orElseThrow(() -> CliException.config(
          "no " + CENTRE_ID + " file in " + folder + " and the signing certificate names no centre"));
    }
    return new CentreKeys(centreId, SigningKeyPair.of(signingKey, signingChain),
        EncryptionKeyPair.of(encryptionKey, encryptionChain));
  }

  /**
   * Writes a centre's keys as a key folder (private keys owner-only where POSIX allows).
   *
   * @param folder the folder, created if missing
   * @param keys the keys
   */
  public static void write(Path folder, CentreKeys keys) {
    Inputs.writeSecret(folder.resolve(SIGNING_KEY), utf8(Pem.writePrivateKey(keys.signing().privateKey())));
    Inputs.write(folder.resolve(SIGNING_CERT), utf8(Pem.writeCertificates(keys.signing().certificateChain())));
    Inputs.writeSecret(folder.resolve(ENCRYPTION_KEY), utf8(Pem.writePrivateKey(keys.encryption().privateKey())));
    Inputs.write(folder.resolve(ENCRYPTION_CERT), utf8(Pem.writeCertificates(keys.encryption().certificateChain())));
    Inputs.writeSecret(folder.resolve(SIGNING_JWK),
        utf8(Jwk.toPrivateJwk(keys.signing().privateKey(), keys.signing().kid()) + "\n"));
    Inputs.writeSecret(folder.resolve(ENCRYPTION_JWK),
        utf8(Jwk.toPrivateJwk(keys.encryption().privateKey(), keys.encryption().kid()) + "\n"));
    Inputs.write(folder.resolve(CENTRE_ID), utf8(keys.centreId() + "\n"));
  }

  private static Path existing(Path folder, String name) {
    Path p = folder.resolve(name);
    if (!Files.isRegularFile(p)) {
      throw CliException.config("missing key file: " + p);
    }
    return p;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
