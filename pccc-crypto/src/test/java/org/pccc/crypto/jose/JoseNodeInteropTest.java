package org.pccc.crypto.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

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
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pccc.crypto.internal.jose.KeyAgreements;

/**
 * Interoperability with the Node.js {@code jose} package (pinned in src/test/node/package.json), in
 * both directions: EdDSA and ES256 JWS; ECDH-ES+A256KW with X25519 and P-256 and A256GCM in the
 * general JSON serialization with several recipients, single-recipient general JSON (jose then
 * puts the {@code epk} in the protected header) and compact JWE; the RFC 8037 A.6 keys.
 *
 * <p>Needs {@code node} on the PATH and {@code npm ci --prefix pccc-crypto/src/test/node}. Skipped
 * with a message when either is missing, unless the environment variable {@code CI} is {@code
 * true}: then it fails.
 */
class JoseNodeInteropTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path NODE_DIR = Path.of("src", "test", "node");
  private static final byte[] PAYLOAD =
      "{\"pccc\":\"1.0\",\"note\":\"Grenz\u00fcbergang \u2013 \u0421\u043e\u0444\u0438\u044f\"}".getBytes(StandardCharsets.UTF_8);
  private static final AlgorithmPolicy POLICY = AlgorithmPolicy.defaults();

  /** Why the test cannot run here, or null; computed once. */
  private static final String PROBLEM = findProblem();

  private static String findProblem() {
    if (!Files.isRegularFile(NODE_DIR.resolve("node_modules/jose/package.json"))) {
      return "node_modules/jose is missing; install it with: npm ci --prefix pccc-crypto/src/test/node";
    }
    if (!nodeRuns()) {
      return "node is not on the PATH (Node.js 20 or later is needed)";
    }
    return null;
  }

  @BeforeEach
  void requireNodeAndJose() {
    if (PROBLEM != null) {
      if ("true".equals(System.getenv("CI"))) {
        fail("The Node.js interop test must run on CI: " + PROBLEM);
      }
      Assumptions.abort("Skipping the Node.js interop test: " + PROBLEM);
    }
  }

  private static boolean nodeRuns() {
    try {
      Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs one batch of requests through interop.mjs and returns the responses, failing on errors. */
  private static List<JsonNode> node(List<ObjectNode> requests) throws Exception {
    ObjectNode input = JSON.createObjectNode();
    ArrayNode array = input.putArray("requests");
    requests.forEach(array::add);
    Process process = new ProcessBuilder("node", "interop.mjs").directory(NODE_DIR.toFile()).start();
    CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
    CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(JSON.writeValueAsBytes(input));
    }
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("interop.mjs did not finish in 120 s");
    }
    String errors = new String(stderr.get(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as("interop.mjs exit code; stderr: " + errors).isZero();
    JsonNode output = JSON.readTree(stdout.get());
    List<JsonNode> responses = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      JsonNode response = output.get("responses").get(i);
      assertThat(response.has("error"))
          .as("jose failed on request " + i + " (" + requests.get(i).get("op").asText() + "): " + response.path("error").asText())
          .isFalse();
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

  private static JsonNode jwk(String json) throws IOException {
    return JSON.readTree(json);
  }

  private static String b64u(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] unb64u(JsonNode text) {
    return Base64.getUrlDecoder().decode(text.asText());
  }

  @Test
  void nodeVerifiesOurSignaturesAndWeVerifyNodes() throws Exception {
    KeyPair ed = TestKeys.pooled(TestKeys.Kind.ED25519, 7);
    KeyPair ec = TestKeys.pooled(TestKeys.Kind.P256, 7);
    String ourEd = Jws.sign(PAYLOAD, JwsHeader.builder().keyId("ed-7").build(), ed.getPrivate());
    String ourEc = Jws.sign(PAYLOAD, JwsHeader.builder().keyId("ec-7").build(), ec.getPrivate());

    List<ObjectNode> requests = new ArrayList<>();
    requests.add(verifyRequest("EdDSA", ourEd, ed.getPublic()));
    requests.add(verifyRequest("ES256", ourEc, ec.getPublic()));
    requests.add(signRequest("EdDSA", "ed-node", ed.getPrivate()));
    requests.add(signRequest("ES256", "ec-node", ec.getPrivate()));
    List<JsonNode> responses = node(requests);

    assertThat(unb64u(responses.get(0).get("payload"))).isEqualTo(PAYLOAD);
    assertThat(responses.get(0).get("protectedHeader").get("kid").asText()).isEqualTo("ed-7");
    assertThat(unb64u(responses.get(1).get("payload"))).isEqualTo(PAYLOAD);
    assertThat(responses.get(1).get("protectedHeader").get("alg").asText()).isEqualTo("ES256");

    VerifiedJws fromNodeEd = Jws.parse(responses.get(2).get("jws").asText()).verify(ed.getPublic(), POLICY);
    assertThat(fromNodeEd.payload()).isEqualTo(PAYLOAD);
    assertThat(fromNodeEd.protectedHeader().keyId()).contains("ed-node");
    VerifiedJws fromNodeEc = Jws.parse(responses.get(3).get("jws").asText()).verify(ec.getPublic(), POLICY);
    assertThat(fromNodeEc.payload()).isEqualTo(PAYLOAD);
    assertThat(fromNodeEc.algorithm()).isEqualTo(JwsAlgorithm.ES256);
    // Ed25519 is deterministic: Node and we produce the same signature for the same input
    assertThat(Jws.sign(PAYLOAD, JwsHeader.builder().keyId("ed-node").build(), ed.getPrivate()))
        .isEqualTo(responses.get(2).get("jws").asText());
  }

  @Test
  void nodeDecryptsOurMultiRecipientJweForEveryRecipient() throws Exception {
    List<KeyPair> pairs = new ArrayList<>();
    List<JweRecipient> recipients = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      KeyPair pair = TestKeys.pooled(i < 3 ? TestKeys.Kind.X25519 : TestKeys.Kind.P256, i);
      pairs.add(pair);
      recipients.add(new JweRecipient("r" + i, pair.getPublic()));
    }
    String ours = Jwe.encrypt(PAYLOAD, JweHeader.builder().contentType("JWT").build(), recipients);
    List<ObjectNode> requests = new ArrayList<>();
    for (KeyPair pair : pairs) {
      requests.add(decryptRequest(JSON.readTree(ours), pair.getPrivate()));
    }
    List<JsonNode> responses = node(requests);
    for (int i = 0; i < pairs.size(); i++) {
      assertThat(unb64u(responses.get(i).get("plaintext"))).as("recipient r" + i).isEqualTo(PAYLOAD);
      assertThat(responses.get(i).get("protectedHeader").get("cty").asText()).isEqualTo("JWT");
    }
  }

  @Test
  void weDecryptNodesJweInEveryShape() throws Exception {
    List<KeyPair> pairs = new ArrayList<>();
    ObjectNode multi = request("encrypt");
    multi.put("plaintext", b64u(PAYLOAD)).put("cty", "JWT");
    ArrayNode recipients = multi.putArray("recipients");
    for (int i = 0; i < 4; i++) {
      KeyPair pair = TestKeys.pooled(i % 2 == 0 ? TestKeys.Kind.X25519 : TestKeys.Kind.P256, 4 + i);
      pairs.add(pair);
      recipients.addObject().put("kid", "n" + i).set("jwk", jwk(Jwk.toPublicJwk(pair.getPublic())));
    }
    List<ObjectNode> requests = new ArrayList<>();
    requests.add(multi);
    for (int i = 0; i < 2; i++) {
      ObjectNode single = request("encrypt");
      single.put("plaintext", b64u(PAYLOAD));
      single.putArray("recipients").addObject().put("kid", "s" + i).set("jwk", jwk(Jwk.toPublicJwk(pairs.get(i).getPublic())));
      requests.add(single);
      ObjectNode compact = request("encryptCompact");
      compact.put("plaintext", b64u(PAYLOAD)).put("kid", "c" + i).set("jwk", jwk(Jwk.toPublicJwk(pairs.get(i).getPublic())));
      requests.add(compact);
    }
    List<JsonNode> responses = node(requests);

    EncryptedJwe general = Jwe.parse(JSON.writeValueAsString(responses.get(0).get("jwe")));
    assertThat(general.recipients()).extracting(r -> r.keyId().orElseThrow()).containsExactly("n0", "n1", "n2", "n3");
    for (int i = 0; i < 4; i++) {
      assertThat(general.decrypt("n" + i, pairs.get(i).getPrivate(), POLICY)).as("recipient n" + i).isEqualTo(PAYLOAD);
    }
    for (int i = 0; i < 2; i++) {
      // one recipient: jose puts the epk in the protected header, alg and kid in the recipient's
      EncryptedJwe single = Jwe.parse(JSON.writeValueAsString(responses.get(1 + 2 * i).get("jwe")));
      assertThat(single.protectedHeader().contains("epk")).isTrue();
      assertThat(single.decrypt("s" + i, pairs.get(i).getPrivate(), POLICY)).isEqualTo(PAYLOAD);
      EncryptedJwe compact = Jwe.parseCompact(responses.get(2 + 2 * i).get("jwe").asText(), Jwe.DEFAULT_MAX_BYTES);
      assertThat(compact.decrypt("c" + i, pairs.get(i).getPrivate(), POLICY)).isEqualTo(PAYLOAD);
      assertThat(compact.decrypt(pairs.get(i).getPrivate(), POLICY)).isEqualTo(PAYLOAD);
    }
  }

  @Test
  void nodeDecryptsOurJweMadeWithTheRfc8037A6Keys() throws Exception {
    JsonNode a6 = TestKeys.vector("rfc8037-appendix-a.json").get("A.6");
    byte[] ephemeralSecret = TestKeys.hex(a6.get("ephemeralSecretKeyHex").asText());
    PublicKey bob = Jwk.parsePublicKey(TestKeys.json(a6.get("bobJwk")));
    PrivateKey bobPrivate = TestKeys.okpPrivate(true, TestKeys.hex(a6.get("bobSecretKeyHex").asText()));
    String ours =
        Jwe.encrypt(
            PAYLOAD,
            JweHeader.builder().build(),
            List.of(new JweRecipient("Bob", bob)),
            JcaProviders.defaults(),
            (type, providers) -> KeyAgreements.fixedEphemeral(type, ephemeralSecret));
    assertThat(JSON.readTree(ours).get("recipients").get(0).get("header").get("epk"))
        .isEqualTo(a6.get("epk"));
    JsonNode response = node(List.of(decryptRequest(JSON.readTree(ours), bobPrivate))).get(0);
    assertThat(unb64u(response.get("plaintext"))).isEqualTo(PAYLOAD);
  }

  private static ObjectNode request(String op) {
    return JSON.createObjectNode().put("op", op);
  }

  private static ObjectNode verifyRequest(String alg, String jws, PublicKey key) throws IOException {
    ObjectNode request = request("verify").put("alg", alg).put("jws", jws);
    request.set("jwk", jwk(Jwk.toPublicJwk(key)));
    return request;
  }

  private static ObjectNode signRequest(String alg, String kid, PrivateKey key) throws IOException {
    ObjectNode request = request("sign").put("alg", alg).put("kid", kid).put("payload", b64u(PAYLOAD));
    request.set("jwk", jwk(Jwk.toPrivateJwk(key)));
    return request;
  }

  private static ObjectNode decryptRequest(JsonNode jwe, PrivateKey key) throws IOException {
    ObjectNode request = request("decrypt");
    request.set("jwe", jwe);
    request.set("jwk", jwk(Jwk.toPrivateJwk(key)));
    return request;
  }
}
