package org.pccc.crypto.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pccc.crypto.jose.Rejections.assertMisconfigured;
import static org.pccc.crypto.jose.Rejections.assertRejected;
import static org.pccc.crypto.jose.Rejections.b64u;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Security;
import java.util.List;
import java.util.Map;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pccc.crypto.ErrorCode;

class JwsTest {
  private static final byte[] PAYLOAD = "{\"pccc\":\"1.0\"}".getBytes(StandardCharsets.UTF_8);
  private static final KeyPair ED = TestKeys.pooled(TestKeys.Kind.ED25519, 0);
  private static final KeyPair EC = TestKeys.pooled(TestKeys.Kind.P256, 0);
  private static final AlgorithmPolicy POLICY = AlgorithmPolicy.defaults();

  /** A compact JWS with the given header and an Ed25519 signature over it by {@link #ED}. */
  private static String signedWithHeader(String headerJson) {
    String input = b64u(headerJson) + "." + b64u(PAYLOAD);
    String real = Jws.sign(PAYLOAD, JwsHeader.builder().build(), ED.getPrivate());
    return input + "." + real.substring(real.lastIndexOf('.') + 1);
  }

  @Test
  void signsAndVerifiesWithBothAlgorithmsAndAllHeaderFields() {
    JwsHeader header =
        JwsHeader.builder()
            .keyId("bg-ruse-sig-1")
            .x5tS256(Jwk.x5tS256(new byte[] {1, 2, 3}))
            .type("pccc+jws")
            .contentType("application/pccc+json")
            .parameter("pccc:centre", "BG-RUSE")
            .parameter("n", 3)
            .build();
    for (KeyPair pair : List.of(ED, EC)) {
      String jws = Jws.sign(PAYLOAD, header, pair.getPrivate());
      UnverifiedJws parsed = Jws.parse(jws);
      assertThat(parsed.protectedHeader().names())
          .containsExactly("alg", "kid", "x5t#S256", "typ", "cty", "pccc:centre", "n");
      assertThat(parsed.keyId()).contains("bg-ruse-sig-1");
      assertThat(parsed.protectedHeader().x5tS256()).contains(header.x5tS256());
      assertThat(parsed.protectedHeader().get("n")).contains(3);
      VerifiedJws verified = parsed.verify(pair.getPublic(), POLICY);
      assertThat(verified.payload()).isEqualTo(PAYLOAD);
      assertThat(verified.compact()).isEqualTo(jws);
      assertThat(verified.algorithm().rfcName()).isEqualTo(parsed.protectedHeader().algorithm().orElseThrow());
    }
  }

  @Test
  void es256SignaturesAreRawRAndS() {
    String jws = Jws.sign(PAYLOAD, JwsHeader.builder().build(), EC.getPrivate());
    assertThat(Jws.parse(jws).protectedHeader().json()).isEqualTo("{\"alg\":\"ES256\"}");
    assertThat(java.util.Base64.getUrlDecoder().decode(jws.substring(jws.lastIndexOf('.') + 1))).hasSize(64);
  }

  @Test
  void everyImplementationVerifiesEveryOther() {
    List<JcaProviders> choices =
        List.of(JcaProviders.defaults(), JcaProviders.registered(), JcaProviders.using(new BouncyCastleProvider()));
    for (KeyPair pair : List.of(ED, EC)) {
      for (JcaProviders signer : choices) {
        String jws = Jws.sign(PAYLOAD, JwsHeader.builder().build(), pair.getPrivate(), signer);
        for (JcaProviders verifier : choices) {
          assertThat(Jws.parse(jws).verify(pair.getPublic(), POLICY, verifier).payload())
              .as(signer + " -> " + verifier)
              .isEqualTo(PAYLOAD);
        }
      }
    }
    assertThat(Security.getProvider("BC")).as("BouncyCastle must never be registered globally").isNull();
  }

