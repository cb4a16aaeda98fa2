package org.pccc.crypto.jose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObjectJSON;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MultiDecrypter;
import com.nimbusds.jose.crypto.MultiEncrypter;
import com.nimbusds.jose.crypto.impl.ConcatKDF;
import com.nimbusds.jose.crypto.impl.ECDH;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.pccc.crypto.internal.jose.ConcatKdf;

/**
 * Interoperability with nimbus-jose-jwt 10 (test scope), in both directions.
 *
 * <p>Covered: ES256 JWS both ways; ECDH-ES+A256KW on P-256 with A256GCM in the general JSON
 * serialization with several recipients both ways; the RFC 8037 A.6 Concat KDF output; JWK
 * thumbprints (in JwkTest). Not covered here: EdDSA and X25519, because nimbus implements them
 * only on Google Tink, which is not a dependency of this project; the Node.js jose test covers
 * both.
 */
class NimbusInteropTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] PAYLOAD = "{\"pccc\":\"1.0\",\"body\":{\"type\":\"request\"}}".getBytes(StandardCharsets.UTF_8);

  @Test
  void nimbusVerifiesOurEs256() throws Exception {
    KeyPair pair = TestKeys.pooled(TestKeys.Kind.P256, 4);
    String ours = Jws.sign(PAYLOAD, JwsHeader.builder().keyId("ec-4").type("pccc+jws").build(), pair.getPrivate());
    JWSObject parsed = JWSObject.parse(ours);
    assertThat(parsed.verify(new ECDSAVerifier((ECPublicKey) pair.getPublic()))).isTrue();
    assertThat(parsed.getHeader().getKeyID()).isEqualTo("ec-4");
    assertThat(parsed.getPayload().toBytes()).isEqualTo(PAYLOAD);
  }

  @Test
  void weVerifyNimbusEs256() throws Exception {
    KeyPair pair = TestKeys.pooled(TestKeys.Kind.P256, 5);
    JWSObject jws =
        new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec-5").build(), new Payload(PAYLOAD));
    jws.sign(new ECDSASigner((ECPrivateKey) pair.getPrivate()));
    VerifiedJws verified = Jws.parse(jws.serialize()).verify(pair.getPublic(), AlgorithmPolicy.defaults());
    assertThat(verified.payload()).isEqualTo(PAYLOAD);
    assertThat(verified.protectedHeader().keyId()).contains("ec-5");
  }

  @Test
  void nimbusDecryptsOurGeneralJsonForEachRecipient() throws Exception {
    List<KeyPair> pairs = new ArrayList<>();
    List<JweRecipient> recipients = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      pairs.add(TestKeys.pooled(TestKeys.Kind.P256, 6 + i));
      recipients.add(new JweRecipient("ec-" + i, pairs.get(i).getPublic()));
    }
    String ours = Jwe.encrypt(PAYLOAD, JweHeader.builder().contentType("JWT").build(), recipients);
    for (int i = 0; i < 3; i++) {
      // per recipient, with nimbus's plain ECDH decrypter on the merged headers
      JWEObjectJSON parsed = JWEObjectJSON.parse(ours);
      parsed.decrypt(new MultiDecrypter(privateEcJwk(pairs.get(i), "ec-" + i)));
      assertThat(parsed.getPayload().toBytes()).as("recipient " + i).isEqualTo(PAYLOAD);
      assertThat(parsed.getHeader().getContentType()).isEqualTo("JWT");
    }
  }

  @Test
  void weDecryptNimbusGeneralJsonForEachRecipient() throws Exception {
    List<KeyPair> pairs = new ArrayList<>();
    List<JWK> publicJwks = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      pairs.add(TestKeys.pooled(TestKeys.Kind.P256, 6 + i));
      publicJwks.add(
          new ECKey.Builder(com.nimbusds.jose.jwk.Curve.P_256, (ECPublicKey) pairs.get(i).getPublic())
              .keyID("ec-" + i)
              .algorithm(JWEAlgorithm.ECDH_ES_A256KW)
              .build());
    }
    JWEObjectJSON jwe =
        new JWEObjectJSON(
            new JWEHeader.Builder(EncryptionMethod.A256GCM).contentType("JWT").build(), new Payload(PAYLOAD));
    jwe.encrypt(new MultiEncrypter(new JWKSet(publicJwks)));
    String nimbus = jwe.serializeGeneral();

    JsonNode root = JSON.readTree(nimbus);
    assertThat(root.get("recipients")).hasSize(3);
    for (JsonNode recipient : root.get("recipients")) {
      // nimbus, like this SDK, puts alg, kid and a fresh epk in each recipient's header
      assertThat(recipient.get("header").get("alg").asText()).isEqualTo("ECDH-ES+A256KW");
      assertThat(recipient.get("header").has("epk")).isTrue();
    }
    EncryptedJwe parsed = Jwe.parse(nimbus);
    for (int i = 0; i < 3; i++) {
      assertThat(parsed.decrypt("ec-" + i, pairs.get(i).getPrivate(), AlgorithmPolicy.defaults()))
          .as("recipient " + i + " of " + nimbus)
          .isEqualTo(PAYLOAD);
    }
  }

  @Test
  void nimbusConcatKdfAgreesOnTheRfc8037A6DerivedKey() throws Exception {
    JsonNode a6 = TestKeys.vector("rfc8037-appendix-a.json").get("A.6");
    byte[] z = TestKeys.hex(a6.get("zHex").asText());
    JWEHeader header = JWEHeader.parse(a6.get("protected").asText());
    byte[] theirs =
        ECDH.deriveSharedKey(header, new SecretKeySpec(z, "AES"), new ConcatKDF("SHA-256")).getEncoded();
    byte[] ours = ConcatKdf.derive(JcaProviders.defaults(), z, "ECDH-ES+A128KW", new byte[0], new byte[0], 128);
    assertThat(ours).hasSize(16).isEqualTo(theirs);
    // and for the algorithm this SDK uses
    JWEHeader a256 = new JWEHeader.Builder(JWEAlgorithm.ECDH_ES_A256KW, EncryptionMethod.A256GCM).build();
    assertThat(ConcatKdf.derive(JcaProviders.defaults(), z, "ECDH-ES+A256KW", new byte[0], new byte[0], 256))
        .isEqualTo(ECDH.deriveSharedKey(a256, new SecretKeySpec(z, "AES"), new ConcatKDF("SHA-256")).getEncoded());
  }

  private static ECKey privateEcJwk(KeyPair pair, String kid) {
    return new ECKey.Builder(com.nimbusds.jose.jwk.Curve.P_256, (ECPublicKey) pair.getPublic())
        .privateKey((ECPrivateKey) pair.getPrivate())
        .keyID(kid)
        .build();
  }
}
