package org.pccc.transport.https;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pccc.transport.https.TestCentres.Centre;
import org.pccc.transport.spi.Listener;
import org.pccc.transport.spi.OutboundEnvelope;
import org.pccc.transport.spi.Transport;
import org.pccc.transport.spi.TransportException;
import org.pccc.transport.spi.Transports;

class HttpsTransportProviderTest {
  private static final Centre A = TestCentres.ed25519("PCCC-A");
  private static final Centre B = TestCentres.ed25519("PCCC-B");

  @TempDir Path dir;

  private Map<String, String> settings(Centre self, Centre peer) throws Exception {
    Map<String, String> s = new HashMap<>();
    s.put(HttpsTransportProvider.KEYSTORE,
        TlsConfigTest.pkcs12(dir.resolve(self.id() + ".p12"), "secret".toCharArray(), self).toString());
    s.put(HttpsTransportProvider.KEYSTORE_PASSWORD, "secret");
    s.put(HttpsTransportProvider.TRUSTSTORE,
        Files.writeString(dir.resolve(self.id() + "-peers.pem"), TlsConfigTest.pem(peer.certificate())).toString());
    return s;
  }

  @Test
  void transportsMadeFromKeyStoreFilesTalkToEachOther() throws Exception {
    HttpsTransportProvider provider = new HttpsTransportProvider();
    Map<String, String> bSettings = settings(B, A);
    bSettings.put(HttpsTransportProvider.WORKER_THREADS, "2");
    bSettings.put(HttpsTransportProvider.READ_TIMEOUT_MILLIS, "5000");
    AtomicInteger received = new AtomicInteger();

    try (Transport a = provider.create(settings(A, B));
        Transport b = provider.create(bSettings);
        Listener inbox = b.listen(URI.create("https://127.0.0.1:0"), e -> {
          received.incrementAndGet();
          return CompletableFuture.completedFuture(null);
        })) {
      a.deliver(inbox.endpoint(), new OutboundEnvelope(
          new byte[] {1}, UUID.randomUUID(), UUID.randomUUID(), "alert", "PCCC-A", "PCCC-B")).get(30, SECONDS);
    }

    assertThat(provider.scheme()).isEqualTo("https");
    assertThat(received).hasValue(1);
  }

  @Test
  void aMissingOrWrongSettingIsNamed() throws Exception {
    HttpsTransportProvider provider = new HttpsTransportProvider();
    Map<String, String> noKeyStore = settings(A, B);
    noKeyStore.remove(HttpsTransportProvider.KEYSTORE);
    Map<String, String> badNumber = settings(A, B);
    badNumber.put(HttpsTransportProvider.MAX_ENVELOPE_BYTES, "lots");
    Map<String, String> badValue = settings(A, B);
    badValue.put(HttpsTransportProvider.WORKER_THREADS, "0");
    Map<String, String> badDuration = settings(A, B);
    badDuration.put(HttpsTransportProvider.BODY_TIMEOUT, "60");

    assertThatThrownBy(() -> provider.create(Map.of()))
        .isInstanceOfSatisfying(TransportException.class, e -> {
          assertThat(e.code()).isEqualTo(TransportException.NO_TRANSPORT);
          assertThat(e.getMessage()).contains(HttpsTransportProvider.TRUSTSTORE);
        });
    assertThatThrownBy(() -> provider.create(noKeyStore)).hasMessageContaining(HttpsTransportProvider.KEYSTORE);
    assertThatThrownBy(() -> provider.create(badNumber)).hasMessageContaining(HttpsTransportProvider.MAX_ENVELOPE_BYTES);
    assertThatThrownBy(() -> provider.create(badValue)).hasMessageContaining("workerThreads");
    assertThatThrownBy(() -> provider.create(badDuration)).hasMessageContaining(HttpsTransportProvider.BODY_TIMEOUT);
  }

  @Test
  void anExplicitInstanceIsChosenForHttpsEndpoints() throws Exception {
    try (HttpsTransport transport = HttpsTransport.create(A.tlsTrusting(B))) {
      Transport chosen = Transports.choose(URI.create("HTTPS://pccc-b.example:8443"), List.of(transport),
          getClass().getClassLoader(), Map.of());

      assertThat(chosen).isSameAs(transport);
    }
  }
}
