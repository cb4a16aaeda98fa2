package org.pccc.model.subject;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A phone number in E.164 form, for example {@code +38970123456}. Immutable.
 *
 * @param e164 the number: a plus sign and 2 to 15 digits, the first not zero
 * @param description what the number is (mobile, used by whom), or null
 */
public record PhoneNumber(
    @NotNull @Pattern(regexp = "^\\+[1-9][0-9]{1,14}$") String e164,
    @Size(max = 500) String description)
    implements Subject {}
