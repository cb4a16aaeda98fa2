package org.pccc.crypto.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.pccc.crypto.EnvelopeRejectedException;

/**
 * Properties of the JOSE layer: round trips for any payload and any recipient set, and rejection
 * (always as {@link EnvelopeRejectedException}, never another type) of any single-byte change or
 * truncation.
 */
class JoseProperties {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AlgorithmPolicy POLICY = AlgorithmPolicy.defaults();

  @Provide
  Arbitrary<TestKeys.Kind> signingKinds() {
    return Arbitraries.of(TestKeys.Kind.ED25519, TestKeys.Kind.P256);
  }

  @Provide
  Arbitrary<TestKeys.Kind> agreementKinds() {
    return Arbitraries.of(TestKeys.Kind.X25519, TestKeys.Kind.P256);
  }

  @Provide
  Arbitrary<List<TestKeys.Kind>> oneToTenRecipientKinds() {
    return agreementKinds().list().ofMinSize(1).ofMaxSize(10);
  }

  @Provide
  Arbitrary<byte[]> payloads() {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(2048);
  }

  @Property(tries = 200)
  void anyPayloadSignsAndVerifies(
      @ForAll("payloads") byte[] payload,
      @ForAll("signingKinds") TestKeys.Kind kind,
      @ForAll @IntRange(min = 0, max = 9) int keyIndex) {
    KeyPair pair = TestKeys.pooled(kind, keyIndex);
    String jws = Jws.sign(payload, JwsHeader.builder().keyId("k" + keyIndex).build(), pair.getPrivate());
    VerifiedJws verified = Jws.parse(jws).verify(pair.getPublic(), POLICY);
    assertThat(verified.payload()).isEqualTo(payload);
    assertThat(verified.protectedHeader().keyId()).contains("k" + keyIndex);
  }

  @Property(tries = 100)
  void anyPayloadReachesEveryOneOfUpToTenRecipients(
      @ForAll("payloads") byte[] payload,
      @ForAll("oneToTenRecipientKinds") List<TestKeys.Kind> kinds) {
    List<JweRecipient> recipients = new ArrayList<>();
    List<KeyPair> pairs = new ArrayList<>();
    for (int i = 0; i < kinds.size(); i++) {
      KeyPair pair = TestKeys.pooled(kinds.get(i), i);
      pairs.add(pair);
      recipients.add(new JweRecipient("r" + i, pair.getPublic()));
    }
    EncryptedJwe parsed = Jwe.parse(Jwe.encrypt(payload, JweHeader.builder().build(), recipients));
    assertThat(parsed.recipients()).hasSize(kinds.size());
    for (int i = 0; i < pairs.size(); i++) {
      assertThat(parsed.decrypt("r" + i, pairs.get(i).getPrivate(), POLICY)).isEqualTo(payload);
    }
  }

  @Property(tries = 300)
  void anyChangedCharacterOrTruncationOfAJwsIsRejected(
      @ForAll("payloads") byte[] payload,
      @ForAll("signingKinds") TestKeys.Kind kind,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int position,
      @ForAll @IntRange(min = 1, max = 127) int xor,
      @ForAll boolean truncate) {
    KeyPair pair = TestKeys.pooled(kind, 0);
    String jws = Jws.sign(payload, JwsHeader.builder().keyId("k").build(), pair.getPrivate());
    int at = position % jws.length();
    String changed =
        truncate ? jws.substring(0, at) : jws.substring(0, at) + (char) (jws.charAt(at) ^ xor) + jws.substring(at + 1);
    assertThatThrownBy(() -> Jws.parse(changed).verify(pair.getPublic(), POLICY))
        .isExactlyInstanceOf(EnvelopeRejectedException.class);
  }

  /** The parts of one recipient's view of a JWE that a flipped byte may hit. */
  enum Part {
    PROTECTED,
    ENCRYPTED_KEY,
    IV,
    CIPHERTEXT,
    TAG,
    RECIPIENT_HEADER,
    EPK_COORDINATE
  }

