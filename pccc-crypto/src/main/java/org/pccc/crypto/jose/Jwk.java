package org.pccc.crypto.jose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.pccc.crypto.EnvelopeRejectedException;
import org.pccc.crypto.ErrorCode;
import org.pccc.crypto.internal.jose.Base64Url;
import org.pccc.crypto.internal.jose.Digests;
import org.pccc.crypto.internal.jose.Failures;
import org.pccc.crypto.internal.jose.KeyCodec;
import org.pccc.crypto.internal.jose.KeyType;
import org.pccc.crypto.internal.jose.P256;
import org.pccc.crypto.internal.jose.PrivateKeyMaterial;
import org.pccc.crypto.internal.jose.PublicKeyMaterial;
import org.pccc.crypto.internal.jose.StrictJson;

/**
 * JSON Web Keys (RFC 7517) for the supported curves: OKP Ed25519 and X25519 (RFC 8037 §2) and EC
 * P-256 (RFC 7518 §6.2), public and private; JWK thumbprints (RFC 7638) and certificate
 * thumbprints for {@code x5t#S256}.
 *
 * <p>Import is strict: unknown {@code kty} or {@code crv}, coordinates of the wrong length,
 * non-canonical base64url, P-256 points not on the curve, a public part that does not match the
 * private part, and duplicate members are all refused with a {@link
 * org.pccc.crypto.CryptoConfigurationException} (KEY_UNSUPPORTED or KEY_INVALID): keys are
 * configuration, loaded from our own files and directory. Other members ({@code kid}, {@code use},
 * {@code alg}...) are allowed and ignored by the key import.
 *
 * <p>Export writes the private part only from the explicitly named {@link #toPrivateJwk}.
 *
 * <p>Thread safety: stateless; all methods may be called concurrently.
 */
public final class Jwk {
  private static final int MAX_JWK_CHARS = 64 * 1024;

  private Jwk() {}

  /**
   * Imports a public JWK.
   *
   * @param json the JWK; a JWK with a private part ({@code d}) is refused, so that private keys
   *     are never handled as public ones by mistake
   * @return a JCA public key (from the providers registered in the JVM)
   */
  public static PublicKey parsePublicKey(String json) {
    return parsePublicKey(json, JcaProviders.registered());
  }

  /**
   * Imports a public JWK, building the JCA key with the given providers.
   *
   * @see #parsePublicKey(String)
   */
  public static PublicKey parsePublicKey(String json, JcaProviders providers) {
    ObjectNode jwk = read(json);
    if (jwk.has("d")) {
      throw invalid("a private JWK was given where a public JWK is expected");
    }
    KeyType type = type(jwk);
    byte[] raw = publicRaw(jwk, type);
    return KeyCodec.toJcaPublic(type, raw, requireProviders(providers));
  }

  /**
   * Imports a private JWK; its public part must match the private part.
   *
   * @param json the JWK with {@code d}
   * @return a JCA private key (from the providers registered in the JVM)
   */
  public static PrivateKey parsePrivateKey(String json) {
    return parsePrivateKey(json, JcaProviders.registered());
  }

  /**
   * Imports a private JWK, building the JCA key with the given providers.
   *
   * @see #parsePrivateKey(String)
   */
  public static PrivateKey parsePrivateKey(String json, JcaProviders providers) {
    ObjectNode jwk = read(json);
    KeyType type = type(jwk);
    byte[] publicRaw = publicRaw(jwk, type);
    byte[] d = member(jwk, "d", 32);
    if (type == KeyType.P256 && !P256.isValidPrivate(new BigInteger(1, d))) {
      throw invalid("the JWK 'd' is out of range for P-256");
    }
    if (!MessageDigest.isEqual(KeyCodec.derivePublic(type, d), publicRaw)) {
      throw invalid("the JWK public part does not match its private part");
    }
    return KeyCodec.toJcaPrivate(type, d, requireProviders(providers));
  }

  /** Returns the {@code kid} of a JWK, if it has a string one. */
  public static Optional<String> keyId(String json) {
    JsonNode kid = read(json).get("kid");
    return kid != null && kid.isTextual() ? Optional.of(kid.textValue()) : Optional.empty();
  }

  /** Exports a public key as a JWK without {@code kid}. */
  public static String toPublicJwk(PublicKey key) {
    return toPublicJwk(key, null);
  }

  /**
   * Exports a public key as a JWK: {@code kty}, {@code crv}, {@code x}, ({@code y}), and {@code
   * kid} when given.
   *
   * @param key an Ed25519, X25519 or P-256 public key
   * @param keyId the {@code kid}, or null
   */
  public static String toPublicJwk(PublicKey key, String keyId) {
    PublicKeyMaterial material = KeyCodec.publicKey(key);
    ObjectNode jwk = publicMembers(material.type(), material.raw());
    if (keyId != null) {
      jwk.put("kid", keyId);
    }
    return StrictJson.write(jwk);
  }

  /** Exports a private key as a JWK, including the private part, without {@code kid}. */
  public static String toPrivateJwk(PrivateKey key) {
    return toPrivateJwk(key, null);
  }

