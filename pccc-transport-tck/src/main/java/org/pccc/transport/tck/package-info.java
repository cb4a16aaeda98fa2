/**
 * The transport conformance suite: extend {@link org.pccc.transport.tck.TransportTck} in a test of
 * your transport; {@link org.pccc.transport.tck.RecordingHandler} helps with further tests.
 */
package org.pccc.transport.tck;
