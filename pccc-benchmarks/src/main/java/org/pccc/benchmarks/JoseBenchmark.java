package org.pccc.benchmarks;

import java.nio.charset.StandardCharsets;
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
import org.pccc.crypto.Digests;
import org.pccc.crypto.EnvelopeTypes;
import org.pccc.crypto.jose.AlgorithmPolicy;
import org.pccc.crypto.jose.JcaProviders;
import org.pccc.crypto.jose.Jwe;
import org.pccc.crypto.jose.JweHeader;
import org.pccc.crypto.jose.JweRecipient;
import org.pccc.crypto.jose.Jws;
import org.pccc.crypto.jose.JwsHeader;
import org.pccc.crypto.pki.CentreKeys;
import org.pccc.crypto.pki.KeyProfile;
import org.pccc.model.json.PcccJson;

/**
 * The envelope format alone: the SDK's JWS-in-JWE (exactly what {@code EnvelopeBenchmark} seals
 * and opens) built and opened over the message's canonical JSON bytes, without the model work
 * (validate, write, parse) and without the trust checks (directory lookup, certificate,
 * sender/recipient binding, time window, replay). Its cost over the sum of {@link
 * PrimitivesBenchmark}'s primitives is what the JOSE code itself adds.
 *
 * <ul>
 *   <li>{@code protect}: sign (compact JWS), encrypt for one recipient (JWE general JSON), SHA-256
 *       of the envelope bytes.
 *   <li>{@code unprotect}: parse the JWE, unwrap, decrypt, parse the JWS, verify, SHA-256 of the
 *       envelope bytes.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JoseBenchmark {

  /** Signature and key agreement algorithms. */
  @Param({"ED25519_X25519", "P256"})
  public KeyProfile profile;

  private final JcaProviders providers = JcaProviders.defaults();
  private final AlgorithmPolicy policy = AlgorithmPolicy.defaults();
  private byte[] payload;
  private JwsHeader jwsHeader;
  private JweHeader jweHeader;
  private CentreKeys sender;
  private CentreKeys recipient;
  private List<JweRecipient> recipients;
  private byte[] envelope;

  /** Writes the 2 KB message once, takes the keys, protects once and checks the round trip. */
  @Setup
  public void setUp() {
    BenchmarkNetwork network = BenchmarkNetwork.of(profile);
    payload = PcccJson.create().write(
        SizedMessages.message("2k", network.senderParty(), network.recipientParties(1)));
    sender = network.network().keys(BenchmarkNetwork.SENDER);
    recipient = network.network().keys(BenchmarkNetwork.recipientId(1));
    String x5t = sender.signing().x5tS256();
    jwsHeader = JwsHeader.builder().keyId(x5t).x5tS256(x5t).type(EnvelopeTypes.MESSAGE).build();
    jweHeader = JweHeader.builder().type(EnvelopeTypes.ENVELOPE).contentType(EnvelopeTypes.MESSAGE).build();
    recipients = List.of(new JweRecipient(recipient.encryption().kid(), recipient.encryption().publicKey()));
    envelope = protect();
    if (!java.util.Arrays.equals(unprotect(), payload)) {
      throw new IllegalStateException("the envelope does not open to the payload protected");
    }
  }

  /** Signs and encrypts the canonical message bytes for one recipient, and hashes the envelope. */
  @Benchmark
  public byte[] protect() {
    String jws = Jws.sign(payload, jwsHeader, sender.signing().privateKey(), providers);
    byte[] jwe = Jwe.encrypt(jws.getBytes(StandardCharsets.US_ASCII), jweHeader, recipients, providers)
        .getBytes(StandardCharsets.UTF_8);
    Digests.sha256Hex(jwe);
    return jwe;
  }

  /** Parses, decrypts, verifies, hashes the envelope; returns the signed payload. */
  @Benchmark
  public byte[] unprotect() {
    byte[] jws = Jwe.parse(envelope, Jwe.DEFAULT_MAX_BYTES)
        .decrypt(recipient.encryption().kid(), recipient.encryption().privateKey(), policy, providers);
    byte[] verified = Jws.parse(jws, Jws.DEFAULT_MAX_BYTES)
        .verify(sender.signing().publicKey(), policy, providers)
        .payload();
    Digests.sha256Hex(envelope);
    return verified;
  }
}
