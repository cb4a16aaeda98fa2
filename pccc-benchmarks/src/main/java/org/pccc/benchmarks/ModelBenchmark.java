package org.pccc.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.pccc.model.Message;
import org.pccc.model.Party;
import org.pccc.model.json.PcccJson;
import org.pccc.model.json.ReadResult;

/**
 * The model layer alone: strict parse plus both validation layers ({@link PcccJson#read}), and
 * canonical writing ({@link PcccJson#write}), for messages of about 1, 2, 10 and 100 KB (see
 * {@link SizedMessages}; 2 KB is the size the envelope benchmarks use, for the
 * parse-versus-open ratio).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ModelBenchmark {

  /** Message size label. */
  @Param({"1k", "2k", "10k", "100k"})
  public String size;

  private final PcccJson json = PcccJson.create();
  private Message message;
  private byte[] bytes;

  /** Builds the message and its JSON once, and checks that it reads back as valid. */
  @Setup
  public void setUp() {
    message = SizedMessages.message(size, Party.of("BENCH-A", "MK"), List.of(Party.of("BENCH-B", "RS")));
    bytes = json.write(message);
    if (!(json.read(bytes) instanceof ReadResult.Accepted)) {
      throw new IllegalStateException("the " + size + " message does not validate: " + json.read(bytes).report());
    }
  }

  /** Parse and validate: what every received message goes through. */
  @Benchmark
  public ReadResult parseAndValidate() {
    return json.read(bytes);
  }

  /** Canonical writing (no validation). */
  @Benchmark
  public byte[] write() {
    return json.write(message);
  }
}
