package org.pccc.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.pccc.crypto.internal.jose.Base64Url;
import org.pccc.crypto.internal.jose.KeyCodec;
import org.pccc.crypto.internal.jose.Signatures;
import org.pccc.crypto.jose.JcaProviders;
import org.pccc.crypto.jose.Jwe;
import org.pccc.crypto.jose.JweHeader;
import org.pccc.crypto.jose.JweRecipient;
import org.pccc.crypto.pki.CertificateEntry;
import org.pccc.model.Examples;
import org.pccc.model.Header;
import org.pccc.model.Message;
import org.pccc.model.Party;
import org.pccc.model.json.PcccJson;

/**
 * Shared pieces of the envelope tests: one small seeded network (three centres, built once), the
 * example messages readdressed inside it, crafted JOSE objects for attacks, and the assertion
 * that a rejection carries its code and no personal data.
 */
final class EnvelopeFixtures {
  /** The sender in most tests. */
  static final String A = "RS-MK-PRESEVO";
  /** The legitimate recipient. */
  static final String B = "MK-RS-TABANOVCE";
  /** A third centre of the same network. */
  static final String C = "BG-MK-GYUESHEVO";

  /** Creation time of the messages the attack tests seal. */
  static final Instant CREATED = Instant.parse("2026-11-30T12:00:00Z");
  /** The instant the attack tests open at: one minute after {@link #CREATED}. */
  static final Instant OPEN_AT = CREATED.plus(Duration.ofMinutes(1));

  static final PcccJson JSON = PcccJson.create();

  static final InsecureDevelopmentNetwork NET = InsecureDevelopmentNetwork.builder("PCCC-ATTACKS")
      .insecureSeed(2026_11_30L)
      .issuedAt(Instant.parse("2026-11-01T00:00:00Z"))
      .centre(A, "RS")
      .centre(B, "MK")
      .centre(C, "BG")
      .build();

  /**
   * Strings from the example messages that identify people or things: none may ever appear in an
   * exception message (STYLE.md rule 10).
   */
  static final List<String> PERSONAL_DATA = List.of(
      // alert-stolen-vehicle.json
      "TMBJJ7NE8L0123456", "BG 123", "Škoda", "Octavia", "Украден",
      // request-person-document.json
      "Ѓорѓиевски", "Gjorgjievski", "Ѓорѓи", "Gjorgji", "Đorđevski", "L898902C3", "ERIKSSON",
      "+38970123456", "Κιλκίς");

  private EnvelopeFixtures() {}

  static String country(String centre) {
    return switch (centre) {
      case A -> "RS";
      case B -> "MK";
      case C -> "BG";
      default -> throw new IllegalArgumentException(centre);
    };
  }

  /** An example message with a fresh id, sent by {@code from} to {@code to}, created at {@link #CREATED}. */
  static Message message(String example, String from, String... to) {
    return message(example, CREATED, from, to);
  }

  /** An example message with a fresh id, readdressed, created at {@code createdAt}. */
  static Message message(String example, Instant createdAt, String from, String... to) {
    Message template = JSON.readValid(Examples.read(example));
    List<Party> recipients = Arrays.stream(to).map(c -> Party.of(c, country(c))).toList();
    UUID id = UUID.randomUUID();
    Header header = template.header().toBuilder()
        .messageId(id)
        .conversationId(id)
        .sender(Party.of(from, country(from)))
        .recipients(recipients)
        .createdAt(createdAt)
        .build();
    Message message = Message.of(header, template.body());
    assertThat(JSON.validator().validate(message).isValid()).as("fixture message is valid").isTrue();
    return message;
  }

