package org.pccc.model.code;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Looks up translated labels of code list values in the resource bundle
 * {@code org/pccc/model/code/Labels*.properties}.
 *
 * <p>Keys are {@code <SimpleClassName>.<code>}, for example {@code HandlingCode.H2} or
 * {@code BodyType.information-request}. Thread-safe: {@link ResourceBundle} caches bundles.
 */
public final class Labels {
  private static final String BUNDLE = "org.pccc.model.code.Labels";

  private Labels() {}

  /**
   * Returns the label of a code in a locale, or its English label when the bundle has none.
   *
   * @param value the code list value
   * @param locale the locale wanted
   * @return the translated label, never null
   */
  public static String label(CodeList value, Locale locale) {
    String key = value.getClass().getSimpleName() + "." + value.code();
    try {
      // Locale.ROOT fallback is the English base bundle; the control prevents the JVM default
      // locale from leaking into the lookup.
      ResourceBundle bundle =
          ResourceBundle.getBundle(
              BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      return value.label();
    }
  }
}
