package org.pccc.crypto.internal.pki;

import java.security.cert.X509Certificate;
import org.pccc.crypto.pki.KeyPurpose;

/**
 * Reads the keyUsage extension (RFC 5280 section 4.2.1.3) for a purpose. Stateless and
 * thread-safe.
 */
public final class KeyUsages {
  private static final int DIGITAL_SIGNATURE = 0;
  private static final int NON_REPUDIATION = 1;
  private static final int KEY_AGREEMENT = 4;

  private KeyUsages() {}

  /**
   * Tells whether the certificate's keyUsage allows the purpose. A certificate without the
   * extension is not restricted (RFC 5280); every certificate this SDK issues has one.
   */
  public static boolean allows(X509Certificate certificate, KeyPurpose purpose) {
    boolean[] usage = certificate.getKeyUsage();
    if (usage == null) {
      return true;
    }
    switch (purpose) {
      case SIGNATURE:
        return bit(usage, DIGITAL_SIGNATURE) || bit(usage, NON_REPUDIATION);
      case KEY_AGREEMENT:
        return bit(usage, KEY_AGREEMENT);
      default:
        return false;
    }
  }

  private static boolean bit(boolean[] usage, int index) {
    return usage.length > index && usage[index];
  }
}
