package org.pccc.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.pccc.crypto.EnvelopeFixtures.A;
import static org.pccc.crypto.EnvelopeFixtures.B;
import static org.pccc.crypto.EnvelopeFixtures.C;
import static org.pccc.crypto.EnvelopeFixtures.JSON;
import static org.pccc.crypto.EnvelopeFixtures.NET;
import static org.pccc.crypto.EnvelopeFixtures.OPEN_AT;
import static org.pccc.crypto.EnvelopeFixtures.ascii;
import static org.pccc.crypto.EnvelopeFixtures.assertRejected;
import static org.pccc.crypto.EnvelopeFixtures.clockAt;
import static org.pccc.crypto.EnvelopeFixtures.encryptTo;
import static org.pccc.crypto.EnvelopeFixtures.message;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pccc.crypto.jose.AlgorithmPolicy;
import org.pccc.crypto.jose.Jwe;
import org.pccc.crypto.pki.CentreKeys;
import org.pccc.crypto.pki.CertificateSubject;
import org.pccc.crypto.pki.CertificateValidator;
import org.pccc.crypto.pki.CertificateValidator.RevocationChecking;
import org.pccc.crypto.pki.CertificateValidity;
import org.pccc.crypto.pki.RevokedCertificate;
import org.pccc.crypto.pki.SigningKeyPair;
import org.pccc.model.Message;
import org.pccc.model.code.Language;
import org.pccc.model.code.MessageKind;
import org.pccc.model.directory.BilateralPolicy;
import org.pccc.model.directory.CentreEntry;
import org.pccc.model.directory.NetworkDirectory;

/**
 * The insider attacks of the trust issue (findings 1, 2, 5, 6, 9 and 11) on the crypto layer. Each
 * test is named for the attack, asserts the exact refusal code, and shows that the genuine traffic
 * next to it still flows. Every instant is fixed ({@link EnvelopeFixtures#OPEN_AT} is "now"), with
 * the seeded network's certificates covering them.
 */
class TrustAttackTest {
  private static final String ALERT = "alert-stolen-vehicle.json";
  private static final String REQUEST = "request-person-document.json";
  private static final Instant NOW = OPEN_AT;

  /** A validator over the network's roots with a fresh CRL per country revoking the given certificates. */
  private static CertificateValidator validatorRevoking(X509Certificate... revoked) {
    List<X509CRL> crls = new ArrayList<>();
    BigInteger number = BigInteger.ONE;
    for (String country : NET.pki().countryCodes()) {
      List<RevokedCertificate> list = new ArrayList<>();
      for (X509Certificate c : revoked) {
        if (c.getIssuerX500Principal().equals(NET.pki().authority(country).certificate().getSubjectX500Principal())) {
          list.add(RevokedCertificate.of(c, NOW.minus(Duration.ofDays(1))));
        }
      }
      crls.add(NET.pki().authority(country).issueCrl(number, NOW.minus(Duration.ofHours(1)),
          NOW.plus(Duration.ofDays(7)), list));
      number = number.add(BigInteger.ONE);
    }
    return CertificateValidator.builder().trustAnchors(NET.pki().rootCertificates()).crls(crls)
        .revocationChecking(RevocationChecking.CRL_REQUIRED).build();
  }

  private static EnvelopeSealer sealerAt(String centre, Instant at) {
    return EnvelopeSealer.builder(NET.keys(centre), NET.directory()).clock(clockAt(at)).build();
  }

