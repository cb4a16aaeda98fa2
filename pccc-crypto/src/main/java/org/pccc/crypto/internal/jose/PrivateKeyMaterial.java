package org.pccc.crypto.internal.jose;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.util.Objects;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;

/**
 * A classified private key: its type, its raw bytes when they can be read (32 bytes: the Ed25519
 * seed, the X25519 scalar or the P-256 d), and the JCA object.
 *
 * <p>Raw bytes are absent for keys that do not reveal them (hardware tokens); such keys are used
 * through JCA only.
 *
 * <p>Thread safety: immutable; the BouncyCastle parameters are built once, on first use, and are
 * safe to share (an Ed25519 private key parameter object derives and keeps its public key under
 * its own lock).
 */
public final class PrivateKeyMaterial {
  private final KeyType type;
  private final byte[] raw;
  private final PrivateKey jca;
  private volatile AsymmetricKeyParameter lightweight;

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

  /**
   * Returns the BouncyCastle lightweight parameters of the key, built on first use and kept:
   * {@link Ed25519PrivateKeyParameters}, {@link X25519PrivateKeyParameters} or {@link
   * ECPrivateKeyParameters}; only when {@link #hasRaw()}. Keeping the Ed25519 object matters:
   * it derives the public key (a scalar multiplication) once instead of at every signature.
   */
  public AsymmetricKeyParameter lightweight() {
    AsymmetricKeyParameter parameters = lightweight;
    if (parameters == null) {
      if (raw == null) {
        throw new IllegalStateException("the raw private key is not available");
      }
      switch (type) {
        case ED25519:
          parameters = new Ed25519PrivateKeyParameters(raw, 0);
          break;
        case X25519:
          parameters = new X25519PrivateKeyParameters(raw, 0);
          break;
        case P256:
          parameters = new ECPrivateKeyParameters(new BigInteger(1, raw), P256.DOMAIN);
          break;
        default:
          throw new IllegalStateException(type.name());
      }
      lightweight = parameters;
    }
    return parameters;
  }

  /** Returns the JCA key, or null if this was made from raw bytes. */
  public PrivateKey jca() {
    return jca;
  }
}
