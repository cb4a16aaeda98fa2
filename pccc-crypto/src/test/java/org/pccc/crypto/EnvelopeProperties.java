package org.pccc.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.pccc.crypto.jose.AlgorithmPolicy;
import org.pccc.crypto.jose.Jwe;
import org.pccc.model.Examples;
import org.pccc.model.Header;
import org.pccc.model.Message;
import org.pccc.model.Party;
import org.pccc.model.json.PcccJson;

/**
 * Properties of the whole envelope over the example corpus.
 *
 * <p>Round trip: any example message, with random ids, from any of 11 centres to any 1 to 10
 * others, opens to an equal message at every recipient and is {@code NOT_A_RECIPIENT} everywhere
 * else (the sender included).
 *
 * <p>Integrity: any single changed byte anywhere in the envelope text, any changed byte inside any
 * base64url member, any change to the signed message inside, any truncation and any splice of
 * members from another envelope is either rejected with an {@link EnvelopeRejectedException}
 * (never another exception type) or opens to a message EQUAL to the original. Success is allowed
 * on purpose: a change in a part that is not ours to check cannot be detected and need not be, for
 * example a byte of another recipient's entry ({@code kid}, {@code epk}, {@code encrypted_key} are
 * not authenticated for us, RFC 7516 §7.2.1). What must never happen is that a changed envelope
 * yields a different message. (In a run of the text-flip property about 8 % of the flips opened,
 * unchanged, all in the four-recipient sample; the rest were MALFORMED_ENVELOPE,
 * DECRYPTION_FAILED, NOT_A_RECIPIENT or ALGORITHM_NOT_ALLOWED. A scan of every byte of a
 * single-recipient envelope, flipped with 0x01 and with 0x20, opened none.) Changes to the signed message inside, truncations, and splices that do
 * not reproduce one of the two envelopes exactly are always rejected.
 *
 * <p>The network is built once (keys are cheap, but 11 centres times 200 tries is not).
 */
class EnvelopeProperties {
  private static final ObjectMapper TREE = new ObjectMapper();
  private static final PcccJson JSON = PcccJson.create();
  private static final String[] COUNTRIES = {"RS", "MK", "BG", "GR", "AL", "ME", "HR", "BA", "RO", "HU", "SI"};
  private static final List<String> CENTRES = new ArrayList<>();
  private static final Map<String, String> COUNTRY_OF = new LinkedHashMap<>();
  private static InsecureDevelopmentNetwork network;

  /** Envelopes to mutate: to B alone, and to B among four recipients (B is never first). */
  private static Map<String, Sample> samples;

  private record Sample(byte[] envelope, Message message) {}

  static {
    InsecureDevelopmentNetwork.Builder builder = InsecureDevelopmentNetwork.builder("PCCC-PROPERTIES")
        .insecureSeed(11).issuedAt(Instant.parse("2026-11-01T00:00:00Z"));
    for (int i = 0; i < COUNTRIES.length; i++) {
      String centre = "PCCC-" + COUNTRIES[i] + "-" + (i + 1);
      CENTRES.add(centre);
      COUNTRY_OF.put(centre, COUNTRIES[i]);
      builder.centre(centre, COUNTRIES[i]);
    }
    network = builder.build();
    samples = new LinkedHashMap<>();
    Message single = readdressed("request-person-document.json", new UUID(1, 2), 0, List.of(1));
    samples.put("single", new Sample(sealer(0).seal(single).bytes(), single));
    Message multi = readdressed("alert-stolen-vehicle.json", new UUID(3, 4), 0, List.of(5, 1, 7, 9));
    samples.put("multi", new Sample(sealer(0).seal(multi).bytes(), multi));
  }

  private static EnvelopeSealer sealer(int centre) {
    return network.sealer(CENTRES.get(centre));
  }

