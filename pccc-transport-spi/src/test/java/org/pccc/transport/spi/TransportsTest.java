package org.pccc.transport.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pccc.transport.spi.TestTransports.FirstDuplicateProvider;
import org.pccc.transport.spi.TestTransports.OneProvider;
import org.pccc.transport.spi.TestTransports.SecondDuplicateProvider;
import org.pccc.transport.spi.TestTransports.StubTransport;

/** Deterministic discovery: explicit instance, then exactly one provider, else a clear error. */
class TransportsTest {

  private final ClassLoader loader = getClass().getClassLoader();

  @Test
  void anExplicitInstanceWinsOverAProvider() {
    Transport explicit = new StubTransport("tck-one", "the caller", Map.of());
    Transport chosen = Transports.choose(URI.create("tck-one:somewhere"), List.of(explicit), loader, Map.of());
    assertThat(chosen).isSameAs(explicit);
  }

  @Test
  void anExplicitInstanceOfAnotherSchemeIsPassedOver() {
    Transport other = new StubTransport("tck-other", "the caller", Map.of());
    Transport chosen = Transports.choose(URI.create("tck-one:somewhere"), List.of(other), loader, Map.of());
    assertThat(chosen).isInstanceOfSatisfying(StubTransport.class,
        t -> assertThat(t.madeBy()).isEqualTo(OneProvider.class.getName()));
  }

  @Test
  void exactlyOneProviderIsFoundAndGivenTheSettings() {
    Map<String, String> settings = Map.of("timeoutMillis", "250");
    Transport chosen = Transports.choose(URI.create("TCK-ONE:somewhere"), List.of(), loader, settings);
    assertThat(chosen).isInstanceOfSatisfying(StubTransport.class, t -> {
      assertThat(t.madeBy()).isEqualTo(OneProvider.class.getName());
      assertThat(t.settings()).isEqualTo(settings);
    });
  }

  @Test
  void missingSettingsReachTheProviderAsAnEmptyMap() {
    Transport chosen = Transports.choose(URI.create("tck-one:somewhere"), List.of(), loader, null);
    assertThat(((StubTransport) chosen).settings()).isEmpty();
  }

  @Test
  void noProviderIsNoTransport() {
    TransportException e = catchThrowableOfType(TransportException.class,
        () -> Transports.choose(URI.create("tck-none:somewhere"), List.of(), loader, Map.of()));
    assertThat(e.code()).isEqualTo(TransportException.NO_TRANSPORT);
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).contains("tck-none");
  }

  @Test
  void theGivenClassLoaderIsTheOneSearched() {
    ClassLoader empty = new URLClassLoader(new URL[0], null);
    TransportException e = catchThrowableOfType(TransportException.class,
        () -> Transports.choose(URI.create("tck-one:somewhere"), List.of(), empty, Map.of()));
    assertThat(e.code()).isEqualTo(TransportException.NO_TRANSPORT);
  }

  @Test
  void twoProvidersForOneSchemeAreNoTransportNamingBoth() {
    TransportException e = catchThrowableOfType(TransportException.class,
        () -> Transports.choose(URI.create("tck-dup:somewhere"), List.of(), loader, Map.of()));
    assertThat(e.code()).isEqualTo(TransportException.NO_TRANSPORT);
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).contains(FirstDuplicateProvider.class.getName(), SecondDuplicateProvider.class.getName());
  }

  @Test
  void twoExplicitInstancesForOneSchemeAreNoTransport() {
    List<Transport> explicit = List.of(new StubTransport("tck-one", "a", Map.of()), new StubTransport("tck-one", "b", Map.of()));
    TransportException e = catchThrowableOfType(TransportException.class,
        () -> Transports.choose(URI.create("tck-one:somewhere"), explicit, loader, Map.of()));
    assertThat(e.code()).isEqualTo(TransportException.NO_TRANSPORT);
  }

  @Test
  void anEndpointWithoutSchemeIsABadEndpoint() {
    TransportException e = catchThrowableOfType(TransportException.class,
        () -> Transports.choose(URI.create("drop/MK-RS-TABANOVCE"), List.of(), loader, Map.of()));
    assertThat(e.code()).isEqualTo(TransportException.BAD_ENDPOINT);
    assertThat(e.retryable()).isFalse();
  }
}
