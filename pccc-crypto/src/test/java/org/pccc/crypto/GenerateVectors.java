package org.pccc.crypto;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.pccc.crypto.jose.AlgorithmPolicy;
import org.pccc.crypto.jose.JcaProviders;
import org.pccc.crypto.jose.Jwe;
import org.pccc.crypto.jose.JweHeader;
import org.pccc.crypto.jose.JweRecipient;
import org.pccc.crypto.jose.Jwk;
import org.pccc.crypto.jose.Jws;
import org.pccc.crypto.pki.CentreKeys;
import org.pccc.crypto.pki.CertificateEntry;
import org.pccc.crypto.pki.CertifiedKeyPair;
import org.pccc.crypto.pki.Pem;
import org.pccc.model.Examples;
import org.pccc.model.Header;
import org.pccc.model.Message;
import org.pccc.model.Party;
import org.pccc.model.json.PcccJson;

/**
 * Writes the published test vectors in {@code pccc-crypto/vectors/} (see its README.md). Not a
 * test: skipped unless run on purpose, from the repository root, with
 *
 * <pre>
 * mvn -B -q -o -pl pccc-model,pccc-crypto test -Dtest=GenerateVectors -Dpccc.vectors.write=true -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * <p>Keys, certificates and the signed directory come from a seeded development network, and the
 * randomness of the envelopes (content keys, IVs, ephemeral keys) from a seeded SHA1PRNG, so a
 * rerun on the same JDK normally reproduces the same bytes; {@link VectorsTest} does not rely on
 * that, it checks the files as they are. The folder is deleted and written afresh.
 */
class GenerateVectors {
  static final Path DIR = Path.of("vectors");
  static final String NETWORK_ID = "PCCC-VECTORS";
  static final String A = "RS-MK-PRESEVO";
  static final String B = "MK-RS-TABANOVCE";
  static final String C = "BG-MK-GYUESHEVO";
  static final Map<String, String> COUNTRY = Map.of(A, "RS", B, "MK", C, "BG");
  static final Instant CREATED = Instant.parse("2026-11-30T12:00:00Z");
  static final Instant OPEN_AT = CREATED.plus(Duration.ofMinutes(1));

  private static final PcccJson JSON = PcccJson.create();
  private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final InsecureDevelopmentNetwork net = InsecureDevelopmentNetwork.builder(NETWORK_ID)
      .insecureSeed(20261130L)
      .issuedAt(Instant.parse("2026-11-01T00:00:00Z"))
      .centre(A, "RS")
      .centre(B, "MK")
      .centre(C, "BG")
      .build();
  /** A network with the same centre ids and other keys: its signers are unknown to ours. */
  private final InsecureDevelopmentNetwork outsider = InsecureDevelopmentNetwork.builder("PCCC-OUTSIDER")
      .insecureSeed(666)
      .issuedAt(Instant.parse("2026-11-01T00:00:00Z"))
      .centre(A, "RS")
      .centre(B, "MK")
      .build();
  private final JcaProviders providers;
  /** Relative path to a one-line description, in the order written; the README lists them. */
  private final Map<String, String> files = new LinkedHashMap<>();

  GenerateVectors() throws NoSuchAlgorithmException {
    SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
    random.setSeed(20261130L);
    providers = JcaProviders.defaults().withSecureRandom(random);
  }

  @Test
  @EnabledIfSystemProperty(named = "pccc.vectors.write", matches = "true")
  void write() throws IOException {
    deleteRecursively(DIR);
    writeKeys();
    writeDirectory();
    writeEnvelopes();
    writeReadme();
  }

  // ---------------------------------------------------------------- keys and directory

  private void writeKeys() {
    for (String country : List.of("RS", "MK", "BG")) {
      text("keys/roots/" + country + ".pem", Pem.writeCertificate(net.pki().rootCertificate(country)),
          "root CA certificate of country " + country + " (self-signed, Ed25519)");
    }
    for (String centre : List.of(A, B, C)) {
      CentreKeys keys = net.keys(centre);
      writeKeyPair(centre, "signing", keys.signing(), "Ed25519");
      writeKeyPair(centre, "encryption", keys.encryption(), "X25519");
    }
  }

