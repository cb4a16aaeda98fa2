package org.pccc.crypto.internal.jose;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.Objects;

/**
 * A classified public key: its type, its raw bytes, and the JCA object it came from (if any).
 * Raw bytes are 32 for OKP keys and X||Y (64) for P-256; P-256 points are checked to lie on the
 * curve before an instance is made.
 */
public final class PublicKeyMaterial {
  private final KeyType type;
  private final byte[] raw;
  private final PublicKey jca;

  PublicKeyMaterial(KeyType type, byte[] raw, PublicKey jca) {
    this.type = Objects.requireNonNull(type);
    this.raw = raw.clone();
    this.jca = jca;
  }

  /** Returns the key type. */
  public KeyType type() {
    return type;
  }

  /** Returns a copy of the raw public key bytes. */
  public byte[] raw() {
    return raw.clone();
  }

  /** Returns the OKP public key or the P-256 X coordinate (32 bytes). */
  public byte[] x() {
    return Arrays.copyOf(raw, 32);
  }

  /** Returns the P-256 Y coordinate (32 bytes); not defined for OKP keys. */
  public byte[] y() {
    if (type != KeyType.P256) {
      throw new IllegalStateException("an OKP key has no y coordinate");
    }
    return Arrays.copyOfRange(raw, 32, 64);
  }

  /** Returns the JCA key this was made from, or null if it was made from raw bytes. */
  public PublicKey jca() {
    return jca;
  }
}
