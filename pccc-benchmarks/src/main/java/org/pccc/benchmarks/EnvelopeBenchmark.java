package org.pccc.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.pccc.crypto.EnvelopeOpener;
import org.pccc.crypto.EnvelopeSealer;
import org.pccc.crypto.SealedEnvelope;
import org.pccc.crypto.VerifiedMessage;
import org.pccc.crypto.pki.KeyProfile;
import org.pccc.model.Message;

/**
 * The SDK's secure envelope end to end, as a node runs it.
 *
 * <ul>
 *   <li>{@code seal}: validate the message, write canonical JSON, sign (JWS), encrypt once and wrap
 *       the content key for each recipient (JWE general JSON), hash the envelope.
 *   <li>{@code open} (by the first recipient): parse the JWE, unwrap, decrypt, parse and verify the
 *       JWS against the directory, parse and validate the message, check certificate, sender,
 *       recipient, time window; the replay guard accepts every id (benchmark only), so one envelope
 *       can be opened on every invocation.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EnvelopeBenchmark {

  /** Signature and key agreement algorithms. */
  @Param({"ED25519_X25519", "P256"})
  public KeyProfile profile;

  /** Number of recipient centres (content key wrapped once each). */
  @Param({"1", "5", "20"})
  public int recipients;

  /** Message size label. */
  @Param({"2k", "100k"})
  public String size;

  private EnvelopeSealer sealer;
  private EnvelopeOpener opener;
  private Message message;
  private byte[] envelope;

  /** Builds the network, the message and one sealed envelope; checks that it opens. */
  @Setup
  public void setUp() {
    BenchmarkNetwork network = BenchmarkNetwork.of(profile);
    sealer = network.sealer();
    opener = network.firstRecipientOpener();
    message = SizedMessages.message(size, network.senderParty(), network.recipientParties(recipients));
    envelope = sealer.seal(message).bytes();
    if (!opener.open(envelope).message().equals(message)) {
      throw new IllegalStateException("the envelope does not open to the message sealed");
    }
  }

  /** Seals the message for all recipients. */
  @Benchmark
  public SealedEnvelope seal() {
    return sealer.seal(message);
  }

  /** Opens the envelope as the first recipient, with every check. */
  @Benchmark
  public VerifiedMessage open() {
    return opener.open(envelope);
  }
}