  /**
   * An opener at the message's creation time whose replay guard forgets everything: the
   * mutation properties open the same message id many times on purpose.
   */
  private static EnvelopeOpener opener(int centre, Instant at) {
    return EnvelopeOpener.builder(network.keys(CENTRES.get(centre)), network.directory(), (signer, id, createdAt) -> true)
        .clock(Clock.fixed(at, ZoneOffset.UTC))
        .build();
  }

  /** An example with new ids (conversation and reply ids too), sent by one centre to others. */
  private static Message readdressed(String example, UUID seed, int sender, List<Integer> recipients) {
    Message template = JSON.readValid(Examples.read(example));
    Header h = template.header();
    List<Party> to = recipients.stream().map(i -> Party.of(CENTRES.get(i), COUNTRIES[i])).toList();
    Header header = h.toBuilder()
        .messageId(seed)
        .conversationId(new UUID(seed.getLeastSignificantBits(), seed.getMostSignificantBits()))
        .inReplyTo(h.inReplyTo() == null ? null : new UUID(~seed.getMostSignificantBits(), seed.getLeastSignificantBits()))
        .sender(Party.of(CENTRES.get(sender), COUNTRIES[sender]))
        .recipients(to)
        .build();
    return Message.of(header, template.body());
  }

  @Provide
  Arbitrary<String> examples() {
    return Arbitraries.of(Examples.names());
  }

  @Provide
  Arbitrary<UUID> uuids() {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.longs())
        .as((msb, lsb) -> new UUID((msb & ~0xF000L) | 0x4000L, (lsb & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L));
  }

  /** The sender first, then 1 to 10 distinct recipients, all distinct centres. */
  @Provide
  Arbitrary<List<Integer>> senderThenRecipients() {
    return Arbitraries.integers().between(0, COUNTRIES.length - 1).list().uniqueElements().ofMinSize(2)
        .ofMaxSize(COUNTRIES.length);
  }

  @Property(tries = 100)
  void anyExampleOpensEqualAtEveryRecipientAndNowhereElse(
      @ForAll("examples") String example,
      @ForAll("uuids") UUID id,
      @ForAll("senderThenRecipients") List<Integer> centres) {
    int sender = centres.get(0);
    List<Integer> recipients = centres.subList(1, centres.size());
    Message m = readdressed(example, id, sender, recipients);
    SealedEnvelope envelope = sealer(sender).seal(m);
    Instant at = m.header().createdAt();
    for (int r : recipients) {
      VerifiedMessage opened = opener(r, at).open(envelope.bytes());
      assertThat(opened.message()).isEqualTo(m);
      assertThat(opened.signerCentre()).isEqualTo(CENTRES.get(sender));
      assertThat(opened.envelopeSha256()).isEqualTo(envelope.sha256());
    }
    for (int other = 0; other < CENTRES.size(); other++) {
      if (!recipients.contains(other)) {
        int outsider = other;
        Throwable thrown = catchThrowable(() -> opener(outsider, at).open(envelope.bytes()));
        assertThat(thrown).isInstanceOf(EnvelopeRejectedException.class);
        assertThat(((EnvelopeRejectedException) thrown).errorCode()).isEqualTo(ErrorCode.NOT_A_RECIPIENT);
      }
    }
  }

  @Provide
  Arbitrary<String> sampleNames() {
    return Arbitraries.of(samples.keySet());
  }

  @Property(tries = 300)
  void anyFlippedByteOfTheEnvelopeTextIsRejectedOrChangesNothing(
      @ForAll("sampleNames") String name,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int position,
      @ForAll @IntRange(min = 1, max = 255) int xor) {
    Sample sample = samples.get(name);
    byte[] changed = sample.envelope().clone();
    changed[position % changed.length] ^= (byte) xor;
    assertRejectedOrEqual(changed, sample.message());
  }

