package org.pccc.crypto.pki;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.pccc.crypto.internal.pki.BoundedInput;
import org.pccc.crypto.internal.pki.BouncyCastle;
import org.pccc.crypto.internal.pki.PrivateKeys;
import org.pccc.crypto.internal.pki.X509;

/**
 * Reads and writes keys, certificates and CRLs in PEM (RFC 7468).
 *
 * <p>Private keys are PKCS#8: {@code PRIVATE KEY}, or {@code ENCRYPTED PRIVATE KEY} (PBES2 with
 * PBKDF2, as OpenSSL 3 writes by default) with a password; SEC1 {@code EC PRIVATE KEY} is accepted
 * for P-256. Only Ed25519, X25519 and P-256 keys are accepted, and they come back as plain JDK key
 * objects. Certificates are {@code CERTIFICATE} blocks, CRLs {@code X509 CRL} blocks; any
 * algorithm is accepted for those, since national CA roots may use others.
 *
 * <p>Text around the PEM blocks is ignored (as in the output of {@code openssl x509 -text}); a
 * block of an unexpected type is an error rather than silently skipped. Input is limited to
 * {@value #MAX_INPUT_BYTES} bytes. Every failure is a {@link KeyLoadingException}.
 *
 * <p>Stateless and thread-safe. Passwords are read, never kept.
 */
public final class Pem {
  /** The largest PEM input accepted, in bytes (1 MiB). */
  public static final int MAX_INPUT_BYTES = 1 << 20;

  /** PBKDF2 iterations when writing an encrypted key (OWASP's 2023 figure for HMAC-SHA256). */
  public static final int PBKDF2_ITERATIONS = 600_000;

  /**
   * The most PBKDF2 iterations accepted when reading, so that a crafted file cannot keep a thread
   * busy for minutes.
   */
  public static final int MAX_PBKDF2_ITERATIONS = 10_000_000;

  private static final String PRIVATE_KEY = "PRIVATE KEY";
  private static final String ENCRYPTED_PRIVATE_KEY = "ENCRYPTED PRIVATE KEY";
  private static final String EC_PRIVATE_KEY = "EC PRIVATE KEY";
  private static final String CERTIFICATE = "CERTIFICATE";
  private static final String CRL = "X509 CRL";

  private Pem() {}

  /**
   * Reads an unencrypted PKCS#8 private key.
   *
   * @param pem PEM text holding exactly one private key
   * @return the key
   * @throws KeyLoadingException if the text holds no key, several keys, another block type, an
   *     encrypted key, or a key of an unsupported algorithm
   */
  public static PrivateKey readPrivateKey(String pem) {
    return readPrivateKey(pem, null);
  }

  /**
   * Reads a private key, decrypting it if it is an {@code ENCRYPTED PRIVATE KEY}.
   *
   * @param pem PEM text holding exactly one private key
   * @param password the password of an encrypted key; ignored for an unencrypted one; may be
   *     {@code null}
   * @return the key
   * @throws KeyLoadingException on any problem, including a wrong password
   */
  public static PrivateKey readPrivateKey(String pem, char[] password) {
    List<PemObject> blocks = parse(pem);
    if (blocks.size() != 1) {
      throw new KeyLoadingException(
          "expected exactly one private key block but found " + blocks.size() + " PEM blocks");
    }
    PemObject block = blocks.get(0);
    switch (block.getType()) {
      case PRIVATE_KEY:
        return PrivateKeys.fromPrivateKeyInfo(privateKeyInfo(block.getContent()));
      case ENCRYPTED_PRIVATE_KEY:
        return PrivateKeys.fromPrivateKeyInfo(decrypt(block.getContent(), password));
      case EC_PRIVATE_KEY:
        if (!block.getHeaders().isEmpty()) {
          throw new KeyLoadingException(
              "legacy OpenSSL-encrypted EC keys are not supported; convert to PKCS#8 with"
                  + " 'openssl pkcs8 -topk8'");
        }
        return PrivateKeys.fromPrivateKeyInfo(sec1(block.getContent()));
      default:
        throw new KeyLoadingException(
            "expected a private key but found a '" + block.getType() + "' PEM block");
    }
  }

