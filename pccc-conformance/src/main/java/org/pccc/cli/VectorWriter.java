package org.pccc.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.pccc.crypto.EnvelopeOpener;
import org.pccc.crypto.EnvelopeRejectedException;
import org.pccc.crypto.EnvelopeSealer;
import org.pccc.crypto.EnvelopeTypes;
import org.pccc.crypto.ErrorCode;
import org.pccc.crypto.InsecureDevelopmentNetwork;
import org.pccc.crypto.SealedEnvelope;
import org.pccc.crypto.TrustedDirectory;
import org.pccc.crypto.VerifiedMessage;
import org.pccc.crypto.jose.AlgorithmPolicy;
import org.pccc.crypto.jose.Jwe;
import org.pccc.crypto.jose.JweHeader;
import org.pccc.crypto.jose.JweRecipient;
import org.pccc.crypto.jose.Jws;
import org.pccc.crypto.jose.JwsHeader;
import org.pccc.crypto.jose.JcaProviders;
import org.pccc.crypto.pki.CentreKeys;
import org.pccc.crypto.pki.CertificateEntry;
import org.pccc.crypto.pki.CertificateValidity;
import org.pccc.crypto.pki.InsecureDevelopmentPki;
import org.pccc.crypto.pki.SigningKeyPair;
import org.pccc.model.Examples;
import org.pccc.model.Message;
import org.pccc.model.Party;
import org.pccc.model.code.MessageKind;
import org.pccc.model.directory.BilateralPolicy;
import org.pccc.model.json.PcccJson;

/**
 * Regenerates the golden test-vector folder, NOT FOR PRODUCTION (the keys are published), in the
 * layout the conformance suite reads:
 *
 * <pre>
 * OUT/NOT-FOR-PRODUCTION.txt
 * OUT/directory/directory.json, directory.jws, coordinator-cert.pem, coordinator-key.pem
 * OUT/keys/ID/                              key folders of the 3 centres ({@link KeyFolder})
 * OUT/messages/valid/NAME.json              every example message, as org.pccc.model.Examples has it
 * OUT/envelopes/valid/NAME.json             an example sealed by its sender for its first recipient
 * OUT/envelopes/valid/NAME.expected.json    {"recipient","result":"ok","openAt","message":"NAME.json",
 *                                            "messageId","sender","kind","sha256"}
 * OUT/envelopes/invalid/NAME.json           an envelope the recipient must refuse
 * OUT/envelopes/invalid/NAME.expected.json  {"recipient","result":"rejected","code","openAt","description"}
 * OUT/index.json                            {"network","notForProduction":true,"directory","coordinator",
 *                                            "keys":"keys/{recipient}","vectors":[{"name","recipient",
 *                                            "result","code"?,"openAt"}]}
 * </pre>
 *
 * <p>"message" names a file in {@code messages/valid/}. Open a vector with {@code pccc open --keys
 * OUT/keys/RECIPIENT --directory OUT/directory/directory.jws --coordinator
 * OUT/directory/coordinator-cert.pem --at OPENAT OUT/envelopes/invalid/NAME.json}. Other files in
 * OUT (for example more messages) are left alone; files of the same name are overwritten.
 *
 * <p>Every vector is opened once after it is written and the outcome checked against its
 * NAME.expected.json, so a folder this class writes never lies. Stateless and thread-safe.
 */
public final class VectorWriter {
  /** The network id of the vectors. */
  public static final String NETWORK_ID = "PCCC-VECTORS";
  /** The seed of the vector keys (insecure by design: vectors must be reproducible). */
  public static final long SEED = 20261130L;
  /** The sender of the invalid vectors. */
  public static final String SENDER = "MK-GR-BOGORODICA";
  /** The recipient of the invalid vectors (except the wrong-recipient and forwarded ones). */
  public static final String RECIPIENT = "MK-GR-BOGORODICA-MK";
  /** The third centre, which was never an addressee. */
  public static final String THIRD = "BG-MK-GYUESHEVO";
  /** The example message the invalid vectors are made from. */
  public static final String BASE_EXAMPLE = "request-person-document.json";
  /** How long after a message's createdAt a vector is opened. */
  public static final Duration OPEN_DELAY = Duration.ofMinutes(1);

  private static final Map<String, String> COUNTRIES = Map.of(SENDER, "GR", RECIPIENT, "MK", THIRD, "BG");

  /**
   * One vector as written.
   *
   * @param name the envelope file relative to OUT, for example {@code envelopes/invalid/tampered-tag.json};
   *     its expectation is the sibling {@code NAME.expected.json}
   * @param recipient the centre whose keys open it
   * @param accepted whether opening succeeds
   * @param code the expected error code if refused, else null
   * @param openAt the instant to open it at
   */
  public record Vector(String name, String recipient, boolean accepted, String code, Instant openAt) {}