  @Property(tries = 300)
  void anyFlippedByteInsideAnyBase64MemberIsRejectedOrChangesNothing(
      @ForAll("sampleNames") String name,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int member,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int position,
      @ForAll @IntRange(min = 1, max = 255) int xor) throws Exception {
    Sample sample = samples.get(name);
    ObjectNode root = (ObjectNode) TREE.readTree(sample.envelope());
    List<ObjectNode> holders = new ArrayList<>();
    List<String> names = new ArrayList<>();
    collectBase64Members(root, holders, names);
    int which = member % names.size();
    ObjectNode holder = holders.get(which);
    byte[] decoded = Base64.getUrlDecoder().decode(holder.get(names.get(which)).asText());
    if (decoded.length == 0) {
      return;
    }
    decoded[position % decoded.length] ^= (byte) xor;
    holder.put(names.get(which), Base64.getUrlEncoder().withoutPadding().encodeToString(decoded));
    assertRejectedOrEqual(TREE.writeValueAsBytes(root), sample.message());
  }

  /** Every base64url string member of the envelope: protected, iv, ciphertext, tag, encrypted_key, epk x. */
  private static void collectBase64Members(JsonNode node, List<ObjectNode> holders, List<String> names) {
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        String key = e.getKey();
        if (e.getValue().isTextual()
            && Set.of("protected", "iv", "ciphertext", "tag", "encrypted_key", "x", "y").contains(key)) {
          holders.add(object);
          names.add(key);
        } else {
          collectBase64Members(e.getValue(), holders, names);
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(element -> collectBase64Members(element, holders, names));
    }
  }

  @Property(tries = 200)
  void anyChangeToTheSignedMessageInsideIsRejected(
      @ForAll("sampleNames") String name,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int position,
      @ForAll @IntRange(min = 1, max = 127) int xor,
      @ForAll boolean truncate) {
    // What a party holding the content key could do: change the JWS and re-encrypt it to B.
    Sample sample = samples.get(name);
    var b = network.keys(CENTRES.get(1)).encryption();
    byte[] jws = Jwe.parse(sample.envelope(), Jwe.DEFAULT_MAX_BYTES)
        .decrypt(b.kid(), b.privateKey(), AlgorithmPolicy.defaults());
    int at = position % jws.length;
    byte[] changed;
    if (truncate) {
      changed = java.util.Arrays.copyOf(jws, at);
    } else {
      changed = jws.clone();
      changed[at] ^= (byte) xor;
    }
    var entry = network.directory().encryptionCertificate(CENTRES.get(1), sample.message().header().createdAt()).orElseThrow();
    byte[] envelope = Jwe.encrypt(changed,
            org.pccc.crypto.jose.JweHeader.builder().type(EnvelopeTypes.ENVELOPE).contentType(EnvelopeTypes.MESSAGE).build(),
            List.of(new org.pccc.crypto.jose.JweRecipient(entry.kid(), entry.certificate().getPublicKey())))
        .getBytes(StandardCharsets.UTF_8);
    // The JWS is signed end to end: unlike the envelope, no change at all may pass.
    Throwable thrown = catchThrowable(() -> opener(1, sample.message().header().createdAt()).open(envelope));
    assertThat(thrown).isExactlyInstanceOf(EnvelopeRejectedException.class);
  }

  @Property(tries = 200)
  void anyTruncationIsRejected(
      @ForAll("sampleNames") String name,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int position) {
    Sample sample = samples.get(name);
    byte[] truncated = java.util.Arrays.copyOf(sample.envelope(), position % sample.envelope().length);
    Throwable thrown = catchThrowable(() -> opener(1, sample.message().header().createdAt()).open(truncated));
    assertThat(thrown).isExactlyInstanceOf(EnvelopeRejectedException.class);
  }

  /** The members of the general JSON serialization that a splice can exchange. */
  enum Member { PROTECTED, RECIPIENTS, IV, CIPHERTEXT, TAG }

  @Provide
  Arbitrary<Set<Member>> memberSets() {
    return Arbitraries.of(Member.class).set().ofMinSize(1).ofMaxSize(Member.values().length);
  }

  /**
   * Envelopes from A (centre 0) to B (centre 1), sealed once. Our sealer writes the same protected
   * header every time, so swapping only 'protected' between two of its envelopes changes nothing;
   * the odd-numbered ones are therefore made with another (valid) protected header, as another
   * SDK could.
   */
  private static final List<Sample> SPLICE_POOL = splicePool();