  private static String der(X509Certificate certificate) {
    try {
      return Base64.getEncoder().encodeToString(certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The network's directory, changed and re-signed by its own coordinator. */
  private static byte[] signed(NetworkDirectory directory) {
    return DirectoryPublisher.sign(directory, NET.pki().networkCoordinator().orElseThrow());
  }

  private static NetworkDirectory base(String networkId, long serial, Instant issuedAt, Instant expiresAt) {
    NetworkDirectory d = NET.directory().directory();
    return new NetworkDirectory(d.pcccDirectory(), networkId, serial, issuedAt, d.centres(), d.policies(), expiresAt);
  }

  private static DirectoryVerifier.Builder verifierBuilder() {
    return DirectoryVerifier.builder(List.of(NET.coordinatorCertificate())).clock(clockAt(NOW))
        .expectedNetworkId(NET.directory().directory().networkId());
  }

  /** Finding 1: the certificate is judged when the envelope is opened, not at the createdAt the signer chose. */
  @Nested
  class Backdating {
    @Test
    void backdatedMessageFromRevokedSignerIsRefused() {
      // A's key was revoked yesterday; A (or whoever holds the key) dates the message two days ago.
      CertificateValidator validator = validatorRevoking(NET.keys(A).signing().certificate());
      Instant twoDaysAgo = NOW.minus(Duration.ofDays(2));
      Message backdated = message(REQUEST, twoDaysAgo, A, B);
      byte[] envelope = sealerAt(A, twoDaysAgo).seal(backdated).bytes();
      EnvelopeOpener b = EnvelopeOpener.builder(NET.keys(B), NET.directory(), ReplayGuard.inMemoryNotSurvivingRestart()).clock(clockAt(NOW))
          .certificateValidator(validator).build();
      assertRejected(ErrorCode.CERTIFICATE_REVOKED, () -> b.open(envelope));

      // Genuine traffic, equally delayed, from a centre whose key is not revoked still opens.
      Message delayed = message(REQUEST, twoDaysAgo, C, B);
      assertThat(b.open(sealerAt(C, twoDaysAgo).seal(delayed).bytes()).message()).isEqualTo(delayed);
    }

    @Test
    void anHonestlyDelayedMessageOpensWithinTheAgeWindowWhileItsSignerIsValid() {
      Instant sevenDaysAgo = NOW.minus(Duration.ofDays(7));
      Message delayed = message(REQUEST, sevenDaysAgo, A, B);
      EnvelopeOpener b = EnvelopeOpener.builder(NET.keys(B), NET.directory(), ReplayGuard.inMemoryNotSurvivingRestart()).clock(clockAt(NOW))
          .certificateValidator(validatorRevoking()).build();
      assertThat(b.open(sealerAt(A, sevenDaysAgo).seal(delayed).bytes()).message()).isEqualTo(delayed);
    }

    @Test
    void aSealerRefusesToSignWithItsOwnCertificateOnceExpired() {
      Instant afterExpiry = NET.keys(A).signing().certificate().getNotAfter().toInstant().plusSeconds(1);
      Message alert = message(ALERT, NOW, A, B);
      Throwable thrown = catchThrowable(() -> sealerAt(A, afterExpiry).seal(alert));
      assertThat(thrown).isInstanceOf(CryptoConfigurationException.class);
      assertThat(((CryptoException) thrown).errorCode()).isEqualTo(ErrorCode.OWN_CERTIFICATE_NOT_VALID);
      assertThat(sealerAt(A, NOW).seal(alert).size()).isPositive();
    }
  }

  /** Findings 2, 6 and 11 (receipt signers): receipts judged now, bounded to the delivery, bound to the signed message. */
  @Nested
  class ReceiptForgery {
    private final Message m = message(ALERT, NOW.minus(Duration.ofMinutes(1)), A, B, C);
    private final SealedEnvelope sent = sealerAt(A, NOW.minus(Duration.ofMinutes(1))).seal(m);
    private final ReceiptVerifier.Delivery delivery = new ReceiptVerifier.Delivery(
        m.header().messageId(), sent.signedSha256(), B, m.header().createdAt());

    /** B's key pair of an earlier rotation and its certificate, still listed as rotation history. */
    private CentreKeys retiredB(CertificateValidity validity) {
      KeyPair pair;
      try {
        pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
      X509Certificate retired = NET.pki().authority("MK").issueSigningCertificate(pair.getPublic(),
          CertificateSubject.centre(B, "Police", "MK"), validity);
      return new CentreKeys(B, SigningKeyPair.of(pair.getPrivate(), List.of(retired, NET.pki().rootCertificate("MK"))),
          NET.keys(B).encryption());
    }

    /** The directory listing B's retired certificate next to its current one. */
    private TrustedDirectory listingAlso(CentreKeys retired) {
      List<CentreEntry> centres = new ArrayList<>();
      for (CentreEntry e : NET.directory().directory().centres()) {
        centres.add(!e.centreId().equals(B) ? e : new CentreEntry(e.centreId(), e.name(), e.desks(), e.endpoints(),
            List.of(der(retired.signing().certificate()), e.signingCertificates().get(0)),
            e.encryptionCertificates(), e.schemaVersions(), e.position()));
      }
      NetworkDirectory d = NET.directory().directory();
      return DirectoryVerifier.builder(List.of(NET.coordinatorCertificate())).clock(clockAt(NOW)).build()
          .verify(signed(new NetworkDirectory(d.pcccDirectory(), d.networkId(), 2L, d.issuedAt(), centres,
              d.policies())), 1);
    }

    private Receipts.SignedReceipt genuineFromB() {
      VerifiedMessage atB = EnvelopeOpener.builder(NET.keys(B), NET.directory(), ReplayGuard.inMemoryNotSurvivingRestart()).clock(clockAt(NOW)).build()
          .open(sent.bytes());
      return Receipts.issue(atB, NET.keys(B), clockAt(NOW));
    }

    @Test
    void receiptForgedWithRetiredExpiredKeyIsRefused() {
      CentreKeys retired = retiredB(new CertificateValidity(NOW.minus(Duration.ofDays(800)), NOW.minus(Duration.ofDays(10))));
      TrustedDirectory directory = listingAlso(retired);
      VerifiedMessage atB = EnvelopeOpener.builder(NET.keys(B), NET.directory(), ReplayGuard.inMemoryNotSurvivingRestart()).clock(clockAt(NOW)).build()
          .open(sent.bytes());
      // Dated inside the retired certificate's validity, as the old check at createdAt allowed.
      byte[] forged = Receipts.issue(atB, retired, clockAt(Instant.parse("2025-06-01T00:00:00Z"))).jws();
      ReceiptVerifier verifier = ReceiptVerifier.builder(directory).clock(clockAt(NOW)).build();
      assertRejected(ErrorCode.CERTIFICATE_NOT_VALID, () -> verifier.verify(forged, delivery));
      assertThat(verifier.verify(genuineFromB().jws(), delivery).receiverCentre()).isEqualTo(B);
    }

    @Test
    void receiptDatedBeforeTheMessageWasSentIsRefused() {
      // A rotated-out key whose certificate has not expired yet: only the time bound stops it.
      CentreKeys retired = retiredB(new CertificateValidity(NOW.minus(Duration.ofDays(800)), NOW.plus(Duration.ofDays(30))));
      TrustedDirectory directory = listingAlso(retired);
      VerifiedMessage atB = EnvelopeOpener.builder(NET.keys(B), NET.directory(), ReplayGuard.inMemoryNotSurvivingRestart()).clock(clockAt(NOW)).build()
          .open(sent.bytes());
      byte[] dated2025 = Receipts.issue(atB, retired, clockAt(Instant.parse("2025-06-01T00:00:00Z"))).jws();
      byte[] fromTheFuture = Receipts.issue(atB, NET.keys(B), clockAt(NOW.plus(Duration.ofHours(1)))).jws();
      ReceiptVerifier verifier = ReceiptVerifier.builder(directory).clock(clockAt(NOW)).build();
      assertRejected(ErrorCode.RECEIPT_TIME_OUT_OF_BOUNDS, () -> verifier.verify(dated2025, delivery));
      assertRejected(ErrorCode.RECEIPT_TIME_OUT_OF_BOUNDS, () -> verifier.verify(fromTheFuture, delivery));
      assertThat(verifier.verify(genuineFromB().jws(), delivery).receiverCentre()).isEqualTo(B);
    }

    @Test
    void receiptFromRevokedSignerIsRefusedByTheConfiguredValidator() {
      CertificateValidator validator = validatorRevoking(NET.keys(B).signing().certificate());
      ReceiptVerifier verifier = ReceiptVerifier.builder(NET.directory()).clock(clockAt(NOW))
          .certificateValidator(validator).build();
      assertRejected(ErrorCode.CERTIFICATE_REVOKED, () -> verifier.verify(genuineFromB().jws(), delivery));

      VerifiedMessage atC = EnvelopeOpener.builder(NET.keys(C), NET.directory(), ReplayGuard.inMemoryNotSurvivingRestart()).clock(clockAt(NOW)).build()
          .open(sent.bytes());
      byte[] fromC = Receipts.issue(atC, NET.keys(C), clockAt(NOW)).jws();
      assertThat(verifier.verify(fromC, new ReceiptVerifier.Delivery(m.header().messageId(), sent.signedSha256(), C,
          m.header().createdAt())).receiverCentre()).isEqualTo(C);
    }

    @Test
    void reencryptionByACoRecipientDoesNotBreakTheReceipt() {
      // C decrypts its copy and re-encrypts the same signed message to B, with whitespace added:
      // B processes it, and A can still verify B's receipt because it names the signed message.
      byte[] innerJws = Jwe.parse(sent.bytes(), Jwe.DEFAULT_MAX_BYTES)
          .decrypt(NET.keys(C).encryption().kid(), NET.keys(C).encryption().privateKey(), AlgorithmPolicy.defaults());
      String reencrypted = new String(encryptTo(innerJws, B), StandardCharsets.UTF_8).replace(",", " ,\n ");
      byte[] altered = ascii(reencrypted);
      assertThat(Digests.sha256Hex(altered)).isNotEqualTo(sent.sha256());
      VerifiedMessage atB = EnvelopeOpener.builder(NET.keys(B), NET.directory(), ReplayGuard.inMemoryNotSurvivingRestart()).clock(clockAt(NOW)).build()
          .open(altered);
      assertThat(atB.signedSha256()).isEqualTo(sent.signedSha256());
      byte[] receipt = Receipts.issue(atB, NET.keys(B), clockAt(NOW)).jws();
      ReceiptVerifier verifier = ReceiptVerifier.builder(NET.directory()).clock(clockAt(NOW)).build();
      assertThat(verifier.verify(receipt, delivery).receipt().envelopeSha256()).isEqualTo(sent.signedSha256());
      // What the receipt used to name, the outer bytes, no longer verifies as the delivery's digest.
      assertRejected(ErrorCode.RECEIPT_INVALID, () -> verifier.verify(receipt, new ReceiptVerifier.Delivery(
          m.header().messageId(), sent.sha256(), B, m.header().createdAt())));
    }
  }

  /** Finding 5: the directory's bilateral policy is enforced when sealing and when opening. */
  @Nested
  class BilateralPolicy_ {
    /** The same seeded keys as {@code NET}, with A–B limited to alerts and A–C to alerts in Bulgarian. */
    private final InsecureDevelopmentNetwork policed = InsecureDevelopmentNetwork.builder("PCCC-ATTACKS")
        .insecureSeed(2026_11_30L)
        .issuedAt(Instant.parse("2026-11-01T00:00:00Z"))
        .centre(A, "RS")
        .centre(B, "MK")
        .centre(C, "BG")
        .policy(new BilateralPolicy(A, B, List.of(MessageKind.ALERT), List.of()))
        .policy(new BilateralPolicy(A, C, List.of(MessageKind.ALERT), List.of(Language.of("bg"))))
        .build();

    private EnvelopeSealer policedSealer() {
      return EnvelopeSealer.builder(policed.keys(A), policed.directory()).clock(clockAt(NOW)).build();
    }

    private EnvelopeOpener policedOpener(String centre) {
      return EnvelopeOpener.builder(policed.keys(centre), policed.directory(), ReplayGuard.inMemoryNotSurvivingRestart()).clock(clockAt(NOW)).build();
    }

    @Test
    void theTwoNetworksShareKeysSoOnlyThePolicyDiffers() {
      assertThat(policed.keys(A).signing().x5tS256()).isEqualTo(NET.keys(A).signing().x5tS256());
      assertThat(policed.keys(B).encryption().kid()).isEqualTo(NET.keys(B).encryption().kid());
    }

    @Test
    void informationRequestOnAnAlertsOnlyPairIsRefusedWhenSealing() {
      Message request = message(REQUEST, NOW, A, B);
      assertRejected(ErrorCode.POLICY_VIOLATION, () -> policedSealer().seal(request));
      Message alert = message(ALERT, NOW, A, B);
      assertThat(policedOpener(B).open(policedSealer().seal(alert).bytes()).message()).isEqualTo(alert);
    }

    @Test
    void informationRequestOnAnAlertsOnlyPairIsRefusedWhenOpening() {
      // Sealed by a sender that ignores the policy (here: the same keys under a directory without it).
      Message request = message(REQUEST, NOW, A, B);
      byte[] envelope = sealerAt(A, NOW).seal(request).bytes();
      assertRejected(ErrorCode.POLICY_VIOLATION, () -> policedOpener(B).open(envelope));
      Message alert = message(ALERT, NOW, A, B);
      assertThat(policedOpener(B).open(sealerAt(A, NOW).seal(alert).bytes()).message()).isEqualTo(alert);
    }

    @Test
    void aLanguageOutsideThePairsPolicyIsRefused() {
      Message serbian = message(ALERT, NOW, A, C);
      assertThat(serbian.header().language().code()).isEqualTo("sr");
      assertRejected(ErrorCode.POLICY_VIOLATION, () -> policedSealer().seal(serbian));
      assertRejected(ErrorCode.POLICY_VIOLATION, () -> policedOpener(C).open(sealerAt(A, NOW).seal(serbian).bytes()));
      Message bulgarian = Message.of(serbian.header().toBuilder().language("bg").build(), serbian.body());
      assertThat(policedOpener(C).open(policedSealer().seal(bulgarian).bytes()).message()).isEqualTo(bulgarian);
    }

    @Test
    void receiptsAreAlwaysAllowedOnAPolicedPair() {
      Message alert = message(ALERT, NOW, A, B);
      SealedEnvelope sent = policedSealer().seal(alert);
      VerifiedMessage atB = policedOpener(B).open(sent.bytes());
      byte[] receipt = Receipts.issue(atB, policed.keys(B), clockAt(NOW)).jws();
      assertThat(ReceiptVerifier.builder(policed.directory()).clock(clockAt(NOW)).build().verify(receipt,
          new ReceiptVerifier.Delivery(alert.header().messageId(), sent.signedSha256(), B, NOW)).receiverCentre())
          .isEqualTo(B);
    }
  }

  /** Finding 9: rollback across restarts, expiry and another network's directory. */
  @Nested
  class DirectoryFreshness {
    @TempDir Path temp;

    @Test
    void oldSignedDirectoryIsRefusedAfterARestart() throws Exception {
      Path file = temp.resolve("directory-serial");
      String network = NET.directory().directory().networkId();
      byte[] five = signed(base(network, 5, NOW.minus(Duration.ofDays(1)), null));
      byte[] four = signed(base(network, 4, NOW.minus(Duration.ofDays(2)), null));
      byte[] six = signed(base(network, 6, NOW, null));
      assertThat(verifierBuilder().build().verify(five, DirectorySerialFile.at(file)).serial()).isEqualTo(5);
      assertThat(Files.readString(file)).isEqualTo(network + " 5\n");

      // A restart: a new verifier and a new handle on the same file.
      DirectorySerialFile afterRestart = DirectorySerialFile.at(file);
      assertRejected(ErrorCode.DIRECTORY_ROLLBACK, () -> verifierBuilder().build().verify(four, afterRestart));
      assertThat(verifierBuilder().build().verify(five, afterRestart).serial()).isEqualTo(5);
      assertThat(verifierBuilder().build().verify(six, afterRestart).serial()).isEqualTo(6);
      assertThat(afterRestart.highest(network)).isEqualTo(6);
    }

    @Test
    void aStateFileOfAnotherNetworkOrGarbageIsAConfigurationErrorNotZero() throws Exception {
      Path file = temp.resolve("directory-serial");
      Files.writeString(file, "SEE-PCCC-TEST 9\n");
      byte[] genuine = signed(base(NET.directory().directory().networkId(), 5, NOW, null));
      Throwable thrown = catchThrowable(() -> verifierBuilder().build().verify(genuine, DirectorySerialFile.at(file)));
      assertThat(((CryptoException) thrown).errorCode()).isEqualTo(ErrorCode.DIRECTORY_STATE_UNUSABLE);
      Files.writeString(file, "garbage");
      thrown = catchThrowable(() -> verifierBuilder().build().verify(genuine, DirectorySerialFile.at(file)));
      assertThat(((CryptoException) thrown).errorCode()).isEqualTo(ErrorCode.DIRECTORY_STATE_UNUSABLE);
    }

    @Test
    void anExpiredDirectoryIsRefused() {
      String network = NET.directory().directory().networkId();
      byte[] expired = signed(base(network, 3, NOW.minus(Duration.ofDays(40)), NOW.minus(Duration.ofSeconds(1))));
      assertRejected(ErrorCode.DIRECTORY_EXPIRED, () -> verifierBuilder().build().verify(expired, 0));
      byte[] tooOld = signed(base(network, 3, NOW.minus(DirectoryVerifier.DEFAULT_MAX_AGE).minusSeconds(1), null));
      assertRejected(ErrorCode.DIRECTORY_EXPIRED, () -> verifierBuilder().build().verify(tooOld, 0));
      byte[] fresh = signed(base(network, 3, NOW.minus(Duration.ofDays(40)), NOW.plus(Duration.ofDays(1))));
      assertThat(verifierBuilder().build().verify(fresh, 0).directory().expiry()).contains(NOW.plus(Duration.ofDays(1)));
    }

    @Test
    void aTestNetworksDirectoryIsRefusedInProduction() {
      byte[] test = signed(base("SEE-PCCC-TEST", 7, NOW, null));
      assertRejected(ErrorCode.DIRECTORY_WRONG_NETWORK, () -> verifierBuilder().build().verify(test, 0));
      byte[] production = signed(base(NET.directory().directory().networkId(), 7, NOW, null));
      assertThat(verifierBuilder().build().verify(production, 0).serial()).isEqualTo(7);
    }
  }

  /** Finding 11: the configured validator also guards recipients' encryption certificates when sealing. */
  @Nested
  class RecipientCertificates {
    @Test
    void sealingToARevokedEncryptionCertificateIsRefused() {
      CertificateValidator validator = validatorRevoking(NET.keys(B).encryption().certificate());
      EnvelopeSealer a = EnvelopeSealer.builder(NET.keys(A), NET.directory()).clock(clockAt(NOW))
          .certificateValidator(validator).build();
      Throwable thrown = catchThrowable(() -> a.seal(message(ALERT, NOW, A, B)));
      assertThat(thrown).isInstanceOf(CryptoConfigurationException.class);
      assertThat(((CryptoException) thrown).errorCode()).isEqualTo(ErrorCode.RECIPIENT_CERTIFICATE_REJECTED);
      assertThat(((CryptoException) thrown).code()).isEqualTo("PCCC-2903");
      Message toC = message(ALERT, NOW, A, C);
      assertThat(EnvelopeOpener.builder(NET.keys(C), NET.directory(), ReplayGuard.inMemoryNotSurvivingRestart()).clock(clockAt(NOW)).build()
          .open(a.seal(toC).bytes()).message()).isEqualTo(toC);
    }
  }
}
