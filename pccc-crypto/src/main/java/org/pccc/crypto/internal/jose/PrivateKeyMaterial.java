package org.pccc.crypto.internal.jose;

import java.security.PrivateKey;
import java.util.Objects;

/**
 * A classified private key: its type, its raw bytes when they can be read (32 bytes: the Ed25519
 * seed, the X25519 scalar or the P-256 d), and the JCA object.
 *
 * <p>Raw bytes are absent for keys that do not reveal them (hardware tokens); such keys are used
 * through JCA only.
 */
public final class PrivateKeyMaterial {
  private final KeyType type;
  private final byte[] raw;
  private final PrivateKey jca;

  PrivateKeyMaterial(KeyType type, byte[] raw, PrivateKey jca) {
    this.type = Objects.requireNonNull(type);
    this.raw = raw == null ? null : raw.clone();
    this.jca = jca;
  }

  /** Returns the key type. */
  public KeyType type() {
    return type;
  }

  /** Returns whether the raw bytes are known. */
  public boolean hasRaw() {
    return raw != null;
  }

  /** Returns a copy of the raw private bytes; only when {@link #hasRaw()}. */
  public byte[] raw() {
    if (raw == null) {
      throw new IllegalStateException("the raw private key is not available");
    }
    return raw.clone();
  }

  /** Returns the JCA key, or null if this was made from raw bytes. */
  public PrivateKey jca() {
    return jca;
  }
}
