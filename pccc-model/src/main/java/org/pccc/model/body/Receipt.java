package org.pccc.model.body;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.UUID;
import org.pccc.model.Patterns;

/**
 * A receipt: the receiver names the message it received and the SHA-256 of the signed message
 * inside the envelope. Signed, it is proof of receipt. Immutable.
 *
 * <p>The wire field keeps its name {@code envelopeSha256} for compatibility, but since protocol
 * 1.0 of the trust rules (pccc-crypto {@code SECURITY.md}) it holds the SHA-256 of the inner
 * JWS's <em>signing input</em> (the ASCII of {@code BASE64URL(protected header) '.'
 * BASE64URL(payload)}), not of the outer JWE bytes: anyone on the path can change the outer bytes
 * without a key (whitespace, an added unprotected member, re-encryption by a co-recipient), but
 * only the sender could have made the signed message.
 *
 * @param receivedMessageId the id of the message received
 * @param envelopeSha256 lower-case hex SHA-256 of the signing input of the signed message (JWS)
 *     the envelope carried
 * @param receivedAt when it was received, UTC
 */
public record Receipt(
    @NotNull UUID receivedMessageId,
    @NotNull @Pattern(regexp = Patterns.SHA256_HEX) String envelopeSha256,
    @NotNull Instant receivedAt)
    implements Body {}
