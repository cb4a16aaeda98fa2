package org.pccc.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.pccc.crypto.EnvelopeFixtures.A;
import static org.pccc.crypto.EnvelopeFixtures.B;
import static org.pccc.crypto.EnvelopeFixtures.C;
import static org.pccc.crypto.EnvelopeFixtures.CREATED;
import static org.pccc.crypto.EnvelopeFixtures.JSON;
import static org.pccc.crypto.EnvelopeFixtures.OPEN_AT;
import static org.pccc.crypto.EnvelopeFixtures.clockAt;
import static org.pccc.crypto.EnvelopeFixtures.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pccc.crypto.jose.Jwk;
import org.pccc.crypto.pki.CentreKeys;
import org.pccc.crypto.pki.CertificateEntry;
import org.pccc.crypto.pki.KeyProfile;
import org.pccc.model.Message;

/**
 * The whole secure envelope against the Node.js {@code jose} package (src/test/node/
 * envelope-interop.mjs), in both profiles: Node decrypts our sealed envelope with the recipient's
 * private JWK, verifies the inner JWS with the sender's public JWK and gets our canonical message
 * bytes; and Node builds the JWS ({@code typ pccc-message}, {@code x5t#S256} of the sender's
 * certificate) and the general-JSON JWE ({@code typ pccc-envelope}, {@code cty pccc-message},
 * {@code kid} = the recipient's {@code x5t#S256}) that our {@link EnvelopeOpener} opens.
 *
 * <p>Like {@code JoseNodeInteropTest}: skipped with a message when {@code node} or {@code
 * node_modules/jose} is missing, except when the environment variable {@code CI} is {@code true}:
 * then it fails.
 */
class EnvelopeNodeInteropTest {
  private static final ObjectMapper TREE = new ObjectMapper();
  private static final Path NODE_DIR = Path.of("src", "test", "node");
  private static final String PROBLEM = findProblem();

  /** One network per profile, built on first use. */
  private static final InsecureDevelopmentNetwork ED25519 = EnvelopeFixtures.NET;
  private static InsecureDevelopmentNetwork p256;

  private static synchronized InsecureDevelopmentNetwork network(KeyProfile profile) {
    if (profile == KeyProfile.ED25519_X25519) {
      return ED25519;
    }
    if (p256 == null) {
      p256 = InsecureDevelopmentNetwork.builder("PCCC-NODE-P256").profile(KeyProfile.P256).insecureSeed(256)
          .issuedAt(Instant.parse("2026-11-01T00:00:00Z"))
          .centre(A, "RS").centre(B, "MK").centre(C, "BG").build();
    }
    return p256;
  }

  private static String alg(KeyProfile profile) {
    return profile == KeyProfile.ED25519_X25519 ? "EdDSA" : "ES256";
  }

  private static String findProblem() {
    if (!Files.isRegularFile(NODE_DIR.resolve("node_modules/jose/package.json"))) {
      return "node_modules/jose is missing; install it with: npm ci --prefix pccc-crypto/src/test/node";
    }
    try {
      Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
        return null;
      }
    } catch (IOException e) {
      // reported below
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "node is not on the PATH (Node.js 20 or later is needed)";
  }

  @BeforeEach
  void requireNodeAndJose() {
    if (PROBLEM != null) {
      if ("true".equals(System.getenv("CI"))) {
        fail("The Node.js envelope interop test must run on CI: " + PROBLEM);
      }
      Assumptions.abort("Skipping the Node.js envelope interop test: " + PROBLEM);
    }
  }

