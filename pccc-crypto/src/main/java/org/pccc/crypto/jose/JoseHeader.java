package org.pccc.crypto.jose;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.pccc.crypto.internal.jose.StrictJson;

/**
 * A JOSE header as received: the parsed JSON object, read-only.
 *
 * <p>Values are plain Java values: {@code String}, {@code Boolean}, numbers, {@code null}, and
 * unmodifiable {@code List}s and {@code Map}s (in member order). Reading a header does not make its
 * content trustworthy: only a verified JWS or a decrypted JWE has checked it.
 *
 * <p>Thread safety: immutable.
 */
public final class JoseHeader {
  private final Map<String, Object> parameters;
  /** The unprotected header's tree, kept to write {@link #json()} only if someone asks. */
  private final ObjectNode unprotected;
  private volatile String json;

  @SuppressWarnings("unchecked")
  JoseHeader(ObjectNode node, String json) {
    this.parameters = (Map<String, Object>) StrictJson.toJava(node);
    this.unprotected = null;
    this.json = Objects.requireNonNull(json);
  }

  @SuppressWarnings("unchecked")
  private JoseHeader(ObjectNode unprotected) {
    this.parameters = (Map<String, Object>) StrictJson.toJava(unprotected);
    this.unprotected = unprotected;
  }

  /** An unprotected header: its JSON text is a re-serialization, written on first request. */
  static JoseHeader of(ObjectNode node) {
    return new JoseHeader(node);
  }

  /** Returns the {@code alg} value, if it is a string. */
  public Optional<String> algorithm() {
    return string("alg");
  }

  /** Returns the {@code kid} value, if it is a string. */
  public Optional<String> keyId() {
    return string("kid");
  }

  /** Returns the {@code typ} value, if it is a string. */
  public Optional<String> type() {
    return string("typ");
  }

  /** Returns the {@code cty} value, if it is a string. */
  public Optional<String> contentType() {
    return string("cty");
  }

  /** Returns the {@code x5t#S256} value (base64url SHA-256 of the signer's certificate). */
  public Optional<String> x5tS256() {
    return string("x5t#S256");
  }

  /** Returns a parameter's value if it is present and a string. */
  public Optional<String> string(String name) {
    Object value = parameters.get(name);
    return value instanceof String ? Optional.of((String) value) : Optional.empty();
  }

  /** Returns a parameter's value; empty if absent or JSON {@code null} (see {@link #contains}). */
  public Optional<Object> get(String name) {
    return Optional.ofNullable(parameters.get(name));
  }

  /** Returns whether the parameter is present (even with a JSON {@code null} value). */
  public boolean contains(String name) {
    return parameters.containsKey(name);
  }

  /** Returns the parameter names in order. */
  public Set<String> names() {
    return parameters.keySet();
  }

  /** Returns all parameters, unmodifiable, in order. */
  public Map<String, Object> asMap() {
    return parameters;
  }

  /**
   * Returns the header as JSON text: for a protected header exactly the decoded text that was
   * signed or authenticated, for an unprotected header a compact re-serialization.
   */
  public String json() {
    String text = json;
    if (text == null) {
      text = StrictJson.write(unprotected);
      json = text;
    }
    return text;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JoseHeader && parameters.equals(((JoseHeader) other).parameters);
  }

  @Override
  public int hashCode() {
    return parameters.hashCode();
  }

  /** Returns the parameter names only: values may identify people or keys. */
  @Override
  public String toString() {
    return "JoseHeader" + parameters.keySet();
  }
}