  private void writeKeyPair(String centre, String purpose, CertifiedKeyPair pair, String algorithm) {
    String folder = "keys/" + centre + "/";
    text(folder + purpose + "-key.pem", Pem.writePrivateKey(pair.privateKey()),
        centre + " " + purpose + " private key, " + algorithm + ", unencrypted PKCS#8 PEM");
    text(folder + purpose + "-key.jwk.json", Jwk.toPrivateJwk(pair.privateKey(), pair.x5tS256()) + "\n",
        "the same key as a private JWK (kid = x5t#S256 of the certificate)");
    text(folder + purpose + "-cert.pem", Pem.writeCertificate(pair.certificate()),
        centre + " " + purpose + " certificate, issued by the root of " + COUNTRY.get(centre));
  }

  private void writeDirectory() {
    byte[] signed = net.signedDirectory();
    bytes("directory/directory.jws", signed,
        "the network directory as the coordinator signed it: JWS compact serialization, ASCII, no newline");
    bytes("directory/directory.json", Jws.parse(new String(signed, StandardCharsets.US_ASCII)).unverifiedPayloadForInspection(),
        "the payload of directory.jws, byte for byte (for reading; trust only the verified JWS)");
    text("directory/coordinator-cert.pem", Pem.writeCertificate(net.coordinatorCertificate()),
        "the network coordinator's signing certificate: pin it to verify directory.jws");
  }

  // ---------------------------------------------------------------- envelopes

  private void writeEnvelopes() {
    Message alert = message("alert-stolen-vehicle.json", 1, CREATED, A, B, C);
    byte[] alertEnvelope = seal(A, alert);
    messageFile("alert-stolen-vehicle.json", alert, "stolen-vehicle alert from " + A + " to " + B + " and " + C);
    valid("alert-a-to-b-and-c.at-b", alertEnvelope, B, A, "alert-stolen-vehicle.json",
        "an envelope with two recipients, opened by the first");
    valid("alert-a-to-b-and-c.at-c", alertEnvelope, C, A, "alert-stolen-vehicle.json",
        "the same bytes, opened by the second recipient");

    Message person = message("request-person-document.json", 2, CREATED, B, A);
    messageFile("request-person-document.json", person, "person and travel document request from " + B + " to " + A);
    valid("request-person-b-to-a", seal(B, person), A, B, "request-person-document.json",
        "one recipient; names in Cyrillic, Greek and Latin script");

    Message hit = message("reply-hit-vehicle.json", 3, CREATED, C, A);
    messageFile("reply-hit-vehicle.json", hit, "reply (hit) from " + C + " to " + A);
    valid("reply-hit-c-to-a", seal(C, hit), A, C, "reply-hit-vehicle.json", "a reply");

    Message vehicle = message("request-vehicle-urgent.json", 4, CREATED, A, B);
    byte[] vehicleEnvelope = seal(A, vehicle);
    messageFile("request-vehicle-urgent.json", vehicle, "urgent vehicle request from " + A + " to " + B);
    valid("request-vehicle-a-to-b", vehicleEnvelope, B, A, "request-vehicle-urgent.json",
        "one recipient; the invalid vectors marked 'from request-vehicle-a-to-b' are changed copies of it");

    writeTampered(vehicleEnvelope);
    writeMisaddressed(vehicle, vehicleEnvelope);
    writeForgedSignatures();
    writeWrongContent();
    writeTimes();
  }

