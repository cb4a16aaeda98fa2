package org.pccc.transport.https;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigInteger;
import java.net.URI;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pccc.crypto.InsecureDevelopmentNetwork;
import org.pccc.crypto.pki.CertificateValidator;
import org.pccc.crypto.pki.CertificateValidator.RevocationChecking;
import org.pccc.crypto.pki.RevokedCertificate;
import org.pccc.transport.spi.InboundEnvelope;
import org.pccc.transport.spi.Listener;
import org.pccc.transport.spi.OutboundEnvelope;
import org.pccc.transport.spi.TransportException;

/**
 * Issue 14, finding 11: the node's certificate validator (PKIX and CRLs) applies to TLS peers too.
 * B's signing key was revoked by its CA yesterday; the directory still lists it.
 */
@Timeout(value = 120, unit = SECONDS)
class HttpsPeerValidationTest {
  private static final String A = "MK-RS-TABANOVCE";
  private static final String B = "RS-BA-SREMSKA-RACA";
  private static final String C = "BA-HR-GRADISKA";
  // Real clock throughout: the handshake judges certificates at the time it runs.
  private static final InsecureDevelopmentNetwork NET = InsecureDevelopmentNetwork.builder("SEE-PEER-PKIX")
      .insecureSeed(78).clock(Clock.systemUTC())
      .centre(A, "MK").centre(B, "RS").centre(C, "BA")
      .build();
  private static final URI LOOPBACK = URI.create("https://127.0.0.1:0/pccc/v1/envelopes");

  private final Deque<AutoCloseable> toClose = new ArrayDeque<>();

  @AfterEach
  void closeAll() throws Exception {
    while (!toClose.isEmpty()) {
      toClose.pop().close();
    }
  }

  /** A validator over the network's roots with a CRL per country, revoking the given certificates. */
  private static CertificateValidator validatorRevoking(X509Certificate... revoked) {
    Instant now = Instant.now();
    List<X509CRL> crls = new ArrayList<>();
    BigInteger number = BigInteger.ONE;
    for (String country : NET.pki().countryCodes()) {
      List<RevokedCertificate> list = new ArrayList<>();
      for (X509Certificate c : revoked) {
        if (c.getIssuerX500Principal().equals(NET.pki().authority(country).certificate().getSubjectX500Principal())) {
          list.add(RevokedCertificate.of(c, now.minus(Duration.ofDays(1))));
        }
      }
      crls.add(NET.pki().authority(country).issueCrl(number, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(7)),
          list));
      number = number.add(BigInteger.ONE);
    }
    return CertificateValidator.builder().trustAnchors(NET.pki().rootCertificates()).crls(crls)
        .revocationChecking(RevocationChecking.CRL_REQUIRED).build();
  }

  private HttpsTransport transport(TlsConfig tls) {
    HttpsTransport t = HttpsTransport.builder(tls).requestTimeout(Duration.ofSeconds(20)).build();
    toClose.push(t);
    return t;
  }

  private Listener listen(String centre, List<InboundEnvelope> inbox) {
    Listener l = transport(TlsConfig.forCentre(NET.keys(centre), NET.directory()))
        .listen(LOOPBACK, envelope -> {
          inbox.add(envelope);
          return CompletableFuture.completedFuture(null);
        });
    toClose.push(l);
    return l;
  }

  private static OutboundEnvelope to(String recipient, byte b) {
    return new OutboundEnvelope(new byte[] {b}, UUID.randomUUID(), UUID.randomUUID(), "alert", A, recipient);
  }

  @Test
  void aServerWhoseKeyItsCaRevokedCannotTakeDeliveriesWhileTheDirectoryStillListsIt() throws Exception {
    List<InboundEnvelope> atB = new CopyOnWriteArrayList<>();
    List<InboundEnvelope> atC = new CopyOnWriteArrayList<>();
    Listener revokedB = listen(B, atB);
    Listener genuineC = listen(C, atC);
    HttpsTransport sender = transport(TlsConfig.forCentre(NET.keys(A), NET.directory(),
        validatorRevoking(NET.keys(B).signing().certificate())));

    Throwable refused = catchThrowable(() -> sender.deliver(revokedB.endpoint(), to(B, (byte) 1)).get(30, SECONDS));

    assertThat(refused).isInstanceOf(ExecutionException.class);
    assertThat(refused.getCause()).isInstanceOfSatisfying(TransportException.class,
        e -> {
          assertThat(e.code()).isEqualTo(TransportException.UNAVAILABLE);
          assertThat(e.retryable()).as("a rotation may fix it: kept for a retry, never sent").isTrue();
        });
    assertThat(atB).isEmpty();
    sender.deliver(genuineC.endpoint(), to(C, (byte) 2)).get(30, SECONDS);
    assertThat(atC).singleElement().satisfies(e -> assertThat(e.bytes()).containsExactly(2));
  }

  @Test
  void aClientWhoseKeyItsCaRevokedCannotDeliverToAServerWithTheValidator() throws Exception {
    List<InboundEnvelope> atA = new CopyOnWriteArrayList<>();
    Listener guarded = transport(TlsConfig.forCentre(NET.keys(A), NET.directory(),
        validatorRevoking(NET.keys(B).signing().certificate())))
        .listen(LOOPBACK, envelope -> {
          atA.add(envelope);
          return CompletableFuture.completedFuture(null);
        });
    toClose.push(guarded);
    HttpsTransport fromB = transport(TlsConfig.forCentre(NET.keys(B), NET.directory()));
    HttpsTransport fromC = transport(TlsConfig.forCentre(NET.keys(C), NET.directory()));
    OutboundEnvelope envelopeFromB = new OutboundEnvelope(new byte[] {3}, UUID.randomUUID(), UUID.randomUUID(),
        "alert", B, A);
    OutboundEnvelope envelopeFromC = new OutboundEnvelope(new byte[] {4}, UUID.randomUUID(), UUID.randomUUID(),
        "alert", C, A);

    Throwable refused = catchThrowable(() -> fromB.deliver(guarded.endpoint(), envelopeFromB).get(30, SECONDS));

    // Under TLS 1.3 the server refuses the client's certificate after the client's side of the
    // handshake: the sender sees the connection fail, and keeps the delivery for a retry.
    assertThat(refused).isInstanceOf(ExecutionException.class).cause()
        .isInstanceOfSatisfying(TransportException.class, e -> {
          assertThat(e.code()).isEqualTo(TransportException.UNAVAILABLE);
          assertThat(e.retryable()).isTrue();
        });
    assertThat(atA).isEmpty();
    fromC.deliver(guarded.endpoint(), envelopeFromC).get(30, SECONDS);
    assertThat(atA).singleElement().satisfies(e -> {
      assertThat(e.bytes()).containsExactly(4);
      assertThat(e.metadata()).containsEntry(InboundEnvelope.AUTHENTICATED_PEER_CENTRE, C);
    });
  }
}
