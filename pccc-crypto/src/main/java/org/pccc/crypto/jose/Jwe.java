package org.pccc.crypto.jose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.pccc.crypto.ErrorCode;
import org.pccc.crypto.internal.jose.AesGcm;
import org.pccc.crypto.internal.jose.AesKeyWrap;
import org.pccc.crypto.internal.jose.Base64Url;
import org.pccc.crypto.internal.jose.ConcatKdf;
import org.pccc.crypto.internal.jose.Failures;
import org.pccc.crypto.internal.jose.HeaderRules;
import org.pccc.crypto.internal.jose.KeyAgreements;
import org.pccc.crypto.internal.jose.KeyCodec;
import org.pccc.crypto.internal.jose.KeyType;
import org.pccc.crypto.internal.jose.PublicKeyMaterial;
import org.pccc.crypto.internal.jose.StrictJson;
import org.pccc.crypto.internal.jose.Utf8;

/**
 * JSON Web Encryption (RFC 7516) to one or many recipients in the general JSON serialization
 * (§7.2.1), with {@code ECDH-ES+A256KW} (X25519 or P-256) and {@code A256GCM}.
 *
 * <p>One random 256-bit content key encrypts the plaintext once under a random 96-bit IV, with the
 * ASCII of the encoded protected header as additional authenticated data; the content key is
 * wrapped once per recipient under a key derived (Concat KDF, RFC 7518 §4.6.2) from ECDH between a
 * fresh ephemeral key and the recipient's key. Each recipient's header holds {@code alg}, {@code
 * kid} and the public {@code epk}. No shared unprotected header, no {@code aad} member, no
 * compression.
 *
 * <pre>{@code
 * String jwe = Jwe.encrypt(jws.getBytes(US_ASCII), JweHeader.builder().contentType("JWT").build(),
 *     List.of(new JweRecipient("ro-giurgiu-enc-1", giurgiuKey), new JweRecipient("bg-ruse-enc-1", ruseKey)));
 * byte[] plaintext = Jwe.parse(jwe, Jwe.DEFAULT_MAX_BYTES)
 *     .decrypt("bg-ruse-enc-1", rusePrivateKey, AlgorithmPolicy.defaults());
 * }</pre>
 *
 * <p>Thread safety: stateless; all methods may be called concurrently.
 */
public final class Jwe {
  /** The default size limit of {@link #parse(String)}: 16 MiB. */
  public static final int DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

  static final String KEY_WRAP_ALGORITHM = JweKeyManagementAlgorithm.ECDH_ES_A256KW.rfcName();
  private static final int CEK_BYTES = 32;

  /** Where ephemeral keys come from; a seam so that tests can replay RFC vectors. */
  @FunctionalInterface
  interface EphemeralKeys {
    KeyAgreements.Ephemeral next(KeyType type, JcaProviders providers);
  }

  private Jwe() {}

  /**
   * Encrypts with the default primitives.
   *
   * @see #encrypt(byte[], JweHeader, List, JcaProviders)
   */
  public static String encrypt(byte[] plaintext, JweHeader header, List<JweRecipient> recipients) {
    return encrypt(plaintext, header, recipients, JcaProviders.defaults());
  }

  /**
   * Encrypts to the recipients.
   *
   * @param plaintext the bytes to encrypt (the envelope encrypts a compact JWS)
   * @param header the shared protected header
   * @param recipients one or more recipients with distinct key ids
   * @param providers which primitive implementations to use
   * @return the general JSON serialization
   * @throws org.pccc.crypto.CryptoConfigurationException if a recipient key is not an X25519 or
   *     P-256 key agreement key
   */
  public static String encrypt(
      byte[] plaintext, JweHeader header, List<JweRecipient> recipients, JcaProviders providers) {
    return encrypt(plaintext, header, recipients, providers, KeyAgreements::generate);
  }

