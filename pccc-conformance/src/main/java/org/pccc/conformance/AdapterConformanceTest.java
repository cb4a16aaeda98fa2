package org.pccc.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * JUnit 5 base class for adapters written in Java (or any JVM language): extend it, implement
 * {@link #validate}, {@link #open} and {@link #seal}, and JUnit runs one dynamic test per vector
 * of the conformance suite (the same checks as {@code pccc conformance}). A failing vector fails
 * its test with the reason; a vector that passes with a warning (other validation codes than
 * ours) passes and prints the warning.
 *
 * <pre>{@code
 * class MyAdapterConformanceTest extends AdapterConformanceTest {
 *   protected boolean validate(byte[] message) { return myValidator.isValid(message); }
 *   protected byte[] open(Path keys, Path directory, Path coordinator, Instant at, byte[] envelope)
 *       throws Rejected { ... throw new Rejected("PCCC-2007", "bad signature"); }
 *   protected byte[] seal(Path keys, Path directory, Path coordinator, byte[] message) { ... }
 * }
 * }</pre>
 */
public abstract class AdapterConformanceTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Creates the test; subclasses need a no-argument constructor for JUnit. */
  protected AdapterConformanceTest() {}

  /** The adapter refused an envelope, with the {@code PCCC-20xx} code of the reason. */
  public static final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;
    private final String code;

    /**
     * Creates the refusal.
     *
     * @param code the stable code, for example {@code PCCC-2007}
     * @param message why, in a sentence
     */
    public Rejected(String code, String message) {
      super(message);
      this.code = code;
    }

    /** Returns the stable code. */
    public String code() {
      return code;
    }
  }

  /**
   * Returns whether the bytes are a valid PCCC message.
   *
   * @param message the file's bytes
   */
  protected abstract boolean validate(byte[] message);

  /**
   * Returns the validation codes the adapter finds in a message, or null if it does not report
   * codes (the default). Differences from the expected codes are warnings, never failures.
   */
  protected List<String> validationCodes(byte[] message) {
    return null;
  }

  /**
   * Opens an envelope as the centre whose keys are given.
   *
   * @param keys the centre's key folder ({@code signing-key.pem}, {@code encryption-key.pem}, ...)
   * @param directory the signed network directory ({@code directory.jws})
   * @param coordinator the coordinator's certificate (PEM) that signed the directory
   * @param at the time against which the message's createdAt is checked
   * @param envelope the envelope's bytes
   * @return the message's JSON bytes
   * @throws Rejected with the code of the first check that failed
   */
  protected abstract byte[] open(Path keys, Path directory, Path coordinator, Instant at, byte[] envelope)
      throws Rejected;

  /**
   * Seals a message as the centre whose keys are given, for every recipient it names.
   *
   * @param keys the sender's key folder
   * @param directory the signed network directory
   * @param coordinator the coordinator's certificate (PEM)
   * @param message the message's JSON bytes
   * @return the envelope (JWE, general JSON serialization)
   * @throws Exception if sealing fails (the vector fails)
   */
  protected abstract byte[] seal(Path keys, Path directory, Path coordinator, byte[] message) throws Exception;

  /**
   * Returns the vectors folder; by default the system property {@code pccc.vectors}, else
   * {@code pccc-conformance/vectors}.
   */
  protected Path vectors() {
    return Path.of(System.getProperty("pccc.vectors", "pccc-conformance/vectors"));
  }

  /** One dynamic test per vector of the suite. */
  @TestFactory
  public Stream<DynamicTest> conformance() {
    Adapter adapter = asAdapter();
    return ConformanceSuite.over(vectors()).cases().stream()
        .map(c -> DynamicTest.dynamicTest(c.id(), () -> {
          VectorResult r = c.run(adapter);
          if (r.status() == VectorResult.Status.FAIL) {
            Assertions.fail(r.reason() + (r.transcript().isEmpty() ? "" : "\n" + r.transcript()));
          }
          if (r.status() == VectorResult.Status.WARN) {
            System.out.println("WARNING " + r.id() + ": " + r.reason());
          }
        }));
  }

  /** Returns this test's implementation as an {@link Adapter}, for {@link ConformanceSuite#run}. */
  public Adapter asAdapter() {
    AdapterConformanceTest self = this;
    return new Adapter() {
      @Override
      public Validation validate(Path message) {
        byte[] bytes = read(message);
        return new Validation(self.validate(bytes), self.validationCodes(bytes), "");
      }

      @Override
      public Opening open(Path keys, Path directory, Path coordinator, Instant at, Path envelope) {
        try {
          byte[] message = self.open(keys, directory, coordinator, at, read(envelope));
          JsonNode tree;
          try {
            tree = MAPPER.readTree(message);
          } catch (IOException e) {
            throw new AdapterException("open returned bytes that are not JSON", "");
          }
          return new Opening(true, tree, null, "");
        } catch (Rejected e) {
          return new Opening(false, null, e.code(), e.code() + ": " + e.getMessage());
        }
      }

      @Override
      public Sealing seal(Path keys, Path directory, Path coordinator, Path out, Path message) {
        try {
          Files.write(out, self.seal(keys, directory, coordinator, read(message)));
          return new Sealing(true, "");
        } catch (Exception e) {
          return new Sealing(false, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
      }

      @Override
      public String describe() {
        return self.getClass().getName();
      }
    };
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
