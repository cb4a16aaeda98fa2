package org.pccc.crypto.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.KeyAgreement;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.pccc.crypto.CryptoConfigurationException;
import org.pccc.crypto.EnvelopeRejectedException;
import org.pccc.crypto.ErrorCode;
import org.pccc.crypto.internal.jose.AesGcm;
import org.pccc.crypto.internal.jose.AesKeyWrap;
import org.pccc.crypto.internal.jose.ConcatKdf;
import org.pccc.crypto.internal.jose.KeyAgreements;
import org.pccc.crypto.internal.jose.KeyCodec;
import org.pccc.crypto.internal.jose.KeyType;

/**
 * Published vectors: RFC 8037 Appendix A, RFC 7515 A.3, RFC 7518 Appendix C and the RFC 7520
 * cookbook cases that touch what this SDK supports. Vector data lives in
 * src/test/resources/org/pccc/crypto/jose/.
 */
class RfcVectorsTest {
  private static final Base64.Decoder B64U = Base64.getUrlDecoder();
  private static final JsonNode RFC8037 = TestKeys.vector("rfc8037-appendix-a.json");

  @Test
  void rfc8037A1PrivateJwkHoldsThePublishedKeyAndExportsUnchanged() {
    JsonNode a1 = RFC8037.get("A.1");
    PrivateKey key = Jwk.parsePrivateKey(TestKeys.json(a1.get("jwk")));
    assertThat(B64U.decode(a1.get("jwk").get("d").asText()))
        .isEqualTo(TestKeys.hex(a1.get("secretKeyHex").asText()));
    assertThat(B64U.decode(a1.get("jwk").get("x").asText()))
        .isEqualTo(TestKeys.hex(a1.get("publicKeyHex").asText()));
    assertThat(Jwk.toPrivateJwk(key))
        .isEqualTo(
            "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\","
                + "\"d\":\"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A\"}");
  }

  @Test
  void rfc8037A2PublicJwkRoundTrips() {
    PublicKey key = Jwk.parsePublicKey(TestKeys.json(RFC8037.get("A.2").get("jwk")));
    assertThat(Jwk.toPublicJwk(key))
        .isEqualTo("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}");
  }

  @Test
  void rfc8037A3Thumbprint() {
    JsonNode a3 = RFC8037.get("A.3");
    PublicKey key = Jwk.parsePublicKey(TestKeys.json(RFC8037.get("A.2").get("jwk")));
    String thumbprint = Jwk.thumbprint(key);
    assertThat(thumbprint).isEqualTo(a3.get("thumbprint").asText());
    assertThat(HexFormat.of().formatHex(B64U.decode(thumbprint)))
        .isEqualTo(a3.get("thumbprintHex").asText());
  }

  @Test
  void rfc8037A4SigningGivesThePublishedJwsOnEveryImplementation() {
    JsonNode a4 = RFC8037.get("A.4");
    PrivateKey key = Jwk.parsePrivateKey(TestKeys.json(RFC8037.get("A.1").get("jwk")));
    byte[] payload = a4.get("payload").asText().getBytes(StandardCharsets.UTF_8);
    for (JcaProviders providers :
        List.of(
            JcaProviders.defaults(),
            JcaProviders.registered(),
            JcaProviders.using(new BouncyCastleProvider()))) {
      assertThat(Jws.sign(payload, JwsHeader.builder().build(), key, providers))
          .as(providers.toString())
          .isEqualTo(a4.get("jws").asText());
    }
  }

