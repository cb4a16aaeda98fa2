package org.pccc.crypto.internal.jose;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Signature;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import org.pccc.crypto.ErrorCode;
import org.pccc.crypto.jose.JcaProviders;

/**
 * Gets JCA engines from the providers a {@link JcaProviders} names: the first explicit provider
 * that offers the algorithm, or the registered providers when none are named.
 */
public final class Jca {
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
