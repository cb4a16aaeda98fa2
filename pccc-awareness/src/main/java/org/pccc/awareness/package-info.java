/**
 * The regional picture and PCCC statistics, built from what a node verifies and audits.
 *
 * <p>{@link org.pccc.awareness.RegionalPicture} is fed with messages (received and verified, or
 * sent) and with audit log entries, and answers queries as of a time, for a period and for a
 * centre with a {@link org.pccc.awareness.PictureView}. It holds codes, counts, times, crossing
 * points and centre ids only: free text never enters it, and a subject's name, document number
 * or plate only where the message's handling code and the caller's explicit option both allow it.
 * {@link org.pccc.awareness.PictureExports} writes a view as GeoJSON (RFC 7946), JSON and CSV;
 * {@link org.pccc.awareness.PicturePage} as a self-contained HTML page with a map of the region;
 * {@link org.pccc.awareness.AuditStatistics} computes the statistics of a period from the audit
 * log alone. Error codes {@code PCCC-4100}…{@code PCCC-4119} ({@link org.pccc.awareness.AwarenessException}).
 */
package org.pccc.awareness;
