package org.pccc.transport.mem;

import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link MemoryNetworkStatistics}. Thread-safe. */
final class Counters {
  final LongAdder deliveries = new LongAdder();
  final LongAdder refused = new LongAdder();
  final LongAdder partitioned = new LongAdder();
  final LongAdder failed = new LongAdder();
  final LongAdder dropped = new LongAdder();
  final LongAdder duplicated = new LongAdder();
  final LongAdder delayed = new LongAdder();
  final LongAdder reordered = new LongAdder();
  final LongAdder handOvers = new LongAdder();
  final LongAdder redeliveries = new LongAdder();
  final LongAdder committed = new LongAdder();
  final LongAdder rejected = new LongAdder();
  final LongAdder handlerFailures = new LongAdder();

  MemoryNetworkStatistics snapshot() {
    return new MemoryNetworkStatistics(deliveries.sum(), refused.sum(), partitioned.sum(), failed.sum(), dropped.sum(),
        duplicated.sum(), delayed.sum(), reordered.sum(), handOvers.sum(), redeliveries.sum(), committed.sum(),
        rejected.sum(), handlerFailures.sum());
  }

  void reset() {
    for (LongAdder adder : new LongAdder[] {deliveries, refused, partitioned, failed, dropped, duplicated, delayed,
        reordered, handOvers, redeliveries, committed, rejected, handlerFailures}) {
      adder.reset();
    }
  }
}