  @Test
  void theUnverifiedPayloadIsOnlyReachableThroughTheNamedMethod() {
    UnverifiedJws parsed = Jws.parse(Jws.sign(PAYLOAD, JwsHeader.builder().build(), ED.getPrivate()));
    assertThat(parsed.unverifiedPayloadForInspection()).isEqualTo(PAYLOAD);
    assertThat(parsed.toString()).doesNotContain("pccc").contains("payloadBytes=" + PAYLOAD.length);
  }

  @Test
  void emptyPayloadSignsAndVerifies() {
    String jws = Jws.sign(new byte[0], JwsHeader.builder().build(), ED.getPrivate());
    assertThat(jws).contains("..");
    assertThat(Jws.parse(jws).verify(ED.getPublic(), POLICY).payload()).isEmpty();
  }

  @Test
  void algNoneIsRefusedInAnySpelling() {
    for (String alg : List.of("none", "None", "NONE")) {
      assertRejected(
          () -> Jws.parse(b64u("{\"alg\":\"" + alg + "\"}") + "." + b64u(PAYLOAD) + "."),
          ErrorCode.ALGORITHM_NOT_ALLOWED);
    }
    assertRejected(() -> Jws.parse(b64u("{\"kid\":\"a\"}") + "." + b64u(PAYLOAD) + ".AA"), ErrorCode.ALGORITHM_NOT_ALLOWED);
  }

  @Test
  void algorithmsOutsideThePolicyAreRefused() {
    String es256 = Jws.sign(PAYLOAD, JwsHeader.builder().build(), EC.getPrivate());
    AlgorithmPolicy edOnly = AlgorithmPolicy.builder().signatureAlgorithms(JwsAlgorithm.EDDSA).build();
    assertRejected(() -> Jws.parse(es256).verify(EC.getPublic(), edOnly), ErrorCode.ALGORITHM_NOT_ALLOWED);
    // HS256 with a public key as HMAC secret: the classic confusion; never even considered.
    assertRejected(
        () -> Jws.parse(b64u("{\"alg\":\"HS256\"}") + "." + b64u(PAYLOAD) + ".AAAA").verify(EC.getPublic(), POLICY),
        ErrorCode.ALGORITHM_NOT_ALLOWED);
  }

  @Test
  void algorithmMustFitTheVerificationKeyType() {
    // An ES256 header verified with an Ed25519 key, and the other way round.
    String es256 = Jws.sign(PAYLOAD, JwsHeader.builder().build(), EC.getPrivate());
    assertRejected(() -> Jws.parse(es256).verify(ED.getPublic(), POLICY), ErrorCode.ALGORITHM_NOT_ALLOWED);
    String edWithEs256Header = signedWithHeader("{\"alg\":\"ES256\"}");
    assertRejected(
        () -> Jws.parse(edWithEs256Header).verify(ED.getPublic(), POLICY), ErrorCode.ALGORITHM_NOT_ALLOWED);
    String eddsa = Jws.sign(PAYLOAD, JwsHeader.builder().build(), ED.getPrivate());
    assertRejected(() -> Jws.parse(eddsa).verify(EC.getPublic(), POLICY), ErrorCode.ALGORITHM_NOT_ALLOWED);
  }