  private void writeTampered(byte[] envelope) {
    invalid("tampered-ciphertext", flipDecoded(envelope, "ciphertext"), B, ErrorCode.DECRYPTION_FAILED,
        "from request-vehicle-a-to-b: first byte of the decoded ciphertext XOR 0x01");
    invalid("tampered-tag", flipDecoded(envelope, "tag"), B, ErrorCode.DECRYPTION_FAILED,
        "from request-vehicle-a-to-b: first byte of the decoded tag XOR 0x01");
    invalid("tampered-iv", flipDecoded(envelope, "iv"), B, ErrorCode.DECRYPTION_FAILED,
        "from request-vehicle-a-to-b: first byte of the decoded iv XOR 0x01");
    invalid("tampered-encrypted-key", flipDecoded(envelope, "recipients/0/encrypted_key"), B, ErrorCode.DECRYPTION_FAILED,
        "from request-vehicle-a-to-b: first byte of the decoded encrypted_key XOR 0x01 (same message as a bad tag)");
    ObjectNode reordered = tree(envelope);
    reordered.put("protected", EnvelopeFixtures.b64(
        "{\"typ\":\"pccc-envelope\",\"enc\":\"A256GCM\",\"cty\":\"pccc-message\"}".getBytes(StandardCharsets.UTF_8)));
    invalid("tampered-protected-header", write(reordered), B, ErrorCode.DECRYPTION_FAILED,
        "from request-vehicle-a-to-b: the protected header with the same members in another order; the AAD "
            + "is the encoded header as sent, so decryption fails");
    String text = new String(envelope, StandardCharsets.UTF_8);
    invalid("duplicate-member", text.replaceFirst("\\{\"protected\":", "{\"protected\":\"e30\",\"protected\":")
            .getBytes(StandardCharsets.UTF_8), B, ErrorCode.MALFORMED_ENVELOPE,
        "from request-vehicle-a-to-b: a second \"protected\" member; JSON with duplicate members is refused");
    invalid("oversize", envelope, B, ErrorCode.ENVELOPE_TOO_LARGE,
        "the bytes of request-vehicle-a-to-b, opened with maxEnvelopeBytes 1024", Map.of("maxEnvelopeBytes", 1024));
  }

  private void writeMisaddressed(Message vehicle, byte[] envelope) {
    invalid("wrong-recipient", envelope, C, ErrorCode.NOT_A_RECIPIENT,
        "the bytes of request-vehicle-a-to-b, opened by a centre it is not encrypted to");
    byte[] jws = Jwe.parse(envelope, Jwe.DEFAULT_MAX_BYTES)
        .decrypt(net.keys(B).encryption().kid(), net.keys(B).encryption().privateKey(), AlgorithmPolicy.defaults());
    invalid("forwarded", encryptTo(jws, C), C, ErrorCode.RECIPIENT_NOT_NAMED,
        "the signed message of request-vehicle-a-to-b, decrypted by its recipient and re-encrypted to a third "
            + "centre; the signature is intact but the message does not name the third centre");
    invalid("replayed", seal(A, vehicle), B, ErrorCode.REPLAY,
        "the message of request-vehicle-a-to-b sealed again (other bytes, same message id); open "
            + "envelopes/valid/request-vehicle-a-to-b.json first with the same replay memory",
        Map.of("precededBy", "envelopes/valid/request-vehicle-a-to-b.json"));
  }

