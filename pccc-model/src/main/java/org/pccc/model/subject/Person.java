package org.pccc.model.subject;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.pccc.model.code.Country;
import org.pccc.model.code.Sex;

/**
 * A person: names in the original script plus derived forms, aliases, a possibly partial birth
 * date, sex, nationalities and identity documents. Immutable; lists are copied.
 *
 * @param names the forms of the person's name; the first is the primary form
 * @param aliases typed aliases
 * @param birthDate the date of birth, possibly only a year
 * @param birthPlace the place of birth as written
 * @param birthCountry the country of birth
 * @param sex the sex
 * @param nationalities the nationalities
 * @param documents identity documents known for the person
 * @param description free-text description (distinguishing marks, role in the case)
 */
public record Person(
    @NotEmpty @Size(max = 20) List<@NotNull @Valid PersonName> names,
    @Size(max = 20) List<@NotNull @Valid Alias> aliases,
    PartialDate birthDate,
    @Size(max = 200) String birthPlace,
    Country birthCountry,
    Sex sex,
    @Size(max = 10) List<@NotNull Country> nationalities,
    @Size(max = 20) List<@NotNull @Valid IdentityDocument> documents,
    @Size(max = 2000) String description)
    implements Subject {

  /** Copies the lists; null lists become empty. */
  public Person {
    names = names == null ? List.of() : List.copyOf(names);
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    nationalities = nationalities == null ? List.of() : List.copyOf(nationalities);
    documents = documents == null ? List.of() : List.copyOf(documents);
  }

  /** Returns a person known only by one name. */
  public static Person named(PersonName name) {
    return new Person(List.of(name), List.of(), null, null, null, null, List.of(), List.of(), null);
  }
}
