package org.pccc.model.subject;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.pccc.model.code.Country;

/**
 * A company, association or other organisation. Immutable.
 *
 * @param name the registered name
 * @param country the country of registration
 * @param registrationNumber the national registration or tax number
 * @param address the registered address
 */
public record Organisation(
    @NotBlank @Size(max = 300) String name,
    Country country,
    @Size(max = 50) String registrationNumber,
    @Valid Address address)
    implements Subject {}
