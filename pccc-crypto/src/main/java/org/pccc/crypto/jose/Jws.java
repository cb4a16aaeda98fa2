package org.pccc.crypto.jose;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Map;
import java.util.Objects;
import org.pccc.crypto.ErrorCode;
import org.pccc.crypto.internal.jose.Base64Url;
import org.pccc.crypto.internal.jose.Failures;
import org.pccc.crypto.internal.jose.HeaderRules;
import org.pccc.crypto.internal.jose.KeyCodec;
import org.pccc.crypto.internal.jose.PrivateKeyMaterial;
import org.pccc.crypto.internal.jose.Signatures;
import org.pccc.crypto.internal.jose.StrictJson;
import org.pccc.crypto.internal.jose.Utf8;

/**
 * JSON Web Signature (RFC 7515) in the compact serialization (§7.1), with {@code EdDSA} or {@code
 * ES256}.
 *
 * <pre>{@code
 * String jws = Jws.sign(payload, JwsHeader.builder().keyId("bg-sofia-sig-1").build(), privateKey);
 * VerifiedJws verified = Jws.parse(jws, Jws.DEFAULT_MAX_BYTES).verify(senderKey, AlgorithmPolicy.defaults());
 * byte[] payload = verified.payload();
 * }</pre>
 *
 * <p>Thread safety: stateless; all methods may be called concurrently.
 */
public final class Jws {
  /** The default size limit of {@link #parse(String)}: 16 MiB. */
  public static final int DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

  private Jws() {}

  /**
   * Signs a payload with the default primitives.
   *
   * @see #sign(byte[], JwsHeader, PrivateKey, JcaProviders)
   */
  public static String sign(byte[] payload, JwsHeader header, PrivateKey key) {
    return sign(payload, header, key, JcaProviders.defaults());
  }

  /**
   * Signs a payload. The algorithm follows from the key: Ed25519 signs {@code EdDSA}, P-256 signs
   * {@code ES256}.
   *
   * @param payload the bytes to sign (any content; the envelope signs UTF-8 JSON)
   * @param header the protected header parameters besides {@code alg}
   * @param key an Ed25519 or P-256 private key
   * @param providers which primitive implementations to use
   * @return the compact serialization {@code header.payload.signature}
   * @throws org.pccc.crypto.CryptoConfigurationException if the key cannot sign
   */
  public static String sign(
      byte[] payload, JwsHeader header, PrivateKey key, JcaProviders providers) {
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(providers, "providers");
    PrivateKeyMaterial material = KeyCodec.privateKey(key);
    JwsAlgorithm algorithm = Signatures.algorithmFor(material.type());
    ObjectNode json = StrictJson.newObject();
    json.put("alg", algorithm.rfcName());
    putIfSet(json, "kid", header.keyId());
    putIfSet(json, "x5t#S256", header.x5tS256());
    putIfSet(json, "typ", header.type());
    putIfSet(json, "cty", header.contentType());
    for (Map.Entry<String, Object> parameter : header.customParameters().entrySet()) {
      json.set(parameter.getKey(), StrictJson.toTree(parameter.getValue()));
    }
    String signingInput =
        Base64Url.encode(StrictJson.writeBytes(json)) + '.' + Base64Url.encode(payload);
    byte[] signature =
        Signatures.sign(material, signingInput.getBytes(StandardCharsets.US_ASCII), providers);
    return signingInput + '.' + Base64Url.encode(signature);
  }

  /** Parses with the {@link #DEFAULT_MAX_BYTES default} size limit. */
  public static UnverifiedJws parse(String compact) {
    return parse(compact, DEFAULT_MAX_BYTES);
  }

