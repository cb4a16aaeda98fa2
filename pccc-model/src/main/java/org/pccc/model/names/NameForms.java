package org.pccc.model.names;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * A name as written in its original script together with the forms derived from it, so that a
 * message can carry "Петровић" and also "Petrović", "PETROVIC" and the keys that find it.
 *
 * <p>Immutable and thread-safe. Build it with {@link #of(String)} or {@link #of(String,
 * NameLanguage)}; the canonical constructor is for deserialisation and checks only the invariants
 * below, not that the derived forms were derived correctly.
 *
 * @param original the name as written, in its original script; a valid name argument (not blank,
 *     at most {@link Transliterator#MAX_NAME_LENGTH} characters)
 * @param script the dominant script of {@code original}
 * @param nationalLatin the national Latin form ({@link Transliterator#toLatin(String,
 *     NameLanguage)})
 * @param icao the ICAO Doc 9303 form: upper-case A-Z words separated by single spaces, possibly
 *     empty ({@link Transliterator#toIcao(String, NameLanguage)})
 * @param primaryKey the primary match key ({@link NameMatchKeys#key(String, NameLanguage)}),
 *     empty if the name has no letters
 * @param matchKeys all match keys; contains {@code primaryKey} unless that is empty; iterated in
 *     ascending order
 */
public record NameForms(
    String original,
    Script script,
    String nationalLatin,
    String icao,
    String primaryKey,
    Set<String> matchKeys) {

  /**
   * Checks the invariants and copies the keys.
   *
   * @param original the name as written
   * @param script the dominant script of the original
   * @param nationalLatin the national Latin form
   * @param icao the ICAO form
   * @param primaryKey the primary match key, empty if the name has no letters
   * @param matchKeys all match keys, none empty
   * @throws IllegalArgumentException if a component is null, the original is not a valid name, the
   *     ICAO form has characters other than A-Z and single spaces, or the primary key is not among
   *     the match keys; messages never contain the name
   */
  public NameForms {
    NameInput.require(original);
    if (script == null || nationalLatin == null || icao == null || primaryKey == null
        || matchKeys == null) {
      throw new IllegalArgumentException("name forms must not have null components");
    }
    if (!icao.matches("([A-Z]+( [A-Z]+)*)?")) {
      throw new IllegalArgumentException("ICAO form must be A-Z words separated by single spaces");
    }
    TreeSet<String> sorted = new TreeSet<>();
    for (String key : matchKeys) {
      if (key == null || key.isEmpty()) {
        throw new IllegalArgumentException("match keys must not be null or empty");
      }
      sorted.add(key);
    }
    if (!primaryKey.isEmpty() && !sorted.contains(primaryKey)) {
      throw new IllegalArgumentException("the primary key must be one of the match keys");
    }
    matchKeys = Collections.unmodifiableSortedSet(sorted);
  }

  /**
   * Derives all forms of a name, guessing its language with {@link NameLanguage#guess(String)}.
   *
   * @param original the name as written
   * @return the name with its derived forms; the keys are those of {@link
   *     NameMatchKeys#keys(String)}, covering every plausible language
   * @throws IllegalArgumentException if the name is null, blank or too long
   */
  public static NameForms of(String original) {
    NameInput.require(original);
    return new NameForms(
        original,
        Script.detect(original),
        Transliterator.toLatin(original),
        Transliterator.toIcao(original),
        NameMatchKeys.key(original),
        NameMatchKeys.keys(original));
  }

  /**
   * Derives all forms of a name whose Cyrillic letters are in {@code language}.
   *
   * @param original the name as written
   * @param language the language of its Cyrillic letters (Greek letters are always read as Greek)
   * @return the name with its derived forms
   * @throws IllegalArgumentException if the name is null, blank or too long, or language is null
   */
  public static NameForms of(String original, NameLanguage language) {
    NameInput.require(original);
    NameInput.requireLanguage(language);
    return new NameForms(
        original,
        Script.detect(original),
        Transliterator.toLatin(original, language),
        Transliterator.toIcao(original, language),
        NameMatchKeys.key(original, language),
        NameMatchKeys.keys(original, language));
  }

  /**
   * Tells whether this name and another may be the same name written differently: whether their
   * match keys intersect.
   *
   * @param other the other name's forms
   * @return true if they share a match key
   * @throws IllegalArgumentException if other is null
   */
  public boolean matches(NameForms other) {
    if (other == null) {
      throw new IllegalArgumentException("other must not be null");
    }
    return !Collections.disjoint(matchKeys, other.matchKeys);
  }

  /** Returns a description without the name or its forms, which are personal data. */
  @Override
  public String toString() {
    return "NameForms[script=" + script + ", keys=" + matchKeys.size() + "]";
  }
}
