package org.pccc.crypto.jose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.pccc.crypto.ErrorCode;
import org.pccc.crypto.internal.jose.AesGcm;
import org.pccc.crypto.internal.jose.AesKeyWrap;
import org.pccc.crypto.internal.jose.Base64Url;
import org.pccc.crypto.internal.jose.ConcatKdf;
import org.pccc.crypto.internal.jose.Failures;
import org.pccc.crypto.internal.jose.KeyAgreements;
import org.pccc.crypto.internal.jose.KeyCodec;
import org.pccc.crypto.internal.jose.KeyType;
import org.pccc.crypto.internal.jose.PrivateKeyMaterial;
import org.pccc.crypto.internal.jose.PublicKeyMaterial;

/**
 * A parsed JWE that has not been decrypted: its headers can be read (to find the recipient entry
 * and key), the plaintext only comes from {@link #decrypt}.
 *
 * <p>Decryption follows the local key, never the message: an X25519 key decrypts {@code
 * ECDH-ES+A256KW} on X25519, a P-256 key on P-256; the entry's {@code alg}, the {@code epk} curve
 * and the {@code enc} must match that and be allowed by the policy. A failed key unwrap and a
 * failed authentication tag give the same error, DECRYPTION_FAILED, with the same message: after
 * a failed unwrap a random content key is used, so both paths run the content decryption.
 *
 * <p>Thread safety: immutable.
 */
public final class EncryptedJwe {
  /** The serialization the JWE was parsed from. */
  public enum Serialization {
    /** RFC 7516 §7.2.1, with a {@code recipients} array. */
    GENERAL_JSON,
    /** RFC 7516 §7.2.2, one recipient at the top level. */
    FLATTENED_JSON,
    /** RFC 7516 §7.1, five dot-separated parts. */
    COMPACT
  }

  /** One recipient entry with its unprotected header and the union of all headers that apply. */
  static final class Entry {
    private final ObjectNode header;
    private final byte[] encryptedKey;
    private Map<String, JsonNode> union;

    Entry(ObjectNode header, byte[] encryptedKey) {
      this.header = header;
      this.encryptedKey = encryptedKey;
    }

    ObjectNode header() {
      return header;
    }

    void setUnion(Map<String, JsonNode> union) {
      this.union = Map.copyOf(union);
    }

    String text(String name) {
      JsonNode value = union.get(name);
      return value == null ? null : value.textValue();
    }
  }

  private static final String DECRYPTION_FAILED_MESSAGE = "the JWE could not be decrypted";

  /** The most entries {@link #decrypt(PrivateKey, AlgorithmPolicy, JcaProviders)} tries. */
  static final int MAX_KEYLESS_CANDIDATES = 64;

  private final Serialization serialization;
  private final String encodedProtected;
  private final JoseHeader protectedHeader;
  private final JoseHeader sharedUnprotectedHeader;
  private final List<Entry> entries;
  private final List<JweRecipientEntry> recipients;
  private final byte[] iv;
  private final byte[] ciphertext;
  private final byte[] tag;
  private final String encodedAad;

  EncryptedJwe(
      Serialization serialization,
      String encodedProtected,
      JoseHeader protectedHeader,
      JoseHeader sharedUnprotectedHeader,
      List<Entry> entries,
      List<JweRecipientEntry> recipients,
      byte[] iv,
      byte[] ciphertext,
      byte[] tag,
      String encodedAad) {
    this.serialization = serialization;
    this.encodedProtected = encodedProtected;
    this.protectedHeader = protectedHeader;
    this.sharedUnprotectedHeader = sharedUnprotectedHeader;
    this.entries = List.copyOf(entries);
    this.recipients = List.copyOf(recipients);
    this.iv = iv;
    this.ciphertext = ciphertext;
    this.tag = tag;
    this.encodedAad = encodedAad;
  }

  /** Returns the serialization this JWE was parsed from. */
  public Serialization serialization() {
    return serialization;
  }

  /** Returns the protected header as received (authenticated only by a successful decryption). */
  public JoseHeader protectedHeader() {
    return protectedHeader;
  }

  /** Returns the shared unprotected header, if the JWE has one (this SDK never writes one). */
  public Optional<JoseHeader> sharedUnprotectedHeader() {
    return Optional.ofNullable(sharedUnprotectedHeader);
  }

  /** Returns the recipient entries in order. */
  public List<JweRecipientEntry> recipients() {
    return recipients;
  }

  /** Returns the ciphertext length in bytes (without the tag). */
  public int ciphertextBytes() {
    return ciphertext.length;
  }

  /**
   * Decrypts with the default primitives.
   *
   * @see #decrypt(String, PrivateKey, AlgorithmPolicy, JcaProviders)
   */
  public byte[] decrypt(String keyId, PrivateKey key, AlgorithmPolicy policy) {
    return decrypt(keyId, key, policy, JcaProviders.defaults());
  }

