package org.pccc.transport.file;

import java.time.Duration;
import java.util.Map;
import org.pccc.transport.spi.Transport;
import org.pccc.transport.spi.TransportProvider;

/**
 * Provides {@link FileTransport}s for the {@code file} scheme through {@link java.util.ServiceLoader}.
 *
 * <p>Settings (all optional; other keys are ignored, as they may be meant for another scheme):
 *
 * <ul>
 *   <li>{@code scanIntervalMillis}: how often a listener scans its folder (default 50);
 *   <li>{@code maxFileSizeBytes}: the largest envelope (default {@link org.pccc.model.Limits#MAX_ENVELOPE_BYTES});
 *   <li>{@code maxConcurrentHandlers}: envelopes with one listener's handler at once (default 4);
 *   <li>{@code watchService}: {@code true} or {@code false} (default true);
 *   <li>{@code redeliveryDelayMillis}: first back-off after a handler failure (default 100);
 *   <li>{@code ioThreads}: threads that write and read files (default 4).
 * </ul>
 *
 * A value that is not a number, or out of range, is an {@link IllegalArgumentException} naming
 * the key. Stateless and thread-safe.
 */
public final class FileTransportProvider implements TransportProvider {

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public FileTransportProvider() {}

  @Override
  public String scheme() {
    return FileTransport.SCHEME;
  }

  @Override
  public Transport create(Map<String, String> settings) {
    FileTransport.Builder builder = FileTransport.builder();
    Map<String, String> given = settings == null ? Map.of() : settings;
    String value;
    if ((value = given.get("scanIntervalMillis")) != null) {
      builder.scanInterval(millis("scanIntervalMillis", value));
    }
    if ((value = given.get("maxFileSizeBytes")) != null) {
      builder.maxFileSizeBytes(number("maxFileSizeBytes", value));
    }
    if ((value = given.get("maxConcurrentHandlers")) != null) {
      builder.maxConcurrentHandlers(Math.toIntExact(number("maxConcurrentHandlers", value)));
    }
    if ((value = given.get("watchService")) != null) {
      if (!value.equals("true") && !value.equals("false")) {
        throw new IllegalArgumentException("setting watchService must be true or false, got '" + value + "'");
      }
      builder.watchService(Boolean.parseBoolean(value));
    }
    if ((value = given.get("redeliveryDelayMillis")) != null) {
      builder.redeliveryDelay(millis("redeliveryDelayMillis", value));
    }
    if ((value = given.get("ioThreads")) != null) {
      builder.ioThreads(Math.toIntExact(number("ioThreads", value)));
    }
    return builder.build();
  }

  private static Duration millis(String key, String value) {
    long millis = number(key, value);
    if (millis < 1) {
      throw new IllegalArgumentException("setting " + key + " must be at least 1, got " + millis);
    }
    return Duration.ofMillis(millis);
  }

  private static long number(String key, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("setting " + key + " must be a whole number, got '" + value + "'", e);
    }
  }
}
