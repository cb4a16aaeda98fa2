/**
 * Validation of identifiers that appear in police and customs messages: machine-readable zones of
 * travel documents (ICAO Doc 9303), vehicle identification numbers (ISO 3779), freight container
 * numbers (ISO 6346), EU customs Movement Reference Numbers, TIR carnet numbers, Harmonized System
 * commodity codes and E.164 telephone numbers.
 *
 * <p>Every check is a pure, stateless function that returns an {@link org.pccc.model.id.IdCheck}
 * and never throws for bad input: {@code null}, empty, malformed or very long values simply come
 * back invalid, with a short English reason. Reasons never repeat the checked value, because
 * identifiers such as document numbers are personal data and reasons end up in logs.
 *
 * <p>All types in this package are immutable or stateless and safe to use from any thread.
 */
package org.pccc.model.id;