  @Test
  void rfc8037A5VerifiesAndTamperingIsRejected() {
    String jws = RFC8037.get("A.4").get("jws").asText();
    PublicKey key = Jwk.parsePublicKey(TestKeys.json(RFC8037.get("A.2").get("jwk")));
    UnverifiedJws parsed = Jws.parse(jws);
    assertThat(parsed.protectedHeader().json()).isEqualTo(RFC8037.get("A.4").get("protected").asText());
    VerifiedJws verified = parsed.verify(key, AlgorithmPolicy.defaults());
    assertThat(new String(verified.payload(), StandardCharsets.UTF_8))
        .isEqualTo("Example of Ed25519 signing");
    assertThat(verified.algorithm()).isEqualTo(JwsAlgorithm.EDDSA);

    String tampered = jws.replace(".RXhh", ".RXhi");
    assertThatThrownBy(() -> Jws.parse(tampered).verify(key, AlgorithmPolicy.defaults()))
        .isInstanceOfSatisfying(
            EnvelopeRejectedException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SIGNATURE_INVALID));
  }

  @Test
  void rfc8037A6SharedSecretMatchesOnBothSidesAndOnEveryImplementation() {
    JsonNode a6 = RFC8037.get("A.6");
    byte[] ephemeralSecret = TestKeys.hex(a6.get("ephemeralSecretKeyHex").asText());
    byte[] bobSecret = TestKeys.hex(a6.get("bobSecretKeyHex").asText());
    byte[] expectedZ = TestKeys.hex(a6.get("zHex").asText());

    KeyAgreements.Ephemeral ephemeral = KeyAgreements.fixedEphemeral(KeyType.X25519, ephemeralSecret);
    assertThat(ephemeral.publicRaw()).isEqualTo(TestKeys.hex(a6.get("ephemeralPublicKeyHex").asText()));
    assertThat(B64U.decode(a6.get("epk").get("x").asText())).isEqualTo(ephemeral.publicRaw());

    PublicKey bobPublic = Jwk.parsePublicKey(TestKeys.json(a6.get("bobJwk")));
    assertThat(KeyCodec.publicKey(bobPublic).raw())
        .isEqualTo(TestKeys.hex(a6.get("bobPublicKeyHex").asText()));
    PrivateKey bobPrivate = TestKeys.okpPrivate(true, bobSecret);

    for (JcaProviders providers :
        List.of(JcaProviders.defaults(), JcaProviders.registered(), JcaProviders.using(new BouncyCastleProvider()))) {
      byte[] senderZ =
          KeyAgreements.agree(ephemeral.privateKey(), KeyCodec.publicKey(bobPublic), providers);
      byte[] receiverZ =
          KeyAgreements.agree(
              KeyCodec.privateKey(bobPrivate),
              KeyCodec.publicKey(KeyType.X25519, ephemeral.publicRaw()),
              providers);
      assertThat(senderZ).as(providers.toString()).isEqualTo(expectedZ);
      assertThat(receiverZ).as(providers.toString()).isEqualTo(expectedZ);
    }
  }

  @Test
  void rfc8037A6EphemeralKeyThroughTheEncryptHookGivesTheRfcEpkAndDecrypts() {
    JsonNode a6 = RFC8037.get("A.6");
    byte[] ephemeralSecret = TestKeys.hex(a6.get("ephemeralSecretKeyHex").asText());
    PublicKey bobPublic = Jwk.parsePublicKey(TestKeys.json(a6.get("bobJwk")));
    PrivateKey bobPrivate = TestKeys.okpPrivate(true, TestKeys.hex(a6.get("bobSecretKeyHex").asText()));
    byte[] plaintext = "Example of X25519 encryption".getBytes(StandardCharsets.UTF_8);

    String jwe =
        Jwe.encrypt(
            plaintext,
            JweHeader.builder().build(),
            List.of(new JweRecipient("Bob", bobPublic)),
            JcaProviders.defaults(),
            (type, providers) -> KeyAgreements.fixedEphemeral(type, ephemeralSecret));

    EncryptedJwe parsed = Jwe.parse(jwe);
    assertThat(parsed.recipients().get(0).header().asMap().get("epk"))
        .isEqualTo(java.util.Map.of("kty", "OKP", "crv", "X25519", "x", a6.get("epk").get("x").asText()));
    assertThat(parsed.decrypt("Bob", bobPrivate, AlgorithmPolicy.defaults())).isEqualTo(plaintext);
  }

  @Test
  void rfc7515A3Es256VerifiesOnEveryImplementation() {
    JsonNode a3 = TestKeys.vector("rfc7515-appendix-a3.json");
    String jwk = TestKeys.json(a3.get("jwk"));
    PublicKey publicKey = Jwk.parsePublicKey(jwk.replaceAll(",\"d\":\"[^\"]*\"", ""));
    for (JcaProviders providers :
        List.of(JcaProviders.defaults(), JcaProviders.registered(), JcaProviders.using(new BouncyCastleProvider()))) {
      VerifiedJws verified =
          Jws.parse(a3.get("jws").asText()).verify(publicKey, AlgorithmPolicy.defaults(), providers);
      assertThat(new String(verified.payload(), StandardCharsets.UTF_8)).isEqualTo(a3.get("payload").asText());
      assertThat(verified.protectedHeader().json()).isEqualTo(a3.get("protected").asText());
    }
    // and our ES256 signature with the same key verifies with the same key
    PrivateKey privateKey = Jwk.parsePrivateKey(jwk);
    String ours = Jws.sign(new byte[] {1, 2, 3}, JwsHeader.builder().build(), privateKey);
    assertThat(Jws.parse(ours).verify(publicKey, AlgorithmPolicy.defaults()).payload())
        .containsExactly(1, 2, 3);
  }

  @Test
  void rfc7518AppendixCConcatKdf() throws Exception {
    JsonNode c = TestKeys.vector("rfc7518-appendix-c.json");
    PrivateKey alice = Jwk.parsePrivateKey(TestKeys.json(c.get("aliceEphemeralJwk")));
    PublicKey bob = Jwk.parsePublicKey(TestKeys.json(c.get("bobJwk")).replaceAll(",\"d\":\"[^\"]*\"", ""));
    byte[] expectedZ = new byte[32];
    for (int i = 0; i < 32; i++) {
      expectedZ[i] = (byte) c.get("z").get(i).asInt();
    }
    byte[] z = KeyAgreements.agree(KeyCodec.privateKey(alice), KeyCodec.publicKey(bob), JcaProviders.defaults());
    assertThat(z).isEqualTo(expectedZ);
    byte[] derived =
        ConcatKdf.derive(
            JcaProviders.defaults(),
            z,
            c.get("header").get("enc").asText(),
            B64U.decode(c.get("header").get("apu").asText()),
            B64U.decode(c.get("header").get("apv").asText()),
            128);
    assertThat(derived).isEqualTo(B64U.decode(c.get("derivedKey").asText()));
  }

  @Test
  void rfc7520Section5_4DecryptsWithOurKdfKeyWrapAndGcm() throws Exception {
    JsonNode v = TestKeys.vector("rfc7520-5.4-ecdh-es-a128kw-p384.json");
    EncryptedJwe compact = Jwe.parseCompact(v.get("compact").asText(), Jwe.DEFAULT_MAX_BYTES);
    assertThat(compact.serialization()).isEqualTo(EncryptedJwe.Serialization.COMPACT);
    assertThat(compact.recipients()).hasSize(1);
    assertThat(compact.recipients().get(0).algorithm()).isEqualTo("ECDH-ES+A128KW");
    assertThat(compact.recipients().get(0).keyId()).contains("peregrin.took@tuckborough.example");
    EncryptedJwe json = Jwe.parse(TestKeys.json(v.get("json")));
    assertThat(json.serialization()).isEqualTo(EncryptedJwe.Serialization.GENERAL_JSON);
    assertThat(json.protectedHeader()).isEqualTo(compact.protectedHeader());

    // The public API refuses P-384 keys (not a supported curve) ...
    PrivateKey p384 = p384Private(v.get("key"));
    assertThatThrownBy(() -> compact.decrypt(p384, AlgorithmPolicy.defaults()))
        .isInstanceOfSatisfying(
            CryptoConfigurationException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.KEY_UNSUPPORTED));
    // ... and an X25519 key is refused by the policy check before any key agreement.
    assertThatThrownBy(() -> compact.decrypt(TestKeys.pooled(TestKeys.Kind.X25519, 0).getPrivate(), AlgorithmPolicy.defaults()))
        .isInstanceOfSatisfying(
            EnvelopeRejectedException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NOT_A_RECIPIENT));

    // Our building blocks reproduce the cookbook's CEK and plaintext.
    String[] parts = v.get("compact").asText().split("\\.");
    JsonNode epk = compact.protectedHeader().asMap().get("epk") instanceof java.util.Map
        ? new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(compact.protectedHeader().asMap().get("epk"))
        : null;
    byte[] z = ecdhP384(p384, epk);
    byte[] kek = ConcatKdf.derive(JcaProviders.defaults(), z, "ECDH-ES+A128KW", new byte[0], new byte[0], 128);
    byte[] cek = AesKeyWrap.unwrap(JcaProviders.defaults(), kek, B64U.decode(parts[1]));
    assertThat(cek).isEqualTo(B64U.decode(v.get("cek").asText()));
    byte[] plaintext =
        AesGcm.decrypt(
            JcaProviders.defaults(),
            cek,
            B64U.decode(parts[2]),
            parts[0].getBytes(StandardCharsets.US_ASCII),
            B64U.decode(parts[3]),
            B64U.decode(parts[4]));
    assertThat(new String(plaintext, StandardCharsets.UTF_8)).isEqualTo(v.get("plaintext").asText());
  }

  @Test
  void rfc7520Section5_13MultipleRecipientsParseAndTheEcdhEsA256kwKeyUnwraps() throws Exception {
    JsonNode v = TestKeys.vector("rfc7520-5.13-multiple-recipients.json");
    EncryptedJwe jwe = Jwe.parse(TestKeys.json(v.get("json")));
    assertThat(jwe.serialization()).isEqualTo(EncryptedJwe.Serialization.GENERAL_JSON);
    assertThat(jwe.recipients())
        .extracting(r -> r.keyId().orElseThrow())
        .containsExactly(
            "frodo.baggins@hobbiton.example",
            "peregrin.took@tuckborough.example",
            "18ec08e1-bfa9-4d95-b205-2b4dd1d4321d");
    assertThat(jwe.recipients())
        .extracting(JweRecipientEntry::algorithm)
        .containsExactly("RSA1_5", "ECDH-ES+A256KW", "A256GCMKW");
    assertThat(jwe.protectedHeader().string("enc")).contains("A128CBC-HS256");
    assertThat(jwe.sharedUnprotectedHeader().orElseThrow().contentType()).contains("text/plain");

    // A128CBC-HS256 is not on the allow-list: refused before any key work.
    assertThatThrownBy(
            () ->
                jwe.decrypt(
                    "peregrin.took@tuckborough.example",
                    TestKeys.pooled(TestKeys.Kind.X25519, 0).getPrivate(),
                    AlgorithmPolicy.defaults()))
        .isInstanceOfSatisfying(
            EnvelopeRejectedException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ALGORITHM_NOT_ALLOWED));
    assertThatThrownBy(
            () ->
                jwe.decrypt(
                    "samwise.gamgee@hobbiton.example",
                    TestKeys.pooled(TestKeys.Kind.X25519, 0).getPrivate(),
                    AlgorithmPolicy.defaults()))
        .isInstanceOfSatisfying(
            EnvelopeRejectedException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NOT_A_RECIPIENT));

    // Our Concat KDF ("ECDH-ES+A256KW", 256 bits) and AES key unwrap recover the cookbook CEK.
    JsonNode recipient = v.get("json").get("recipients").get(1);
    byte[] z = ecdhP384(p384Private(v.get("peregrinKey")), recipient.get("header").get("epk"));
    byte[] kek = ConcatKdf.derive(JcaProviders.defaults(), z, "ECDH-ES+A256KW", new byte[0], new byte[0], 256);
    assertThat(AesKeyWrap.unwrap(JcaProviders.defaults(), kek, B64U.decode(recipient.get("encrypted_key").asText())))
        .isEqualTo(B64U.decode(v.get("cek").asText()));
  }

  @Test
  void rfc7520Section4_3Es512IsParsedButNotAllowed() {
    JsonNode v = TestKeys.vector("rfc7520-4.3-es512.json");
    UnverifiedJws jws = Jws.parse(v.get("compact").asText());
    assertThat(jws.protectedHeader().algorithm()).contains("ES512");
    assertThat(jws.keyId()).contains("bilbo.baggins@hobbiton.example");
    assertThat(new String(jws.unverifiedPayloadForInspection(), StandardCharsets.UTF_8))
        .isEqualTo(v.get("payload").asText());
    assertThatThrownBy(
            () -> jws.verify(TestKeys.pooled(TestKeys.Kind.P256, 0).getPublic(), AlgorithmPolicy.defaults()))
        .isInstanceOfSatisfying(
            EnvelopeRejectedException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ALGORITHM_NOT_ALLOWED));
  }

  @Test
  void rfc7520Section5_9CompressedContentIsRefused() throws Exception {
    JsonNode v = TestKeys.vector("rfc7520-5.9-compressed.json");
    assertThatThrownBy(() -> Jwe.parseCompact(v.get("compact").asText(), Jwe.DEFAULT_MAX_BYTES))
        .isInstanceOfSatisfying(
            EnvelopeRejectedException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.FORBIDDEN_HEADER));
    assertThatThrownBy(() -> Jwe.parse(TestKeys.json(v.get("flattened"))))
        .isInstanceOfSatisfying(
            EnvelopeRejectedException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.FORBIDDEN_HEADER));
  }

  private static PrivateKey p384Private(JsonNode jwk) throws Exception {
    return KeyFactory.getInstance("EC")
        .generatePrivate(new ECPrivateKeySpec(new BigInteger(1, B64U.decode(jwk.get("d").asText())), p384()));
  }

  private static byte[] ecdhP384(PrivateKey key, JsonNode epk) throws Exception {
    PublicKey peer =
        KeyFactory.getInstance("EC")
            .generatePublic(
                new ECPublicKeySpec(
                    new ECPoint(
                        new BigInteger(1, B64U.decode(epk.get("x").asText())),
                        new BigInteger(1, B64U.decode(epk.get("y").asText()))),
                    p384()));
    KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
    agreement.init(key);
    agreement.doPhase(peer, true);
    return agreement.generateSecret();
  }

  private static ECParameterSpec p384() throws Exception {
    AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
    parameters.init(new ECGenParameterSpec("secp384r1"));
    return parameters.getParameterSpec(ECParameterSpec.class);
  }
}