  static String encrypt(
      byte[] plaintext,
      JweHeader header,
      List<JweRecipient> recipients,
      JcaProviders providers,
      EphemeralKeys ephemeralKeys) {
    Objects.requireNonNull(plaintext, "plaintext");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(providers, "providers");
    List<JweRecipient> to = List.copyOf(Objects.requireNonNull(recipients, "recipients"));
    if (to.isEmpty()) {
      throw new IllegalArgumentException("at least one recipient is required");
    }
    Set<String> keyIds = new HashSet<>();
    List<PublicKeyMaterial> keys = new ArrayList<>(to.size());
    for (JweRecipient recipient : to) {
      if (!keyIds.add(recipient.keyId())) {
        throw new IllegalArgumentException("recipient key ids must be distinct");
      }
      PublicKeyMaterial key = KeyCodec.publicKey(recipient.publicKey());
      if (!key.type().curve().supportsKeyAgreement()) {
        throw Failures.configuration(
            ErrorCode.KEY_UNSUPPORTED,
            "recipient key is " + key.type().curve().rfcName() + ", not a key agreement key");
      }
      keys.add(key);
    }

    ObjectNode protectedHeader = StrictJson.newObject();
    protectedHeader.put("enc", header.contentEncryption().rfcName());
    if (header.type() != null) {
      protectedHeader.put("typ", header.type());
    }
    if (header.contentType() != null) {
      protectedHeader.put("cty", header.contentType());
    }
    for (Map.Entry<String, Object> parameter : header.customParameters().entrySet()) {
      protectedHeader.set(parameter.getKey(), StrictJson.toTree(parameter.getValue()));
    }
    String encodedProtected = Base64Url.encode(StrictJson.writeBytes(protectedHeader));

    byte[] cek = new byte[CEK_BYTES];
    byte[] iv = new byte[AesGcm.IV_BYTES];
    providers.secureRandom().nextBytes(cek);
    providers.secureRandom().nextBytes(iv);
    try {
      List<String> entries = new ArrayList<>(to.size());
      for (int i = 0; i < to.size(); i++) {
        entries.add(
            StrictJson.write(wrapFor(to.get(i).keyId(), keys.get(i), cek, providers, ephemeralKeys)));
      }
      byte[] sealed =
          AesGcm.encrypt(
              providers, cek, iv, encodedProtected.getBytes(StandardCharsets.US_ASCII), plaintext);
      int tagOffset = sealed.length - AesGcm.TAG_BYTES;
      String ciphertext = Base64Url.encode(Arrays.copyOf(sealed, tagOffset));

      // The members are written in this fixed order; every value but the recipient entries is
      // base64url, which JSON needs no escape for, and the entries were written as JSON above.
      StringBuilder jwe = new StringBuilder(ciphertext.length() + encodedProtected.length() + 64);
      jwe.append("{\"protected\":\"").append(encodedProtected).append("\",\"recipients\":[");
      for (int i = 0; i < entries.size(); i++) {
        jwe.append(i == 0 ? "" : ",").append(entries.get(i));
      }
      return jwe.append("],\"iv\":\"").append(Base64Url.encode(iv))
          .append("\",\"ciphertext\":\"").append(ciphertext)
          .append("\",\"tag\":\"")
          .append(Base64Url.encode(Arrays.copyOfRange(sealed, tagOffset, sealed.length)))
          .append("\"}")
          .toString();
    } finally {
      Arrays.fill(cek, (byte) 0);
    }
  }

  private static ObjectNode wrapFor(
      String keyId,
      PublicKeyMaterial recipientKey,
      byte[] cek,
      JcaProviders providers,
      EphemeralKeys ephemeralKeys) {
    KeyAgreements.Ephemeral ephemeral = ephemeralKeys.next(recipientKey.type(), providers);
    byte[] z = KeyAgreements.agree(ephemeral.privateKey(), recipientKey, providers);
    if (z == null) {
      throw Failures.configuration(
          ErrorCode.KEY_INVALID, "a recipient key is a low-order point and cannot be encrypted to");
    }
    byte[] kek =
        ConcatKdf.derive(providers, z, KEY_WRAP_ALGORITHM, new byte[0], new byte[0], CEK_BYTES * 8);
    Arrays.fill(z, (byte) 0);
    byte[] encryptedKey = AesKeyWrap.wrap(providers, kek, cek);
    Arrays.fill(kek, (byte) 0);

    ObjectNode header = StrictJson.newObject();
    header.put("alg", KEY_WRAP_ALGORITHM);
    header.put("kid", keyId);
    header.set("epk", epk(recipientKey.type(), ephemeral.publicRaw()));
    ObjectNode entry = StrictJson.newObject();
    entry.set("header", header);
    entry.put("encrypted_key", Base64Url.encode(encryptedKey));
    return entry;
  }

  private static ObjectNode epk(KeyType type, byte[] publicRaw) {
    ObjectNode epk = StrictJson.newObject();
    epk.put("kty", type.curve().keyType());
    epk.put("crv", type.curve().rfcName());
    if (type == KeyType.P256) {
      epk.put("x", Base64Url.encode(Arrays.copyOf(publicRaw, 32)));
      epk.put("y", Base64Url.encode(Arrays.copyOfRange(publicRaw, 32, 64)));
    } else {
      epk.put("x", Base64Url.encode(publicRaw));
    }
    return epk;
  }

