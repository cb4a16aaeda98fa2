package org.pccc.crypto.jose;

import java.security.Provider;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;

/**
 * Which implementations the JOSE code uses for its primitives, and which random source.
 *
 * <p>Three choices, none of which registers anything globally ({@code Security.addProvider} is
 * never called):
 *
 * <ul>
 *   <li>{@link #defaults()}: the fastest implementation measured for each operation. Ed25519,
 *       X25519 and P-256 (ECDSA, ECDH, key generation) run on the BouncyCastle lightweight API,
 *       which measured 2.4 to 15 times faster than the JDK 17 providers on this project's
 *       machines; AES-GCM, AES key wrap and SHA-256 run on the JCA providers registered in the JVM
 *       (the JDK ones use AES-NI, CLMUL and SHA-NI intrinsics and were 1.4 to 25 times faster than
 *       BouncyCastle). The figures are in the comments of the implementation classes. Keys whose
 *       raw bytes cannot be read (hardware tokens) fall back to the registered JCA providers.
 *   <li>{@link #registered()}: every operation through the JCA providers registered in the JVM.
 *   <li>{@link #using(Provider...)}: every operation through the given providers only, tried in
 *       order for each algorithm (for example a FIPS provider, or BouncyCastle's JCA provider
 *       passed as an instance). An algorithm none of them offers is a {@link
 *       org.pccc.crypto.CryptoConfigurationException}; there is no silent fallback.
 * </ul>
 *
 * <p>Thread safety: immutable and shareable; the {@link SecureRandom} it holds is thread-safe.
 */
public final class JcaProviders {
  private static final SecureRandom DEFAULT_RANDOM = new SecureRandom();
  private static final JcaProviders DEFAULTS = new JcaProviders(List.of(), true, DEFAULT_RANDOM);
  private static final JcaProviders REGISTERED = new JcaProviders(List.of(), false, DEFAULT_RANDOM);

  private final List<Provider> providers;
  private final boolean lightweightCurves;
  private final SecureRandom secureRandom;

  private JcaProviders(List<Provider> providers, boolean lightweightCurves, SecureRandom random) {
    this.providers = providers;
    this.lightweightCurves = lightweightCurves;
    this.secureRandom = random;
  }

  /** Returns the default choice: the fastest measured implementation per operation. */
  public static JcaProviders defaults() {
    return DEFAULTS;
  }

  /** Returns a choice that runs every operation on the JCA providers registered in the JVM. */
  public static JcaProviders registered() {
    return REGISTERED;
  }

  /**
   * Returns a choice that runs every operation on the given providers only.
   *
   * @param providers one or more providers, tried in this order for each algorithm
   * @return the choice
   */
  public static JcaProviders using(Provider... providers) {
    Objects.requireNonNull(providers, "providers");
    if (providers.length == 0) {
      throw new IllegalArgumentException("at least one provider is required");
    }
    return new JcaProviders(List.of(providers), false, DEFAULT_RANDOM);
  }

  /**
   * Returns a copy that takes randomness (content keys, IVs, ephemeral keys, ECDSA nonces of JCA
   * providers) from the given source.
   *
   * @param random a thread-safe, cryptographically strong random source
   * @return the copy
   */
  public JcaProviders withSecureRandom(SecureRandom random) {
    return new JcaProviders(providers, lightweightCurves, Objects.requireNonNull(random, "random"));
  }

  /**
   * Returns the explicit providers, in order; empty means the providers registered in the JVM.
   */
  public List<Provider> providers() {
    return providers;
  }

  /** Returns whether curve operations run on the BouncyCastle lightweight API when possible. */
  public boolean usesLightweightCurves() {
    return lightweightCurves;
  }

  /** Returns the random source. */
  public SecureRandom secureRandom() {
    return secureRandom;
  }

  @Override
  public String toString() {
    if (lightweightCurves) {
      return "JcaProviders[defaults]";
    }
    if (providers.isEmpty()) {
      return "JcaProviders[registered]";
    }
    StringBuilder names = new StringBuilder("JcaProviders[");
    for (int i = 0; i < providers.size(); i++) {
      names.append(i == 0 ? "" : ", ").append(providers.get(i).getName());
    }
    return names.append(']').toString();
  }
}
