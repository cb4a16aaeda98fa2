package org.pccc.crypto.internal.jose;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/**
 * A classified public key: its type, its raw bytes, and the JCA object it came from (if any).
 * Raw bytes are 32 for OKP keys and X||Y (64) for P-256; P-256 points are checked to lie on the
 * curve before an instance is made.
 *
 * <p>Thread safety: immutable; the BouncyCastle parameters are built once, on first use.
 */
public final class PublicKeyMaterial {
  private final KeyType type;
  private final byte[] raw;
  private final PublicKey jca;
  private volatile AsymmetricKeyParameter lightweight;

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

  /**
   * Returns the BouncyCastle lightweight parameters of the key, built on first use and kept:
   * {@link Ed25519PublicKeyParameters} (the decoded point, so a verification does not decompress
   * it again), {@link X25519PublicKeyParameters} or {@link ECPublicKeyParameters} (the validated
   * point).
   *
   * @throws IllegalArgumentException if the bytes are not a valid key of the type
   */
  public AsymmetricKeyParameter lightweight() {
    AsymmetricKeyParameter parameters = lightweight;
    if (parameters == null) {
      switch (type) {
        case ED25519:
          parameters = new Ed25519PublicKeyParameters(raw, 0);
          break;
        case X25519:
          parameters = new X25519PublicKeyParameters(raw, 0);
          break;
        case P256:
          parameters = new ECPublicKeyParameters(P256.point(x(), y()), P256.DOMAIN);
          break;
        default:
          throw new IllegalStateException(type.name());
      }
      lightweight = parameters;
    }
    return parameters;
  }

  /** Returns the JCA key this was made from, or null if it was made from raw bytes. */
  public PublicKey jca() {
    return jca;
  }
}