  @Test
  void aKeyAgreementKeyCannotVerify() {
    String eddsa = Jws.sign(PAYLOAD, JwsHeader.builder().build(), ED.getPrivate());
    assertMisconfigured(
        () -> Jws.parse(eddsa).verify(TestKeys.pooled(TestKeys.Kind.X25519, 0).getPublic(), POLICY),
        ErrorCode.KEY_UNSUPPORTED);
    assertMisconfigured(
        () -> Jws.sign(PAYLOAD, JwsHeader.builder().build(), TestKeys.pooled(TestKeys.Kind.X25519, 0).getPrivate()),
        ErrorCode.KEY_UNSUPPORTED);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"alg\":\"EdDSA\",\"jwk\":{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}}",
        "{\"alg\":\"EdDSA\",\"x5c\":[\"MIIB\"]}",
        "{\"alg\":\"EdDSA\",\"jku\":\"https://attacker.example/keys\"}",
        "{\"alg\":\"EdDSA\",\"x5u\":\"https://attacker.example/cert\"}",
        "{\"alg\":\"EdDSA\",\"crit\":[\"exp\"],\"exp\":1}",
        "{\"alg\":\"EdDSA\",\"crit\":[]}",
        "{\"alg\":\"EdDSA\",\"b64\":false,\"crit\":[\"b64\"]}",
        "{\"alg\":\"EdDSA\",\"b64\":false}",
        "{\"alg\":\"EdDSA\",\"zip\":\"DEF\"}"
      })
  void forbiddenHeaderParametersAreRefusedEvenWithAValidSignature(String header) {
    String jws = signedWithHeader(header);
    assertRejected(() -> Jws.parse(jws), ErrorCode.FORBIDDEN_HEADER);
  }

  @Test
  void duplicateHeaderMembersAreRefused() {
    assertRejected(
        () -> Jws.parse(signedWithHeader("{\"alg\":\"EdDSA\",\"alg\":\"none\"}")), ErrorCode.MALFORMED_ENVELOPE);
    assertRejected(
        () -> Jws.parse(signedWithHeader("{\"alg\":\"EdDSA\",\"kid\":\"a\",\"kid\":\"b\"}")),
        ErrorCode.MALFORMED_ENVELOPE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[\"alg\",\"EdDSA\"]",
        "\"EdDSA\"",
        "{\"alg\":\"EdDSA\"} {}",
        "{\"alg\":\"EdDSA\",}",
        "{'alg':'EdDSA'}",
        "{\"alg\":\"EdDSA\" /* c */}",
        "{\"alg\":7}",
        "{\"alg\":\"EdDSA\",\"kid\":7}"
      })
  void headersThatAreNotOneStrictObjectAreRefused(String header) {
    assertRejected(() -> Jws.parse(signedWithHeader(header)), ErrorCode.MALFORMED_ENVELOPE);
  }

  @Test
  void invalidUtf8InTheHeaderIsRefused() {
    byte[] header = "{\"alg\":\"EdDSA\",\"kid\":\"\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
    assertRejected(() -> Jws.parse(b64u(header) + "." + b64u(PAYLOAD) + ".AA"), ErrorCode.MALFORMED_ENVELOPE);
  }

  @Test
  void nonCanonicalBase64urlIsRefused() {
    String jws = Jws.sign(PAYLOAD, JwsHeader.builder().build(), ED.getPrivate());
    String[] parts = jws.split("\\.");
    String standardAlphabet = jws.replace('-', '+').replace('_', '/');
    List<String> variants =
        List.of(
            parts[0] + "=." + parts[1] + "." + parts[2], // padding
            parts[0] + "." + parts[1] + "==." + parts[2],
            parts[0] + " ." + parts[1] + "." + parts[2], // whitespace
            parts[0] + "." + parts[1] + "\n." + parts[2],
            parts[0] + "." + parts[1] + "." + parts[2] + "*", // illegal character
            parts[0] + "." + parts[1] + "." + parts[2] + "AAA", // length leaves one dangling char
            parts[0] + "." + parts[1] + "." + withUnusedBitsSet(parts[2]));
    for (String variant : variants) {
      assertRejected(() -> Jws.parse(variant), ErrorCode.MALFORMED_ENVELOPE);
    }
    if (!standardAlphabet.equals(jws)) {
      assertRejected(() -> Jws.parse(standardAlphabet), ErrorCode.MALFORMED_ENVELOPE);
    }
  }

  /** Sets a low bit of the last character, which encodes nothing in a 2- or 3-character tail. */
  private static String withUnusedBitsSet(String encoded) {
    assertThat(encoded.length() % 4).isIn(2, 3);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    int last = alphabet.indexOf(encoded.charAt(encoded.length() - 1));
    return encoded.substring(0, encoded.length() - 1) + alphabet.charAt(last | 1);
  }

  @Test
  void wrongNumberOfPartsIsRefused() {
    String jws = Jws.sign(PAYLOAD, JwsHeader.builder().build(), ED.getPrivate());
    for (String variant : List.of(jws + ".", jws.substring(0, jws.lastIndexOf('.')), "", "abc", jws + ".x.y")) {
      assertRejected(() -> Jws.parse(variant), ErrorCode.MALFORMED_ENVELOPE);
    }
  }

  @Test
  void badSignaturesAreRefused() {
    String jws = Jws.sign(PAYLOAD, JwsHeader.builder().build(), EC.getPrivate());
    String body = jws.substring(0, jws.lastIndexOf('.') + 1);
    for (String signature : List.of("", "AAAA", b64u(new byte[64]), b64u(new byte[65]))) {
      assertRejected(() -> Jws.parse(body + signature).verify(EC.getPublic(), POLICY), ErrorCode.SIGNATURE_INVALID);
    }
    // a valid signature by another key of the same type
    String other = Jws.sign(PAYLOAD, JwsHeader.builder().build(), TestKeys.pooled(TestKeys.Kind.P256, 1).getPrivate());
    assertRejected(() -> Jws.parse(other).verify(EC.getPublic(), POLICY), ErrorCode.SIGNATURE_INVALID);
  }

  @Test
  void oversizeInputIsRefusedBeforeParsing() {
    String jws = Jws.sign(new byte[1000], JwsHeader.builder().build(), ED.getPrivate());
    assertRejected(() -> Jws.parse(jws, jws.length() - 1), ErrorCode.ENVELOPE_TOO_LARGE);
    assertThat(Jws.parse(jws, jws.length()).verify(ED.getPublic(), POLICY).payload()).hasSize(1000);
    assertRejected(() -> Jws.parse(jws.getBytes(StandardCharsets.US_ASCII), 100), ErrorCode.ENVELOPE_TOO_LARGE);
    assertRejected(() -> Jws.parse("x".repeat(Jws.DEFAULT_MAX_BYTES + 1)), ErrorCode.ENVELOPE_TOO_LARGE);
    assertThatThrownBy(() -> Jws.parse(jws, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bytesInputMustBeAscii() {
    String jws = Jws.sign(PAYLOAD, JwsHeader.builder().build(), ED.getPrivate());
    assertThat(Jws.parse(jws.getBytes(StandardCharsets.US_ASCII), 1 << 20).verify(ED.getPublic(), POLICY).payload())
        .isEqualTo(PAYLOAD);
    byte[] withHighByte = (jws + "\u00e9").getBytes(StandardCharsets.ISO_8859_1);
    assertRejected(() -> Jws.parse(withHighByte, 1 << 20), ErrorCode.MALFORMED_ENVELOPE);
  }

  @Test
  void headerBuilderRefusesRegisteredNamesAndNonJsonValues() {
    for (String name : List.of("alg", "jwk", "x5c", "crit", "b64", "kid", "zip")) {
      assertThatThrownBy(() -> JwsHeader.builder().parameter(name, "x").build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(name);
    }
    assertThatThrownBy(() -> JwsHeader.builder().parameter("p", new Object()).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JwsHeader.builder().parameter("p", Double.NaN).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JwsHeader.builder().x5tS256("not-a-digest").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JwsHeader.builder().keyId(" ").build()).isInstanceOf(IllegalArgumentException.class);
    JwsHeader nested = JwsHeader.builder().parameter("p", Map.of("a", List.of(1, "b", true))).build();
    assertThat(Jws.parse(Jws.sign(PAYLOAD, nested, ED.getPrivate())).protectedHeader().get("p"))
        .contains(Map.of("a", List.of(1, "b", true)));
    assertThat(nested.toBuilder().build()).isEqualTo(nested);
  }
}
