package org.pccc.model.id;

import java.util.Objects;

/**
 * The outcome of checking one identifier: valid, or invalid with a reason.
 *
 * <p>The reason is a short English sentence fragment such as {@code "length must be 17"} or
 * {@code "check digit of the document number does not match"}. It never contains the checked
 * value, nor any part of it, so it may be logged and shown to partner systems (identifiers such as
 * document numbers are personal data). A valid result has an empty reason.
 *
 * <p>Immutable and thread-safe.
 *
 * @param valid whether the identifier passed every check
 * @param reason why the identifier is invalid; empty if it is valid
 */
public record IdCheck(boolean valid, String reason) {

  private static final IdCheck OK = new IdCheck(true, "");

  /**
   * Creates a result; prefer {@link #ok()} and {@link #invalid(String)}.
   *
   * @throws NullPointerException if {@code reason} is null
   * @throws IllegalArgumentException if a valid result has a reason or an invalid one has none
   */
  public IdCheck {
    Objects.requireNonNull(reason, "reason");
    if (valid && !reason.isEmpty()) {
      throw new IllegalArgumentException("a valid result has no reason");
    }
    if (!valid && reason.isBlank()) {
      throw new IllegalArgumentException("an invalid result needs a reason");
    }
  }

  /** Returns the (shared) valid result. */
  public static IdCheck ok() {
    return OK;
  }

  /**
   * Returns an invalid result.
   *
   * @param reason why the identifier is invalid; must not contain the identifier itself
   * @throws IllegalArgumentException if {@code reason} is blank
   */
  public static IdCheck invalid(String reason) {
    return new IdCheck(false, reason);
  }
}
