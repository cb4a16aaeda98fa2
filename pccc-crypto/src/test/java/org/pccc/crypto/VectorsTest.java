package org.pccc.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pccc.crypto.jose.AlgorithmPolicy;
import org.pccc.crypto.jose.Jwe;
import org.pccc.crypto.jose.Jwk;
import org.pccc.crypto.jose.Jws;
import org.pccc.crypto.pki.CentreKeys;
import org.pccc.crypto.pki.CertificateThumbprint;
import org.pccc.crypto.pki.CertificateValidator;
import org.pccc.crypto.pki.EncryptionKeyPair;
import org.pccc.crypto.pki.KeyPurpose;
import org.pccc.crypto.pki.Pem;
import org.pccc.crypto.pki.SigningKeyPair;
import org.pccc.model.Message;
import org.pccc.model.json.PcccJson;

/**
 * Checks the published vectors in {@code pccc-crypto/vectors/} with nothing but the files there
 * (keys through {@link Pem} and {@link Jwk}, the directory through {@link DirectoryVerifier}):
 * every valid envelope opens to its message file, every invalid one is refused with its code,
 * with and without PKIX validation against the published roots, the keys agree in both formats,
 * and the README lists every file. One dynamic test per vector, so a run reports every failure.
 */
class VectorsTest {
  private static final Path DIR = Path.of("vectors");
  private static final ObjectMapper TREE = new ObjectMapper();
  private static final PcccJson JSON = PcccJson.create();
  /** The README tells vendors to verify the directory once at an instant like this one. */
  private static final Instant DIRECTORY_CHECKED_AT = Instant.parse("2026-11-30T12:01:00Z");
  private static final Set<String> EXPECTED_MEMBERS = Set.of("recipient", "result", "openAt", "messageFile",
      "signer", "code", "maxEnvelopeBytes", "precededBy", "description");

  private static final Published PUBLISHED = new Published();

  /** Everything loaded from the folder, once. */
  private static final class Published {
    final List<X509Certificate> roots = new ArrayList<>();
    final Map<String, CentreKeys> centres = new HashMap<>();
    final X509Certificate coordinator;
    final TrustedDirectory directory;
    final CertificateValidator rootsValidator;

    Published() {
      for (Path root : list(DIR.resolve("keys/roots"))) {
        roots.add(Pem.readCertificate(text(root)));
      }
      for (Path folder : list(DIR.resolve("keys"))) {
        if (Files.isDirectory(folder) && !folder.getFileName().toString().equals("roots")) {
          String centre = folder.getFileName().toString();
          centres.put(centre, new CentreKeys(centre,
              SigningKeyPair.of(Pem.readPrivateKey(text(folder.resolve("signing-key.pem"))),
                  List.of(Pem.readCertificate(text(folder.resolve("signing-cert.pem"))))),
              EncryptionKeyPair.of(Pem.readPrivateKey(text(folder.resolve("encryption-key.pem"))),
                  List.of(Pem.readCertificate(text(folder.resolve("encryption-cert.pem")))))));
        }
      }
      coordinator = Pem.readCertificate(text(DIR.resolve("directory/coordinator-cert.pem")));
      directory = new DirectoryVerifier(List.of(coordinator), AlgorithmPolicy.defaults(),
          Clock.fixed(DIRECTORY_CHECKED_AT, ZoneOffset.UTC))
          .verify(bytes(DIR.resolve("directory/directory.jws")), 0);
      rootsValidator = CertificateValidator.builder().trustAnchors(roots).build();
    }
  }

  @Test
  void theFolderHoldsThreeCentresAndTheirRoots() {
    assertThat(PUBLISHED.centres).hasSize(3);
    assertThat(PUBLISHED.roots).hasSize(3);
  }

