package org.pccc.transport.mem;

/**
 * Counts of what a {@link MemoryNetwork} did since it was created or its statistics were reset.
 * Immutable snapshot.
 *
 * @param deliveries calls of {@code deliver} with a well-formed endpoint on an open transport
 * @param refused deliveries that failed because nobody listened on the endpoint
 * @param partitioned deliveries refused or swallowed because an endpoint was partitioned
 * @param failed deliveries failed by fault injection
 * @param dropped deliveries reported as accepted and lost by fault injection (drop rate and
 *     black-hole partitions)
 * @param duplicated deliveries handed over twice by fault injection
 * @param delayed hand-overs delayed by fault injection
 * @param reordered envelopes held back to arrive out of order
 * @param handOvers calls of a handler, first attempts and redeliveries
 * @param redeliveries calls of a handler for an envelope it had already been given
 * @param committed hand-overs whose future completed normally
 * @param rejected hand-overs rejected for good (a non-retryable {@code TransportException})
 * @param handlerFailures hand-overs that failed otherwise and were kept for redelivery
 */
public record MemoryNetworkStatistics(
    long deliveries,
    long refused,
    long partitioned,
    long failed,
    long dropped,
    long duplicated,
    long delayed,
    long reordered,
    long handOvers,
    long redeliveries,
    long committed,
    long rejected,
    long handlerFailures) {}
