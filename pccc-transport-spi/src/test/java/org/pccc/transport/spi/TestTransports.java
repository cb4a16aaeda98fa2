package org.pccc.transport.spi;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Providers registered in the test META-INF/services, and the stub transport they create. */
final class TestTransports {
  private TestTransports() {}

  /** A transport that remembers who made it and with what settings; does nothing else. */
  record StubTransport(String scheme, String madeBy, Map<String, String> settings) implements Transport {
    @Override
    public CompletableFuture<Void> deliver(URI endpoint, OutboundEnvelope envelope) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public Listener listen(URI endpoint, InboundHandler handler) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
  }

  /** The only provider of {@code tck-one}. */
  public static final class OneProvider implements TransportProvider {
    @Override
    public String scheme() {
      return "tck-one";
    }

    @Override
    public Transport create(Map<String, String> settings) {
      return new StubTransport(scheme(), getClass().getName(), settings);
    }
  }

  /** One of two providers of {@code tck-dup}. */
  public static final class FirstDuplicateProvider implements TransportProvider {
    @Override
    public String scheme() {
      return "tck-dup";
    }

    @Override
    public Transport create(Map<String, String> settings) {
      return new StubTransport(scheme(), getClass().getName(), settings);
    }
  }

  /** The other provider of {@code tck-dup}, spelled in capitals: schemes compare without case. */
  public static final class SecondDuplicateProvider implements TransportProvider {
    @Override
    public String scheme() {
      return "TCK-DUP";
    }

    @Override
    public Transport create(Map<String, String> settings) {
      return new StubTransport(scheme(), getClass().getName(), settings);
    }
  }
}
