package org.pccc.transport.https;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.pccc.transport.spi.InboundEnvelope;
import org.pccc.transport.spi.InboundHandler;
import org.pccc.transport.spi.TransportException;

/** The request handling on its own, as a host application would call it. */
class EnvelopeEndpointTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<InboundEnvelope> received = new CopyOnWriteArrayList<>();
  private final InboundHandler accepting = envelope -> {
    received.add(envelope);
    return CompletableFuture.completedFuture(null);
  };

  /** Headers as a servlet request would give them: case-insensitive, null when absent. */
  private static Function<String, String> headers(String... namesAndValues) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put(namesAndValues[i].toLowerCase(Locale.ROOT), namesAndValues[i + 1]);
    }
    return name -> map.get(name.toLowerCase(Locale.ROOT));
  }

  private static Function<String, String> envelopeHeaders(int length) {
    return headers("Content-Type", EnvelopeEndpoint.MEDIA_TYPE, "Content-Length", Integer.toString(length));
  }

  private static Function<String, String> chunkedHeaders() {
    return headers("Content-Type", EnvelopeEndpoint.MEDIA_TYPE);
  }

  private static InputStream body(byte[] bytes) {
    return new ByteArrayInputStream(bytes);
  }

  private static JsonNode json(EnvelopeEndpoint.Response response) throws IOException {
    assertThat(response.header("content-type")).isEqualTo("application/json");
    return JSON.readTree(response.body());
  }

  @Test
  void acceptsAnEnvelopeAndPassesTheRoutingHeadersOn() throws IOException {
    EnvelopeEndpoint endpoint = EnvelopeEndpoint.create(accepting);
    byte[] bytes = "{\"ciphertext\":\"abc\"}".getBytes(StandardCharsets.UTF_8);
    UUID id = UUID.randomUUID();

    EnvelopeEndpoint.Response response = endpoint.handle("POST", headers(
        "Content-Type", "Application/PCCC-Envelope+JSON; charset=utf-8",
        "Content-Length", Integer.toString(bytes.length),
        "Pccc-Message-Id", id.toString(),
        "Pccc-Kind", " reply ",
        "Pccc-Sender", "PCCC-MK-GR-01"), body(bytes));

    assertThat(response.status()).isEqualTo(202);
    assertThat(response.body()).isEmpty();
    assertThat(received).singleElement().satisfies(e -> {
      assertThat(e.bytes()).isEqualTo(bytes);
      assertThat(e.metadata()).isEqualTo(Map.of(
          "messageId", id.toString(), "kind", "reply", "senderCentre", "PCCC-MK-GR-01"));
    });
  }

  @Test
  void malformedRoutingHeadersAreDroppedNotTrusted() throws IOException {
    EnvelopeEndpoint endpoint = EnvelopeEndpoint.create(accepting);

    EnvelopeEndpoint.Response response = endpoint.handle("POST", headers(
        "Content-Type", EnvelopeEndpoint.MEDIA_TYPE,
        "Pccc-Message-Id", "not-a-uuid",
        "Pccc-Kind", "two words",
        "Pccc-Sender", "x".repeat(129)), body(new byte[] {1}));

    assertThat(response.status()).isEqualTo(202);
    assertThat(received).singleElement().satisfies(e -> assertThat(e.metadata()).isEmpty());
  }

  @Test
  void onlyPostIsAllowed() throws IOException {
    EnvelopeEndpoint endpoint = EnvelopeEndpoint.create(accepting);

    for (String method : List.of("GET", "PUT", "DELETE", "HEAD", "post")) {
      EnvelopeEndpoint.Response response = endpoint.handle(method, envelopeHeaders(1), body(new byte[] {1}));
      assertThat(response.status()).as(method).isEqualTo(405);
      assertThat(response.header("Allow")).isEqualTo("POST");
    }
    assertThat(received).isEmpty();
  }

  @Test
  void onlyTheEnvelopeMediaTypeIsAccepted() throws IOException {
    EnvelopeEndpoint endpoint = EnvelopeEndpoint.create(accepting);

    for (String type : new String[] {null, "application/json", "text/plain", "application/pccc-envelope+jsonx"}) {
      Function<String, String> h = type == null ? headers() : headers("Content-Type", type);
      EnvelopeEndpoint.Response response = endpoint.handle("POST", h, body(new byte[] {1}));
      assertThat(response.status()).as(String.valueOf(type)).isEqualTo(415);
      assertThat(json(response).get("code").asText()).isEqualTo(TransportException.REJECTED);
    }
    assertThat(received).isEmpty();
  }

  @Test
  void aBodyOfExactlyTheLimitIsAcceptedAndOneByteMoreIsNot() throws IOException {
    EnvelopeEndpoint endpoint = EnvelopeEndpoint.builder(accepting).maxEnvelopeBytes(1000).build();

    assertThat(endpoint.handle("POST", envelopeHeaders(1000), body(new byte[1000])).status()).isEqualTo(202);
    assertThat(endpoint.handle("POST", chunkedHeaders(), body(new byte[1000])).status()).isEqualTo(202);
    EnvelopeEndpoint.Response declared = endpoint.handle("POST", envelopeHeaders(1001), body(new byte[1001]));
    EnvelopeEndpoint.Response chunked = endpoint.handle("POST", chunkedHeaders(), body(new byte[1001]));

    for (EnvelopeEndpoint.Response r : List.of(declared, chunked)) {
      assertThat(r.status()).isEqualTo(413);
      JsonNode error = json(r);
      assertThat(error.get("code").asText()).isEqualTo("PCCC-3002");
      assertThat(error.get("message").asText()).isEqualTo("envelope too large");
    }
    assertThat(received).hasSize(2);
  }

  @Test
  void aTooLargeBodyIsDrainedUpToTheLimitAgainThenTheConnectionIsClosed() throws IOException {
    EnvelopeEndpoint endpoint = EnvelopeEndpoint.builder(accepting).maxEnvelopeBytes(1000).build();
    CountingStream drainable = new CountingStream(new byte[1900]);
    CountingStream endless = new CountingStream(new byte[50_000]);

    EnvelopeEndpoint.Response drained = endpoint.handle("POST", chunkedHeaders(), drainable);
    EnvelopeEndpoint.Response notDrained = endpoint.handle("POST", chunkedHeaders(), endless);
    EnvelopeEndpoint.Response declaredHuge = endpoint.handle("POST", envelopeHeaders(50_000), new CountingStream(new byte[0]));

    assertThat(drained.status()).isEqualTo(413);
    assertThat(drained.header("Connection")).isNull();
    assertThat(drainable.read).isEqualTo(1900);
    assertThat(notDrained.status()).isEqualTo(413);
    assertThat(notDrained.header("Connection")).isEqualTo("close");
    assertThat(endless.read).isLessThanOrEqualTo(2002);
    assertThat(declaredHuge.status()).isEqualTo(413);
    assertThat(declaredHuge.header("Connection")).isEqualTo("close");
    assertThat(received).isEmpty();
  }

  @Test
  void aBodyThatDisagreesWithItsContentLengthIsRejected() throws IOException {
    EnvelopeEndpoint endpoint = EnvelopeEndpoint.create(accepting);

    EnvelopeEndpoint.Response shorter = endpoint.handle("POST", envelopeHeaders(10), body(new byte[5]));
    EnvelopeEndpoint.Response longer = endpoint.handle("POST", envelopeHeaders(10), body(new byte[11]));

    assertThat(shorter.status()).isEqualTo(400);
    assertThat(longer.status()).isEqualTo(400);
    assertThat(received).isEmpty();
  }

  @Test
  void aNonRetryableHandlerFailureIsA400WithItsCodeAndMessage() throws IOException {
    EnvelopeEndpoint endpoint = EnvelopeEndpoint.create(envelope -> CompletableFuture.failedFuture(
        new TransportException("PCCC-2001", "not a JWE \"general\" serialization\n", false)));

    EnvelopeEndpoint.Response response = endpoint.handle("POST", envelopeHeaders(1), body(new byte[] {1}));

    assertThat(response.status()).isEqualTo(400);
    JsonNode error = json(response);
    assertThat(error.get("code").asText()).isEqualTo("PCCC-2001");
    assertThat(error.get("message").asText()).isEqualTo("not a JWE \"general\" serialization\n");
  }

  @Test
  void aRetryableHandlerFailureIsA503WithRetryAfter() throws IOException {
    EnvelopeEndpoint endpoint = EnvelopeEndpoint.builder(envelope -> CompletableFuture.failedFuture(
        new TransportException(TransportException.UNAVAILABLE, "disk full", true))).retryAfterSeconds(9).build();

    EnvelopeEndpoint.Response response = endpoint.handle("POST", envelopeHeaders(1), body(new byte[] {1}));

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.header("Retry-After")).isEqualTo("9");
    assertThat(json(response).get("code").asText()).isEqualTo(TransportException.UNAVAILABLE);
  }

  @Test
  void anyOtherHandlerFailureIsA500ThatEchoesNothing() throws IOException {
    List<InboundHandler> broken = List.of(
        envelope -> CompletableFuture.failedFuture(new IllegalStateException("Name: Jane Doe")),
        envelope -> {
          throw new IllegalStateException("Name: Jane Doe");
        },
        envelope -> null);

    for (InboundHandler handler : broken) {
      EnvelopeEndpoint.Response response = EnvelopeEndpoint.create(handler)
          .handle("POST", envelopeHeaders(1), body(new byte[] {1}));
      assertThat(response.status()).isEqualTo(500);
      assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain("Jane");
    }
  }

  @Test
  void aHandlerThatDoesNotCommitInTimeIsA503() throws IOException {
    EnvelopeEndpoint endpoint = EnvelopeEndpoint.builder(envelope -> new CompletableFuture<>())
        .handlerTimeout(java.time.Duration.ofMillis(50)).build();

    EnvelopeEndpoint.Response response = endpoint.handle("POST", envelopeHeaders(1), body(new byte[] {1}));

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.header("Retry-After")).isEqualTo("5");
  }

  @Test
  void handleAsyncServesHostsThatReadTheBodyThemselves() throws Exception {
    EnvelopeEndpoint endpoint = EnvelopeEndpoint.builder(accepting).maxEnvelopeBytes(10).build();

    EnvelopeEndpoint.Response ok = endpoint.handleAsync("POST", chunkedHeaders(), new byte[10]).get(10, TimeUnit.SECONDS);
    EnvelopeEndpoint.Response large = endpoint.handleAsync("POST", chunkedHeaders(), new byte[11]).get(10, TimeUnit.SECONDS);
    EnvelopeEndpoint.Response get = endpoint.handleAsync("GET", chunkedHeaders(), new byte[1]).get(10, TimeUnit.SECONDS);

    assertThat(ok.status()).isEqualTo(202);
    assertThat(large.status()).isEqualTo(413);
    assertThat(get.status()).isEqualTo(405);
    assertThat(received).hasSize(1);
  }

  /** Counts what was read; returns short reads, as sockets do. */
  private static final class CountingStream extends InputStream {
    private final byte[] data;
    int read;

    CountingStream(byte[] data) {
      this.data = data;
    }

    @Override
    public int read() {
      return read < data.length ? data[read++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (read >= data.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, 700), data.length - read);
      System.arraycopy(data, read, b, off, n);
      read += n;
      return n;
    }
  }
}