  /**
   * Reads a private key from a file.
   *
   * @param file a PEM file holding exactly one private key
   * @param password the password of an encrypted key, or {@code null}
   * @return the key
   * @throws KeyLoadingException on any problem, including an unreadable file
   */
  public static PrivateKey readPrivateKey(Path file, char[] password) {
    byte[] bytes = BoundedInput.read(file, MAX_INPUT_BYTES, "PEM file");
    try {
      return readPrivateKey(new String(bytes, StandardCharsets.UTF_8), password);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * Reads one or more certificates, for example a chain (the key's certificate first).
   *
   * @param pem PEM text holding only {@code CERTIFICATE} blocks
   * @return the certificates in the order of the text; never empty
   * @throws KeyLoadingException if there is no certificate, another block type, or a malformed one
   */
  public static List<X509Certificate> readCertificates(String pem) {
    List<X509Certificate> certificates = new ArrayList<>();
    for (PemObject block : parse(pem)) {
      requireType(block, CERTIFICATE);
      certificates.add(X509.certificateFromDer(block.getContent()));
    }
    if (certificates.isEmpty()) {
      throw new KeyLoadingException("no certificate found in the PEM text");
    }
    return List.copyOf(certificates);
  }

  /**
   * Reads certificates from a file.
   *
   * @param file a PEM file holding only {@code CERTIFICATE} blocks
   * @return the certificates in file order; never empty
   * @throws KeyLoadingException on any problem
   */
  public static List<X509Certificate> readCertificates(Path file) {
    return readCertificates(
        new String(BoundedInput.read(file, MAX_INPUT_BYTES, "PEM file"), StandardCharsets.UTF_8));
  }

  /**
   * Reads exactly one certificate.
   *
   * @param pem PEM text holding one {@code CERTIFICATE} block
   * @return the certificate
   * @throws KeyLoadingException if there is not exactly one certificate
   */
  public static X509Certificate readCertificate(String pem) {
    List<X509Certificate> certificates = readCertificates(pem);
    if (certificates.size() != 1) {
      throw new KeyLoadingException(
          "expected one certificate but found " + certificates.size());
    }
    return certificates.get(0);
  }

  /**
   * Reads one or more CRLs.
   *
   * @param pem PEM text holding only {@code X509 CRL} blocks
   * @return the CRLs in text order; never empty
   * @throws KeyLoadingException if there is no CRL, another block type, or a malformed one
   */
  public static List<X509CRL> readCrls(String pem) {
    List<X509CRL> crls = new ArrayList<>();
    for (PemObject block : parse(pem)) {
      requireType(block, CRL);
      crls.add(X509.crlFromDer(block.getContent()));
    }
    if (crls.isEmpty()) {
      throw new KeyLoadingException("no CRL found in the PEM text");
    }
    return List.copyOf(crls);
  }

  /**
   * Writes an unencrypted PKCS#8 private key. Protect the result as you would the key; prefer
   * {@link #writeEncryptedPrivateKey} for anything stored.
   *
   * @param privateKey an Ed25519, X25519 or P-256 key that can be exported
   * @return a {@code PRIVATE KEY} block
   * @throws KeyLoadingException if the key is of another algorithm or cannot be exported
   */
  public static String writePrivateKey(PrivateKey privateKey) {
    KeyAlgorithm.of(privateKey);
    byte[] encoded = PrivateKeys.pkcs8(privateKey);
    try {
      return block(PRIVATE_KEY, encoded);
    } finally {
      Arrays.fill(encoded, (byte) 0);
    }
  }

  /**
   * Writes a private key encrypted with a password: PKCS#8 with PBES2, PBKDF2-HMAC-SHA256 ({@value
   * #PBKDF2_ITERATIONS} iterations) and AES-256-CBC, readable by OpenSSL.
   *
   * @param privateKey an Ed25519, X25519 or P-256 key that can be exported
   * @param password a non-empty password
   * @return an {@code ENCRYPTED PRIVATE KEY} block
   * @throws KeyLoadingException if the key is of another algorithm or cannot be exported
   */
  public static String writeEncryptedPrivateKey(PrivateKey privateKey, char[] password) {
    KeyAlgorithm.of(privateKey);
    if (password == null || password.length == 0) {
      throw new IllegalArgumentException("an encrypted key needs a non-empty password");
    }
    try {
      OutputEncryptor encryptor =
          new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
              .setProvider(BouncyCastle.provider())
              .setRandom(new SecureRandom())
              .setPRF(PKCS8Generator.PRF_HMACSHA256)
              .setIterationCount(PBKDF2_ITERATIONS)
              .setPassword(password)
              .build();
      PemObject object = new JcaPKCS8Generator(privateKey, encryptor).generate();
      return block(ENCRYPTED_PRIVATE_KEY, object.getContent());
    } catch (Exception e) {
      throw new KeyLoadingException("cannot encrypt the " + privateKey.getAlgorithm() + " key", e);
    }
  }

  /**
   * Writes one certificate.
   *
   * @param certificate the certificate
   * @return a {@code CERTIFICATE} block
   */
  public static String writeCertificate(X509Certificate certificate) {
    return block(CERTIFICATE, X509.der(Objects.requireNonNull(certificate, "certificate")));
  }

  /**
   * Writes several certificates, for example a chain, one block after the other.
   *
   * @param certificates the certificates in the order to write them
   * @return the concatenated {@code CERTIFICATE} blocks
   */
  public static String writeCertificates(List<X509Certificate> certificates) {
    StringBuilder text = new StringBuilder();
    for (X509Certificate certificate : certificates) {
      text.append(writeCertificate(certificate));
    }
    return text.toString();
  }

  /**
   * Writes a CRL.
   *
   * @param crl the CRL
   * @return an {@code X509 CRL} block
   */
  public static String writeCrl(X509CRL crl) {
    return block(CRL, X509.der(Objects.requireNonNull(crl, "crl")));
  }

  private static String block(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  private static List<PemObject> parse(String pem) {
    Objects.requireNonNull(pem, "pem");
    if (pem.length() > MAX_INPUT_BYTES) {
      throw new KeyLoadingException("PEM text is larger than " + MAX_INPUT_BYTES + " characters");
    }
    List<PemObject> blocks = new ArrayList<>();
    try (PemReader reader = new PemReader(new StringReader(pem))) {
      PemObject block;
      while ((block = reader.readPemObject()) != null) {
        blocks.add(block);
      }
    } catch (IOException | RuntimeException e) {
      // BouncyCastle reports bad base64 as a RuntimeException and a missing END line as an
      // IOException; both mean the same to the caller.
      throw new KeyLoadingException("malformed PEM text", e);
    }
    if (blocks.isEmpty()) {
      throw new KeyLoadingException("no PEM block found");
    }
    return blocks;
  }

  private static void requireType(PemObject block, String expected) {
    if (!expected.equals(block.getType())) {
      throw new KeyLoadingException(
          "expected '" + expected + "' PEM blocks but found a '" + block.getType() + "' block");
    }
  }

  private static PrivateKeyInfo privateKeyInfo(byte[] der) {
    try {
      return PrivateKeyInfo.getInstance(der);
    } catch (RuntimeException e) {
      throw new KeyLoadingException("malformed PKCS#8 private key", e);
    }
  }

  private static PrivateKeyInfo sec1(byte[] der) {
    try {
      ECPrivateKey key = ECPrivateKey.getInstance(der);
      if (key.getParametersObject() == null) {
        throw new KeyLoadingException("the SEC1 EC key does not name its curve");
      }
      return new PrivateKeyInfo(
          new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, key.getParametersObject()),
          key);
    } catch (IOException | RuntimeException e) {
      if (e instanceof KeyLoadingException) {
        throw (KeyLoadingException) e;
      }
      throw new KeyLoadingException("malformed SEC1 EC private key", e);
    }
  }

  private static PrivateKeyInfo decrypt(byte[] der, char[] password) {
    if (password == null || password.length == 0) {
      throw new KeyLoadingException("the private key is encrypted; a password is needed");
    }
    PKCS8EncryptedPrivateKeyInfo encrypted;
    try {
      encrypted = new PKCS8EncryptedPrivateKeyInfo(der);
    } catch (IOException | RuntimeException e) {
      throw new KeyLoadingException("malformed encrypted PKCS#8 private key", e);
    }
    requireBoundedPbes2(encrypted.getEncryptionAlgorithm());
    try {
      return encrypted.decryptPrivateKeyInfo(
          new JceOpenSSLPKCS8DecryptorProviderBuilder()
              .setProvider(BouncyCastle.provider())
              .build(password));
    } catch (Exception e) {
      throw new KeyLoadingException(
          "cannot decrypt the private key: wrong password or damaged data", e);
    }
  }

  private static void requireBoundedPbes2(AlgorithmIdentifier algorithm) {
    ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
    if (!PKCSObjectIdentifiers.id_PBES2.equals(oid)) {
      throw new KeyLoadingException(
          "unsupported key encryption " + oid.getId() + ": only PBES2 with PBKDF2 is accepted");
    }
    try {
      PBES2Parameters parameters = PBES2Parameters.getInstance(algorithm.getParameters());
      if (!PKCSObjectIdentifiers.id_PBKDF2.equals(
          parameters.getKeyDerivationFunc().getAlgorithm())) {
        throw new KeyLoadingException("unsupported key derivation: only PBKDF2 is accepted");
      }
      PBKDF2Params kdf = PBKDF2Params.getInstance(parameters.getKeyDerivationFunc().getParameters());
      if (kdf.getIterationCount().bitLength() > 31
          || kdf.getIterationCount().intValue() > MAX_PBKDF2_ITERATIONS) {
        throw new KeyLoadingException(
            "the key is encrypted with more than " + MAX_PBKDF2_ITERATIONS + " PBKDF2 iterations");
      }
    } catch (RuntimeException e) {
      if (e instanceof KeyLoadingException) {
        throw e;
      }
      throw new KeyLoadingException("malformed PBES2 parameters", e);
    }
  }
}