  private void writeForgedSignatures() {
    Message m = message("request-person-document.json", 10, CREATED, A, B);
    byte[] payload = JSON.write(m);
    String x5tA = net.keys(A).signing().x5tS256();
    String header = messageHeader(x5tA, "EdDSA", EnvelopeTypes.MESSAGE);
    invalid("alg-none", encryptTo(ascii(EnvelopeFixtures.unsigned(header.replace("EdDSA", "none"), payload, "")), B),
        B, ErrorCode.ALGORITHM_NOT_ALLOWED, "inner JWS with alg \"none\" and an empty signature");
    invalid("alg-mismatch", encryptTo(ascii(signRaw(header.replace("EdDSA", "ES256"), payload, A)), B),
        B, ErrorCode.ALGORITHM_NOT_ALLOWED,
        "inner JWS header says ES256, the signer's certificate is Ed25519 (signature made with Ed25519)");
    // The sender's own key and certificate, correctly signed: the only fault is the parameter.
    invalid("jwk-in-header", encryptTo(ascii(signRaw(header.replace("}",
            ",\"jwk\":" + Jwk.toPublicJwk(net.keys(A).signing().publicKey()) + "}"), payload, A)), B),
        B, ErrorCode.FORBIDDEN_HEADER,
        "inner JWS, correctly signed by the sender, whose header also carries the sender's public key as jwk");
    invalid("x5c-in-header", encryptTo(ascii(signRaw(header.replace("}",
            ",\"x5c\":[\"" + der(net.keys(A).signing().certificate()) + "\"]}"), payload, A)), B),
        B, ErrorCode.FORBIDDEN_HEADER,
        "inner JWS, correctly signed by the sender, whose header also carries the sender's certificate as x5c");
    invalid("crit-in-header", encryptTo(ascii(signRaw(header.replace("}", ",\"crit\":[\"exp\"],\"exp\":1}"), payload, A)), B),
        B, ErrorCode.FORBIDDEN_HEADER, "inner JWS with a crit header parameter (no extension is understood)");
    String good = signRaw(header, payload, A);
    invalid("stripped-signature", encryptTo(ascii(good.substring(0, good.lastIndexOf('.') + 1)), B), B,
        ErrorCode.SIGNATURE_INVALID, "inner JWS with an empty signature part");
    String[] parts = good.split("\\.");
    byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
    signature[0] ^= 1;
    invalid("signature-invalid", encryptTo(ascii(parts[0] + "." + parts[1] + "." + EnvelopeFixtures.b64(signature)), B), B,
        ErrorCode.SIGNATURE_INVALID, "inner JWS whose signature has its first byte XOR 0x01");
    invalid("unknown-signer", EnvelopeSealer.builder(outsider.keys(A), net.directory()).providers(providers)
            .clock(Clock.fixed(CREATED, ZoneOffset.UTC)).build().seal(message("request-person-document.json", 11, CREATED, A, B)).bytes(),
        B, ErrorCode.SIGNER_UNKNOWN,
        "sealed by a centre with the sender's id but keys of another PKI: its certificate is not in the directory");
    String x5tC = net.keys(C).signing().x5tS256();
    invalid("sender-mismatch", encryptTo(ascii(signRaw(messageHeader(x5tC, "EdDSA", EnvelopeTypes.MESSAGE), payload, C)), B),
        B, ErrorCode.SENDER_MISMATCH,
        "signed with the listed key of " + C + " but the message header names " + A + " as sender");
  }

  private void writeWrongContent() {
    Message m = message("request-person-document.json", 20, CREATED, A, B);
    byte[] payload = JSON.write(m);
    String x5tA = net.keys(A).signing().x5tS256();
    invalid("receipt-typ", encryptTo(ascii(signRaw(messageHeader(x5tA, "EdDSA", EnvelopeTypes.RECEIPT), payload, A)), B),
        B, ErrorCode.MALFORMED_ENVELOPE, "inner JWS typed pccc-receipt instead of pccc-message");
    invalid("not-a-jws", encryptTo(payload, B), B, ErrorCode.MALFORMED_ENVELOPE,
        "the JWE holds the message JSON itself, not a JWS");
    invalid("envelope-typ-missing", encryptTo(ascii(signRaw(messageHeader(x5tA, "EdDSA", EnvelopeTypes.MESSAGE), payload, A)),
                JweHeader.builder().contentType(EnvelopeTypes.MESSAGE).build(), B),
        B, ErrorCode.MALFORMED_ENVELOPE, "the JWE protected header has no typ pccc-envelope");
    // Both B and the sender A as recipients: B is named, the signature is good, the only fault
    // is the rule that a sender is never among its recipients.
    Header h = m.header();
    Message selfAddressed = Message.of(h.toBuilder()
        .recipients(List.of(Party.of(B, COUNTRY.get(B)), Party.of(A, COUNTRY.get(A)))).build(), m.body());
    invalid("message-invalid", encryptTo(ascii(signRaw(messageHeader(x5tA, "EdDSA", EnvelopeTypes.MESSAGE),
            JSON.write(selfAddressed), A)), B), B, ErrorCode.MESSAGE_INVALID,
        "correctly signed and encrypted to " + B + ", but the message also names its own sender as recipient");
  }