  /** Parses with the {@link #DEFAULT_MAX_BYTES default} size limit. */
  public static EncryptedJwe parse(String json) {
    return parse(json, DEFAULT_MAX_BYTES);
  }

  /**
   * Parses a JWE in the general or the flattened JSON serialization, without decrypting it.
   * Structure and header rules are checked here, for every recipient entry.
   *
   * @param json the JSON text
   * @param maxBytes the largest accepted size in UTF-8 bytes
   * @return the parsed JWE
   * @throws org.pccc.crypto.EnvelopeRejectedException ENVELOPE_TOO_LARGE, MALFORMED_ENVELOPE,
   *     FORBIDDEN_HEADER
   */
  public static EncryptedJwe parse(String json, int maxBytes) {
    Objects.requireNonNull(json, "json");
    Jws.requirePositive(maxBytes);
    if (Utf8.length(json, maxBytes) > maxBytes) {
      throw tooLarge(maxBytes);
    }
    return parseJson(StrictJson.parseObject(json, "JWE"));
  }

  /**
   * Parses a JWE in JSON given as UTF-8 bytes (as read from a transport).
   *
   * @see #parse(String, int)
   */
  public static EncryptedJwe parse(byte[] utf8Json, int maxBytes) {
    Objects.requireNonNull(utf8Json, "utf8Json");
    Jws.requirePositive(maxBytes);
    if (utf8Json.length > maxBytes) {
      throw tooLarge(maxBytes);
    }
    return parseJson(StrictJson.parseObject(utf8Json, "JWE"));
  }

  /**
   * Parses a JWE in the compact serialization (RFC 7516 §7.1), for interoperability and test
   * vectors; the envelope itself uses the general JSON serialization.
   *
   * @see #parse(String, int)
   */
  public static EncryptedJwe parseCompact(String compact, int maxBytes) {
    Objects.requireNonNull(compact, "compact");
    Jws.requirePositive(maxBytes);
    if (Utf8.length(compact, maxBytes) > maxBytes) {
      throw tooLarge(maxBytes);
    }
    String[] parts = compact.split("\\.", -1);
    if (parts.length != 5) {
      throw Failures.rejected(ErrorCode.MALFORMED_ENVELOPE, "a compact JWE has exactly five parts");
    }
    ObjectNode protectedHeader = parseProtected(parts[0]);
    List<EncryptedJwe.Entry> entries =
        List.of(new EncryptedJwe.Entry(StrictJson.newObject(), decode(parts[1], "encrypted_key")));
    return build(
        EncryptedJwe.Serialization.COMPACT,
        parts[0],
        protectedHeader,
        null,
        entries,
        decode(parts[2], "iv"),
        decode(parts[3], "ciphertext"),
        decode(parts[4], "tag"),
        null);
  }

  private static EncryptedJwe parseJson(ObjectNode root) {
    String encodedProtected = requiredString(root, "protected");
    ObjectNode protectedHeader = parseProtected(encodedProtected);
    ObjectNode unprotected = optionalObject(root, "unprotected");
    List<EncryptedJwe.Entry> entries = new ArrayList<>();
    EncryptedJwe.Serialization serialization;
    if (root.has("recipients")) {
      if (root.has("header") || root.has("encrypted_key")) {
        throw malformed("a JWE has either 'recipients' or a flattened recipient, not both");
      }
      JsonNode recipients = root.get("recipients");
      if (!recipients.isArray() || recipients.isEmpty()) {
        throw malformed("the JWE 'recipients' must be a non-empty array");
      }
      for (JsonNode recipient : recipients) {
        if (!recipient.isObject()) {
          throw malformed("each JWE recipient must be an object");
        }
        entries.add(entry((ObjectNode) recipient));
      }
      serialization = EncryptedJwe.Serialization.GENERAL_JSON;
    } else {
      entries.add(entry(root));
      serialization = EncryptedJwe.Serialization.FLATTENED_JSON;
    }
    String aad = null;
    if (root.has("aad")) {
      aad = requiredString(root, "aad");
      decode(aad, "aad");
    }
    return build(
        serialization,
        encodedProtected,
        protectedHeader,
        unprotected,
        entries,
        decode(requiredString(root, "iv"), "iv"),
        decode(requiredString(root, "ciphertext"), "ciphertext"),
        decode(requiredString(root, "tag"), "tag"),
        aad);
  }

