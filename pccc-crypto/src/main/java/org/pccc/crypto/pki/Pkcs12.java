package org.pccc.crypto.pki;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pccc.crypto.internal.pki.BoundedInput;

/**
 * Reads and writes PKCS#12 key stores (RFC 7292) with the JDK's {@code PKCS12} key store, which
 * handles Ed25519, X25519 and P-256 keys since JDK 15.
 *
 * <p>Written files protect keys and certificates with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC) and
 * an HMAC-SHA256 integrity check, the JDK 17 defaults, which OpenSSL 3 reads. Input is limited to
 * {@value #MAX_INPUT_BYTES} bytes. Every failure is a {@link KeyLoadingException}.
 *
 * <p>Stateless and thread-safe. Passwords are read, never kept.
 */
public final class Pkcs12 {
  /** The largest PKCS#12 input accepted, in bytes (1 MiB). */
  public static final int MAX_INPUT_BYTES = 1 << 20;

  private static final String KEY_PROTECTION = "PBEWithHmacSHA256AndAES_256";

  private Pkcs12() {}

  /**
   * Reads one private key and its certificate chain.
   *
   * @param pkcs12 the key store bytes
   * @param password the store password (also used for the key)
   * @param alias the entry to read, or {@code null} to take the only private key entry
   * @return the key (a plain JDK key object) and its chain
   * @throws KeyLoadingException if the bytes are no PKCS#12 store, the password is wrong, the alias
   *     is missing or not a private key entry, there is no chain, or the key is of an unsupported
   *     algorithm
   */
  public static CertifiedPrivateKey read(byte[] pkcs12, char[] password, String alias) {
    Objects.requireNonNull(pkcs12, "pkcs12");
    Objects.requireNonNull(password, "password");
    if (pkcs12.length > MAX_INPUT_BYTES) {
      throw new KeyLoadingException("PKCS#12 input is larger than " + MAX_INPUT_BYTES + " bytes");
    }
    KeyStore store;
    try {
      store = KeyStore.getInstance("PKCS12");
      store.load(new ByteArrayInputStream(pkcs12), password);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new KeyLoadingException(
          "cannot open the PKCS#12 store: wrong password or damaged data", e);
    }
    try {
      String chosen = alias != null ? alias : onlyKeyAlias(store);
      if (!store.isKeyEntry(chosen)) {
        throw new KeyLoadingException("the PKCS#12 store has no private key entry '" + chosen + "'");
      }
      Key key = store.getKey(chosen, password);
      if (!(key instanceof PrivateKey)) {
        throw new KeyLoadingException("the PKCS#12 entry '" + chosen + "' is not a private key");
      }
      KeyAlgorithm.of(key);
      Certificate[] chain = store.getCertificateChain(chosen);
      if (chain == null || chain.length == 0) {
        throw new KeyLoadingException(
            "the PKCS#12 entry '" + chosen + "' has no certificate chain");
      }
      List<X509Certificate> certificates = new ArrayList<>();
      for (Certificate certificate : chain) {
        if (!(certificate instanceof X509Certificate)) {
          throw new KeyLoadingException("the PKCS#12 chain holds a non-X.509 certificate");
        }
        certificates.add((X509Certificate) certificate);
      }
      return new CertifiedPrivateKey((PrivateKey) key, certificates);
    } catch (GeneralSecurityException | RuntimeException e) {
      if (e instanceof KeyLoadingException) {
        throw (KeyLoadingException) e;
      }
      throw new KeyLoadingException("cannot read the private key from the PKCS#12 store", e);
    }
  }

  /**
   * Reads one private key and its chain from a stream (not closed).
   *
   * @param in the key store bytes
   * @param password the store password
   * @param alias the entry to read, or {@code null} for the only private key entry
   * @return the key and its chain
   * @throws KeyLoadingException as {@link #read(byte[], char[], String)}
   */
  public static CertifiedPrivateKey read(InputStream in, char[] password, String alias) {
    byte[] bytes = BoundedInput.read(in, MAX_INPUT_BYTES, "PKCS#12 input");
    try {
      return read(bytes, password, alias);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * Reads one private key and its chain from a file.
   *
   * @param file the key store file
   * @param password the store password
   * @param alias the entry to read, or {@code null} for the only private key entry
   * @return the key and its chain
   * @throws KeyLoadingException as {@link #read(byte[], char[], String)}, or if the file cannot be
   *     read
   */
  public static CertifiedPrivateKey read(Path file, char[] password, String alias) {
    byte[] bytes = BoundedInput.read(file, MAX_INPUT_BYTES, "PKCS#12 file");
    try {
      return read(bytes, password, alias);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * Writes private keys with their chains into a new PKCS#12 store.
   *
   * @param entries the entries by alias, in the order to store them; not empty
   * @param password the non-empty password for the store and every key
   * @return the key store bytes
   * @throws KeyLoadingException if a key cannot be exported or does not fit its certificate's
   *     algorithm
   */
  public static byte[] write(Map<String, CertifiedPrivateKey> entries, char[] password) {
    Objects.requireNonNull(entries, "entries");
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("a PKCS#12 store needs at least one entry");
    }
    if (password == null || password.length == 0) {
      throw new IllegalArgumentException("a PKCS#12 store needs a non-empty password");
    }
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      for (Map.Entry<String, CertifiedPrivateKey> entry : entries.entrySet()) {
        CertifiedPrivateKey key = entry.getValue();
        KeyAlgorithm.of(key.privateKey());
        store.setEntry(
            entry.getKey(),
            new KeyStore.PrivateKeyEntry(
                key.privateKey(), key.certificateChain().toArray(new X509Certificate[0])),
            new KeyStore.PasswordProtection(password, KEY_PROTECTION, null));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      store.store(out, password);
      return out.toByteArray();
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new KeyLoadingException("cannot write the PKCS#12 store", e);
    }
  }

  private static String onlyKeyAlias(KeyStore store) throws GeneralSecurityException {
    List<String> keyAliases = new ArrayList<>();
    for (String alias : Collections.list(store.aliases())) {
      if (store.isKeyEntry(alias)) {
        keyAliases.add(alias);
      }
    }
    if (keyAliases.size() != 1) {
      throw new KeyLoadingException(
          "the PKCS#12 store has "
              + keyAliases.size()
              + " private key entries; name the alias to read");
    }
    return keyAliases.get(0);
  }
}
