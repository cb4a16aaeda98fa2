package org.pccc.crypto.internal.jose;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Signature;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import org.pccc.crypto.ErrorCode;
import org.pccc.crypto.jose.JcaProviders;

/**
 * Gets JCA engines from the providers a {@link JcaProviders} names: the first explicit provider
 * that offers the algorithm, or the registered providers when none are named.
 */
public final class Jca {
  /** Most engines one thread keeps; beyond it (many {@link JcaProviders} objects) it starts over. */
  private static final int MAX_KEPT_PER_THREAD = 16;

  /**
   * Engines kept per thread for reuse. Getting a {@link Cipher} or {@link MessageDigest} from the
   * JCA (parsing the transformation, finding the service, instantiating it reflectively) cost about
   * as much as using it on a small envelope; an engine is reusable after {@code init} or {@code
   * reset} but not thread-safe, hence one per thread. A kept cipher holds the schedule of the
   * last key it was initialised with until its next use, as a discarded one would until the
   * garbage collector reuses its memory.
   */
  private static final ThreadLocal<Map<EngineKey, Object>> KEPT =
      ThreadLocal.withInitial(HashMap::new);

  private record EngineKey(JcaProviders providers, Class<?> engine, String algorithm) {}

  private Jca() {}

  @FunctionalInterface
  private interface Lookup<T> {
    T fromProvider(String algorithm, Provider provider) throws GeneralSecurityException;
  }

  @FunctionalInterface
  private interface RegisteredLookup<T> {
    T fromRegistered(String algorithm) throws GeneralSecurityException;
  }

  private static <T> T get(
      JcaProviders providers, String algorithm, Lookup<T> lookup, RegisteredLookup<T> registered) {
    try {
      if (providers.providers().isEmpty()) {
        return registered.fromRegistered(algorithm);
      }
      for (Provider provider : providers.providers()) {
        try {
          return lookup.fromProvider(algorithm, provider);
        } catch (NoSuchAlgorithmException e) {
          // try the next provider the caller named
        }
      }
      throw Failures.configuration(
          ErrorCode.CONFIGURATION, "no configured provider offers " + algorithm + " (" + providers + ")");
    } catch (GeneralSecurityException e) {
      throw Failures.configuration(
          ErrorCode.CONFIGURATION, "algorithm " + algorithm + " is not available (" + providers + ")", e);
    }
  }

  /** A {@link Cipher}, for example {@code AES/GCM/NoPadding} or {@code AESWrap}. */
  public static Cipher cipher(JcaProviders providers, String transformation) {
    return get(providers, transformation, Cipher::getInstance, Cipher::getInstance);
  }

  /**
   * A {@link Cipher} kept for this thread: the caller must {@code init} it before each use and
   * must not hold it across a call that could use the same transformation. Not for AES-GCM
   * encryption, which refuses to re-init an instance with the key and IV it used last.
   */
  public static Cipher reusableCipher(JcaProviders providers, String transformation) {
    return kept(providers, Cipher.class, transformation, () -> cipher(providers, transformation));
  }

  /** A {@link MessageDigest} kept for this thread, reset; the same rules as {@link #reusableCipher}. */
  public static MessageDigest reusableDigest(JcaProviders providers, String algorithm) {
    MessageDigest digest =
        kept(providers, MessageDigest.class, algorithm, () -> messageDigest(providers, algorithm));
    digest.reset();
    return digest;
  }

  private static <T> T kept(
      JcaProviders providers, Class<T> engine, String algorithm, java.util.function.Supplier<T> make) {
    Map<EngineKey, Object> kept = KEPT.get();
    EngineKey key = new EngineKey(providers, engine, algorithm);
    Object found = kept.get(key);
    if (found == null) {
      if (kept.size() >= MAX_KEPT_PER_THREAD) {
        kept.clear();
      }
      found = make.get();
      kept.put(key, found);
    }
    return engine.cast(found);
  }

  /** A {@link MessageDigest}. */
  public static MessageDigest messageDigest(JcaProviders providers, String algorithm) {
    return get(providers, algorithm, MessageDigest::getInstance, MessageDigest::getInstance);
  }

  /** A {@link Signature}. */
  public static Signature signature(JcaProviders providers, String algorithm) {
    return get(providers, algorithm, Signature::getInstance, Signature::getInstance);
  }

  /** A {@link KeyAgreement}. */
  public static KeyAgreement keyAgreement(JcaProviders providers, String algorithm) {
    return get(providers, algorithm, KeyAgreement::getInstance, KeyAgreement::getInstance);
  }

  /** A {@link KeyFactory}. */
  public static KeyFactory keyFactory(JcaProviders providers, String algorithm) {
    return get(providers, algorithm, KeyFactory::getInstance, KeyFactory::getInstance);
  }

  /** A {@link KeyPairGenerator}. */
  public static KeyPairGenerator keyPairGenerator(JcaProviders providers, String algorithm) {
    return get(providers, algorithm, KeyPairGenerator::getInstance, KeyPairGenerator::getInstance);
  }
}
