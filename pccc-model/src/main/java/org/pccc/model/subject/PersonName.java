package org.pccc.model.subject;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.pccc.model.code.NameForm;
import org.pccc.model.code.NameScript;

/**
 * One written form of a person's name: the original as in the register (for example Cyrillic),
 * or a form derived from it (national Latin, ICAO machine-readable). Immutable.
 *
 * @param surname the family name(s)
 * @param givenNames the given name(s), or null if unknown
 * @param script the writing system of this form
 * @param form how this form relates to the original
 */
public record PersonName(
    @NotBlank @Size(max = 200) String surname,
    @Size(max = 200) String givenNames,
    @NotNull NameScript script,
    @NotNull NameForm form) {}
