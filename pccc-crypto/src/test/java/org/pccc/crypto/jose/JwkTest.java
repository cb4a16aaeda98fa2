package org.pccc.crypto.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pccc.crypto.jose.Rejections.assertMisconfigured;
import static org.pccc.crypto.jose.Rejections.b64u;

import com.nimbusds.jose.jwk.JWK;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pccc.crypto.ErrorCode;

class JwkTest {
  private static final String ED_X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
  private static final String EC_X = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU";
  private static final String EC_Y = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0";

  @ParameterizedTest
  @EnumSource(TestKeys.Kind.class)
  void publicAndPrivateKeysRoundTripAndNimbusAgreesOnTheThumbprint(TestKeys.Kind kind) throws Exception {
    KeyPair pair = TestKeys.pooled(kind, 2);
    String publicJwk = Jwk.toPublicJwk(pair.getPublic(), "k-1");
    assertThat(publicJwk).doesNotContain("\"d\"").contains("\"kid\":\"k-1\"");
    PublicKey publicKey = Jwk.parsePublicKey(publicJwk);
    assertThat(publicKey.getEncoded()).isEqualTo(pair.getPublic().getEncoded());
    assertThat(Jwk.keyId(publicJwk)).contains("k-1");

    String privateJwk = Jwk.toPrivateJwk(pair.getPrivate(), "k-1");
    assertThat(privateJwk).contains("\"d\"");
    PrivateKey privateKey = Jwk.parsePrivateKey(privateJwk);
    assertThat(Jwk.toPrivateJwk(privateKey, "k-1")).isEqualTo(privateJwk);
    assertThat(Jwk.toPublicJwk(Jwk.parsePublicKey(Jwk.toPublicJwk(publicKey)))).isEqualTo(Jwk.toPublicJwk(pair.getPublic()));

    // nimbus-jose-jwt reads our JWKs and computes the same RFC 7638 thumbprint
    JWK nimbus = JWK.parse(publicJwk);
    assertThat(nimbus.computeThumbprint().toString()).isEqualTo(Jwk.thumbprint(pair.getPublic()));
    assertThat(JWK.parse(privateJwk).isPrivate()).isTrue();
  }

  @Test
  void keysFromBouncyCastlesProviderAreRecognised() throws Exception {
    BouncyCastleProvider bc = new BouncyCastleProvider();
    for (String algorithm : List.of("Ed25519", "X25519")) {
      KeyPair pair = java.security.KeyPairGenerator.getInstance(algorithm, bc).generateKeyPair();
      assertThat(Jwk.parsePublicKey(Jwk.toPublicJwk(pair.getPublic())).getEncoded()).isEqualTo(pair.getPublic().getEncoded());
      assertThat(Jwk.toPrivateJwk(pair.getPrivate())).contains("\"crv\":\"" + algorithm + "\"");
    }
    java.security.KeyPairGenerator ec = java.security.KeyPairGenerator.getInstance("EC", bc);
    ec.initialize(new java.security.spec.ECGenParameterSpec("P-256"));
    KeyPair pair = ec.generateKeyPair();
    assertThat(Jwk.parsePrivateKey(Jwk.toPrivateJwk(pair.getPrivate()))).isNotNull();
    assertThat(Jwk.thumbprint(pair.getPublic())).isEqualTo(Jwk.thumbprint(Jwk.parsePublicKey(Jwk.toPublicJwk(pair.getPublic()))));
  }

