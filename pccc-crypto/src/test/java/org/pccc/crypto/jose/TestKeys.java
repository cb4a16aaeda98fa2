package org.pccc.crypto.jose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/** Key pairs and vector files for the JOSE tests; generated once per JVM and reused. */
final class TestKeys {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ConcurrentHashMap<String, List<KeyPair>> POOLS = new ConcurrentHashMap<>();

  private TestKeys() {}

  /** Key kinds the tests use. */
  enum Kind {
    ED25519,
    X25519,
    P256
  }

  static KeyPair generate(Kind kind) {
    try {
      switch (kind) {
        case ED25519:
          return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        case X25519:
          return KeyPairGenerator.getInstance("X25519").generateKeyPair();
        default:
          KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
          generator.initialize(new ECGenParameterSpec("secp256r1"));
          return generator.generateKeyPair();
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns the i-th key pair of a pool of ten per kind. */
  static KeyPair pooled(Kind kind, int index) {
    return POOLS
        .computeIfAbsent(
            kind.name(), k -> IntStream.range(0, 10).mapToObj(i -> generate(kind)).toList())
        .get(index);
  }

  static JsonNode vector(String name) {
    try (InputStream in = TestKeys.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test vector " + name);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String json(JsonNode node) {
    return node.toString();
  }

  static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  /** An X25519 or Ed25519 private key from its 32 raw bytes, through the JDK. */
  static PrivateKey okpPrivate(boolean x25519, byte[] raw) {
    try {
      byte[] pkcs8 =
          new PrivateKeyInfo(
                  new AlgorithmIdentifier(
                      new ASN1ObjectIdentifier(x25519 ? "1.3.101.110" : "1.3.101.112")),
                  new DEROctetString(raw))
              .getEncoded();
      return KeyFactory.getInstance(x25519 ? "X25519" : "Ed25519")
          .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static PublicKey publicOf(String jwk) {
    return Jwk.parsePublicKey(jwk);
  }
}
