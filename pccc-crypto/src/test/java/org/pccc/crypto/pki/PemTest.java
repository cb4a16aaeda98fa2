package org.pccc.crypto.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PemTest {

  @ParameterizedTest
  @EnumSource(KeyAlgorithm.class)
  void unencryptedPrivateKeyRoundTripsForEveryAlgorithm(KeyAlgorithm algorithm) {
    PrivateKey key = TestPkis.keyPair(algorithm).getPrivate();

    String pem = Pem.writePrivateKey(key);
    PrivateKey read = Pem.readPrivateKey(pem);

    assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
    assertThat(read.getEncoded()).isEqualTo(key.getEncoded());
    assertThat(KeyAlgorithm.of(read)).isEqualTo(algorithm);
  }

  @ParameterizedTest
  @EnumSource(KeyAlgorithm.class)
  void encryptedPrivateKeyRoundTripsForEveryAlgorithm(KeyAlgorithm algorithm) {
    PrivateKey key = TestPkis.keyPair(algorithm).getPrivate();

    String pem = Pem.writeEncryptedPrivateKey(key, TestPkis.PASSWORD);
    PrivateKey read = Pem.readPrivateKey(pem, TestPkis.PASSWORD);

    assertThat(pem).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n");
    assertThat(read.getEncoded()).isEqualTo(key.getEncoded());
    assertThat(KeyAlgorithm.of(read)).isEqualTo(algorithm);
  }

  @Test
  void encryptedKeyUsesPbes2WithTheDocumentedIterationCount() throws Exception {
    String pem = Pem.writeEncryptedPrivateKey(TestPkis.keyPair(KeyAlgorithm.X25519).getPrivate(), TestPkis.PASSWORD);

    EncryptedPrivateKeyInfo info = EncryptedPrivateKeyInfo.getInstance(der(pem));
    PBES2Parameters pbes2 = PBES2Parameters.getInstance(info.getEncryptionAlgorithm().getParameters());
    PBKDF2Params kdf = PBKDF2Params.getInstance(pbes2.getKeyDerivationFunc().getParameters());

    assertThat(info.getEncryptionAlgorithm().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_PBES2);
    assertThat(kdf.getIterationCount().intValue()).isEqualTo(Pem.PBKDF2_ITERATIONS);
    assertThat(kdf.getPrf().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_hmacWithSHA256);
  }

  @Test
  void wrongPasswordIsAKeyLoadingException() {
    String pem = TestPkis.resource("openssl-ed25519-encrypted.pem");

    assertThatThrownBy(() -> Pem.readPrivateKey(pem, "wrong password".toCharArray()))
        .isInstanceOf(KeyLoadingException.class)
        .hasMessageContaining("wrong password")
        .extracting(e -> ((KeyLoadingException) e).code())
        .isEqualTo("PCCC-2901");
  }

  @Test
  void encryptedKeyWithoutPasswordIsAKeyLoadingException() {
    String pem = TestPkis.resource("openssl-ed25519-encrypted.pem");

    assertThatThrownBy(() -> Pem.readPrivateKey(pem))
        .isInstanceOf(KeyLoadingException.class)
        .hasMessageContaining("password is needed");
  }

  @Test
  void readsOpensslEncryptedEd25519KeyThatMatchesItsOpensslCertificate() {
    PrivateKey key = Pem.readPrivateKey(TestPkis.resource("openssl-ed25519-encrypted.pem"), "pccc-test".toCharArray());
    X509Certificate certificate = Pem.readCertificate(TestPkis.resource("openssl-ed25519-cert.pem"));

    SigningKeyPair pair = SigningKeyPair.of(key, List.of(certificate));

    assertThat(pair.algorithm()).isEqualTo(KeyAlgorithm.ED25519);
    assertThat(CertificateNames.centreId(certificate)).contains("FR-OPENSSL");
  }

  @Test
  void readsOpensslX25519AndSec1P256Keys() {
    PrivateKey x25519 = Pem.readPrivateKey(TestPkis.resource("openssl-x25519.pem"));
    PrivateKey p256 = Pem.readPrivateKey(TestPkis.resource("openssl-p256-sec1.pem"));

    assertThat(KeyAlgorithm.of(x25519)).isEqualTo(KeyAlgorithm.X25519);
    assertThat(KeyAlgorithm.of(p256)).isEqualTo(KeyAlgorithm.P256);
    assertThat(x25519.getAlgorithm()).isEqualTo("XDH");
    assertThat(p256.getFormat()).isEqualTo("PKCS#8");
  }

  @ParameterizedTest
  @ValueSource(strings = {"openssl-rsa.pem", "openssl-ed448.pem", "openssl-p384.pem"})
  void keysOfOtherAlgorithmsAreRejected(String resource) {
    assertThatThrownBy(() -> Pem.readPrivateKey(TestPkis.resource(resource)))
        .isInstanceOf(KeyLoadingException.class)
        .hasMessageContaining("unsupported private key algorithm");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not a key at all",
        "-----BEGIN PRIVATE KEY-----\n!!!! not base64 !!!!\n-----END PRIVATE KEY-----\n",
        "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
        "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI\n",
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMAMCAQA=\n-----END ENCRYPTED PRIVATE KEY-----\n",
        "-----BEGIN EC PRIVATE KEY-----\nMAMCAQA=\n-----END EC PRIVATE KEY-----\n"
      })
  void garbageIsAKeyLoadingException(String garbage) {
    assertThatThrownBy(() -> Pem.readPrivateKey(garbage, TestPkis.PASSWORD))
        .isInstanceOf(KeyLoadingException.class);
  }

  @Test
  void truncatedKeyIsAKeyLoadingException() {
    String pem = Pem.writePrivateKey(TestPkis.keyPair(KeyAlgorithm.ED25519).getPrivate());
    String truncated = pem.substring(0, pem.length() / 2);

    assertThatThrownBy(() -> Pem.readPrivateKey(truncated)).isInstanceOf(KeyLoadingException.class);
  }

  @Test
  void truncatedCertificateBodyIsAKeyLoadingException() {
    String pem = Pem.writeCertificate(TestPkis.pki(KeyProfile.ED25519_X25519).rootCertificate("FR"));
    String[] lines = pem.split("\n");
    String truncated = lines[0] + "\n" + lines[1] + "\n" + lines[lines.length - 1] + "\n";

    assertThatThrownBy(() -> Pem.readCertificates(truncated)).isInstanceOf(KeyLoadingException.class);
  }

  @Test
  void certificateIsNotAcceptedAsAPrivateKeyNorAKeyAsACertificate() {
    X509Certificate root = TestPkis.pki(KeyProfile.ED25519_X25519).rootCertificate("FR");
    String keyPem = Pem.writePrivateKey(TestPkis.keyPair(KeyAlgorithm.ED25519).getPrivate());

    assertThatThrownBy(() -> Pem.readPrivateKey(Pem.writeCertificate(root)))
        .isInstanceOf(KeyLoadingException.class)
        .hasMessageContaining("'CERTIFICATE'");
    assertThatThrownBy(() -> Pem.readCertificates(keyPem))
        .isInstanceOf(KeyLoadingException.class)
        .hasMessageContaining("'PRIVATE KEY'");
  }

  @Test
  void twoKeysInOneFileAreRejected() {
    String one = Pem.writePrivateKey(TestPkis.keyPair(KeyAlgorithm.ED25519).getPrivate());

    assertThatThrownBy(() -> Pem.readPrivateKey(one + one))
        .isInstanceOf(KeyLoadingException.class)
        .hasMessageContaining("exactly one");
  }

  @Test
  void inputLargerThanTheLimitIsRejected(@TempDir Path folder) throws Exception {
    String huge = "x".repeat(Pem.MAX_INPUT_BYTES + 1);
    Path file = folder.resolve("huge.pem");
    Files.writeString(file, huge);

    assertThatThrownBy(() -> Pem.readCertificates(huge))
        .isInstanceOf(KeyLoadingException.class)
        .hasMessageContaining("larger than");
    assertThatThrownBy(() -> Pem.readPrivateKey(file, null))
        .isInstanceOf(KeyLoadingException.class)
        .hasMessageContaining("larger than");
  }

  @Test
  void missingFileIsAKeyLoadingException(@TempDir Path folder) {
    assertThatThrownBy(() -> Pem.readCertificates(folder.resolve("absent.pem")))
        .isInstanceOf(KeyLoadingException.class)
        .hasMessageContaining("absent.pem");
  }

  @Test
  void excessivePbkdf2IterationsAreRejectedBeforeDerivingAKey() throws Exception {
    String pem = TestPkis.resource("openssl-ed25519-encrypted.pem");
    EncryptedPrivateKeyInfo info = EncryptedPrivateKeyInfo.getInstance(der(pem));
    PBES2Parameters pbes2 = PBES2Parameters.getInstance(info.getEncryptionAlgorithm().getParameters());
    PBKDF2Params kdf = PBKDF2Params.getInstance(pbes2.getKeyDerivationFunc().getParameters());
    PBKDF2Params greedy =
        new PBKDF2Params(kdf.getSalt(), Pem.MAX_PBKDF2_ITERATIONS + 1, kdf.getPrf());
    PBES2Parameters crafted =
        new PBES2Parameters(
            new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2, greedy),
            EncryptionScheme.getInstance(pbes2.getEncryptionScheme()));
    EncryptedPrivateKeyInfo craftedInfo =
        new EncryptedPrivateKeyInfo(
            new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, crafted),
            info.getEncryptedData());
    String craftedPem = pem("ENCRYPTED PRIVATE KEY", craftedInfo.getEncoded());

    long start = System.nanoTime();
    assertThatThrownBy(() -> Pem.readPrivateKey(craftedPem, "pccc-test".toCharArray()))
        .isInstanceOf(KeyLoadingException.class)
        .hasMessageContaining("PBKDF2 iterations");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(kdf.getIterationCount()).isEqualTo(BigInteger.valueOf(2048));
  }

  @Test
  void textAroundBlocksIsIgnored() {
    X509Certificate root = TestPkis.pki(KeyProfile.ED25519_X25519).rootCertificate("FR");
    String withText = "Certificate:\n    Data: ...\n" + Pem.writeCertificate(root) + "trailing words\n";

    assertThat(Pem.readCertificate(withText)).isEqualTo(root);
  }

  @Test
  void certificateChainRoundTripsInOrder() {
    List<X509Certificate> chain =
        TestPkis.pki(KeyProfile.P256).centre(TestPkis.IT_CENTRE).signing().certificateChain();

    List<X509Certificate> read = Pem.readCertificates(Pem.writeCertificates(chain));

    assertThat(read).containsExactlyElementsOf(chain).hasSize(2);
    assertThatThrownBy(() -> Pem.readCertificate(Pem.writeCertificates(chain)))
        .isInstanceOf(KeyLoadingException.class)
        .hasMessageContaining("found 2");
  }

  @Test
  void crlRoundTrips() {
    CertificateIssuer ca = TestPkis.pki(KeyProfile.ED25519_X25519).authority("FR");
    X509CRL crl =
        ca.issueCrl(
            BigInteger.ONE,
            TestPkis.AT,
            TestPkis.AT.plus(Duration.ofDays(7)),
            List.of(new RevokedCertificate(BigInteger.TEN, TestPkis.AT)));

    List<X509CRL> read = Pem.readCrls(Pem.writeCrl(crl));

    assertThat(read).containsExactly(crl);
    assertThat(read.get(0).getRevokedCertificate(BigInteger.TEN)).isNotNull();
  }

  @Test
  void keysOfUnsupportedAlgorithmsAreNotWritten() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(1024);
    KeyPair pair = rsa.generateKeyPair();

    assertThatThrownBy(() -> Pem.writePrivateKey(pair.getPrivate()))
        .isInstanceOf(KeyLoadingException.class)
        .hasMessageContaining("RSA");
  }

  @Test
  void sec1KeyConvertsToTheSamePkcs8Key() throws Exception {
    PrivateKey key = TestPkis.keyPair(KeyAlgorithm.P256).getPrivate();
    BigInteger s = ((java.security.interfaces.ECPrivateKey) key).getS();
    byte[] sec1 =
        new org.bouncycastle.asn1.sec.ECPrivateKey(
                256, s, org.bouncycastle.asn1.sec.SECObjectIdentifiers.secp256r1)
            .getEncoded();
    byte[] withoutCurve = new org.bouncycastle.asn1.sec.ECPrivateKey(256, s).getEncoded();

    PrivateKey read = Pem.readPrivateKey(pem("EC PRIVATE KEY", sec1));

    assertThat(((java.security.interfaces.ECPrivateKey) read).getS()).isEqualTo(s);
    assertThatThrownBy(() -> Pem.readPrivateKey(pem("EC PRIVATE KEY", withoutCurve)))
        .isInstanceOf(KeyLoadingException.class)
        .hasMessageContaining("curve");
  }

  private static byte[] der(String pem) throws Exception {
    try (PemReader reader = new PemReader(new java.io.StringReader(pem))) {
      PemObject object = reader.readPemObject();
      return object.getContent();
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