  /**
   * Decrypts the entry addressed to {@code keyId} with the matching private key.
   *
   * @param keyId the {@code kid} of our entry
   * @param key our X25519 or P-256 private key
   * @param policy the accepted algorithms
   * @param providers which primitive implementations to use
   * @return the plaintext
   * @throws org.pccc.crypto.EnvelopeRejectedException NOT_A_RECIPIENT (no entry has the key id),
   *     ALGORITHM_NOT_ALLOWED, MALFORMED_ENVELOPE (for example an {@code epk} not on its curve),
   *     DECRYPTION_FAILED
   * @throws org.pccc.crypto.CryptoConfigurationException if the key cannot do key agreement
   */
  public byte[] decrypt(String keyId, PrivateKey key, AlgorithmPolicy policy, JcaProviders providers) {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(providers, "providers");
    PrivateKeyMaterial material = KeyCodec.privateKey(key);
    Entry entry = null;
    for (Entry candidate : entries) {
      if (keyId.equals(candidate.text("kid"))) {
        entry = candidate;
      }
    }
    if (entry == null) {
      throw Failures.rejected(ErrorCode.NOT_A_RECIPIENT, "the JWE has no entry for this key id");
    }
    checkContentEncryption(policy);
    byte[] cek = unwrap(entry, material, policy, providers);
    if (cek == null) {
      // Continue with a random key so that a failed unwrap and a failed tag look the same.
      cek = new byte[32];
      providers.secureRandom().nextBytes(cek);
    }
    return decryptContent(cek, providers);
  }

  /**
   * Decrypts with the default primitives, without a key id.
   *
   * @see #decrypt(PrivateKey, AlgorithmPolicy, JcaProviders)
   */
  public byte[] decrypt(PrivateKey key, AlgorithmPolicy policy) {
    return decrypt(key, policy, JcaProviders.defaults());
  }

