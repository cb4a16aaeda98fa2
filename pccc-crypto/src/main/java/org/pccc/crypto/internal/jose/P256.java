package org.pccc.crypto.internal.jose;

import java.math.BigInteger;
import java.security.spec.ECField;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.EllipticCurve;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/** NIST P-256 domain parameters and point checks. */
public final class P256 {
  private static final X9ECParameters X9 = CustomNamedCurves.getByName("secp256r1");

  /** BouncyCastle domain parameters on its constant-time custom curve implementation. */
  public static final ECDomainParameters DOMAIN = new ECDomainParameters(X9);

  /** The same parameters as a JCA spec, built from values so that no provider is needed. */
  public static final ECParameterSpec JCA_SPEC =
      new ECParameterSpec(
          new EllipticCurve(
              new ECFieldFp(X9.getCurve().getField().getCharacteristic()),
              X9.getCurve().getA().toBigInteger(),
              X9.getCurve().getB().toBigInteger()),
          new java.security.spec.ECPoint(
              X9.getG().getAffineXCoord().toBigInteger(), X9.getG().getAffineYCoord().toBigInteger()),
          X9.getN(),
          X9.getH().intValueExact());

  private P256() {}

  /** Returns whether a JCA parameter spec describes P-256 (compared by value, not by name). */
  public static boolean isP256(ECParameterSpec spec) {
    if (spec == null) {
      return false;
    }
    EllipticCurve curve = spec.getCurve();
    ECField field = curve.getField();
    return field instanceof ECFieldFp
        && ((ECFieldFp) field).getP().equals(((ECFieldFp) JCA_SPEC.getCurve().getField()).getP())
        && curve.getA().equals(JCA_SPEC.getCurve().getA())
        && curve.getB().equals(JCA_SPEC.getCurve().getB())
        && spec.getGenerator().equals(JCA_SPEC.getGenerator())
        && spec.getOrder().equals(JCA_SPEC.getOrder())
        && spec.getCofactor() == JCA_SPEC.getCofactor();
  }

  /**
   * Makes a point from affine coordinates, refusing coordinates outside the field and points not
   * on the curve (the invalid-curve attack feeds points of a weaker curve to ECDH).
   *
   * @throws IllegalArgumentException if the point is not a valid P-256 point
   */
  public static ECPoint point(BigInteger x, BigInteger y) {
    ECPoint point = DOMAIN.getCurve().validatePoint(x, y);
    // The cofactor is 1, so a point on the curve other than infinity has the full prime order.
    if (point.isInfinity()) {
      throw new IllegalArgumentException("point at infinity");
    }
    return point;
  }

  /** Makes a point from 32-byte big-endian coordinates. */
  public static ECPoint point(byte[] x, byte[] y) {
    if (x.length != 32 || y.length != 32) {
      throw new IllegalArgumentException("P-256 coordinates are 32 bytes");
    }
    return point(new BigInteger(1, x), new BigInteger(1, y));
  }

  /** Returns X||Y of a normalized point, 64 bytes. */
  public static byte[] raw(ECPoint point) {
    ECPoint normalized = point.normalize();
    byte[] out = new byte[64];
    BigIntegers.asUnsignedByteArray(normalized.getAffineXCoord().toBigInteger(), out, 0, 32);
    BigIntegers.asUnsignedByteArray(normalized.getAffineYCoord().toBigInteger(), out, 32, 32);
    return out;
  }

  /** Returns a non-negative integer as exactly 32 big-endian bytes. */
  public static byte[] fixed32(BigInteger value) {
    return BigIntegers.asUnsignedByteArray(32, value);
  }

  /** Returns whether a private scalar is in [1, n-1]. */
  public static boolean isValidPrivate(BigInteger d) {
    return d.signum() > 0 && d.compareTo(DOMAIN.getN()) < 0;
  }
}