  @Test
  void x5tS256IsTheBase64urlSha256OfTheDer() {
    // SHA-256("abc") = ba7816bf 8f01cfea 414140de 5dae2223 b00361a3 96177a9c b410ff61 f20015ad
    assertThat(Jwk.x5tS256("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
        .isEqualTo("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\"}",
        "{\"kty\":\"oct\",\"k\":\"AAAA\"}",
        "{\"kty\":\"EC\",\"crv\":\"P-384\",\"x\":\"" + EC_X + "\",\"y\":\"" + EC_Y + "\"}",
        "{\"kty\":\"OKP\",\"crv\":\"Ed448\",\"x\":\"" + ED_X + "\"}",
        "{\"kty\":\"OKP\",\"crv\":\"P-256\",\"x\":\"" + EC_X + "\",\"y\":\"" + EC_Y + "\"}",
        "{\"kty\":\"EC\",\"crv\":\"Ed25519\",\"x\":\"" + ED_X + "\"}",
        "{\"crv\":\"Ed25519\",\"x\":\"" + ED_X + "\"}"
      })
  void unsupportedKeyTypesAndCurvesAreRefused(String jwk) {
    assertMisconfigured(() -> Jwk.parsePublicKey(jwk), ErrorCode.KEY_UNSUPPORTED);
  }

  @Test
  void malformedKeyMaterialIsRefused() {
    byte[] x = java.util.Base64.getUrlDecoder().decode(EC_X);
    byte[] y = java.util.Base64.getUrlDecoder().decode(EC_Y);
    y[31] ^= 1;
    List<String> invalid =
        List.of(
            "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + ED_X.substring(1) + "\"}", // wrong length / dangling
            "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + b64u(new byte[31]) + "\"}",
            "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + ED_X + "=\"}",
            "{\"kty\":\"OKP\",\"crv\":\"X25519\",\"x\":\"" + ED_X + "\",\"y\":\"" + ED_X + "\"}",
            "{\"kty\":\"OKP\",\"crv\":\"Ed25519\"}",
            "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":7}",
            "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + EC_X + "\"}",
            "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + b64u(x) + "\",\"y\":\"" + b64u(y) + "\"}", // off curve
            "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + ED_X + "\",\"x\":\"" + ED_X + "\"}", // duplicate
            "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + ED_X + "\"} trailing",
            "not json");
    for (String jwk : invalid) {
      assertMisconfigured(() -> Jwk.parsePublicKey(jwk), ErrorCode.KEY_INVALID);
    }
  }

  @Test
  void okpPointsThatAreNotValidKeysAreRefused() {
    // an Ed25519 encoding that is not a point: found by asking BouncyCastle, refused by the JWK layer
    byte[] notAPoint = null;
    for (int y = 2; y < 200 && notAPoint == null; y++) {
      byte[] candidate = new byte[32];
      candidate[0] = (byte) y;
      try {
        new org.bouncycastle.crypto.params.Ed25519PublicKeyParameters(candidate, 0);
      } catch (IllegalArgumentException e) {
        notAPoint = candidate;
      }
    }
    assertThat(notAPoint).isNotNull();
    String ed = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + b64u(notAPoint) + "\"}";
    assertMisconfigured(() -> Jwk.parsePublicKey(ed), ErrorCode.KEY_INVALID);
    // non-canonical X25519 u-coordinates (top bit set; u >= p)
    byte[] topBit = new byte[32];
    topBit[0] = 9;
    topBit[31] = (byte) 0x80;
    for (byte[] u : List.of(topBit, TestKeys.hex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"))) {
      String x = "{\"kty\":\"OKP\",\"crv\":\"X25519\",\"x\":\"" + b64u(u) + "\"}";
      assertMisconfigured(() -> Jwk.parsePublicKey(x), ErrorCode.KEY_INVALID);
    }
  }

  @Test
  void privatePartsMustMatchAndArePrivateOnly() {
    String rfc8037 =
        "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"d\":\"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A\",\"x\":\"" + ED_X + "\"}";
    // a private JWK is not accepted where a public one is expected
    assertMisconfigured(() -> Jwk.parsePublicKey(rfc8037), ErrorCode.KEY_INVALID);
    assertThat(Jwk.parsePrivateKey(rfc8037)).isNotNull();
    // x of another key
    String mismatched = rfc8037.replace(ED_X, Jwk.toPublicJwk(TestKeys.pooled(TestKeys.Kind.ED25519, 3).getPublic()).replaceAll(".*\"x\":\"([^\"]*)\".*", "$1"));
    assertMisconfigured(() -> Jwk.parsePrivateKey(mismatched), ErrorCode.KEY_INVALID);
    assertMisconfigured(() -> Jwk.parsePrivateKey("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + ED_X + "\"}"), ErrorCode.KEY_INVALID);
    // EC scalar out of range: zero and the group order
    String ecPublic = Jwk.toPublicJwk(TestKeys.pooled(TestKeys.Kind.P256, 3).getPublic());
    for (String d :
        List.of(
            b64u(new byte[32]),
            b64u(TestKeys.hex("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551")))) {
      String jwk = ecPublic.substring(0, ecPublic.length() - 1) + ",\"d\":\"" + d + "\"}";
      assertMisconfigured(() -> Jwk.parsePrivateKey(jwk), ErrorCode.KEY_INVALID);
    }
    // the JCA key that comes back is a normal P-256 key
    assertThat(Jwk.parsePublicKey(ecPublic)).isInstanceOf(ECPublicKey.class);
  }

  @Test
  void exportRefusesOtherKeyTypes() throws Exception {
    java.security.KeyPairGenerator rsa = java.security.KeyPairGenerator.getInstance("RSA");
    rsa.initialize(1024);
    KeyPair pair = rsa.generateKeyPair();
    assertMisconfigured(() -> Jwk.toPublicJwk(pair.getPublic()), ErrorCode.KEY_UNSUPPORTED);
    assertMisconfigured(() -> Jwk.toPrivateJwk(pair.getPrivate()), ErrorCode.KEY_UNSUPPORTED);
    assertMisconfigured(() -> Jwk.thumbprint(pair.getPublic()), ErrorCode.KEY_UNSUPPORTED);
    java.security.KeyPairGenerator p384 = java.security.KeyPairGenerator.getInstance("EC");
    p384.initialize(new java.security.spec.ECGenParameterSpec("secp384r1"));
    assertMisconfigured(() -> Jwk.toPublicJwk(p384.generateKeyPair().getPublic()), ErrorCode.KEY_UNSUPPORTED);
    assertThatThrownBy(() -> Jwk.toPublicJwk(null)).isInstanceOf(NullPointerException.class);
  }
}
