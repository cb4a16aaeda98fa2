/**
 * Personal names across the scripts of South-Eastern Europe: Latin with diacritics, Cyrillic
 * (Serbian, Montenegrin, Macedonian, Bulgarian) and Greek.
 *
 * <ul>
 *   <li>{@link org.pccc.model.names.Script} detects the script of a name;
 *       {@link org.pccc.model.names.NameLanguage} names the national transliteration schemes.
 *   <li>{@link org.pccc.model.names.Transliterator} gives the national Latin form, the Cyrillic
 *       form back, the ICAO Doc 9303 machine-readable form and a diacritic-free folded form.
 *   <li>{@link org.pccc.model.names.NameMatchKeys} gives keys under which the forms of one name
 *       meet ("Петровић", "Petrović", "PETROVIC"; "Ѓорѓи", "Gjorgji", "Đorđi").
 *   <li>{@link org.pccc.model.names.NameForms} carries a name in its original script with all its
 *       derived forms, as a message should.
 * </ul>
 *
 * <p>Everything here is immutable and thread-safe. No method logs, and no exception message
 * contains a name.
 */
package org.pccc.model.names;
