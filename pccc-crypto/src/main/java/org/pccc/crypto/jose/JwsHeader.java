package org.pccc.crypto.jose;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.pccc.crypto.internal.jose.Base64Url;
import org.pccc.crypto.internal.jose.HeaderRules;

/**
 * The protected header a signer asks for. The {@code alg} parameter is not part of it: the signer
 * sets it from the private key (Ed25519 signs {@code EdDSA}, P-256 signs {@code ES256}).
 *
 * <p>Parameters are written in this order: {@code alg}, {@code kid}, {@code x5t#S256}, {@code
 * typ}, {@code cty}, then the custom parameters in their insertion order.
 *
 * <p>Thread safety: an immutable record.
 *
 * @param keyId the {@code kid}, or null
 * @param x5tS256 the {@code x5t#S256} (base64url SHA-256 of the signer's DER certificate, see
 *     {@link Jwk#x5tS256(byte[])}), or null
 * @param type the {@code typ}, or null
 * @param contentType the {@code cty}, or null
 * @param customParameters further parameters (private or public names, never registered ones such
 *     as {@code jwk} or {@code crit}); values are JSON values
 */
public record JwsHeader(
    String keyId,
    String x5tS256,
    String type,
    String contentType,
    Map<String, Object> customParameters) {

  /** Checks the values and copies the custom parameters. */
  public JwsHeader {
    requireNonBlankIfSet(keyId, "keyId");
    requireNonBlankIfSet(type, "type");
    requireNonBlankIfSet(contentType, "contentType");
    if (x5tS256 != null && Base64Url.decode(x5tS256).map(b -> b.length != 32).orElse(true)) {
      throw new IllegalArgumentException("x5tS256 must be the base64url SHA-256 of a certificate");
    }
    customParameters =
        HeaderRules.copyCustomParameters(Objects.requireNonNull(customParameters, "customParameters"));
  }

  static void requireNonBlankIfSet(String value, String name) {
    if (value != null && value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  /** Returns a builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts from this header. */
  public Builder toBuilder() {
    Builder builder =
        new Builder().keyId(keyId).x5tS256(x5tS256).type(type).contentType(contentType);
    builder.customParameters.putAll(customParameters);
    return builder;
  }

  /** Builds a {@link JwsHeader}. Not thread-safe. */
  public static final class Builder {
    private String keyId;
    private String x5tS256;
    private String type;
    private String contentType;
    private final Map<String, Object> customParameters = new LinkedHashMap<>();

    private Builder() {}

    /** Sets the {@code kid}. */
    public Builder keyId(String keyId) {
      this.keyId = keyId;
      return this;
    }

    /** Sets the {@code x5t#S256}. */
    public Builder x5tS256(String x5tS256) {
      this.x5tS256 = x5tS256;
      return this;
    }

    /** Sets the {@code typ}. */
    public Builder type(String type) {
      this.type = type;
      return this;
    }

    /** Sets the {@code cty}. */
    public Builder contentType(String contentType) {
      this.contentType = contentType;
      return this;
    }

    /** Adds a custom parameter (a JSON value), replacing one of the same name. */
    public Builder parameter(String name, Object value) {
      customParameters.put(name, value);
      return this;
    }

    /** Builds the header. */
    public JwsHeader build() {
      return new JwsHeader(keyId, x5tS256, type, contentType, customParameters);
    }
  }
}