  private VectorWriter() {}

  /**
   * When the sender's retired signing key stopped being valid: after the base example's createdAt
   * and before the vectors open it, so only an adapter that judges the certificate at opening
   * time refuses the backdated vector.
   */
  public static final Instant RETIRED_KEY_EXPIRY = Instant.parse("2026-11-30T20:00:00Z");

  /** Builds the vector network: the same keys and directory bytes for the same seed. */
  public static InsecureDevelopmentNetwork network() {
    InsecureDevelopmentNetwork.Builder b = InsecureDevelopmentNetwork.builder(NETWORK_ID)
        .insecureSeed(SEED).issuedAt(Instant.parse("2026-01-01T00:00:00Z"))
        // The vectors' directory expires with the seeded certificates, so that it never needs a maximum age.
        .expiresAt(InsecureDevelopmentPki.SEEDED_DEFAULT_VALIDITY.notAfter())
        // The third centre and the recipient agreed on alerts only (the policy-violation vector).
        .policy(new BilateralPolicy(THIRD, RECIPIENT, List.of(MessageKind.ALERT), List.of()))
        .retiredSigningCertificate(SENDER, retiredSenderKey().certificate());
    for (String id : List.of(SENDER, RECIPIENT, THIRD)) {
      b.centre(id, COUNTRIES.get(id), "PCCC " + id, List.of("mem:" + id), null);
    }
    return b.build();
  }

  /** The sender's signing key of an earlier rotation, still listed in the directory, expired at {@link #RETIRED_KEY_EXPIRY}. */
  static SigningKeyPair retiredSenderKey() {
    return InsecureDevelopmentPki.builder().insecureSeed(SEED + 2)
        .validity(new CertificateValidity(Instant.parse("2025-01-01T00:00:00Z"), RETIRED_KEY_EXPIRY))
        .centre(SENDER, COUNTRIES.get(SENDER), "Police").build().centre(SENDER).signing();
  }

