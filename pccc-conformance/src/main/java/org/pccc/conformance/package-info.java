/**
 * The conformance suite: runs an adapter (a program in any language, or a Java implementation)
 * against the published test vectors and reports, vector by vector, what passed and what failed.
 *
 * <p>Entry points: {@link org.pccc.conformance.ConformanceSuite} (library),
 * {@link org.pccc.conformance.ConformanceCommand} ({@code pccc conformance}),
 * {@link org.pccc.conformance.AdapterConformanceTest} (JUnit base class for Java adapters).
 */
package org.pccc.conformance;