  private static List<Sample> splicePool() {
    List<String> names = Examples.names();
    List<Sample> pool = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Message m = readdressed(names.get(i % names.size()), new UUID(7, i), 0, i % 3 == 0 ? List.of(1, 2) : List.of(1));
      pool.add(new Sample(i % 2 == 0 ? sealer(0).seal(m).bytes() : resealedWithCustomHeader(m), m));
    }
    return List.copyOf(pool);
  }

  @Property(tries = 200)
  void splicingMembersOfTwoEnvelopesIsRejected(
      @ForAll @IntRange(min = 0, max = 5) int first,
      @ForAll @IntRange(min = 0, max = 5) int second,
      @ForAll("memberSets") Set<Member> swapped) throws Exception {
    if (first == second) {
      return;
    }
    Sample one = SPLICE_POOL.get(first);
    Sample two = SPLICE_POOL.get(second);
    ObjectNode hybrid = (ObjectNode) TREE.readTree(one.envelope());
    JsonNode donor = TREE.readTree(two.envelope());
    for (Member m : swapped) {
      String key = m.name().toLowerCase(java.util.Locale.ROOT);
      hybrid.set(key, donor.get(key).deepCopy());
    }
    byte[] bytes = TREE.writeValueAsBytes(hybrid);
    // The pool's messages were created hours apart: a clock in the middle and a wide age limit.
    EnvelopeOpener opener = EnvelopeOpener.builder(network.keys(CENTRES.get(1)), network.directory(), (s, x, t) -> true)
        .clock(Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC)).maxAge(java.time.Duration.ofDays(30))
        .build();
    if (hybrid.equals(TREE.readTree(one.envelope()))) {
      // only 'protected' was swapped, between two envelopes of our sealer: nothing changed
      assertThat(opener.open(bytes).message()).isEqualTo(one.message());
    } else if (hybrid.equals(donor)) {
      assertThat(opener.open(bytes).message()).isEqualTo(two.message());
    } else {
      Throwable thrown = catchThrowable(() -> opener.open(bytes));
      assertThat(thrown).isExactlyInstanceOf(EnvelopeRejectedException.class);
    }
  }

  /** The message as the sealer would seal it, but with one more protected header parameter. */
  private static byte[] resealedWithCustomHeader(Message message) {
    var a = network.keys(CENTRES.get(0)).signing();
    String jws = org.pccc.crypto.jose.Jws.sign(JSON.write(message),
        org.pccc.crypto.jose.JwsHeader.builder().keyId(a.x5tS256()).x5tS256(a.x5tS256()).type(EnvelopeTypes.MESSAGE).build(),
        a.privateKey());
    var entry = network.directory().encryptionCertificate(CENTRES.get(1), message.header().createdAt()).orElseThrow();
    return Jwe.encrypt(jws.getBytes(StandardCharsets.US_ASCII),
            org.pccc.crypto.jose.JweHeader.builder().type(EnvelopeTypes.ENVELOPE).contentType(EnvelopeTypes.MESSAGE)
                .parameter("vendor", "other-sdk").build(),
            List.of(new org.pccc.crypto.jose.JweRecipient(entry.kid(), entry.certificate().getPublicKey())))
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Opens as B: either a rejection (of exactly that type) or the original message. */
  private static void assertRejectedOrEqual(byte[] envelope, Message original) {
    Throwable thrown = catchThrowable(() -> {
      VerifiedMessage opened = opener(1, original.header().createdAt()).open(envelope);
      assertThat(opened.message()).as("a changed envelope that opens must yield the same message").isEqualTo(original);
    });
    if (thrown instanceof AssertionError error) {
      throw error;
    }
    if (thrown != null) {
      assertThat(thrown).as("only rejections may escape the opener").isExactlyInstanceOf(EnvelopeRejectedException.class);
    }
  }
}
