package org.pccc.transport.https;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.pccc.transport.spi.InboundEnvelope;

/** Properties of what goes over the wire: bodies, error JSON, Retry-After. */
class HttpsWireProperties {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int LIMIT = 4096;

  private static Function<String, String> headers(boolean declareLength, int length) {
    return name -> switch (name) {
      case "Content-Type" -> EnvelopeEndpoint.MEDIA_TYPE;
      case "Content-Length" -> declareLength ? Integer.toString(length) : null;
      default -> null;
    };
  }

  @Property(tries = 200)
  void anyBodyWithinTheLimitArrivesIntactHoweverItIsChunked(
      @ForAll @Size(max = LIMIT) byte[] body,
      @ForAll boolean declareLength,
      @ForAll @IntRange(min = 1, max = 1500) int readSize) throws IOException {
    List<InboundEnvelope> received = new CopyOnWriteArrayList<>();
    EnvelopeEndpoint endpoint = EnvelopeEndpoint.builder(e -> {
      received.add(e);
      return CompletableFuture.completedFuture(null);
    }).maxEnvelopeBytes(LIMIT).build();

    EnvelopeEndpoint.Response response = endpoint.handle(
        "POST", headers(declareLength, body.length), new ShortReads(body, readSize));

    assertThat(response.status()).isEqualTo(202);
    assertThat(received).singleElement().satisfies(e -> assertThat(e.bytes()).isEqualTo(body));
  }

  @Property(tries = 100)
  void anyBodyOverTheLimitIsRefusedAndNeverHandedOver(
      @ForAll @IntRange(min = LIMIT + 1, max = 4 * LIMIT) int size,
      @ForAll boolean declareLength,
      @ForAll @IntRange(min = 1, max = 1500) int readSize) throws IOException {
    List<InboundEnvelope> received = new CopyOnWriteArrayList<>();
    EnvelopeEndpoint endpoint = EnvelopeEndpoint.builder(e -> {
      received.add(e);
      return CompletableFuture.completedFuture(null);
    }).maxEnvelopeBytes(LIMIT).build();

    EnvelopeEndpoint.Response response = endpoint.handle(
        "POST", headers(declareLength, size), new ShortReads(new byte[size], readSize));

    assertThat(response.status()).isEqualTo(413);
    assertThat(ErrorJson.code(response.body())).hasValue("PCCC-3002");
    assertThat(received).isEmpty();
  }

  @Provide
  Arbitrary<String> codes() {
    return Arbitraries.integers().between(0, 9999).map(n -> String.format("PCCC-%04d", n));
  }

  @Property(tries = 300)
  void errorJsonIsValidJsonAndTheClientFindsTheCode(
      @ForAll("codes") String code, @ForAll String message) throws IOException {
    byte[] body = ErrorJson.write(code, message);

    JsonNode parsed = JSON.readTree(body);
    assertThat(parsed.get("code").asText()).isEqualTo(code);
    assertThat(parsed.get("message").asText()).isEqualTo(message);
    assertThat(ErrorJson.code(body)).hasValue(code);
  }

  @Property(tries = 300)
  void theClientTakesNothingButACodeFromAnErrorBody(@ForAll byte[] body, @ForAll String text) {
    for (byte[] candidate : List.of(body, text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        ("{\"code\":" + ErrorJson.quote(text) + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
      Optional<String> code = ErrorJson.code(candidate);
      code.ifPresent(c -> assertThat(c).matches("PCCC-[0-9]{4}"));
    }
  }

  @Property(tries = 200)
  void retryAfterSecondsAreKeptUpToADay(@ForAll @LongRange(min = 0, max = 9_999_999_999L) long seconds) {
    Optional<Duration> parsed = RetryAfter.parse(Long.toString(seconds), Instant.now());

    assertThat(parsed).hasValue(Duration.ofSeconds(Math.min(seconds, Duration.ofDays(1).getSeconds())));
  }

  @Property(tries = 200)
  void retryAfterDatesBecomeTheWaitUntilThen(@ForAll @IntRange(min = -100_000, max = 200_000) int offsetSeconds) {
    Instant now = Instant.parse("2026-03-01T12:00:00Z");
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(offsetSeconds).atOffset(ZoneOffset.UTC));

    Duration wait = RetryAfter.parse(date, now).orElseThrow();

    assertThat(wait).isEqualTo(Duration.ofSeconds(Math.max(0, Math.min(offsetSeconds, 86_400))));
  }

  @Property(tries = 300)
  void anyOtherRetryAfterIsAWaitOfAtMostADayOrNothing(@ForAll String value) {
    Optional<Duration> parsed = RetryAfter.parse(value, Instant.now());

    parsed.ifPresent(d -> assertThat(d).isBetween(Duration.ZERO, Duration.ofDays(1)));
  }

  @Property(tries = 200)
  void routingValuesAreTokensOrLeftOut(@ForAll String value) {
    boolean token = EnvelopeEndpoint.isToken(value);

    assertThat(token).isEqualTo(!value.isEmpty() && value.length() <= 128
        && value.chars().allMatch(c -> c > 0x20 && c < 0x7f));
    Map<String, String> metadata = EnvelopeEndpoint.create(e -> CompletableFuture.completedFuture(null))
        .envelope(new byte[0], name -> EnvelopeEndpoint.KIND_HEADER.equals(name) ? value : null, null).metadata();
    assertThat(metadata.containsKey(EnvelopeEndpoint.METADATA_KIND)).isEqualTo(EnvelopeEndpoint.isToken(value.trim()));
  }

  /** Hands out at most {@code readSize} bytes per read, as a socket may. */
  private static final class ShortReads extends InputStream {
    private final byte[] data;
    private final int readSize;
    private int position;

    ShortReads(byte[] data, int readSize) {
      this.data = data;
      this.readSize = readSize;
    }

    @Override
    public int read() {
      return position < data.length ? data[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (position >= data.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, readSize), data.length - position);
      System.arraycopy(data, position, b, off, n);
      position += n;
      return n;
    }
  }
}