  /**
   * Decrypts without a key id: tries, in order, each entry whose {@code epk} is on the key's curve
   * (for compact and flattened input and for senders that write no {@code kid}). At most 64
   * entries are tried, since each costs a key agreement.
   *
   * @param key our X25519 or P-256 private key
   * @param policy the accepted algorithms
   * @param providers which primitive implementations to use
   * @return the plaintext
   * @throws org.pccc.crypto.EnvelopeRejectedException NOT_A_RECIPIENT (no entry on the key's
   *     curve), ALGORITHM_NOT_ALLOWED, MALFORMED_ENVELOPE, DECRYPTION_FAILED
   */
  public byte[] decrypt(PrivateKey key, AlgorithmPolicy policy, JcaProviders providers) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(providers, "providers");
    PrivateKeyMaterial material = KeyCodec.privateKey(key);
    requireKeyAgreementKey(material);
    List<Entry> candidates = new ArrayList<>();
    for (Entry entry : entries) {
      JsonNode epk = entry.union.get("epk");
      JsonNode crv = epk == null ? null : epk.get("crv");
      if (crv != null && material.type().curve().rfcName().equals(crv.textValue())) {
        candidates.add(entry);
      }
    }
    if (candidates.isEmpty()) {
      throw Failures.rejected(
          ErrorCode.NOT_A_RECIPIENT, "the JWE has no entry for a key on this key's curve");
    }
    if (candidates.size() > MAX_KEYLESS_CANDIDATES) {
      // Each candidate costs a key agreement; a crafted JWE must not buy unbounded work.
      throw Failures.rejected(
          ErrorCode.MALFORMED_ENVELOPE,
          "too many recipient entries to try without a key id (" + candidates.size() + ")");
    }
    checkContentEncryption(policy);
    for (Entry candidate : candidates) {
      byte[] cek = unwrap(candidate, material, policy, providers);
      if (cek != null) {
        return decryptContent(cek, providers);
      }
    }
    throw Failures.rejected(ErrorCode.DECRYPTION_FAILED, DECRYPTION_FAILED_MESSAGE);
  }

  private void checkContentEncryption(AlgorithmPolicy policy) {
    Optional<JweContentEncryption> enc =
        JweContentEncryption.fromRfcName(protectedHeader.string("enc").orElse(""));
    if (enc.isEmpty() || !policy.allows(enc.get())) {
      throw Failures.rejected(
          ErrorCode.ALGORITHM_NOT_ALLOWED, "the JWE 'enc' names an algorithm that is not allowed");
    }
    if (iv.length != AesGcm.IV_BYTES || tag.length != AesGcm.TAG_BYTES) {
      throw Failures.rejected(
          ErrorCode.MALFORMED_ENVELOPE, "A256GCM needs a 96-bit IV and a 128-bit tag");
    }
  }

  private static void requireKeyAgreementKey(PrivateKeyMaterial material) {
    if (!material.type().curve().supportsKeyAgreement()) {
      throw Failures.configuration(
          ErrorCode.KEY_UNSUPPORTED,
          "an " + material.type().curve().rfcName() + " key cannot decrypt");
    }
  }

  /**
   * Derives the key-encryption key for the entry and unwraps the content key.
   *
   * @return the content key, or null if the unwrap failed
   */
  private static byte[] unwrap(
      Entry entry, PrivateKeyMaterial key, AlgorithmPolicy policy, JcaProviders providers) {
    requireKeyAgreementKey(key);
    KeyType type = key.type();
    Optional<JweKeyManagementAlgorithm> alg =
        JweKeyManagementAlgorithm.fromRfcName(String.valueOf(entry.text("alg")));
    if (alg.isEmpty() || !policy.allows(alg.get(), type.curve())) {
      throw Failures.rejected(
          ErrorCode.ALGORITHM_NOT_ALLOWED,
          "the JWE 'alg' names an algorithm that is not allowed for a "
              + type.curve().rfcName() + " key");
    }
    PublicKeyMaterial epk = ephemeralKey(entry.union.get("epk"), type);
    byte[] z = KeyAgreements.agree(key, epk, providers);
    if (z == null) {
      throw Failures.rejected(
          ErrorCode.MALFORMED_ENVELOPE,
          "the JWE 'epk' is not usable for key agreement (low-order or invalid point)");
    }
    byte[] apu = optionalBase64(entry, "apu");
    byte[] apv = optionalBase64(entry, "apv");
    byte[] kek = ConcatKdf.derive(providers, z, alg.get().rfcName(), apu, apv, 256);
    Arrays.fill(z, (byte) 0);
    byte[] cek = AesKeyWrap.unwrap(providers, kek, entry.encryptedKey);
    Arrays.fill(kek, (byte) 0);
    return cek != null && cek.length == 32 ? cek : null;
  }

  /** Reads and checks the {@code epk}: public part only, the local key's curve, a valid point. */
  private static PublicKeyMaterial ephemeralKey(JsonNode epk, KeyType type) {
    if (epk == null) {
      throw Failures.rejected(ErrorCode.MALFORMED_ENVELOPE, "the JWE recipient has no 'epk'");
    }
    String kty = textMember(epk, "kty");
    String crv = textMember(epk, "crv");
    if (!type.curve().keyType().equals(kty) || !type.curve().rfcName().equals(crv)) {
      throw Failures.rejected(
          ErrorCode.ALGORITHM_NOT_ALLOWED,
          "the JWE 'epk' is not a " + type.curve().rfcName() + " key like the decryption key");
    }
    Set<String> allowed = type == KeyType.P256 ? Set.of("kty", "crv", "x", "y") : Set.of("kty", "crv", "x");
    Iterator<String> names = epk.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        // 'd' would be a private key in a message; anything else has no meaning for an epk.
        throw Failures.rejected(
            ErrorCode.MALFORMED_ENVELOPE, "the JWE 'epk' has an unexpected member '" + safeName(name) + "'");
      }
    }
    byte[] x = epkCoordinate(epk, "x");
    try {
      if (type == KeyType.P256) {
        byte[] y = epkCoordinate(epk, "y");
        byte[] raw = new byte[64];
        System.arraycopy(x, 0, raw, 0, 32);
        System.arraycopy(y, 0, raw, 32, 32);
        return KeyCodec.publicKey(type, raw);
      }
      return KeyCodec.publicKey(type, x);
    } catch (IllegalArgumentException e) {
      throw Failures.rejected(
          ErrorCode.MALFORMED_ENVELOPE, "the JWE 'epk' is not a valid point on its curve");
    }
  }

  private static byte[] epkCoordinate(JsonNode epk, String name) {
    String text = textMember(epk, name);
    byte[] bytes = text == null ? null : Base64Url.decode(text).orElse(null);
    if (bytes == null || bytes.length != 32) {
      throw Failures.rejected(
          ErrorCode.MALFORMED_ENVELOPE, "the JWE 'epk' member '" + name + "' is not 32 bytes of base64url");
    }
    return bytes;
  }

  private static String textMember(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value == null || !value.isTextual() ? null : value.textValue();
  }

  private static String safeName(String name) {
    return name.length() <= 16 && name.chars().allMatch(c -> c >= 0x21 && c < 0x7f) ? name : "?";
  }

  private static byte[] optionalBase64(Entry entry, String name) {
    String text = entry.text(name);
    if (text == null) {
      return new byte[0];
    }
    return Jwe.decode(text, "'" + name + "'");
  }

  private byte[] decryptContent(byte[] cek, JcaProviders providers) {
    String aad = encodedAad == null ? encodedProtected : encodedProtected + '.' + encodedAad;
    byte[] plaintext =
        AesGcm.decrypt(providers, cek, iv, aad.getBytes(StandardCharsets.US_ASCII), ciphertext, tag);
    Arrays.fill(cek, (byte) 0);
    if (plaintext == null) {
      throw Failures.rejected(ErrorCode.DECRYPTION_FAILED, DECRYPTION_FAILED_MESSAGE);
    }
    return plaintext;
  }

  /** Returns a description without header values or ciphertext. */
  @Override
  public String toString() {
    return "EncryptedJwe[" + serialization + ", recipients=" + recipients.size()
        + ", ciphertextBytes=" + ciphertext.length + "]";
  }
}
