package org.pccc.crypto.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Shared, lazily built development PKIs, so the whole test run generates a few dozen keys at most.
 */
final class TestPkis {
  static final String FR_CENTRE = "FR-IT-MODANE";
  static final String IT_CENTRE = "IT-FR-MODANE";
  static final String NETWORK = "ALPS";

  /** An instant inside {@link InsecureDevelopmentPki#SEEDED_DEFAULT_VALIDITY}. */
  static final Instant AT = Instant.parse("2030-06-01T12:00:00Z");

  static final char[] PASSWORD = "correct horse battery staple".toCharArray();

  private static final Map<KeyProfile, InsecureDevelopmentPki> PKIS = new EnumMap<>(KeyProfile.class);
  private static final Map<KeyAlgorithm, KeyPair> KEYS = new EnumMap<>(KeyAlgorithm.class);

  private TestPkis() {}

  static synchronized InsecureDevelopmentPki pki(KeyProfile profile) {
    return PKIS.computeIfAbsent(
        profile,
        p ->
            InsecureDevelopmentPki.builder()
                .profile(p)
                .insecureSeed(20300601L)
                .centre(FR_CENTRE, "FR", "Police nationale")
                .centre(IT_CENTRE, "IT", "Polizia di Stato")
                .networkCoordinator(NETWORK, "FR", "PCCC network coordination")
                .build());
  }

  /** A spare key pair per algorithm, not certified by anyone. */
  static synchronized KeyPair keyPair(KeyAlgorithm algorithm) {
    return KEYS.computeIfAbsent(algorithm, a -> a.generateKeyPair(new SecureRandom()));
  }

  static String resource(String name) {
    return new String(bytes(name), StandardCharsets.US_ASCII);
  }

  static byte[] bytes(String name) {
    try (InputStream in = TestPkis.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