  /**
   * Writes the vector folder.
   *
   * @param out the folder, created if missing
   * @return the vectors written
   * @throws IllegalStateException if a vector does not open as its expected.json says
   */
  public static List<Vector> write(Path out) {
    InsecureDevelopmentNetwork net = network();
    NetworkWriter.write(net, out);
    PcccJson json = PcccJson.create();
    Set<String> centres = new HashSet<>(COUNTRIES.keySet());
    List<Vector> vectors = new ArrayList<>();

    for (String name : Examples.names()) {
      Message m = json.readValid(Examples.read(name));
      String base = name.replaceFirst("\\.json$", "");
      // The example bytes as published (not re-serialised), so that regenerating leaves them as they are.
      Inputs.write(out.resolve("messages/valid").resolve(name), Examples.read(name));
      String sender = m.header().sender().centreId();
      List<String> to = m.header().recipients().stream().map(Party::centreId).toList();
      if (!centres.contains(sender) || !centres.containsAll(to)) {
        continue;
      }
      Instant openAt = m.header().createdAt().plus(OPEN_DELAY);
      SealedEnvelope env = sealer(net, sender, m).seal(m);
      String file = "envelopes/valid/" + base + ".json";
      Inputs.write(out.resolve(file), env.bytes());
      ObjectNode expected = Json.object().put("recipient", to.get(0)).put("result", "ok")
          .put("messageId", m.header().messageId().toString()).put("sender", sender)
          .put("kind", m.body().kind().code()).put("sha256", env.sha256())
          .put("openAt", openAt.toString()).put("message", name);
      Inputs.write(expectedFile(out, file), KeyFolder.utf8(Json.write(expected) + "\n"));
      vectors.add(check(net, out, new Vector(file, to.get(0), true, null, openAt)));
    }

    Message m = json.readValid(Examples.read(BASE_EXAMPLE));
    Instant openAt = m.header().createdAt().plus(OPEN_DELAY);
    SealedEnvelope sealed = sealer(net, SENDER, m).seal(m);
    String text = sealed.text();
    TrustedDirectory dir = net.directory();
    byte[] payload = json.write(m);

    vectors.add(invalid(net, out, "tampered-ciphertext", RECIPIENT, ErrorCode.DECRYPTION_FAILED, openAt,
        "one character of the ciphertext changed", flipMember(text, "ciphertext", 0.5)));
    vectors.add(invalid(net, out, "tampered-tag", RECIPIENT, ErrorCode.DECRYPTION_FAILED, openAt,
        "one character of the authentication tag changed", flipMember(text, "tag", 0.0)));
    vectors.add(invalid(net, out, "tampered-protected-header", RECIPIENT, ErrorCode.DECRYPTION_FAILED, openAt,
        "a member added to the JWE protected header (authenticated data)", tamperProtectedHeader(text)));
    vectors.add(invalid(net, out, "wrong-recipient", THIRD, ErrorCode.NOT_A_RECIPIENT, openAt,
        "opened by a centre the envelope is not encrypted to", text));
    String innerJws = new String(Jwe.parse(sealed.bytes(), EnvelopeOpener.DEFAULT_MAX_ENVELOPE_BYTES)
        .decrypt(net.keys(RECIPIENT).encryption().kid(), net.keys(RECIPIENT).encryption().privateKey(),
            AlgorithmPolicy.defaults(), JcaProviders.defaults()), StandardCharsets.US_ASCII);
    vectors.add(invalid(net, out, "forwarded", THIRD, ErrorCode.RECIPIENT_NOT_NAMED, openAt,
        "the recipient re-encrypted the sender's signed message to a third centre (surreptitious forwarding)",
        encrypt(dir, THIRD, innerJws, m.header().createdAt())));
    SigningKeyPair rogue = InsecureDevelopmentNetwork.builder("PCCC-ROGUE").insecureSeed(SEED + 1)
        .issuedAt(Instant.parse("2026-01-01T00:00:00Z")).centre(SENDER, "GR").build().keys(SENDER).signing();
    vectors.add(invalid(net, out, "unknown-signer", RECIPIENT, ErrorCode.SIGNER_UNKNOWN, openAt,
        "signed with a key of the sender's id that the directory does not list",
        encrypt(dir, RECIPIENT, sign(payload, rogue), m.header().createdAt())));
    SigningKeyPair realSender = net.keys(SENDER).signing();
    String noneHeader = "{\"alg\":\"none\",\"kid\":\"" + realSender.kid() + "\",\"typ\":\""
        + EnvelopeTypes.MESSAGE + "\",\"x5t#S256\":\"" + realSender.x5tS256() + "\"}";
    String unsigned = b64(noneHeader.getBytes(StandardCharsets.UTF_8)) + "." + b64(payload) + ".";
    vectors.add(invalid(net, out, "alg-none", RECIPIENT, ErrorCode.ALGORITHM_NOT_ALLOWED, openAt,
        "the inner JWS declares alg none and has no signature", encrypt(dir, RECIPIENT, unsigned, m.header().createdAt())));
    vectors.add(invalid(net, out, "sender-mismatch", RECIPIENT, ErrorCode.SENDER_MISMATCH, openAt,
        "signed by the recipient's own key while the header names another sender",
        encrypt(dir, RECIPIENT, sign(payload, net.keys(RECIPIENT).signing()), m.header().createdAt())));
    vectors.add(invalid(net, out, "expired", RECIPIENT, ErrorCode.CLOCK_SKEW,
        m.header().createdAt().plus(EnvelopeOpener.DEFAULT_MAX_AGE).plus(Duration.ofDays(1)),
        "a valid envelope opened after the accepted window (8 days by default)", text));

    Message toRecipientFromThird = Message.of(m.header().toBuilder()
        .messageId(java.util.UUID.fromString("6f1c2a57-4c1e-4a39-9b0e-2d7a0c3f5e21"))
        .conversationId(java.util.UUID.fromString("6f1c2a57-4c1e-4a39-9b0e-2d7a0c3f5e21"))
        .sender(Party.of(THIRD, COUNTRIES.get(THIRD))).recipients(Party.of(RECIPIENT, COUNTRIES.get(RECIPIENT)))
        .build(), m.body());
    vectors.add(invalid(net, out, "policy-violation", RECIPIENT, ErrorCode.POLICY_VIOLATION, openAt,
        "an information request between two centres whose bilateral policy in the directory allows alerts only",
        encrypt(dir, RECIPIENT, sign(json.write(toRecipientFromThird), net.keys(THIRD).signing()), m.header().createdAt())));
    vectors.add(invalid(net, out, "backdated-expired-signer", RECIPIENT, ErrorCode.CERTIFICATE_NOT_VALID,
        m.header().createdAt().plus(Duration.ofDays(1)),
        "signed with the sender's retired key, which the directory still lists and which was valid at the"
            + " message's createdAt but has expired when the envelope is opened: certificates are judged at opening",
        encrypt(dir, RECIPIENT, sign(payload, retiredSenderKey()), m.header().createdAt())));

    ObjectNode index = Json.object().put("network", NETWORK_ID).put("notForProduction", true)
        .put("directory", NetworkWriter.DIRECTORY_JWS).put("coordinator", NetworkWriter.COORDINATOR_CERT)
        .put("keys", NetworkWriter.CENTRES + "/{recipient}");
    ArrayNode list = index.putArray("vectors");
    for (Vector v : vectors) {
      ObjectNode o = list.addObject().put("name", v.name()).put("recipient", v.recipient())
          .put("result", v.accepted() ? "ok" : "rejected").put("openAt", v.openAt().toString());
      if (v.code() != null) {
        o.put("code", v.code());
      }
    }
    Inputs.write(out.resolve("index.json"), KeyFolder.utf8(Json.write(index) + "\n"));
    return List.copyOf(vectors);
  }