  private void writeTimes() {
    Message future = message("request-person-document.json", 30, CREATED.plus(Duration.ofMinutes(10)), A, B);
    invalid("created-in-the-future", seal(A, future), B, ErrorCode.CLOCK_SKEW,
        "createdAt 9 minutes after openAt (more than the 5 minutes of clock skew allowed)");
    Message old = message("request-person-document.json", 31, OPEN_AT.minus(Duration.ofDays(9)), A, B);
    invalid("too-old", seal(A, old), B, ErrorCode.CLOCK_SKEW, "createdAt 9 days before openAt (more than 8 days)");
    Instant early = Instant.parse("2024-12-31T12:00:00Z");
    Message beforeCertificate = message("request-person-document.json", 32, early, A, B);
    invalid("certificate-not-yet-valid", seal(A, beforeCertificate), B, ErrorCode.CERTIFICATE_NOT_VALID,
        "createdAt before the signer's certificate is valid (from 2025-01-01); openAt is next to createdAt",
        Map.of("openAt", early.plus(Duration.ofMinutes(1)).toString()));
  }

  // ---------------------------------------------------------------- helpers

  private Message message(String example, int number, Instant createdAt, String from, String... to) {
    Message template = JSON.readValid(Examples.read(example));
    UUID id = UUID.fromString(String.format("00000000-0000-4000-8000-%012d", number));
    List<Party> recipients = new ArrayList<>();
    for (String centre : to) {
      recipients.add(Party.of(centre, COUNTRY.get(centre)));
    }
    Header header = template.header().toBuilder().messageId(id).conversationId(id)
        .sender(Party.of(from, COUNTRY.get(from))).recipients(recipients).createdAt(createdAt).build();
    Message message = Message.of(header, template.body());
    if (!JSON.validator().validate(message).isValid()) {
      throw new IllegalStateException("vector message " + number + " is not valid");
    }
    return message;
  }

  private byte[] seal(String centre, Message message) {
    return EnvelopeSealer.builder(net.keys(centre), net.directory()).providers(providers)
        .clock(Clock.fixed(CREATED, ZoneOffset.UTC)).build().seal(message).bytes();
  }

  private byte[] encryptTo(byte[] plaintext, String... centres) {
    return encryptTo(plaintext, JweHeader.builder().type(EnvelopeTypes.ENVELOPE).contentType(EnvelopeTypes.MESSAGE).build(),
        centres);
  }

  private byte[] encryptTo(byte[] plaintext, JweHeader header, String... centres) {
    List<JweRecipient> recipients = new ArrayList<>();
    for (String centre : centres) {
      CertificateEntry entry = net.directory().encryptionCertificate(centre, CREATED).orElseThrow();
      recipients.add(new JweRecipient(entry.kid(), entry.certificate().getPublicKey()));
    }
    return Jwe.encrypt(plaintext, header, recipients, providers).getBytes(StandardCharsets.UTF_8);
  }

  private static String messageHeader(String x5t, String alg, String typ) {
    return "{\"alg\":\"" + alg + "\",\"kid\":\"" + x5t + "\",\"x5t#S256\":\"" + x5t + "\",\"typ\":\"" + typ + "\"}";
  }

  private String signRaw(String header, byte[] payload, String centre) {
    return signRawWith(header, payload, net.keys(centre));
  }