  static Clock clockAt(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  /** An opener of the network's centre whose clock stands at {@link #OPEN_AT}. */
  static EnvelopeOpener opener(String centre) {
    return openerBuilder(centre).build();
  }

  static EnvelopeOpener.Builder openerBuilder(String centre) {
    return openerBuilder(centre, ReplayGuard.inMemoryNotSurvivingRestart());
  }

  static EnvelopeOpener.Builder openerBuilder(String centre, ReplayGuard replayGuard) {
    return EnvelopeOpener.builder(NET.keys(centre), NET.directory(), replayGuard).clock(clockAt(OPEN_AT));
  }

  static EnvelopeSealer sealer(String centre) {
    return EnvelopeSealer.builder(NET.keys(centre), NET.directory()).clock(clockAt(CREATED)).build();
  }

  /**
   * Signs an arbitrary protected header as a compact JWS, bypassing the checks of {@code Jws.sign}
   * (which refuses {@code jwk}, {@code x5c} and any {@code alg}): what an attacker can send.
   */
  static String signRaw(String protectedHeaderJson, byte[] payload, PrivateKey key) {
    String input = b64(protectedHeaderJson.getBytes(StandardCharsets.UTF_8)) + "." + b64(payload);
    byte[] signature = Signatures.sign(
        KeyCodec.privateKey(key), input.getBytes(StandardCharsets.US_ASCII), JcaProviders.defaults());
    return input + "." + b64(signature);
  }

  /** A compact JWS whose signature part is given as is (for alg none and stripped signatures). */
  static String unsigned(String protectedHeaderJson, byte[] payload, String signaturePart) {
    return b64(protectedHeaderJson.getBytes(StandardCharsets.UTF_8)) + "." + b64(payload) + "." + signaturePart;
  }

  /** The protected header our sealer writes for a centre's signing key. */
  static String messageHeader(String signerCentre) {
    String x5t = NET.keys(signerCentre).signing().x5tS256();
    return "{\"alg\":\"EdDSA\",\"kid\":\"" + x5t + "\",\"x5t#S256\":\"" + x5t + "\",\"typ\":\"pccc-message\"}";
  }

  /**
   * Encrypts any plaintext to centres of the network exactly as the sealer would (typ
   * pccc-envelope, cty pccc-message, kids from the directory), so that the outer layer is valid
   * and the inner content is what is tested.
   */
  static byte[] encryptTo(byte[] plaintext, String... centres) {
    return encryptTo(plaintext, JweHeader.builder().type(EnvelopeTypes.ENVELOPE).contentType(EnvelopeTypes.MESSAGE).build(),
        centres);
  }

  static byte[] encryptTo(byte[] plaintext, JweHeader header, String... centres) {
    List<JweRecipient> recipients = new ArrayList<>();
    for (String centre : centres) {
      CertificateEntry entry = NET.directory().encryptionCertificate(centre, OPEN_AT).orElseThrow();
      recipients.add(new JweRecipient(entry.kid(), entry.certificate().getPublicKey()));
    }
    return Jwe.encrypt(plaintext, header, recipients).getBytes(StandardCharsets.UTF_8);
  }

  static String b64(byte[] bytes) {
    return Base64Url.encode(bytes);
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Runs the call and asserts that it is refused as an {@link EnvelopeRejectedException} with the
   * code, and that neither its message nor any cause's names personal data.
   */
  static EnvelopeRejectedException assertRejected(ErrorCode code, ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).as("expected a rejection with " + code.code()).isInstanceOf(EnvelopeRejectedException.class);
    EnvelopeRejectedException rejected = (EnvelopeRejectedException) thrown;
    assertThat(rejected.errorCode()).as("error code; message: " + rejected.getMessage()).isEqualTo(code);
    assertThat(rejected.getMessage()).contains(code.code());
    assertNoPersonalData(rejected);
    return rejected;
  }

  /** Asserts that no message in the cause chain (nor toString) contains personal data. */
  static void assertNoPersonalData(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      String text = t.getMessage() + " " + t;
      for (String personal : PERSONAL_DATA) {
        assertThat(text).as("exception text must not contain personal data").doesNotContain(personal);
      }
    }
  }
}
