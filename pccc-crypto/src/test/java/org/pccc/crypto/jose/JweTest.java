package org.pccc.crypto.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pccc.crypto.jose.Rejections.assertMisconfigured;
import static org.pccc.crypto.jose.Rejections.assertRejected;
import static org.pccc.crypto.jose.Rejections.b64u;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.pccc.crypto.EnvelopeRejectedException;
import org.pccc.crypto.ErrorCode;

class JweTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] PLAINTEXT = "eyJhbGciOiJFZERTQSJ9.e30.sig".getBytes(StandardCharsets.US_ASCII);
  private static final KeyPair X1 = TestKeys.pooled(TestKeys.Kind.X25519, 0);
  private static final KeyPair X2 = TestKeys.pooled(TestKeys.Kind.X25519, 1);
  private static final KeyPair P1 = TestKeys.pooled(TestKeys.Kind.P256, 0);
  private static final AlgorithmPolicy POLICY = AlgorithmPolicy.defaults();

  private static String threeRecipients() {
    return Jwe.encrypt(
        PLAINTEXT,
        JweHeader.builder().type("pccc+jwe").contentType("JWT").parameter("pccc:v", "1.0").build(),
        List.of(
            new JweRecipient("x1", X1.getPublic()),
            new JweRecipient("p1", P1.getPublic()),
            new JweRecipient("x2", X2.getPublic())));
  }

  private static String mutate(String jwe, Consumer<ObjectNode> change) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(jwe);
      change.accept(root);
      return JSON.writeValueAsString(root);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode recipientHeader(ObjectNode root, int index) {
    return (ObjectNode) root.get("recipients").get(index).get("header");
  }

  private static String withProtected(String jwe, String protectedJson) {
    return mutate(jwe, root -> root.put("protected", b64u(protectedJson)));
  }

  @Test
  void everyRecipientDecryptsTheSameContent() throws Exception {
    String jwe = threeRecipients();
    JsonNode root = JSON.readTree(jwe);
    assertThat(root.fieldNames()).toIterable().containsExactly("protected", "recipients", "iv", "ciphertext", "tag");
    assertThat(new String(Base64.getUrlDecoder().decode(root.get("protected").asText()), StandardCharsets.UTF_8))
        .isEqualTo("{\"enc\":\"A256GCM\",\"typ\":\"pccc+jwe\",\"cty\":\"JWT\",\"pccc:v\":\"1.0\"}");
    assertThat(Base64.getUrlDecoder().decode(root.get("iv").asText())).hasSize(12);
    assertThat(Base64.getUrlDecoder().decode(root.get("tag").asText())).hasSize(16);
    for (JsonNode recipient : root.get("recipients")) {
      assertThat(recipient.get("header").fieldNames()).toIterable().containsExactly("alg", "kid", "epk");
      assertThat(recipient.get("header").get("alg").asText()).isEqualTo("ECDH-ES+A256KW");
      assertThat(recipient.get("header").get("epk").has("d")).isFalse();
      assertThat(Base64.getUrlDecoder().decode(recipient.get("encrypted_key").asText())).hasSize(40);
    }
    assertThat(root.get("recipients").get(1).get("header").get("epk").fieldNames())
        .toIterable()
        .containsExactly("kty", "crv", "x", "y");

    EncryptedJwe parsed = Jwe.parse(jwe);
    assertThat(parsed.recipients()).extracting(r -> r.keyId().orElseThrow()).containsExactly("x1", "p1", "x2");
    assertThat(parsed.protectedHeader().type()).contains("pccc+jwe");
    assertThat(parsed.sharedUnprotectedHeader()).isEmpty();
    assertThat(parsed.decrypt("x1", X1.getPrivate(), POLICY)).isEqualTo(PLAINTEXT);
    assertThat(parsed.decrypt("p1", P1.getPrivate(), POLICY)).isEqualTo(PLAINTEXT);
    assertThat(parsed.decrypt("x2", X2.getPrivate(), POLICY)).isEqualTo(PLAINTEXT);
    // without a key id: the entries on the key's curve are tried
    assertThat(parsed.decrypt(X2.getPrivate(), POLICY)).isEqualTo(PLAINTEXT);
    assertThat(parsed.decrypt(P1.getPrivate(), POLICY)).isEqualTo(PLAINTEXT);
  }

  @Test
  void everyImplementationDecryptsEveryOther() {
    List<JcaProviders> choices =
        List.of(JcaProviders.defaults(), JcaProviders.registered(), JcaProviders.using(new BouncyCastleProvider()));
    for (JcaProviders sender : choices) {
      String jwe =
          Jwe.encrypt(
              PLAINTEXT,
              JweHeader.builder().build(),
              List.of(new JweRecipient("x1", X1.getPublic()), new JweRecipient("p1", P1.getPublic())),
              sender);
      for (JcaProviders receiver : choices) {
        assertThat(Jwe.parse(jwe).decrypt("x1", X1.getPrivate(), POLICY, receiver)).as(sender + " -> " + receiver).isEqualTo(PLAINTEXT);
        assertThat(Jwe.parse(jwe).decrypt("p1", P1.getPrivate(), POLICY, receiver)).as(sender + " -> " + receiver).isEqualTo(PLAINTEXT);
      }
    }
  }

  @Test
  void emptyAndLargePlaintextsRoundTrip() {
    for (byte[] plaintext : List.of(new byte[0], new byte[3 * 1024 * 1024 + 5])) {
      String jwe = Jwe.encrypt(plaintext, JweHeader.builder().build(), List.of(new JweRecipient("x1", X1.getPublic())));
      assertThat(Jwe.parse(jwe).decrypt("x1", X1.getPrivate(), POLICY)).isEqualTo(plaintext);
    }
  }

  @Test
  void flattenedSerializationDecrypts() {
    String general = Jwe.encrypt(PLAINTEXT, JweHeader.builder().build(), List.of(new JweRecipient("p1", P1.getPublic())));
    String flattened =
        mutate(
            general,
            root -> {
              JsonNode recipient = root.remove("recipients").get(0);
              root.set("header", recipient.get("header"));
              root.set("encrypted_key", recipient.get("encrypted_key"));
            });
    EncryptedJwe parsed = Jwe.parse(flattened);
    assertThat(parsed.serialization()).isEqualTo(EncryptedJwe.Serialization.FLATTENED_JSON);
    assertThat(parsed.decrypt("p1", P1.getPrivate(), POLICY)).isEqualTo(PLAINTEXT);
    // both forms at once are ambiguous
    String both = mutate(general, root -> root.set("header", JSON.createObjectNode()));
    assertRejected(() -> Jwe.parse(both), ErrorCode.MALFORMED_ENVELOPE);
  }

  @Test
  void keyIdsThatAreNotThereAndWrongKeysAreRefused() {
    EncryptedJwe parsed = Jwe.parse(threeRecipients());
    KeyPair stranger = TestKeys.pooled(TestKeys.Kind.X25519, 5);
    assertRejected(() -> parsed.decrypt("x9", stranger.getPrivate(), POLICY), ErrorCode.NOT_A_RECIPIENT);
    assertRejected(() -> parsed.decrypt("x1", stranger.getPrivate(), POLICY), ErrorCode.DECRYPTION_FAILED);
    assertRejected(() -> parsed.decrypt(stranger.getPrivate(), POLICY), ErrorCode.DECRYPTION_FAILED);
    // an X25519 key for the P-256 entry: the epk is on another curve
    assertRejected(() -> parsed.decrypt("p1", X1.getPrivate(), POLICY), ErrorCode.ALGORITHM_NOT_ALLOWED);
    String onlyX = Jwe.encrypt(PLAINTEXT, JweHeader.builder().build(), List.of(new JweRecipient("x1", X1.getPublic())));
    assertRejected(() -> Jwe.parse(onlyX).decrypt(P1.getPrivate(), POLICY), ErrorCode.NOT_A_RECIPIENT);
    assertMisconfigured(
        () -> parsed.decrypt("x1", TestKeys.pooled(TestKeys.Kind.ED25519, 0).getPrivate(), POLICY),
        ErrorCode.KEY_UNSUPPORTED);
  }

  @Test
  void decryptionWithoutKeyIdTriesABoundedNumberOfEntries() {
    List<JweRecipient> many = new java.util.ArrayList<>();
    for (int i = 0; i < 65; i++) {
      many.add(new JweRecipient("k" + i, TestKeys.pooled(TestKeys.Kind.X25519, i % 10).getPublic()));
    }
    EncryptedJwe parsed = Jwe.parse(Jwe.encrypt(PLAINTEXT, JweHeader.builder().build(), many));
    assertRejected(() -> parsed.decrypt(X1.getPrivate(), POLICY), ErrorCode.MALFORMED_ENVELOPE);
    assertThat(parsed.decrypt("k64", TestKeys.pooled(TestKeys.Kind.X25519, 4).getPrivate(), POLICY)).isEqualTo(PLAINTEXT);
  }

  @Test
  void unwrapFailureAndTagFailureAreIndistinguishable() {
    String jwe = threeRecipients();
    String badKey =
        mutate(jwe, root -> ((ObjectNode) root.get("recipients").get(0)).put("encrypted_key", b64u(new byte[40])));
    String badTag = mutate(jwe, root -> root.put("tag", b64u(new byte[16])));
    EnvelopeRejectedException unwrap = catchRejection(() -> Jwe.parse(badKey).decrypt("x1", X1.getPrivate(), POLICY));
    EnvelopeRejectedException tag = catchRejection(() -> Jwe.parse(badTag).decrypt("x1", X1.getPrivate(), POLICY));
    assertThat(unwrap.errorCode()).isEqualTo(ErrorCode.DECRYPTION_FAILED);
    assertThat(tag.errorCode()).isEqualTo(ErrorCode.DECRYPTION_FAILED);
    assertThat(unwrap.getMessage()).isEqualTo(tag.getMessage());
    assertThat(unwrap.getCause()).isNull();
    assertThat(tag.getCause()).isNull();
  }

  private static EnvelopeRejectedException catchRejection(Runnable call) {
    try {
      call.run();
    } catch (EnvelopeRejectedException e) {
      return e;
    }
    throw new AssertionError("expected a rejection");
  }

  @Test
  void swappingProtectedHeadersIsDetected() throws Exception {
    String first = threeRecipients();
    String other =
        Jwe.encrypt(PLAINTEXT, JweHeader.builder().type("other").build(), List.of(new JweRecipient("x1", X1.getPublic())));
    String otherProtected = JSON.readTree(other).get("protected").asText();
    String swapped = mutate(first, root -> root.put("protected", otherProtected));
    assertRejected(() -> Jwe.parse(swapped).decrypt("x1", X1.getPrivate(), POLICY), ErrorCode.DECRYPTION_FAILED);
  }

  @Test
  void compressionCriticalExtensionsAndKeysInHeadersAreRefused() {
    String jwe = threeRecipients();
    for (String header :
        List.of(
            "{\"enc\":\"A256GCM\",\"zip\":\"DEF\"}",
            "{\"enc\":\"A256GCM\",\"crit\":[\"pccc:x\"],\"pccc:x\":1}",
            "{\"enc\":\"A256GCM\",\"x5c\":[\"MIIB\"]}",
            "{\"enc\":\"A256GCM\",\"jku\":\"https://attacker.example/jwks\"}",
            "{\"enc\":\"A256GCM\",\"x5u\":\"https://attacker.example/cert\"}")) {
      assertRejected(() -> Jwe.parse(withProtected(jwe, header)), ErrorCode.FORBIDDEN_HEADER);
    }
    for (String name : List.of("jwk", "x5c", "zip", "crit", "jku", "x5u")) {
      String inRecipient = mutate(jwe, root -> recipientHeader(root, 2).put(name, "x"));
      assertRejected(() -> Jwe.parse(inRecipient), ErrorCode.FORBIDDEN_HEADER);
      String inShared = mutate(jwe, root -> root.set("unprotected", JSON.createObjectNode().put(name, "x")));
      assertRejected(() -> Jwe.parse(inShared), ErrorCode.FORBIDDEN_HEADER);
    }
  }

  @Test
  void headerParametersMustNotRepeatAcrossHeaders() {
    String jwe = threeRecipients();
    String algTwice = withProtected(jwe, "{\"enc\":\"A256GCM\",\"alg\":\"ECDH-ES+A256KW\"}");
    assertRejected(() -> Jwe.parse(algTwice), ErrorCode.MALFORMED_ENVELOPE);
    String encTwice = mutate(jwe, root -> recipientHeader(root, 0).put("enc", "A256GCM"));
    assertRejected(() -> Jwe.parse(encTwice), ErrorCode.MALFORMED_ENVELOPE);
    String sharedAndRecipient =
        mutate(jwe, root -> root.set("unprotected", JSON.createObjectNode().put("kid", "x1")));
    assertRejected(() -> Jwe.parse(sharedAndRecipient), ErrorCode.MALFORMED_ENVELOPE);
    String sameKid = mutate(jwe, root -> recipientHeader(root, 2).put("kid", "x1"));
    assertRejected(() -> Jwe.parse(sameKid), ErrorCode.MALFORMED_ENVELOPE);
  }

  @Test
  void duplicateJsonMembersAreRefusedAnywhere() {
    String jwe = threeRecipients();
    String topLevel = jwe.replaceFirst("\\{\"protected\"", "{\"iv\":\"AAAAAAAAAAAAAAAA\",\"protected\"");
    assertRejected(() -> Jwe.parse(topLevel), ErrorCode.MALFORMED_ENVELOPE);
    String inRecipient = jwe.replaceFirst("\"kid\":\"x1\"", "\"kid\":\"x1\",\"kid\":\"x2\"");
    assertRejected(() -> Jwe.parse(inRecipient), ErrorCode.MALFORMED_ENVELOPE);
    String inProtected = withProtected(jwe, "{\"enc\":\"A256GCM\",\"enc\":\"A128GCM\"}");
    assertRejected(() -> Jwe.parse(inProtected), ErrorCode.MALFORMED_ENVELOPE);
  }

  @Test
  void ephemeralKeysOffTheCurveOrOfLowOrderAreRefused() {
    String jwe = threeRecipients();
    // P-256 point with y changed: not on the curve (invalid-curve attack)
    String offCurve =
        mutate(jwe, root -> {
          ObjectNode epk = (ObjectNode) recipientHeader(root, 1).get("epk");
          byte[] y = Base64.getUrlDecoder().decode(epk.get("y").asText());
          y[31] ^= 1;
          epk.put("y", b64u(y));
        });
    assertRejected(() -> Jwe.parse(offCurve).decrypt("p1", P1.getPrivate(), POLICY), ErrorCode.MALFORMED_ENVELOPE);
    // coordinates outside the field
    String outsideField = mutate(jwe, root -> ((ObjectNode) recipientHeader(root, 1).get("epk")).put("x", b64u(fill(32, (byte) 0xff))));
    assertRejected(() -> Jwe.parse(outsideField).decrypt("p1", P1.getPrivate(), POLICY), ErrorCode.MALFORMED_ENVELOPE);
    // X25519 low-order points give an all-zero shared secret (RFC 7748 section 6.1)
    for (String lowOrder :
        List.of(
            b64u(new byte[32]), // 0
            b64u(TestKeys.hex("0100000000000000000000000000000000000000000000000000000000000000")), // 1
            b64u(TestKeys.hex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800")), // order 8
            b64u(TestKeys.hex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")))) { // p-1
      for (JcaProviders providers : List.of(JcaProviders.defaults(), JcaProviders.registered(), JcaProviders.using(new BouncyCastleProvider()))) {
        String attack = mutate(jwe, root -> ((ObjectNode) recipientHeader(root, 0).get("epk")).put("x", lowOrder));
        assertRejected(
            () -> Jwe.parse(attack).decrypt("x1", X1.getPrivate(), POLICY, providers), ErrorCode.MALFORMED_ENVELOPE);
      }
    }
    // non-canonical X25519 encodings (top bit set, u >= p) give the same secret as their canonical
    // twin, which would make the unprotected epk malleable: refused
    String canonicalX = JSON.valueToTree(Jwe.parse(jwe).recipients().get(0).header().asMap()).get("epk").get("x").asText();
    byte[] topBitSet = Base64.getUrlDecoder().decode(canonicalX);
    topBitSet[31] |= (byte) 0x80;
    for (String nonCanonical :
        List.of(b64u(topBitSet), b64u(TestKeys.hex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")))) {
      String attack = mutate(jwe, root -> ((ObjectNode) recipientHeader(root, 0).get("epk")).put("x", nonCanonical));
      assertRejected(() -> Jwe.parse(attack).decrypt("x1", X1.getPrivate(), POLICY), ErrorCode.MALFORMED_ENVELOPE);
    }
    // a private part in the epk, a wrong length, a missing epk
    String withD = mutate(jwe, root -> ((ObjectNode) recipientHeader(root, 0).get("epk")).put("d", b64u(new byte[32])));
    assertRejected(() -> Jwe.parse(withD).decrypt("x1", X1.getPrivate(), POLICY), ErrorCode.MALFORMED_ENVELOPE);
    String shortX = mutate(jwe, root -> ((ObjectNode) recipientHeader(root, 0).get("epk")).put("x", b64u(new byte[31])));
    assertRejected(() -> Jwe.parse(shortX).decrypt("x1", X1.getPrivate(), POLICY), ErrorCode.MALFORMED_ENVELOPE);
    String noEpk = mutate(jwe, root -> recipientHeader(root, 0).remove("epk"));
    assertRejected(() -> Jwe.parse(noEpk).decrypt("x1", X1.getPrivate(), POLICY), ErrorCode.MALFORMED_ENVELOPE);
    String epkNotObject = mutate(jwe, root -> recipientHeader(root, 0).put("epk", "x"));
    assertRejected(() -> Jwe.parse(epkNotObject), ErrorCode.MALFORMED_ENVELOPE);
  }

  private static byte[] fill(int length, byte value) {
    byte[] bytes = new byte[length];
    java.util.Arrays.fill(bytes, value);
    return bytes;
  }

  @Test
  void algorithmsComeFromTheKeyAndThePolicyNotFromTheHeader() {
    String jwe = threeRecipients();
    AlgorithmPolicy noP256 = POLICY.toBuilder().keyAgreementCurves(JwkCurve.X25519).build();
    assertRejected(() -> Jwe.parse(jwe).decrypt("p1", P1.getPrivate(), noP256), ErrorCode.ALGORITHM_NOT_ALLOWED);
    assertThat(Jwe.parse(jwe).decrypt("x1", X1.getPrivate(), noP256)).isEqualTo(PLAINTEXT);
    AlgorithmPolicy noGcm = POLICY.toBuilder().contentEncryptions(List.of()).build();
    assertRejected(() -> Jwe.parse(jwe).decrypt("x1", X1.getPrivate(), noGcm), ErrorCode.ALGORITHM_NOT_ALLOWED);
    for (String alg : List.of("ECDH-ES", "ECDH-ES+A128KW", "RSA1_5", "dir", "none")) {
      String other = mutate(jwe, root -> recipientHeader(root, 0).put("alg", alg));
      assertRejected(() -> Jwe.parse(other).decrypt("x1", X1.getPrivate(), POLICY), ErrorCode.ALGORITHM_NOT_ALLOWED);
    }
    String a128 = withProtected(jwe, "{\"enc\":\"A128GCM\"}");
    assertRejected(() -> Jwe.parse(a128).decrypt("x1", X1.getPrivate(), POLICY), ErrorCode.ALGORITHM_NOT_ALLOWED);
    String noEnc = withProtected(jwe, "{\"typ\":\"x\"}");
    assertRejected(() -> Jwe.parse(noEnc), ErrorCode.MALFORMED_ENVELOPE);
    String noAlg = mutate(jwe, root -> recipientHeader(root, 0).remove("alg"));
    assertRejected(() -> Jwe.parse(noAlg), ErrorCode.MALFORMED_ENVELOPE);
  }

  @Test
  void structureErrorsAreRefused() {
    String jwe = threeRecipients();
    List<String> broken =
        List.of(
            mutate(jwe, root -> root.remove("protected")),
            mutate(jwe, root -> root.remove("iv")),
            mutate(jwe, root -> root.remove("tag")),
            mutate(jwe, root -> root.remove("ciphertext")),
            mutate(jwe, root -> root.put("protected", "")),
            mutate(jwe, root -> root.set("recipients", JSON.createArrayNode())),
            mutate(jwe, root -> root.put("recipients", "x")),
            mutate(jwe, root -> root.put("iv", "AAAA=")),
            mutate(jwe, root -> root.put("ciphertext", "a+b/")),
            mutate(jwe, root -> ((ObjectNode) root.get("recipients").get(0)).put("header", "x")),
            "[]",
            "",
            jwe.substring(0, jwe.length() - 1),
            jwe + " {}");
    for (String input : broken) {
      assertRejected(() -> Jwe.parse(input), ErrorCode.MALFORMED_ENVELOPE);
    }
    String shortIv = mutate(jwe, root -> root.put("iv", b64u(new byte[8])));
    assertRejected(() -> Jwe.parse(shortIv).decrypt("x1", X1.getPrivate(), POLICY), ErrorCode.MALFORMED_ENVELOPE);
    String shortTag = mutate(jwe, root -> root.put("tag", b64u(new byte[12])));
    assertRejected(() -> Jwe.parse(shortTag).decrypt("x1", X1.getPrivate(), POLICY), ErrorCode.MALFORMED_ENVELOPE);
  }

  @Test
  void oversizeInputIsRefusedBeforeParsing() {
    String jwe = threeRecipients();
    assertRejected(() -> Jwe.parse(jwe, jwe.length() - 1), ErrorCode.ENVELOPE_TOO_LARGE);
    assertRejected(() -> Jwe.parse(jwe.getBytes(StandardCharsets.UTF_8), jwe.length() - 1), ErrorCode.ENVELOPE_TOO_LARGE);
    assertThat(Jwe.parse(jwe.getBytes(StandardCharsets.UTF_8), jwe.length()).decrypt("x1", X1.getPrivate(), POLICY))
        .isEqualTo(PLAINTEXT);
    // multi-byte characters count as UTF-8 bytes
    String padded = mutate(jwe, root -> root.put("pccc:note", "\u00e9".repeat(100)));
    assertRejected(() -> Jwe.parse(padded, padded.length() + 50), ErrorCode.ENVELOPE_TOO_LARGE);
    assertRejected(() -> Jwe.parseCompact("a.b.c.d.e", 4), ErrorCode.ENVELOPE_TOO_LARGE);
  }

  @Test
  void aadMemberIsAuthenticated() throws Exception {
    // This SDK never writes 'aad', but a JWE that has one must authenticate it (RFC 7516 section 5.1 step 14).
    String jwe = Jwe.encrypt(PLAINTEXT, JweHeader.builder().build(), List.of(new JweRecipient("x1", X1.getPublic())));
    String withAad = mutate(jwe, root -> root.put("aad", b64u("extra")));
    assertRejected(() -> Jwe.parse(withAad).decrypt("x1", X1.getPrivate(), POLICY), ErrorCode.DECRYPTION_FAILED);
  }

  @Test
  void encryptionArgumentsAreChecked() {
    assertThatThrownBy(() -> Jwe.encrypt(PLAINTEXT, JweHeader.builder().build(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                Jwe.encrypt(
                    PLAINTEXT,
                    JweHeader.builder().build(),
                    List.of(new JweRecipient("a", X1.getPublic()), new JweRecipient("a", X2.getPublic()))))
        .isInstanceOf(IllegalArgumentException.class);
    assertMisconfigured(
        () ->
            Jwe.encrypt(
                PLAINTEXT,
                JweHeader.builder().build(),
                List.of(new JweRecipient("e", TestKeys.pooled(TestKeys.Kind.ED25519, 0).getPublic()))),
        ErrorCode.KEY_UNSUPPORTED);
    assertThatThrownBy(() -> JweHeader.builder().parameter("zip", "DEF").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JweRecipient(" ", X1.getPublic())).isInstanceOf(IllegalArgumentException.class);
  }
}
