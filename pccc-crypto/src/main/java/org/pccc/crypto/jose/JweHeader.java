package org.pccc.crypto.jose;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.pccc.crypto.internal.jose.HeaderRules;

/**
 * The JWE protected header shared by all recipients: {@code enc} and optional {@code typ}, {@code
 * cty} and custom parameters. Per-recipient parameters ({@code alg}, {@code kid}, {@code epk}) are
 * set by {@link Jwe#encrypt} in each recipient's header.
 *
 * <p>Thread safety: an immutable record.
 *
 * @param contentEncryption the {@code enc} algorithm
 * @param type the {@code typ}, or null
 * @param contentType the {@code cty}, or null (the envelope uses {@code JWT}-style {@code cty} to
 *     say that the plaintext is a JWS)
 * @param customParameters further parameters (never registered ones such as {@code zip})
 */
public record JweHeader(
    JweContentEncryption contentEncryption,
    String type,
    String contentType,
    Map<String, Object> customParameters) {

  /** Checks the values and copies the custom parameters. */
  public JweHeader {
    Objects.requireNonNull(contentEncryption, "contentEncryption");
    JwsHeader.requireNonBlankIfSet(type, "type");
    JwsHeader.requireNonBlankIfSet(contentType, "contentType");
    customParameters =
        HeaderRules.copyCustomParameters(Objects.requireNonNull(customParameters, "customParameters"));
  }

  /** Returns a builder with {@code enc} {@code A256GCM} and nothing else set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts from this header. */
  public Builder toBuilder() {
    Builder builder =
        new Builder().contentEncryption(contentEncryption).type(type).contentType(contentType);
    builder.customParameters.putAll(customParameters);
    return builder;
  }

  /** Builds a {@link JweHeader}. Not thread-safe. */
  public static final class Builder {
    private JweContentEncryption contentEncryption = JweContentEncryption.A256GCM;
    private String type;
    private String contentType;
    private final Map<String, Object> customParameters = new LinkedHashMap<>();

    private Builder() {}

    /** Sets the {@code enc}. */
    public Builder contentEncryption(JweContentEncryption contentEncryption) {
      this.contentEncryption = contentEncryption;
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
    public JweHeader build() {
      return new JweHeader(contentEncryption, type, contentType, customParameters);
    }
  }
}