  private static EnvelopeSealer sealer(InsecureDevelopmentNetwork net, String centre, Message m) {
    return EnvelopeSealer.builder(net.keys(centre), net.directory())
        .clock(Clock.fixed(m.header().createdAt(), ZoneOffset.UTC)).build();
  }

  private static Vector invalid(InsecureDevelopmentNetwork net, Path out, String name, String recipient,
      ErrorCode code, Instant openAt, String description, String envelope) {
    String file = "envelopes/invalid/" + name + ".json";
    Inputs.write(out.resolve(file), KeyFolder.utf8(envelope));
    ObjectNode expected = Json.object().put("recipient", recipient).put("result", "rejected")
        .put("code", code.code()).put("openAt", openAt.toString()).put("description", description);
    Inputs.write(expectedFile(out, file), KeyFolder.utf8(Json.write(expected) + "\n"));
    return check(net, out, new Vector(file, recipient, false, code.code(), openAt));
  }

  /** Opens a vector as a fresh recipient would and fails if the outcome is not the expected one. */
  private static Vector check(InsecureDevelopmentNetwork net, Path out, Vector v) {
    byte[] envelope = Inputs.read(out.resolve(v.name()), "envelope");
    CentreKeys keys = net.keys(v.recipient());
    EnvelopeOpener opener = EnvelopeOpener.builder(keys, net.directory(), org.pccc.crypto.ReplayGuard.inMemoryNotSurvivingRestart())
        .clock(Clock.fixed(v.openAt(), ZoneOffset.UTC)).build();
    String outcome;
    try {
      VerifiedMessage opened = opener.open(envelope);
      outcome = "accepted " + opened.message().header().messageId();
    } catch (EnvelopeRejectedException e) {
      outcome = e.code();
    }
    String expected = v.accepted() ? outcome.startsWith("accepted ") ? outcome : "accepted" : v.code();
    if (!Objects.equals(outcome, expected)) {
      throw new IllegalStateException("vector " + v.name() + " opens as " + outcome + ", expected " + expected);
    }
    return v;
  }

  /**
   * Returns the expectation file of a vector.
   *
   * @param out the vector folder
   * @param vector the envelope file relative to it ({@link Vector#name()})
   * @return {@code NAME.expected.json} next to {@code NAME.json}
   */
  public static Path expectedFile(Path out, String vector) {
    return out.resolve(vector.replaceFirst("\\.json$", ".expected.json"));
  }

  private static String sign(byte[] payload, SigningKeyPair key) {
    JwsHeader header = JwsHeader.builder().keyId(key.kid()).x5tS256(key.x5tS256()).type(EnvelopeTypes.MESSAGE).build();
    return Jws.sign(payload, header, key.privateKey());
  }

  private static String encrypt(TrustedDirectory dir, String centre, String jws, Instant at) {
    CertificateEntry entry = dir.encryptionCertificate(centre, at).orElseThrow();
    JweHeader header = JweHeader.builder().type(EnvelopeTypes.ENVELOPE).contentType(EnvelopeTypes.MESSAGE).build();
    return Jwe.encrypt(jws.getBytes(StandardCharsets.US_ASCII), header,
        List.of(new JweRecipient(entry.kid(), entry.certificate().getPublicKey())));
  }

  /** Changes one base64url character of a top-level member, keeping the encoding canonical. */
  private static String flipMember(String envelope, String member, double where) {
    ObjectNode o = (ObjectNode) Json.parse(KeyFolder.utf8(envelope));
    byte[] value = Base64.getUrlDecoder().decode(o.get(member).asText());
    int at = (int) Math.min(value.length - 1, Math.floor(value.length * where));
    value[at] ^= 0x01;
    o.put(member, b64(value));
    return Json.write(o);
  }

  private static String tamperProtectedHeader(String envelope) {
    ObjectNode o = (ObjectNode) Json.parse(KeyFolder.utf8(envelope));
    ObjectNode header = (ObjectNode) Json.parse(Base64.getUrlDecoder().decode(o.get("protected").asText()));
    header.put("x-pccc-note", "tampered");
    o.put("protected", b64(KeyFolder.utf8(Json.write(header))));
    return Json.write(o);
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
