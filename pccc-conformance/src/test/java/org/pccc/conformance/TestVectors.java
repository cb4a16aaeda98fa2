package org.pccc.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.pccc.crypto.CryptoException;
import org.pccc.crypto.EnvelopeOpener;
import org.pccc.crypto.EnvelopeTypes;
import org.pccc.crypto.InsecureDevelopmentNetwork;
import org.pccc.crypto.jose.JcaProviders;
import org.pccc.crypto.jose.Jwe;
import org.pccc.crypto.jose.JweHeader;
import org.pccc.crypto.jose.JweRecipient;
import org.pccc.crypto.jose.Jws;
import org.pccc.crypto.jose.JwsHeader;
import org.pccc.crypto.pki.CentreKeys;
import org.pccc.crypto.pki.KeyProfile;
import org.pccc.crypto.pki.Pem;
import org.pccc.crypto.pki.SigningKeyPair;
import org.pccc.model.Message;
import org.pccc.model.json.PcccJson;

/**
 * Generates a complete vectors folder for the tests (the real keys/directory/envelopes are written
 * by the CLI's VectorWriter): the repository's message vectors, keys of the centres the messages
 * name, a signed directory, and envelope vectors whose expected result is what the Java
 * {@link EnvelopeOpener} does (checked against the intended code, so a broken fixture shows).
 * Generated once per JVM into a temporary folder.
 */
final class TestVectors {
  static final Map<String, String> CENTRES = new LinkedHashMap<>();

  static {
    CENTRES.put("MK-RS-TABANOVCE", "RS");
    CENTRES.put("MK-RS-TABANOVCE-MK", "MK");
    CENTRES.put("MK-GR-BOGORODICA", "GR");
    CENTRES.put("MK-GR-BOGORODICA-MK", "MK");
    CENTRES.put("BG-MK-GYUESHEVO", "BG");
    CENTRES.put("BG-MK-GYUESHEVO-MK", "MK");
    CENTRES.put("RS-BA-SREMSKA-RACA", "BA");
    CENTRES.put("RS-BA-SREMSKA-RACA-RS", "RS");
    CENTRES.put("AL-MK-QAFE-THANE", "AL");
  }

  /** The repository's vectors folder (tests run in the module folder). */
  static final Path REPO_VECTORS = Path.of("vectors");

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static Path folder;
  private static Path p256Folder;

  private TestVectors() {}

