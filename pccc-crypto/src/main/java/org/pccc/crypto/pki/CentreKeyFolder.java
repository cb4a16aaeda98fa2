package org.pccc.crypto.pki;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Loads a centre's keys from a key folder, the one layout shared by applications, the node's
 * examples and the {@code pccc} tool. Either
 *
 * <pre>
 * DIR/keys.p12             PKCS#12 with the aliases "signing" and "encryption" (password required)
 * </pre>
 *
 * or
 *
 * <pre>
 * DIR/signing-key.pem      the signing private key, PKCS#8 PEM, encrypted ("ENCRYPTED PRIVATE KEY",
 *                          PBES2) or not
 * DIR/signing-cert.pem     its certificate, optionally followed by the chain
 * DIR/encryption-key.pem   the encryption private key, PKCS#8 PEM, encrypted or not
 * DIR/encryption-cert.pem  its certificate, optionally followed by the chain
 * </pre>
 *
 * and in both cases an optional {@code DIR/centre-id} (one line); without it the centre id is
 * taken from the signing certificate's {@code urn:pccc:centre:} name. The password comes from a
 * {@link KeyPassword} (a file or an environment variable). Keys at rest should be encrypted; an
 * unencrypted PEM key is still read, for development folders.
 *
 * <p>Stateless and thread-safe.
 */
public final class CentreKeyFolder {
  /** The PKCS#12 file. */
  public static final String PKCS12 = "keys.p12";
  /** The signing private key file. */
  public static final String SIGNING_KEY = "signing-key.pem";
  /** The signing certificate (chain) file. */
  public static final String SIGNING_CERT = "signing-cert.pem";
  /** The encryption private key file. */
  public static final String ENCRYPTION_KEY = "encryption-key.pem";
  /** The encryption certificate (chain) file. */
  public static final String ENCRYPTION_CERT = "encryption-cert.pem";
  /** The optional file with the centre id. */
  public static final String CENTRE_ID = "centre-id";

  private CentreKeyFolder() {}

  /**
   * Loads the keys.
   *
   * @param folder the key folder
   * @param password the password of encrypted keys or of the PKCS#12 file; {@link
   *     KeyPassword#none()} reads unencrypted PEM keys only
   * @return the keys
   * @throws KeyLoadingException if a file is missing or malformed, a key is encrypted and no or a
   *     wrong password was given, or the centre id cannot be found
   */
  public static CentreKeys load(Path folder, KeyPassword password) {
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(password, "password");
    if (!Files.isDirectory(folder)) {
      throw new KeyLoadingException("key folder not found: " + folder);
    }
    SigningKeyPair signing;
    EncryptionKeyPair encryption;
    Path p12 = folder.resolve(PKCS12);
    if (Files.exists(p12, LinkOption.NOFOLLOW_LINKS)) {
      if (!password.isPresent()) {
        throw new KeyLoadingException(PKCS12 + " in " + folder + " needs a key password (file or environment variable)");
      }
      char[] chars = password.chars();
      try {
        signing = SigningKeyPair.of(Pkcs12.read(p12, chars, InsecureDevelopmentPki.SIGNING_ALIAS));
        encryption = EncryptionKeyPair.of(Pkcs12.read(p12, chars, InsecureDevelopmentPki.ENCRYPTION_ALIAS));
      } finally {
        Arrays.fill(chars, '\0');
      }
    } else {
      signing = SigningKeyPair.of(privateKey(existing(folder, SIGNING_KEY), password),
          Pem.readCertificates(existing(folder, SIGNING_CERT)));
      encryption = EncryptionKeyPair.of(privateKey(existing(folder, ENCRYPTION_KEY), password),
          Pem.readCertificates(existing(folder, ENCRYPTION_CERT)));
    }
    return new CentreKeys(centreId(folder, signing.certificate()), signing, encryption);
  }

  private static PrivateKey privateKey(Path file, KeyPassword password) {
    char[] chars = password.chars();
    try {
      return Pem.readPrivateKey(file, chars);
    } finally {
      if (chars != null) {
        Arrays.fill(chars, '\0');
      }
    }
  }

  private static String centreId(Path folder, X509Certificate signingCertificate) {
    Path idFile = folder.resolve(CENTRE_ID);
    if (Files.isRegularFile(idFile, LinkOption.NOFOLLOW_LINKS)) {
      String id;
      try {
        if (Files.size(idFile) > 200) {
          throw new KeyLoadingException("the centre id file is too large: " + idFile);
        }
        id = Files.readString(idFile, StandardCharsets.UTF_8).trim();
      } catch (java.io.IOException e) {
        throw new KeyLoadingException("the centre id file cannot be read: " + idFile, e);
      }
      if (!CertificateNames.isValidCentreId(id)) {
        throw new KeyLoadingException("the centre id in " + idFile + " is not a valid centre id");
      }
      return id;
    }
    return CertificateNames.centreId(signingCertificate).orElseThrow(() -> new KeyLoadingException(
        "no " + CENTRE_ID + " file in " + folder + " and the signing certificate names no centre"));
  }

  private static Path existing(Path folder, String name) {
    Path p = folder.resolve(name);
    if (!Files.isRegularFile(p)) {
      throw new KeyLoadingException("missing key file: " + p);
    }
    return p;
  }

  /**
   * Writes keys as a key folder with the private keys encrypted (PKCS#8, PBES2) under the
   * password; no other copy of the private keys is written.
   *
   * @param folder the folder, created if missing
   * @param keys the keys
   * @param password the password (required)
   */
  public static void writeEncrypted(Path folder, CentreKeys keys, KeyPassword password) {
    if (!password.isPresent()) {
      throw new IllegalArgumentException("an encrypted key folder needs a password");
    }
    char[] chars = password.chars();
    try {
      write(folder, keys, Pem.writeEncryptedPrivateKey(keys.signing().privateKey(), chars),
          Pem.writeEncryptedPrivateKey(keys.encryption().privateKey(), chars));
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  private static void write(Path folder, CentreKeys keys, String signingKeyPem, String encryptionKeyPem) {
    try {
      Files.createDirectories(folder);
      writeSecret(folder.resolve(SIGNING_KEY), signingKeyPem);
      Files.writeString(folder.resolve(SIGNING_CERT), Pem.writeCertificates(keys.signing().certificateChain()));
      writeSecret(folder.resolve(ENCRYPTION_KEY), encryptionKeyPem);
      Files.writeString(folder.resolve(ENCRYPTION_CERT), Pem.writeCertificates(keys.encryption().certificateChain()));
      Files.writeString(folder.resolve(CENTRE_ID), keys.centreId() + "\n");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot write the key folder " + folder, e);
    }
  }

  private static void writeSecret(Path file, String text) throws java.io.IOException {
    Files.deleteIfExists(file);
    try {
      Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
          java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    }
    Files.writeString(file, text);
  }
}
