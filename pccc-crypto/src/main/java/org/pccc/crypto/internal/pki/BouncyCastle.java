package org.pccc.crypto.internal.pki;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * A private BouncyCastle provider instance, handed explicitly to the BC classes that need a JCA
 * provider. It is never registered with {@code java.security.Security}, so the application's
 * provider list stays as the application set it. Thread-safe: providers are.
 */
public final class BouncyCastle {
  private BouncyCastle() {}

  private static final class Holder {
    // Lazy: creating the provider costs tens of milliseconds and most callers never need it.
    static final Provider PROVIDER = new BouncyCastleProvider();
  }

  /** Returns the shared, unregistered BouncyCastle provider. */
  public static Provider provider() {
    return Holder.PROVIDER;
  }
}