  /**
   * Exports a private key as a JWK INCLUDING THE PRIVATE PART {@code d} (and the public part).
   * Handle the result as a secret.
   *
   * @param key an Ed25519, X25519 or P-256 private key whose bytes can be read
   * @param keyId the {@code kid}, or null
   */
  public static String toPrivateJwk(PrivateKey key, String keyId) {
    PrivateKeyMaterial material = KeyCodec.privateKey(key);
    if (!material.hasRaw()) {
      throw Failures.configuration(
          ErrorCode.KEY_UNSUPPORTED, "the private key does not reveal its bytes and cannot be exported");
    }
    byte[] d = material.raw();
    ObjectNode jwk = publicMembers(material.type(), KeyCodec.derivePublic(material.type(), d));
    jwk.put("d", Base64Url.encode(d));
    Arrays.fill(d, (byte) 0);
    if (keyId != null) {
      jwk.put("kid", keyId);
    }
    return StrictJson.write(jwk);
  }

  /**
   * Computes the JWK thumbprint of RFC 7638 §3: base64url of SHA-256 over the required members in
   * lexicographic order without whitespace ({@code crv}, {@code kty}, {@code x}, and {@code y} for
   * EC).
   */
  public static String thumbprint(PublicKey key) {
    PublicKeyMaterial material = KeyCodec.publicKey(key);
    String x = Base64Url.encode(material.x());
    String crv = material.type().curve().rfcName();
    String kty = material.type().curve().keyType();
    String canonical =
        material.type() == KeyType.P256
            ? "{\"crv\":\"" + crv + "\",\"kty\":\"" + kty + "\",\"x\":\"" + x + "\",\"y\":\""
                + Base64Url.encode(material.y()) + "\"}"
            : "{\"crv\":\"" + crv + "\",\"kty\":\"" + kty + "\",\"x\":\"" + x + "\"}";
    return Base64Url.encode(
        Digests.sha256(JcaProviders.defaults(), canonical.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Returns the {@code x5t#S256} value for a certificate: base64url of SHA-256 over its DER
   * encoding (RFC 7515 §4.1.8).
   */
  public static String x5tS256(byte[] derCertificate) {
    Objects.requireNonNull(derCertificate, "derCertificate");
    return Base64Url.encode(Digests.sha256(JcaProviders.defaults(), derCertificate));
  }

  private static JcaProviders requireProviders(JcaProviders providers) {
    Objects.requireNonNull(providers, "providers");
    return providers;
  }

  private static ObjectNode read(String json) {
    Objects.requireNonNull(json, "json");
    if (json.length() > MAX_JWK_CHARS) {
      throw invalid("the JWK is larger than " + MAX_JWK_CHARS + " characters");
    }
    try {
      return StrictJson.parseObject(json, "JWK");
    } catch (EnvelopeRejectedException e) {
      throw Failures.configuration(ErrorCode.KEY_INVALID, "the JWK is not one strict JSON object", e);
    }
  }

  private static KeyType type(ObjectNode jwk) {
    String kty = text(jwk, "kty");
    String crv = text(jwk, "crv");
    Optional<JwkCurve> curve = JwkCurve.fromRfcName(crv == null ? "" : crv);
    if (kty == null || curve.isEmpty() || !curve.get().keyType().equals(kty)) {
      throw Failures.configuration(
          ErrorCode.KEY_UNSUPPORTED,
          "only OKP Ed25519, OKP X25519 and EC P-256 JWKs are supported");
    }
    return KeyType.of(curve.get());
  }

  private static byte[] publicRaw(ObjectNode jwk, KeyType type) {
    byte[] raw = member(jwk, "x", 32);
    if (type != KeyType.P256) {
      if (jwk.has("y")) {
        throw invalid("an OKP JWK has no 'y'");
      }
    } else {
      raw = Arrays.copyOf(raw, 64);
      System.arraycopy(member(jwk, "y", 32), 0, raw, 32, 32);
    }
    try {
      return KeyCodec.publicKey(type, raw).raw();
    } catch (IllegalArgumentException e) {
      throw invalid("the JWK 'x'" + (type == KeyType.P256 ? "/'y'" : "") + " is not a valid "
          + type.curve().rfcName() + " public key");
    }
  }

  private static byte[] member(ObjectNode jwk, String name, int length) {
    String text = text(jwk, name);
    if (text == null) {
      throw invalid("the JWK member '" + name + "' is missing or not a string");
    }
    byte[] bytes =
        Base64Url.decode(text)
            .orElseThrow(() -> invalid("the JWK member '" + name + "' is not canonical base64url"));
    if (bytes.length != length) {
      throw invalid("the JWK member '" + name + "' must be " + length + " bytes");
    }
    return bytes;
  }

  private static String text(ObjectNode jwk, String name) {
    JsonNode value = jwk.get(name);
    return value == null || !value.isTextual() ? null : value.textValue();
  }

  private static ObjectNode publicMembers(KeyType type, byte[] publicRaw) {
    ObjectNode jwk = StrictJson.newObject();
    jwk.put("kty", type.curve().keyType());
    jwk.put("crv", type.curve().rfcName());
    jwk.put("x", Base64Url.encode(Arrays.copyOf(publicRaw, 32)));
    if (type == KeyType.P256) {
      jwk.put("y", Base64Url.encode(Arrays.copyOfRange(publicRaw, 32, 64)));
    }
    return jwk;
  }

  private static RuntimeException invalid(String message) {
    return Failures.configuration(ErrorCode.KEY_INVALID, message);
  }
}
