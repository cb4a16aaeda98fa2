/**
 * The {@code mem:} transport: an in-process {@link org.pccc.transport.mem.MemoryNetwork} shared
 * by several {@link org.pccc.transport.mem.MemoryTransport}s, with seeded, reproducible fault
 * injection ({@link org.pccc.transport.mem.MemoryFaults}) and partitions, for testing reliable
 * delivery between centres in one JVM.
 */
package org.pccc.transport.mem;
