package org.pccc.crypto.internal.jose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pccc.crypto.ErrorCode;

/** The header rules shared by JWS and JWE, and the checks on caller-supplied custom parameters. */
public final class HeaderRules {
  /**
   * Parameters that carry or point to keys (RFC 7515 §4.1.3-4.1.6). A verifier that took a key
   * from the message would accept any message signed by anyone; this SDK only uses keys from its
   * own configuration and directory, so these are refused rather than ignored.
   */
  public static final Set<String> KEY_CARRYING = Set.of("jwk", "jku", "x5u", "x5c");

  /**
   * Registered names a caller may not set as custom parameters, because the JOSE code sets them
   * itself or refuses them.
   */
  public static final Set<String> RESERVED =
      Set.of(
          "alg", "enc", "zip", "jku", "jwk", "kid", "x5u", "x5c", "x5t", "x5t#S256", "typ", "cty",
          "crit", "b64", "epk", "apu", "apv", "iv", "tag", "p2s", "p2c", "url", "nonce");

  private HeaderRules() {}

  /**
   * Checks the refusals common to every JOSE header: no key-carrying parameter, no {@code crit}
   * (this SDK understands no extension, so any listed extension is unknown and RFC 7515 §4.1.11
   * requires rejection), no {@code b64} (RFC 7797 unencoded payloads), no {@code zip}
   * (compression before encryption leaks plaintext through length, as in CRIME).
   *
   * @param header the header
   * @param where which header, for the message (for example "JWS protected header")
   */
  public static void checkCommon(ObjectNode header, String where) {
    for (String name : KEY_CARRYING) {
      if (header.has(name)) {
        throw Failures.rejected(
            ErrorCode.FORBIDDEN_HEADER,
            where + " carries '" + name + "': keys are never taken from messages");
      }
    }
    if (header.has("crit")) {
      throw Failures.rejected(
          ErrorCode.FORBIDDEN_HEADER, where + " has 'crit': no critical extension is understood");
    }
    if (header.has("b64")) {
      throw Failures.rejected(
          ErrorCode.FORBIDDEN_HEADER, where + " has 'b64': unencoded payloads are not accepted");
    }
    if (header.has("zip")) {
      throw Failures.rejected(
          ErrorCode.FORBIDDEN_HEADER, where + " has 'zip': compressed content is not accepted");
    }
    for (String name : new String[] {"alg", "enc", "kid", "typ", "cty", "x5t#S256", "apu", "apv"}) {
      JsonNode value = header.get(name);
      if (value != null && !value.isTextual()) {
        throw Failures.rejected(ErrorCode.MALFORMED_ENVELOPE, where + " has a non-string '" + name + "'");
      }
    }
    JsonNode epk = header.get("epk");
    if (epk != null && !epk.isObject()) {
      throw Failures.rejected(ErrorCode.MALFORMED_ENVELOPE, where + " has an 'epk' that is not an object");
    }
  }

  /** Returns the text of a string member, or null if absent. */
  public static String text(ObjectNode header, String name) {
    JsonNode value = header.get(name);
    return value == null ? null : value.textValue();
  }

  /**
   * Validates and copies custom header parameters given by a caller: names must not be reserved
   * or blank, values must be JSON values (String, Boolean, Integer, Long, BigInteger, BigDecimal,
   * finite Double, null, List and Map of these with String keys).
   *
   * @return a deeply unmodifiable copy in the given order
   * @throws IllegalArgumentException for a reserved name or a value that is not a JSON value
   */
  public static Map<String, Object> copyCustomParameters(Map<String, ?> parameters) {
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<String, ?> entry : parameters.entrySet()) {
      String name = entry.getKey();
      if (name == null || name.isEmpty()) {
        throw new IllegalArgumentException("a header parameter name must not be empty");
      }
      if (RESERVED.contains(name)) {
        throw new IllegalArgumentException(
            "'" + name + "' is a registered header parameter and cannot be set as a custom one");
      }
      copy.put(name, copyJsonValue(entry.getValue()));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Object copyJsonValue(Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long
        || value instanceof BigInteger
        || value instanceof BigDecimal) {
      return value;
    }
    if (value instanceof Double) {
      if (!Double.isFinite((Double) value)) {
        throw new IllegalArgumentException("a header value must be a finite number");
      }
      return value;
    }
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>();
      for (Object element : (List<?>) value) {
        copy.add(copyJsonValue(element));
      }
      return Collections.unmodifiableList(copy);
    }
    if (value instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        if (!(entry.getKey() instanceof String)) {
          throw new IllegalArgumentException("a JSON object in a header needs string keys");
        }
        copy.put((String) entry.getKey(), copyJsonValue(entry.getValue()));
      }
      return Collections.unmodifiableMap(copy);
    }
    throw new IllegalArgumentException(
        "a header value must be a JSON value, not a " + value.getClass().getName());
  }
}
