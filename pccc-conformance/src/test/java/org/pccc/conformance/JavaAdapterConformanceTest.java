package org.pccc.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.pccc.crypto.CryptoException;
import org.pccc.crypto.EnvelopeOpener;
import org.pccc.crypto.EnvelopeSealer;
import org.pccc.crypto.TrustedDirectory;
import org.pccc.model.json.PcccJson;
import org.pccc.model.json.ReadResult;

/**
 * The Java library itself, as an in-process adapter, through {@link AdapterConformanceTest}: every
 * vector must pass (one dynamic test per vector).
 */
class JavaAdapterConformanceTest extends AdapterConformanceTest {
  private final PcccJson json = PcccJson.create();

  @Override
  protected Path vectors() {
    return TestVectors.folder();
  }

  @Override
  protected boolean validate(byte[] message) {
    return json.read(message) instanceof ReadResult.Accepted;
  }

  @Override
  protected List<String> validationCodes(byte[] message) {
    return new ArrayList<>(json.read(message).report().codes());
  }

  @Override
  protected byte[] open(Path keys, Path directory, Path coordinator, Instant at, byte[] envelope) throws Rejected {
    try {
      TrustedDirectory trusted = VectorFolder.loadDirectory(directory, coordinator);
      EnvelopeOpener opener = EnvelopeOpener.builder(VectorFolder.loadKeys(keys), trusted,
          org.pccc.crypto.ReplayGuard.inMemoryNotSurvivingRestart())
          .clock(Clock.fixed(at, ZoneOffset.UTC)).build();
      return json.write(opener.open(envelope).message());
    } catch (CryptoException e) {
      throw new Rejected(e.errorCode().code(), e.getMessage());
    }
  }

  @Override
  protected byte[] seal(Path keys, Path directory, Path coordinator, byte[] message) {
    TrustedDirectory trusted = VectorFolder.loadDirectory(directory, coordinator);
    return EnvelopeSealer.builder(VectorFolder.loadKeys(keys), trusted).build()
        .seal(json.readValid(message)).bytes();
  }

  /** Used by other tests: the in-process adapter over the generated vectors. */
  static Adapter adapter() {
    return new JavaAdapterConformanceTest().asAdapter();
  }

  static boolean exists(Path p) {
    return Files.exists(p);
  }
}