  private static String signRawWith(String header, byte[] payload, CentreKeys keys) {
    return EnvelopeFixtures.signRaw(header, payload, keys.signing().privateKey());
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static String der(X509Certificate certificate) {
    try {
      return Base64.getEncoder().encodeToString(certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode tree(byte[] envelope) {
    try {
      return (ObjectNode) PRETTY.readTree(envelope);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] write(ObjectNode node) {
    try {
      return new ObjectMapper().writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Flips the first byte of a base64url member, addressed as "name" or "recipients/0/name". */
  private static byte[] flipDecoded(byte[] envelope, String path) {
    ObjectNode root = tree(envelope);
    ObjectNode holder = root;
    String[] steps = path.split("/");
    if (steps.length == 3) {
      holder = (ObjectNode) root.get(steps[0]).get(Integer.parseInt(steps[1]));
    }
    String name = steps[steps.length - 1];
    byte[] decoded = Base64.getUrlDecoder().decode(holder.get(name).asText());
    decoded[0] ^= 1;
    holder.put(name, EnvelopeFixtures.b64(decoded));
    return write(root);
  }

  private void messageFile(String name, Message message, String description) {
    bytes("messages/" + name, JSON.write(message),
        description + "; canonical UTF-8 JSON, byte for byte the signed JWS payload");
  }

  private void valid(String name, byte[] envelope, String recipient, String signer, String messageFile, String description) {
    String path = "envelopes/valid/" + name;
    bytes(path + ".json", envelope, "valid: " + description);
    ObjectNode expected = PRETTY.createObjectNode();
    expected.put("recipient", recipient);
    expected.put("result", "ok");
    expected.put("messageFile", "messages/" + messageFile);
    expected.put("signer", signer);
    expected.put("openAt", OPEN_AT.toString());
    expected.put("description", description);
    expectedFile(path, expected, "what " + recipient + " gets from " + name + ".json");
  }

  private void invalid(String name, byte[] envelope, String recipient, ErrorCode code, String description) {
    invalid(name, envelope, recipient, code, description, Map.of());
  }

  private void invalid(String name, byte[] envelope, String recipient, ErrorCode code, String description,
      Map<String, Object> extra) {
    String path = "envelopes/invalid/" + name;
    bytes(path + ".json", envelope, code.code() + " " + code.name() + ": " + description);
    ObjectNode expected = PRETTY.createObjectNode();
    expected.put("recipient", recipient);
    expected.put("result", "rejected");
    expected.put("code", code.code());
    expected.put("openAt", extra.getOrDefault("openAt", OPEN_AT.toString()).toString());
    if (extra.containsKey("maxEnvelopeBytes")) {
      expected.put("maxEnvelopeBytes", (Integer) extra.get("maxEnvelopeBytes"));
    }
    if (extra.containsKey("precededBy")) {
      expected.put("precededBy", (String) extra.get("precededBy"));
    }
    expected.put("description", description);
    expectedFile(path, expected, "expected result: " + code.code());
  }

  private void expectedFile(String path, ObjectNode expected, String description) {
    try {
      text(path + ".expected.json", PRETTY.writeValueAsString(expected) + "\n", description);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void text(String path, String content, String description) {
    bytes(path, content.getBytes(StandardCharsets.UTF_8), description);
  }

  private void bytes(String path, byte[] content, String description) {
    if (files.put(path, description) != null) {
      throw new IllegalStateException("written twice: " + path);
    }
    try {
      Path file = DIR.resolve(path);
      Files.createDirectories(file.getParent());
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeReadme() throws IOException {
    String template;
    try (InputStream in = GenerateVectors.class.getResourceAsStream("vectors-README.template.md")) {
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    StringBuilder table = new StringBuilder("| file | what it is |\n|---|---|\n");
    for (Map.Entry<String, String> e : files.entrySet()) {
      table.append("| `").append(e.getKey()).append("` | ").append(e.getValue().replace("|", "\\|")).append(" |\n");
    }
    Files.writeString(DIR.resolve("README.md"), template.replace("{{FILES}}", table.toString().strip()),
        StandardCharsets.UTF_8);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