  @Property(tries = 400)
  void anyFlippedByteInAnyPartOfAJweIsRejected(
      @ForAll("payloads") byte[] payload,
      @ForAll("agreementKinds") TestKeys.Kind kind,
      @ForAll Part part,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int position,
      @ForAll @IntRange(min = 1, max = 255) int xor)
      throws Exception {
    KeyPair target = TestKeys.pooled(kind, 0);
    KeyPair other = TestKeys.pooled(TestKeys.Kind.X25519, 9);
    String jwe =
        Jwe.encrypt(
            payload,
            JweHeader.builder().contentType("JWT").build(),
            List.of(new JweRecipient("other", other.getPublic()), new JweRecipient("me", target.getPublic())));
    ObjectNode root = (ObjectNode) JSON.readTree(jwe);
    ObjectNode recipient = (ObjectNode) root.get("recipients").get(1);
    ObjectNode header = (ObjectNode) recipient.get("header");
    String changed;
    switch (part) {
      case PROTECTED:
        changed = flipDecoded(root, "protected", position, xor);
        break;
      case ENCRYPTED_KEY:
        changed = flipDecoded(recipient, "encrypted_key", position, xor, root);
        break;
      case IV:
        changed = flipDecoded(root, "iv", position, xor);
        break;
      case CIPHERTEXT:
        changed = payload.length == 0 ? flipDecoded(root, "tag", position, xor) : flipDecoded(root, "ciphertext", position, xor);
        break;
      case TAG:
        changed = flipDecoded(root, "tag", position, xor);
        break;
      case EPK_COORDINATE:
        changed = flipDecoded((ObjectNode) header.get("epk"), "x", position, xor, root);
        break;
      default:
        // a character of the recipient's header JSON text, as it appears in the document
        String headerText = JSON.writeValueAsString(header);
        int start = jwe.indexOf(headerText);
        assertThat(start).isNotNegative();
        int at = start + position % headerText.length();
        changed = jwe.substring(0, at) + (char) (jwe.charAt(at) ^ (xor & 0x7f | 1)) + jwe.substring(at + 1);
        break;
    }
    assertThat(changed).isNotEqualTo(jwe);
    assertThatThrownBy(() -> Jwe.parse(changed).decrypt("me", target.getPrivate(), POLICY))
        .isExactlyInstanceOf(EnvelopeRejectedException.class);
  }

  @Property(tries = 200)
  void anyTruncatedJweIsRejected(
      @ForAll("payloads") byte[] payload,
      @ForAll("agreementKinds") TestKeys.Kind kind,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int position) {
    KeyPair target = TestKeys.pooled(kind, 0);
    String jwe = Jwe.encrypt(payload, JweHeader.builder().build(), List.of(new JweRecipient("me", target.getPublic())));
    String truncated = jwe.substring(0, position % jwe.length());
    assertThatThrownBy(() -> Jwe.parse(truncated).decrypt("me", target.getPrivate(), POLICY))
        .isExactlyInstanceOf(EnvelopeRejectedException.class);
  }

  @Property(tries = 100)
  void swappingProtectedHeadersBetweenTwoJwesIsRejected(
      @ForAll("payloads") byte[] first,
      @ForAll("payloads") byte[] second,
      @ForAll("agreementKinds") TestKeys.Kind kind,
      @ForAll @Size(min = 1, max = 8) String type)
      throws Exception {
    KeyPair target = TestKeys.pooled(kind, 0);
    List<JweRecipient> to = List.of(new JweRecipient("me", target.getPublic()));
    String one = Jwe.encrypt(first, JweHeader.builder().build(), to);
    String two = Jwe.encrypt(second, JweHeader.builder().type("t" + type).build(), to);
    ObjectNode root = (ObjectNode) JSON.readTree(one);
    root.put("protected", JSON.readTree(two).get("protected").asText());
    String swapped = JSON.writeValueAsString(root);
    assertThatThrownBy(() -> Jwe.parse(swapped).decrypt("me", target.getPrivate(), POLICY))
        .isExactlyInstanceOf(EnvelopeRejectedException.class);
  }

  private static String flipDecoded(ObjectNode holder, String member, int position, int xor) throws Exception {
    return flipDecoded(holder, member, position, xor, holder);
  }

  /** Flips one byte of a base64url member (keeping it canonical) and returns the whole document. */
  private static String flipDecoded(ObjectNode holder, String member, int position, int xor, ObjectNode root)
      throws Exception {
    byte[] bytes = Base64.getUrlDecoder().decode(holder.get(member).asText());
    bytes[position % bytes.length] ^= (byte) xor;
    holder.put(member, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    return JSON.writeValueAsString(root);
  }

}