  @Test
  void pemAndJwkFilesHoldTheSameKeysAndTheCertificatesChainToTheRoots() throws IOException {
    for (Map.Entry<String, CentreKeys> e : PUBLISHED.centres.entrySet()) {
      Path folder = DIR.resolve("keys").resolve(e.getKey());
      CentreKeys keys = e.getValue();
      checkJwk(folder.resolve("signing-key.jwk.json"), keys.signing().privateKey(), keys.signing().certificate());
      checkJwk(folder.resolve("encryption-key.jwk.json"), keys.encryption().privateKey(), keys.encryption().certificate());
      SigningKeyPair.of(Jwk.parsePrivateKey(text(folder.resolve("signing-key.jwk.json"))), List.of(keys.signing().certificate()));
      EncryptionKeyPair.of(Jwk.parsePrivateKey(text(folder.resolve("encryption-key.jwk.json"))),
          List.of(keys.encryption().certificate()));
      PUBLISHED.rootsValidator.validate(keys.signing().certificate(), KeyPurpose.SIGNATURE, DIRECTORY_CHECKED_AT);
      PUBLISHED.rootsValidator.validate(keys.encryption().certificate(), KeyPurpose.KEY_AGREEMENT, DIRECTORY_CHECKED_AT);
    }
  }

  private static void checkJwk(Path file, PrivateKey pemKey, X509Certificate certificate) throws IOException {
    JsonNode published = TREE.readTree(bytes(file));
    assertThat(published.get("kid").asText()).as(file + " kid").isEqualTo(CertificateThumbprint.x5tS256(certificate));
    assertThat(published).as(file + " equals the PEM key").isEqualTo(
        TREE.readTree(Jwk.toPrivateJwk(pemKey, CertificateThumbprint.x5tS256(certificate))));
  }

  @Test
  void theDirectoryVerifiesAndListsExactlyThePublishedCertificates() {
    byte[] payload = Jws.parse(text(DIR.resolve("directory/directory.jws"))).unverifiedPayloadForInspection();
    assertThat(bytes(DIR.resolve("directory/directory.json"))).isEqualTo(payload);
    assertThat(PUBLISHED.directory.directory().centres()).hasSize(PUBLISHED.centres.size());
    for (CentreKeys keys : PUBLISHED.centres.values()) {
      assertThat(PUBLISHED.directory.listsSigningCertificate(keys.signing().certificate())).isTrue();
      assertThat(PUBLISHED.directory.signer(keys.signing().x5tS256()).orElseThrow().centreId()).isEqualTo(keys.centreId());
      assertThat(PUBLISHED.directory.encryptionCertificate(keys.centreId(), DIRECTORY_CHECKED_AT).orElseThrow().certificate())
          .isEqualTo(keys.encryption().certificate());
    }
  }

  @TestFactory
  Stream<DynamicTest> everyValidVectorOpensToItsMessage() {
    return vectors("valid").map(envelope -> DynamicTest.dynamicTest(name(envelope), () -> {
      JsonNode expected = expectation(envelope);
      assertThat(expected.get("result").asText()).isEqualTo("ok");
      Path messageFile = DIR.resolve(expected.get("messageFile").asText());
      byte[] messageBytes = bytes(messageFile);
      Message message = JSON.readValid(messageBytes);
      for (boolean withRoots : new boolean[] {false, true}) {
        VerifiedMessage opened = open(envelope, expected, withRoots);
        assertThat(opened.message()).isEqualTo(message);
        assertThat(opened.signerCentre()).isEqualTo(expected.get("signer").asText());
        assertThat(opened.message().header().sender().centreId()).isEqualTo(expected.get("signer").asText());
        assertThat(opened.envelopeSha256()).isEqualTo(Digests.sha256Hex(bytes(envelope)));
      }
      // The README promises the signed payload is the message file byte for byte.
      CentreKeys recipient = PUBLISHED.centres.get(expected.get("recipient").asText());
      byte[] jws = Jwe.parse(bytes(envelope), Jwe.DEFAULT_MAX_BYTES).decrypt(recipient.encryption().kid(),
          recipient.encryption().privateKey(), AlgorithmPolicy.defaults());
      assertThat(Jws.parse(new String(jws, StandardCharsets.US_ASCII)).unverifiedPayloadForInspection()).isEqualTo(messageBytes);
    }));
  }