  private static EncryptedJwe.Entry entry(ObjectNode holder) {
    ObjectNode header = optionalObject(holder, "header");
    byte[] encryptedKey =
        holder.has("encrypted_key")
            ? decode(requiredString(holder, "encrypted_key"), "encrypted_key")
            : new byte[0];
    return new EncryptedJwe.Entry(header == null ? StrictJson.newObject() : header, encryptedKey);
  }

  private static EncryptedJwe build(
      EncryptedJwe.Serialization serialization,
      String encodedProtected,
      ObjectNode protectedHeader,
      ObjectNode unprotected,
      List<EncryptedJwe.Entry> entries,
      byte[] iv,
      byte[] ciphertext,
      byte[] tag,
      String encodedAad) {
    HeaderRules.checkCommon(protectedHeader, "JWE protected header");
    if (HeaderRules.text(protectedHeader, "enc") == null) {
      throw malformed("the JWE protected header must name 'enc'");
    }
    if (unprotected != null) {
      HeaderRules.checkCommon(unprotected, "JWE shared unprotected header");
      requireDisjoint(protectedHeader, unprotected);
    }
    Set<String> keyIds = new HashSet<>();
    List<JweRecipientEntry> views = new ArrayList<>(entries.size());
    for (EncryptedJwe.Entry entry : entries) {
      HeaderRules.checkCommon(entry.header(), "JWE recipient header");
      requireDisjoint(protectedHeader, entry.header());
      if (unprotected != null) {
        requireDisjoint(unprotected, entry.header());
      }
      Map<String, JsonNode> union = union(protectedHeader, unprotected, entry.header());
      JsonNode alg = union.get("alg");
      if (alg == null) {
        throw malformed("a JWE recipient has no 'alg'");
      }
      JsonNode kid = union.get("kid");
      if (kid != null && !keyIds.add(kid.textValue())) {
        throw malformed("two JWE recipients have the same 'kid'");
      }
      entry.setUnion(union);
      views.add(
          new JweRecipientEntry(
              kid == null ? null : kid.textValue(), alg.textValue(), JoseHeader.of(entry.header())));
    }
    return new EncryptedJwe(
        serialization,
        encodedProtected,
        // the exact text that is authenticated, not a re-serialization
        new JoseHeader(
            protectedHeader,
            new String(decode(encodedProtected, "protected header"), StandardCharsets.UTF_8)),
        unprotected == null ? null : JoseHeader.of(unprotected),
        entries,
        views,
        iv,
        ciphertext,
        tag,
        encodedAad);
  }

  /** RFC 7516 §7.2.1: the protected, shared unprotected and per-recipient headers are disjoint. */
  private static void requireDisjoint(ObjectNode first, ObjectNode second) {
    Iterator<String> names = second.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (first.has(name)) {
        throw malformed("JWE header parameter '" + name + "' appears in more than one header");
      }
    }
  }

  private static Map<String, JsonNode> union(ObjectNode... headers) {
    Map<String, JsonNode> union = new LinkedHashMap<>();
    for (ObjectNode header : headers) {
      if (header != null) {
        for (Map.Entry<String, JsonNode> property : header.properties()) {
          union.put(property.getKey(), property.getValue());
        }
      }
    }
    return union;
  }

  private static ObjectNode parseProtected(String encoded) {
    if (encoded.isEmpty()) {
      throw malformed("the JWE protected header is empty");
    }
    return StrictJson.parseObject(decode(encoded, "protected header"), "JWE protected header");
  }

  private static String requiredString(ObjectNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isTextual()) {
      throw malformed("the JWE member '" + name + "' is missing or not a string");
    }
    return value.textValue();
  }

  private static ObjectNode optionalObject(ObjectNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null) {
      return null;
    }
    if (!value.isObject()) {
      throw malformed("the JWE member '" + name + "' is not an object");
    }
    return (ObjectNode) value;
  }

  static byte[] decode(String text, String what) {
    return Base64Url.decode(text)
        .orElseThrow(() -> malformed("the JWE " + what + " is not canonical base64url"));
  }

  static RuntimeException malformed(String message) {
    return Failures.rejected(ErrorCode.MALFORMED_ENVELOPE, message);
  }

  private static RuntimeException tooLarge(int maxBytes) {
    return Failures.rejected(
        ErrorCode.ENVELOPE_TOO_LARGE, "the JWE is larger than " + maxBytes + " bytes");
  }
}
