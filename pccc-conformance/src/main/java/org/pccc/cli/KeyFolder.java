package org.pccc.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pccc.crypto.pki.CentreKeyFolder;
import org.pccc.crypto.pki.CentreKeys;
import org.pccc.crypto.pki.KeyPassword;
import org.pccc.crypto.pki.Pem;

/**
 * A centre's key folder, the same for every command that takes {@code --keys DIR}: the layout of
 * {@link CentreKeyFolder} (PKCS#12 {@code keys.p12}, or PKCS#8 PEM keys, encrypted or not, with
 * their certificates, and an optional {@code centre-id}). The password of encrypted keys comes
 * from {@code --key-password-file} or {@code --key-password-env}. No other copy of a private key
 * is written: the JWK copies earlier versions wrote were never read (partners in other languages
 * read the PKCS#8 PEM).
 *
 * Stateless and thread-safe.
 */
public final class KeyFolder {
  /** The signing private key file. */
  public static final String SIGNING_KEY = CentreKeyFolder.SIGNING_KEY;
  /** The signing certificate (chain) file. */
  public static final String SIGNING_CERT = CentreKeyFolder.SIGNING_CERT;
  /** The encryption private key file. */
  public static final String ENCRYPTION_KEY = CentreKeyFolder.ENCRYPTION_KEY;
  /** The encryption certificate (chain) file. */
  public static final String ENCRYPTION_CERT = CentreKeyFolder.ENCRYPTION_CERT;
  /** The optional file with the centre id. */
  public static final String CENTRE_ID = CentreKeyFolder.CENTRE_ID;

  /** The text printed with every help that takes a key folder. */
  static final String LAYOUT_HELP =
      "Key folder DIR: keys.p12 (aliases signing, encryption), or signing-key.pem and encryption-key.pem "
          + "(PKCS#8 PEM, encrypted or not; password from --key-password-file or --key-password-env), "
          + "signing-cert.pem and encryption-cert.pem (certificate, chain may follow), "
          + "optional centre-id (else taken from the certificate's urn:pccc:centre: name).";

  private KeyFolder() {}

  /**
   * Loads a centre's keys from a key folder.
   *
   * @param folder the key folder
   * @param password the password of encrypted keys, or none
   * @return the keys
   * @throws org.pccc.crypto.pki.KeyLoadingException if a file is missing or malformed or the
   *     password is missing or wrong (a configuration error, exit 2)
   */
  public static CentreKeys read(Path folder, KeyPassword password) {
    if (!Files.isDirectory(folder)) {
      throw CliException.config("key folder not found: " + folder);
    }
    return CentreKeyFolder.load(folder, password);
  }

  /**
   * Writes a centre's development keys as a key folder (private keys unencrypted PKCS#8, owner-only
   * where POSIX allows; the folders this tool writes are test networks, marked NOT FOR PRODUCTION).
   *
   * @param folder the folder, created if missing
   * @param keys the keys
   */
  public static void write(Path folder, CentreKeys keys) {
    Inputs.writeSecret(folder.resolve(SIGNING_KEY), utf8(Pem.writePrivateKey(keys.signing().privateKey())));
    Inputs.write(folder.resolve(SIGNING_CERT), utf8(Pem.writeCertificates(keys.signing().certificateChain())));
    Inputs.writeSecret(folder.resolve(ENCRYPTION_KEY), utf8(Pem.writePrivateKey(keys.encryption().privateKey())));
    Inputs.write(folder.resolve(ENCRYPTION_CERT), utf8(Pem.writeCertificates(keys.encryption().certificateChain())));
    Inputs.write(folder.resolve(CENTRE_ID), utf8(keys.centreId() + "\n"));
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