  /** Returns the generated vectors folder. */
  static synchronized Path folder() {
    if (folder == null) {
      try {
        Path root = Files.createTempDirectory("pccc-vectors-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root)));
        generate(root);
        folder = root;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return folder;
  }

  /**
   * Returns a smaller folder with the P-256 profile (ES256 signatures, ECDH-ES on P-256): a few
   * valid messages, no invalid ones, and the same envelope vectors.
   */
  static synchronized Path p256Folder() {
    if (p256Folder == null) {
      try {
        Path root = Files.createTempDirectory("pccc-vectors-p256-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root)));
        Path valid = Files.createDirectories(root.resolve("messages/valid"));
        for (String name : List.of("request-person-document.json", "alert-stolen-vehicle.json",
            "situation-report.json", "notice-surveillance-bg.json", "reply-hit-vehicle.json")) {
          Files.copy(REPO_VECTORS.resolve("messages/valid").resolve(name), valid.resolve(name));
        }
        Path invalid = Files.createDirectories(root.resolve("messages/invalid"));
        Files.copy(REPO_VECTORS.resolve("messages/invalid/0305-request-without-purpose.json"),
            invalid.resolve("0305-request-without-purpose.json"));
        Files.copy(REPO_VECTORS.resolve("messages/invalid/0305-request-without-purpose.expected.json"),
            invalid.resolve("0305-request-without-purpose.expected.json"));
        generateCrypto(root, KeyProfile.P256);
        p256Folder = root;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return p256Folder;
  }

  private static void generate(Path root) throws IOException {
    copyTree(REPO_VECTORS.resolve("messages"), root.resolve("messages"));
    generateCrypto(root, KeyProfile.ED25519_X25519);
  }

  private static void generateCrypto(Path root, KeyProfile profile) throws IOException {
    InsecureDevelopmentNetwork.Builder nb = InsecureDevelopmentNetwork.builder("PCCC-TEST").insecureSeed(977L)
        .profile(profile).issuedAt(Instant.parse("2026-01-01T00:00:00Z"));
    CENTRES.forEach(nb::centre);
    InsecureDevelopmentNetwork network = nb.build();
    for (String centre : CENTRES.keySet()) {
      writeKeys(network.keys(centre), root.resolve("keys").resolve(centre));
    }
    Path dir = Files.createDirectories(root.resolve("directory"));
    Files.write(dir.resolve("directory.jws"), network.signedDirectory());
    Files.write(dir.resolve("directory.json"), PcccJson.create().writeDocument(network.directory().directory()));
    Files.writeString(dir.resolve("coordinator-cert.pem"), Pem.writeCertificate(network.coordinatorCertificate()));

    // A stranger: keys of another network, not in the directory.
    CentreKeys stranger = InsecureDevelopmentNetwork.builder("OTHER").insecureSeed(5L).profile(profile)
        .centre("MK-RS-TABANOVCE", "RS").build().keys("MK-RS-TABANOVCE");

    Envelopes e = new Envelopes(root, network);
    Path valid = root.resolve("messages/valid");
    byte[] request = Files.readAllBytes(valid.resolve("request-person-document.json"));
    byte[] alert = Files.readAllBytes(valid.resolve("alert-stolen-vehicle.json"));
    byte[] report = Files.readAllBytes(valid.resolve("situation-report.json"));
    byte[] notice = Files.readAllBytes(valid.resolve("notice-surveillance-bg.json"));

    e.ok("request-person-document", request, "MK-GR-BOGORODICA-MK", "request-person-document.json");
    e.ok("alert-three-recipients", alert, "BG-MK-GYUESHEVO", "alert-stolen-vehicle.json");
    e.ok("situation-report-two-recipients", report, "MK-GR-BOGORODICA", "situation-report.json");
    e.ok("notice-h3-bg", notice, "MK-GR-BOGORODICA", "notice-surveillance-bg.json");

    String sealedAlert = e.seal(alert);
    e.rejected("not-a-recipient", sealedAlert, "MK-GR-BOGORODICA-MK", e.at(alert), "PCCC-2005");
    e.rejected("tampered-ciphertext", tamper(sealedAlert, "ciphertext"), "MK-RS-TABANOVCE", e.at(alert), "PCCC-2006");
    e.rejected("tampered-tag", tamper(sealedAlert, "tag"), "MK-RS-TABANOVCE", e.at(alert), "PCCC-2006");
    e.rejected("tampered-protected-header", tamperProtected(sealedAlert), "MK-RS-TABANOVCE", e.at(alert), "PCCC-2006");
    e.rejected("clock-skew-too-old", sealedAlert, "MK-RS-TABANOVCE", e.at(alert).plus(Duration.ofDays(30)), "PCCC-2015");
    e.rejected("clock-skew-future", sealedAlert, "MK-RS-TABANOVCE", e.at(alert).minus(Duration.ofHours(1)), "PCCC-2015");
    e.rejected("forbidden-header-jku", editRecipient(sealedAlert, "jku", "https://attacker.example/keys"),
        "MK-RS-TABANOVCE", e.at(alert), "PCCC-2004");
    e.rejected("key-management-not-allowed", editRecipients(sealedAlert, "alg", "RSA-OAEP-256"),
        "MK-RS-TABANOVCE", e.at(alert), "PCCC-2003");
    e.rejected("malformed-not-json", "this is not an envelope", "MK-RS-TABANOVCE", e.at(alert), "PCCC-2002");

    // request-person-document: sender MK-GR-BOGORODICA, recipient MK-GR-BOGORODICA-MK.
    CentreKeys gr = network.keys("MK-GR-BOGORODICA");
    CentreKeys rs = network.keys("MK-RS-TABANOVCE");
    String to = "MK-GR-BOGORODICA-MK";
    e.rejected("sender-mismatch", e.custom(request, rs.signing(), sign(rs.signing(), request, EnvelopeTypes.MESSAGE),
        EnvelopeTypes.ENVELOPE, to), to, e.at(request), "PCCC-2012");
    e.rejected("recipient-not-named", e.custom(request, gr.signing(), sign(gr.signing(), request, EnvelopeTypes.MESSAGE),
        EnvelopeTypes.ENVELOPE, "BG-MK-GYUESHEVO"), "BG-MK-GYUESHEVO", e.at(request), "PCCC-2013");
    e.rejected("signer-unknown", e.custom(request, stranger.signing(),
        sign(stranger.signing(), request, EnvelopeTypes.MESSAGE), EnvelopeTypes.ENVELOPE, to), to, e.at(request), "PCCC-2008");
    String good = sign(gr.signing(), request, EnvelopeTypes.MESSAGE);
    String badSignature = good.substring(0, good.lastIndexOf('.') + 1)
        + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[64]);
    e.rejected("signature-invalid", e.custom(request, gr.signing(), badSignature, EnvelopeTypes.ENVELOPE, to),
        to, e.at(request), "PCCC-2007");
    String none = b64(("{\"alg\":\"none\",\"typ\":\"pccc-message\",\"x5t#S256\":\"" + gr.signing().x5tS256() + "\"}")
        .getBytes(StandardCharsets.UTF_8)) + "." + b64(request) + ".";
    e.rejected("alg-none", e.custom(request, gr.signing(), none, EnvelopeTypes.ENVELOPE, to), to, e.at(request), "PCCC-2003");
    e.rejected("wrong-envelope-typ", e.custom(request, gr.signing(), good, "JOSE", to), to, e.at(request), "PCCC-2002");
    e.rejected("wrong-message-typ", e.custom(request, gr.signing(), sign(gr.signing(), request, "JWT"),
        EnvelopeTypes.ENVELOPE, to), to, e.at(request), "PCCC-2002");
    byte[] invalidMessage = Files.readAllBytes(root.resolve("messages/invalid/0305-request-without-purpose.json"));
    e.rejected("message-invalid", e.custom(invalidMessage, gr.signing(), sign(gr.signing(), invalidMessage, EnvelopeTypes.MESSAGE),
        EnvelopeTypes.ENVELOPE, to), to, e.at(request), "PCCC-2016");
  }

  private static String sign(SigningKeyPair key, byte[] payload, String typ) {
    JwsHeader header = JwsHeader.builder().keyId(key.x5tS256()).x5tS256(key.x5tS256()).type(typ).build();
    return Jws.sign(payload, header, key.privateKey(), JcaProviders.defaults());
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Changes one character in the middle of a base64url member of the JWE. */
  private static String tamper(String jwe, String member) {
    try {
      ObjectNode tree = (ObjectNode) MAPPER.readTree(jwe);
      String v = tree.get(member).asText();
      int i = v.length() / 2;
      char c = v.charAt(i) == 'A' ? 'B' : 'A';
      tree.put(member, v.substring(0, i) + c + v.substring(i + 1));
      return MAPPER.writeValueAsString(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sets a member in the (unprotected) header of the first recipient entry. */
  private static String editRecipient(String jwe, String name, String value) {
    try {
      ObjectNode tree = (ObjectNode) MAPPER.readTree(jwe);
      ((ObjectNode) tree.get("recipients").get(0).get("header")).put(name, value);
      return MAPPER.writeValueAsString(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sets a member in the (unprotected) header of every recipient entry. */
  private static String editRecipients(String jwe, String name, String value) {
    try {
      ObjectNode tree = (ObjectNode) MAPPER.readTree(jwe);
      for (JsonNode r : tree.get("recipients")) {
        ((ObjectNode) r.get("header")).put(name, value);
      }
      return MAPPER.writeValueAsString(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces the protected header by an equivalent one with members in another order. */
  private static String tamperProtected(String jwe) {
    try {
      ObjectNode tree = (ObjectNode) MAPPER.readTree(jwe);
      JsonNode header = MAPPER.readTree(Base64.getUrlDecoder().decode(tree.get("protected").asText()));
      ObjectNode reordered = MAPPER.createObjectNode();
      List<String> names = new java.util.ArrayList<>();
      header.fieldNames().forEachRemaining(names::add);
      java.util.Collections.reverse(names);
      for (String n : names) {
        reordered.set(n, header.get(n));
      }
      tree.put("protected", b64(MAPPER.writeValueAsBytes(reordered)));
      return MAPPER.writeValueAsString(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Envelopes {
    private final Path root;
    private final InsecureDevelopmentNetwork network;
    private final PcccJson json = PcccJson.create();

    Envelopes(Path root, InsecureDevelopmentNetwork network) {
      this.root = root;
      this.network = network;
    }

    Instant at(byte[] message) {
      return json.readValid(message).header().createdAt().plus(Duration.ofMinutes(1));
    }

    String seal(byte[] message) {
      Message m = json.readValid(message);
      return network.sealer(m.header().sender().centreId()).seal(m).text();
    }

    /** An envelope built by hand: any JWS, encrypted to one centre with the given JWE typ. */
    String custom(byte[] message, SigningKeyPair unused, String jws, String typ, String recipient) {
      CentreKeys keys = network.keys(recipient);
      JweHeader header = JweHeader.builder().type(typ).contentType(EnvelopeTypes.MESSAGE).build();
      return Jwe.encrypt(jws.getBytes(StandardCharsets.US_ASCII), header,
          List.of(new JweRecipient(keys.encryption().kid(), keys.encryption().publicKey())), JcaProviders.defaults());
    }

    void ok(String name, byte[] message, String recipient, String messageFile) throws IOException {
      String envelope = seal(message);
      Instant at = at(message);
      String actual = javaOutcome(envelope, recipient, at);
      if (!"ok".equals(actual)) {
        throw new IllegalStateException("fixture " + name + ": Java rejects it with " + actual);
      }
      write("valid", name, envelope, Map.of("recipient", recipient, "result", "ok", "message", messageFile,
          "openAt", at.toString()));
    }

    void rejected(String name, String envelope, String recipient, Instant at, String code) throws IOException {
      String actual = javaOutcome(envelope, recipient, at);
      if (!code.equals(actual)) {
        throw new IllegalStateException("fixture " + name + ": intended " + code + " but Java gives " + actual);
      }
      write("invalid", name, envelope, Map.of("recipient", recipient, "result", "rejected", "code", code,
          "openAt", at.toString()));
    }

    private String javaOutcome(String envelope, String recipient, Instant at) {
      EnvelopeOpener opener = EnvelopeOpener.builder(network.keys(recipient), network.directory(),
          org.pccc.crypto.ReplayGuard.inMemoryNotSurvivingRestart())
          .clock(Clock.fixed(at, ZoneOffset.UTC)).build();
      try {
        opener.open(envelope.getBytes(StandardCharsets.UTF_8));
        return "ok";
      } catch (CryptoException e) {
        return e.errorCode().code();
      }
    }

    private void write(String group, String name, String envelope, Map<String, String> expected) throws IOException {
      Path dir = Files.createDirectories(root.resolve("envelopes").resolve(group));
      Files.writeString(dir.resolve(name + ".json"), envelope);
      Map<String, String> ordered = new java.util.TreeMap<>(expected);
      Files.writeString(dir.resolve(name + ".expected.json"), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(ordered));
    }
  }

  private static void writeKeys(CentreKeys keys, Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("signing-key.pem"), Pem.writePrivateKey(keys.signing().privateKey()));
    Files.writeString(dir.resolve("signing-cert.pem"), Pem.writeCertificates(keys.signing().certificateChain()));
    Files.writeString(dir.resolve("encryption-key.pem"), Pem.writePrivateKey(keys.encryption().privateKey()));
    Files.writeString(dir.resolve("encryption-cert.pem"), Pem.writeCertificates(keys.encryption().certificateChain()));
    Files.writeString(dir.resolve("centre-id"), keys.centreId() + "\n");
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  static void deleteTree(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // best effort
    }
  }
}
