package org.pccc.model.body;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.pccc.model.Patterns;

/**
 * An error answer: a message could not be processed. Carries a stable code and never personal
 * data. Immutable.
 *
 * @param refersTo the id of the message that failed, or null if it could not be read
 * @param code the stable error code, for example {@code PCCC-0001}
 * @param description the error in words
 */
public record ErrorReport(
    UUID refersTo,
    @NotNull @Pattern(regexp = Patterns.ERROR_CODE) String code,
    @Size(max = 2000) String description)
    implements Body {}
