package org.pccc.awareness;

import java.util.Objects;

/**
 * A subject's identifying value, present in a picture only when the message's handling code and
 * the caller's explicit choice ({@link RegionalPicture.Builder#revealSubjectsFor}) both allow it.
 * Never part of a default picture. Immutable.
 *
 * @param type {@code person} (surname and given names), {@code document} (type and number) or
 *     {@code vehicle} (plate and its country)
 * @param value the identifying text
 */
public record SubjectIdentifier(String type, String value) {
  /** Checks that both parts are present. */
  public SubjectIdentifier {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
  }
}