  @TestFactory
  Stream<DynamicTest> everyInvalidVectorIsRefusedWithItsCode() {
    return vectors("invalid").map(envelope -> DynamicTest.dynamicTest(name(envelope), () -> {
      JsonNode expected = expectation(envelope);
      assertThat(expected.get("result").asText()).isEqualTo("rejected");
      String code = expected.get("code").asText();
      ErrorCode errorCode = Arrays.stream(ErrorCode.values()).filter(c -> c.code().equals(code)).findFirst()
          .orElseThrow(() -> new AssertionError("unknown code " + code));
      for (boolean withRoots : new boolean[] {false, true}) {
        Throwable thrown = catchThrowable(() -> open(envelope, expected, withRoots));
        assertThat(thrown).as("with roots: " + withRoots).isInstanceOf(EnvelopeRejectedException.class);
        assertThat(((EnvelopeRejectedException) thrown).errorCode()).as("with roots: " + withRoots + ", " + thrown.getMessage())
            .isEqualTo(errorCode);
      }
    }));
  }

  /** Opens as the README says: clock at openAt, default windows, fresh replay memory (or precededBy first). */
  private static VerifiedMessage open(Path envelope, JsonNode expected, boolean withRoots) {
    CentreKeys recipient = PUBLISHED.centres.get(expected.get("recipient").asText());
    assertThat(recipient).as("recipient has published keys").isNotNull();
    EnvelopeOpener.Builder builder = EnvelopeOpener.builder(recipient, PUBLISHED.directory, ReplayGuard.inMemoryNotSurvivingRestart())
        .clock(Clock.fixed(Instant.parse(expected.get("openAt").asText()), ZoneOffset.UTC));
    if (expected.has("maxEnvelopeBytes")) {
      builder.maxEnvelopeBytes(expected.get("maxEnvelopeBytes").asInt());
    }
    if (withRoots) {
      builder.certificateValidator(PUBLISHED.rootsValidator);
    }
    EnvelopeOpener opener = builder.build();
    if (expected.has("precededBy")) {
      opener.open(bytes(DIR.resolve(expected.get("precededBy").asText())));
    }
    return opener.open(bytes(envelope));
  }

  @Test
  void everyEnvelopeHasAWellFormedExpectationAndNoExpectationIsAlone() throws IOException {
    for (String kind : List.of("valid", "invalid")) {
      List<Path> files = list(DIR.resolve("envelopes").resolve(kind));
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (name.endsWith(".expected.json")) {
          assertThat(file.resolveSibling(name.replace(".expected.json", ".json"))).as("envelope of " + file).exists();
          continue;
        }
        JsonNode expected = expectation(file);
        List<String> members = new ArrayList<>();
        expected.fieldNames().forEachRemaining(members::add);
        assertThat(EXPECTED_MEMBERS).as(file + " members").containsAll(members);
        assertThat(members).as(file + " members").contains("recipient", "result", "openAt", "description");
        assertThat(members).contains(kind.equals("valid") ? "messageFile" : "code");
        assertThat(members).contains(kind.equals("valid") ? "signer" : "result");
        Instant.parse(expected.get("openAt").asText());
      }
    }
  }

  @Test
  void theReadmeListsEveryFile() throws IOException {
    String readme = Files.readString(DIR.resolve("README.md"), StandardCharsets.UTF_8);
    List<String> missing = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(DIR)) {
      walk.filter(Files::isRegularFile)
          .map(p -> DIR.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !p.equals("README.md"))
          .filter(p -> !readme.contains("`" + p + "`"))
          .forEach(missing::add);
    }
    assertThat(missing).as("files the README does not list").isEmpty();
  }

  private static Stream<Path> vectors(String kind) {
    return list(DIR.resolve("envelopes").resolve(kind)).stream()
        .filter(p -> !p.getFileName().toString().endsWith(".expected.json"));
  }

  private static String name(Path envelope) {
    return DIR.relativize(envelope).toString();
  }

  private static JsonNode expectation(Path envelope) throws IOException {
    String name = envelope.getFileName().toString();
    return TREE.readTree(bytes(envelope.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".expected.json")));
  }

  private static List<Path> list(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(Path file) {
    return new String(bytes(file), StandardCharsets.UTF_8);
  }
}
