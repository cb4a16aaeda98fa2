package org.pccc.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.pccc.model.body.Body;

/**
 * One exchange message: schema version, header and exactly one body. Immutable and thread-safe.
 *
 * <p>Read and write it with {@link org.pccc.model.json.PcccJson}; validate it with
 * {@link org.pccc.model.validation.MessageValidator}.
 *
 * @param pccc the schema version, {@code 1.0} for messages this SDK writes
 * @param header the header
 * @param body the body, one of the {@link Body} kinds
 */
public record Message(
    @NotNull @Pattern(regexp = Patterns.VERSION) String pccc,
    @NotNull @Valid Header header,
    @NotNull @Valid Body body) {

  /** The schema version this SDK writes. */
  public static final String VERSION = "1.0";

  /** Returns a message of the current schema version. */
  public static Message of(Header header, Body body) {
    return new Message(VERSION, header, body);
  }
}