  @ParameterizedTest
  @EnumSource(KeyProfile.class)
  void nodeOpensOurEnvelopeAtEveryRecipient(KeyProfile profile) throws Exception {
    InsecureDevelopmentNetwork net = network(profile);
    Message m = message("request-person-document.json", A, B, C);
    SealedEnvelope envelope = EnvelopeSealer.builder(net.keys(A), net.directory()).clock(clockAt(CREATED)).build().seal(m);
    List<ObjectNode> requests = new ArrayList<>();
    for (String recipient : List.of(B, C)) {
      ObjectNode open = TREE.createObjectNode().put("op", "open").put("alg", alg(profile));
      open.set("envelope", TREE.readTree(envelope.bytes()));
      open.set("encryptionJwk", TREE.readTree(Jwk.toPrivateJwk(net.keys(recipient).encryption().privateKey())));
      open.set("signerJwk", TREE.readTree(Jwk.toPublicJwk(net.keys(A).signing().publicKey())));
      requests.add(open);
    }
    List<JsonNode> responses = node(requests);
    byte[] canonical = JSON.write(m);
    for (JsonNode response : responses) {
      assertThat(Base64.getUrlDecoder().decode(response.get("payload").asText())).isEqualTo(canonical);
      assertThat(response.get("jwsHeader").get("alg").asText()).isEqualTo(alg(profile));
      assertThat(response.get("jwsHeader").get("typ").asText()).isEqualTo(EnvelopeTypes.MESSAGE);
      assertThat(response.get("jwsHeader").get("x5t#S256").asText()).isEqualTo(net.keys(A).signing().x5tS256());
      assertThat(response.get("jweHeader").get("typ").asText()).isEqualTo(EnvelopeTypes.ENVELOPE);
      assertThat(response.get("jweHeader").get("cty").asText()).isEqualTo(EnvelopeTypes.MESSAGE);
      assertThat(response.get("jweHeader").get("enc").asText()).isEqualTo("A256GCM");
    }
  }

  @ParameterizedTest
  @EnumSource(KeyProfile.class)
  void weOpenEnvelopesNodeSealed(KeyProfile profile) throws Exception {
    InsecureDevelopmentNetwork net = network(profile);
    Message toOne = message("alert-stolen-vehicle.json", A, B);
    Message toTwo = message("request-person-document.json", A, B, C);
    List<JsonNode> responses = node(List.of(sealRequest(net, profile, toOne, B), sealRequest(net, profile, toTwo, B, C)));

    // One recipient: jose puts the epk into the protected header; two: into each recipient's header.
    byte[] single = TREE.writeValueAsBytes(responses.get(0).get("envelope"));
    assertThat(opener(net, B).open(single).message()).isEqualTo(toOne);
    byte[] multi = TREE.writeValueAsBytes(responses.get(1).get("envelope"));
    for (String recipient : List.of(B, C)) {
      VerifiedMessage opened = opener(net, recipient).open(multi);
      assertThat(opened.message()).isEqualTo(toTwo);
      assertThat(opened.signerCentre()).isEqualTo(A);
    }
  }

  private static EnvelopeOpener opener(InsecureDevelopmentNetwork net, String centre) {
    return EnvelopeOpener.builder(net.keys(centre), net.directory(), ReplayGuard.inMemoryNotSurvivingRestart()).clock(clockAt(OPEN_AT)).build();
  }

  private static ObjectNode sealRequest(InsecureDevelopmentNetwork net, KeyProfile profile, Message m, String... to)
      throws IOException {
    CentreKeys sender = net.keys(A);
    ObjectNode seal = TREE.createObjectNode().put("op", "seal").put("alg", alg(profile))
        .put("payload", Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.write(m)))
        .put("x5t", sender.signing().x5tS256());
    seal.set("signingJwk", TREE.readTree(Jwk.toPrivateJwk(sender.signing().privateKey())));
    ArrayNode recipients = seal.putArray("recipients");
    for (String centre : to) {
      CertificateEntry entry = net.directory().encryptionCertificate(centre, OPEN_AT).orElseThrow();
      recipients.addObject().put("kid", entry.kid())
          .set("jwk", TREE.readTree(Jwk.toPublicJwk(entry.certificate().getPublicKey())));
    }
    return seal;
  }

  /** Runs one batch through envelope-interop.mjs and returns the responses, failing on errors. */
  private static List<JsonNode> node(List<ObjectNode> requests) throws Exception {
    ObjectNode input = TREE.createObjectNode();
    ArrayNode array = input.putArray("requests");
    requests.forEach(array::add);
    Process process = new ProcessBuilder("node", "envelope-interop.mjs").directory(NODE_DIR.toFile()).start();
    CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
    CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(TREE.writeValueAsBytes(input));
    }
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("envelope-interop.mjs did not finish in 120 s");
    }
    String errors = new String(stderr.get(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as("envelope-interop.mjs exit code; stderr: " + errors).isZero();
    JsonNode output = TREE.readTree(stdout.get());
    List<JsonNode> responses = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      JsonNode response = output.get("responses").get(i);
      assertThat(response.has("error"))
          .as("jose failed on request " + i + ": " + response.path("error").asText()).isFalse();
      responses.add(response);
    }
    return responses;
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
