package org.pccc.model.code;

import java.util.Locale;

/**
 * A value from a code list: a stable wire code and an English label.
 *
 * <p>The wire code never changes once published; labels in the region's languages come from the
 * resource bundle {@code org.pccc.model.code.Labels} (see {@link Labels}), never from code.
 */
public interface CodeList {

  /** Returns the stable code written on the wire, for example {@code H2} or {@code MK}. */
  String code();

  /** Returns the English label. */
  String label();

  /**
   * Returns the label in the given locale, falling back to English where no translation exists.
   *
   * @param locale the reader's locale, for example {@code mk}, {@code sr}, {@code sq}
   * @return a non-null label
   */
  default String label(Locale locale) {
    return Labels.label(this, locale);
  }
}
