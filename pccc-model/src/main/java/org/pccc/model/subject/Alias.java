package org.pccc.model.subject;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.pccc.model.code.AliasType;

/**
 * A typed alias of a person (also known as, formerly known as, birth name, nickname). Immutable.
 *
 * @param aliasType the kind of alias
 * @param name the alias
 */
public record Alias(@NotNull AliasType aliasType, @NotNull @Valid PersonName name) {}
