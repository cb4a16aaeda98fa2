package org.pccc.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEDecrypter;
import com.nimbusds.jose.JWEEncrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWEObjectJSON;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.MultiDecrypter;
import com.nimbusds.jose.crypto.MultiEncrypter;
import com.nimbusds.jose.crypto.X25519Encrypter;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
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
import org.pccc.model.validation.ValidationException;
import org.pccc.model.validation.ValidationReport;

/**
 * The peer baseline: the same JWS-in-JWE envelope built and opened with nimbus-jose-jwt, doing the
 * same model work as the SDK (validate and write the message before signing; parse and validate
 * it after verifying; SHA-256 of the envelope bytes on both sides), so that the ratio to {@link
 * EnvelopeBenchmark} compares the JOSE layers.
 *
 * <ul>
 *   <li>{@code seal}: {@link JWSObject} signed, then {@link JWEObjectJSON} encrypted with a {@link
 *       MultiEncrypter} ({@code ECDH-ES+A256KW}, {@code A256GCM}) for N recipients, general JSON.
 *   <li>{@code open}: parse, decrypt for the first recipient with a {@link MultiDecrypter}, parse
 *       and verify the JWS. Nimbus checks no certificate, sender binding or time window: the SDK's
 *       open does more.
 * </ul>
 *
 * <p>One recipient is a special case: nimbus 10.10's {@link MultiEncrypter} with a single key
 * writes a general-JSON JWE whose only recipient has no header (no {@code alg}, {@code kid} or
 * {@code epk}), which nobody can decrypt. So with one recipient the benchmark encrypts a compact
 * {@link JWEObject} with {@link ECDHEncrypter} (or {@link X25519Encrypter}) and writes it as
 * general JSON through {@link JWEObjectJSON#JWEObjectJSON(JWEObject)}: the same cryptography, with
 * {@code alg}, {@code kid} and {@code epk} in the protected header. Opening is the same code.
 *
 * <p>Profile {@code P256} ({@code ES256}, ECDH-ES on P-256) is what nimbus supports natively, on
 * the JDK's SunEC provider. Profile {@code ED25519_X25519} needs Google Tink on the classpath
 * (nimbus's EdDSA and X25519 are built on it); without it the setup fails with a message saying
 * so, which is why only {@code P256} is in the default parameters (run it with
 * {@code -p profile=ED25519_X25519} once Tink is a dependency).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NimbusBaselineBenchmark {
  private static final JOSEObjectType MESSAGE_TYPE = new JOSEObjectType("pccc-message");
  private static final JOSEObjectType ENVELOPE_TYPE = new JOSEObjectType("pccc-envelope");

  /** {@code P256} (native) or {@code ED25519_X25519} (needs Tink). */
  @Param({"P256"})
  public String profile;

  /** Number of recipients. */
  @Param({"1", "5", "20"})
  public int recipients;

  /** Message size label. */
  @Param({"2k", "100k"})
  public String size;

  private final PcccJson json = PcccJson.create();
  private Message message;
  private JWSSigner signer;
  private JWSVerifier verifier;
  private JWSAlgorithm jwsAlgorithm;
  private String signerKid;
  private JWEEncrypter encrypter;
  private String singleRecipientKid;
  private JWEDecrypter decrypter;
  private byte[] envelope;

  /** Generates the keys, the message and one envelope; checks that it opens. */
  @Setup
  public void setUp() throws Exception {
    BenchmarkNetwork names = BenchmarkNetwork.of(org.pccc.crypto.pki.KeyProfile.P256);
    message = SizedMessages.message(size, Party.of(BenchmarkNetwork.SENDER, "MK"), names.recipientParties(recipients));
    List<JWK> recipientKeys = new ArrayList<>();
    if ("P256".equals(profile)) {
      ECKey signing = new ECKeyGenerator(Curve.P_256).keyID("sender-sig").generate();
      signer = new ECDSASigner(signing);
      verifier = new ECDSAVerifier(signing.toPublicJWK());
      jwsAlgorithm = JWSAlgorithm.ES256;
      signerKid = signing.getKeyID();
      for (int i = 1; i <= recipients; i++) {
        recipientKeys.add(new ECKeyGenerator(Curve.P_256).keyID(BenchmarkNetwork.recipientId(i) + "-enc")
            .algorithm(JWEAlgorithm.ECDH_ES_A256KW).generate());
      }
    } else if ("ED25519_X25519".equals(profile)) {
      requireTink();
      OctetKeyPair signing = new OctetKeyPairGenerator(Curve.Ed25519).keyID("sender-sig").generate();
      signer = new Ed25519Signer(signing);
      verifier = new Ed25519Verifier(signing.toPublicJWK());
      jwsAlgorithm = JWSAlgorithm.EdDSA;
      signerKid = signing.getKeyID();
      for (int i = 1; i <= recipients; i++) {
        recipientKeys.add(new OctetKeyPairGenerator(Curve.X25519).keyID(BenchmarkNetwork.recipientId(i) + "-enc")
            .algorithm(JWEAlgorithm.ECDH_ES_A256KW).generate());
      }
    } else {
      throw new IllegalArgumentException("profile is P256 or ED25519_X25519");
    }
    List<JWK> publicKeys = new ArrayList<>();
    for (JWK k : recipientKeys) {
      publicKeys.add(k.toPublicJWK());
    }
    if (recipients == 1) {
      JWK only = publicKeys.get(0);
      singleRecipientKid = only.getKeyID();
      encrypter = only instanceof ECKey ec ? new ECDHEncrypter(ec) : new X25519Encrypter((OctetKeyPair) only);
    } else {
      encrypter = new MultiEncrypter(new JWKSet(publicKeys));
    }
    decrypter = new MultiDecrypter(recipientKeys.get(0));
    envelope = seal();
    if (!open().equals(message)) {
      throw new IllegalStateException("the nimbus envelope does not open to the message sealed");
    }
  }

  /** Seals: validate, write, sign, encrypt for all recipients, hash. */
  @Benchmark
  public byte[] seal() throws JOSEException {
    ValidationReport report = json.validator().validate(message);
    if (!report.isValid()) {
      throw new ValidationException(report);
    }
    JWSObject jws = new JWSObject(
        new JWSHeader.Builder(jwsAlgorithm).keyID(signerKid).type(MESSAGE_TYPE).build(),
        new Payload(json.write(message)));
    jws.sign(signer);
    String json;
    if (singleRecipientKid != null) {
      JWEObject jwe = new JWEObject(
          new JWEHeader.Builder(JWEAlgorithm.ECDH_ES_A256KW, EncryptionMethod.A256GCM).keyID(singleRecipientKid)
              .type(ENVELOPE_TYPE).contentType(MESSAGE_TYPE.getType()).build(),
          new Payload(jws.serialize()));
      jwe.encrypt(encrypter);
      json = new JWEObjectJSON(jwe).serializeGeneral();
    } else {
      JWEObjectJSON jwe = new JWEObjectJSON(
          new JWEHeader.Builder(EncryptionMethod.A256GCM).type(ENVELOPE_TYPE).contentType(MESSAGE_TYPE.getType()).build(),
          new Payload(jws.serialize()));
      jwe.encrypt(encrypter);
      json = jwe.serializeGeneral();
    }
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    sha256(bytes);
    return bytes;
  }

  /** Opens as the first recipient: parse, decrypt, verify, parse and validate, hash. */
  @Benchmark
  public Message open() throws JOSEException, ParseException {
    JWEObjectJSON jwe = JWEObjectJSON.parse(new String(envelope, StandardCharsets.UTF_8));
    jwe.decrypt(decrypter);
    JWSObject jws = JWSObject.parse(jwe.getPayload().toString());
    if (!jws.verify(verifier)) {
      throw new IllegalStateException("signature does not verify");
    }
    ReadResult read = json.read(jws.getPayload().toBytes());
    if (!(read instanceof ReadResult.Accepted accepted)) {
      throw new IllegalStateException("message not valid: " + read.report());
    }
    sha256(envelope);
    return accepted.message();
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void requireTink() {
    try {
      Class.forName("com.google.crypto.tink.subtle.Ed25519Sign");
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("nimbus's EdDSA and X25519 need Google Tink on the classpath "
          + "(com.google.crypto.tink:tink); only profile P256 runs without it", e);
    }
  }
}
