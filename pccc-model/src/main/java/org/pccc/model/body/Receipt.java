package org.pccc.model.body;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.UUID;
import org.pccc.model.Patterns;

/**
 * A receipt: the receiver names the message it received and the SHA-256 of the exact envelope
 * bytes. Signed, it is proof of receipt. Immutable.
 *
 * @param receivedMessageId the id of the message received
 * @param envelopeSha256 lower-case hex SHA-256 of the envelope bytes as received
 * @param receivedAt when it was received, UTC
 */
public record Receipt(
    @NotNull UUID receivedMessageId,
    @NotNull @Pattern(regexp = Patterns.SHA256_HEX) String envelopeSha256,
    @NotNull Instant receivedAt)
    implements Body {}
