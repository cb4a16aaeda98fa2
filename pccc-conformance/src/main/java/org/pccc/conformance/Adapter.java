package org.pccc.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What the suite asks of an adapter under test: the three operations of the conformance
 * protocol. {@link ProcessAdapter} runs an external command; {@link AdapterConformanceTest} wraps
 * a Java implementation. Implementations need not be thread-safe: the suite calls one at a time.
 */
public interface Adapter {

  /**
   * The answer to {@code validate}.
   *
   * @param valid whether the adapter accepts the message
   * @param codes the validation codes the adapter reported, or null if it reports none
   * @param transcript what the adapter printed, for the report (truncated)
   */
  record Validation(boolean valid, List<String> codes, String transcript) {
    /** Copies the codes. */
    public Validation {
      codes = codes == null ? null : List.copyOf(codes);
    }
  }

  /**
   * The answer to {@code open}.
   *
   * @param ok whether the adapter accepted the envelope
   * @param message the message it returned (when ok), as a JSON tree
   * @param code the {@code PCCC-20xx} code it reported (when not ok), or null
   * @param transcript what the adapter printed, for the report (truncated)
   */
  record Opening(boolean ok, JsonNode message, String code, String transcript) {}

  /**
   * The answer to {@code seal}.
   *
   * @param ok whether the adapter says it wrote the envelope
   * @param transcript what the adapter printed, for the report (truncated)
   */
  record Sealing(boolean ok, String transcript) {}

  /**
   * Validates a message file.
   *
   * @param message the message file
   * @throws AdapterException if the adapter broke the protocol (crash, timeout, unreadable output)
   */
  Validation validate(Path message);

  /**
   * Opens an envelope as one recipient centre.
   *
   * @param keys the recipient's key folder (the layout of {@code vectors/keys/<centre>})
   * @param directory the signed network directory ({@code directory.jws})
   * @param coordinator the coordinator's certificate (PEM), which signed the directory
   * @param at the time to check the message's createdAt against
   * @param envelope the envelope file (JWE, general JSON serialization)
   * @throws AdapterException if the adapter broke the protocol
   */
  Opening open(Path keys, Path directory, Path coordinator, Instant at, Path envelope);

  /**
   * Seals a message as its sender centre and writes the envelope to {@code out}.
   *
   * @param keys the sender's key folder
   * @param directory the signed network directory
   * @param coordinator the coordinator's certificate (PEM)
   * @param out where to write the envelope
   * @param message the message file
   * @throws AdapterException if the adapter broke the protocol
   */
  Sealing seal(Path keys, Path directory, Path coordinator, Path out, Path message);

  /** Returns a short description for the report, never containing secrets. */
  default String describe() {
    return getClass().getSimpleName();
  }
}
