package org.pccc.model.body;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * Why a reply is delayed and until when (Directive (EU) 2023/977 Art. 5(2)). Immutable.
 *
 * @param expectedBy when the reply is now expected, UTC
 * @param reasons the reasons, for example judicial authorisation pending
 */
public record DelayNotice(@NotNull Instant expectedBy, @NotBlank @Size(max = 2000) String reasons) {}