  /**
   * Parses a compact JWS without verifying it. Structure and header rules are checked here, so a
   * refused JWS fails before any key is looked up.
   *
   * @param compact the compact serialization
   * @param maxBytes the largest accepted size in bytes
   * @return the parsed, unverified JWS
   * @throws org.pccc.crypto.EnvelopeRejectedException ENVELOPE_TOO_LARGE, MALFORMED_ENVELOPE (not
   *     three canonical base64url parts, header not one strict JSON object), FORBIDDEN_HEADER
   *     ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c}, {@code crit}, {@code b64}, {@code
   *     zip}), ALGORITHM_NOT_ALLOWED ({@code alg} missing or {@code none})
   */
  public static UnverifiedJws parse(String compact, int maxBytes) {
    Objects.requireNonNull(compact, "compact");
    requirePositive(maxBytes);
    if (Utf8.length(compact, maxBytes) > maxBytes) {
      throw tooLarge(maxBytes);
    }
    for (int i = 0; i < compact.length(); i++) {
      if (compact.charAt(i) >= 0x80) {
        throw notAscii();
      }
    }
    return parseAscii(compact.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Parses a compact JWS given as bytes (as read from a transport). The result keeps one copy of
   * the bytes (so that later changes to the caller's array change nothing); the parts are decoded
   * from it and the signature is later verified over it where it lies.
   *
   * @see #parse(String, int)
   */
  public static UnverifiedJws parse(byte[] compact, int maxBytes) {
    Objects.requireNonNull(compact, "compact");
    requirePositive(maxBytes);
    if (compact.length > maxBytes) {
      throw tooLarge(maxBytes);
    }
    if (!StrictJson.isAscii(compact)) {
      throw notAscii();
    }
    return parseAscii(compact.clone());
  }

  /** Parses ASCII bytes that this method's result then owns. */
  private static UnverifiedJws parseAscii(byte[] compact) {
    int first = indexOfDot(compact, 0);
    int second = first < 0 ? -1 : indexOfDot(compact, first + 1);
    if (first < 0 || second < 0 || indexOfDot(compact, second + 1) >= 0) {
      throw Failures.rejected(ErrorCode.MALFORMED_ENVELOPE, "a compact JWS has exactly three parts");
    }
    byte[] headerBytes = decode(compact, 0, first, "protected header");
    ObjectNode header = StrictJson.parseObject(headerBytes, "JWS protected header");
    HeaderRules.checkCommon(header, "JWS protected header");
    String alg = HeaderRules.text(header, "alg");
    if (alg == null) {
      throw Failures.rejected(ErrorCode.ALGORITHM_NOT_ALLOWED, "the JWS header has no 'alg'");
    }
    if (alg.equalsIgnoreCase("none")) {
      throw Failures.rejected(
          ErrorCode.ALGORITHM_NOT_ALLOWED, "an unsecured JWS (alg 'none') is never accepted");
    }
    byte[] payload = decode(compact, first + 1, second - first - 1, "payload");
    byte[] signature = decode(compact, second + 1, compact.length - second - 1, "signature");
    return new UnverifiedJws(
        compact,
        second,
        new JoseHeader(header, new String(headerBytes, StandardCharsets.UTF_8)),
        payload,
        signature);
  }

  private static int indexOfDot(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == '.') {
        return i;
      }
    }
    return -1;
  }

  private static RuntimeException tooLarge(int maxBytes) {
    return Failures.rejected(
        ErrorCode.ENVELOPE_TOO_LARGE, "the JWS is larger than " + maxBytes + " bytes");
  }

  private static RuntimeException notAscii() {
    return Failures.rejected(ErrorCode.MALFORMED_ENVELOPE, "a compact JWS is ASCII only");
  }

  static void requirePositive(int maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive");
    }
  }

  private static byte[] decode(byte[] compact, int offset, int length, String what) {
    byte[] bytes = Base64Url.decodeOrNull(compact, offset, length);
    if (bytes == null) {
      throw Failures.rejected(
          ErrorCode.MALFORMED_ENVELOPE, "the JWS " + what + " is not canonical base64url");
    }
    return bytes;
  }

  private static void putIfSet(ObjectNode json, String name, String value) {
    if (value != null) {
      json.put(name, value);
    }
  }
}
