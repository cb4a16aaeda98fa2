package org.pccc.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.pccc.crypto.EnvelopeOpener;
import org.pccc.crypto.CryptoException;
import org.pccc.crypto.TrustedDirectory;
import org.pccc.crypto.VerifiedMessage;
import org.pccc.model.json.PcccJson;
import org.pccc.model.json.ReadResult;
import org.pccc.model.validation.Severity;
import org.pccc.model.validation.ValidationCode;

/**
 * Runs an {@link Adapter} against a vectors folder (layout in {@link VectorFolder}) and reports
 * per vector:
 *
 * <ul>
 *   <li>{@code messages/valid}: the adapter must say valid;
 *   <li>{@code messages/invalid}: the adapter must say invalid (or valid, for a vector whose
 *       expected codes are all warnings, such as an unknown field); when the adapter reports
 *       codes and they differ from the expected ones, the vector passes with a WARNING, because an
 *       adapter in another language need not reproduce our codes;
 *   <li>{@code envelopes/valid}: opened as the named recipient, the adapter must return the
 *       expected message (equal as JSON trees, or equal after the Java library puts both in
 *       canonical form);
 *   <li>{@code envelopes/invalid}: the adapter must refuse (exit 1) with exactly the expected
 *       {@code PCCC-20xx} code; another code FAILS;
 *   <li>{@code seal}: the adapter seals several valid messages that the directory's bilateral
 *       policies allow (their centres rewritten to centres
 *       of {@code keys/} and createdAt set to now) and the Java library opens each envelope as
 *       every recipient and must find the same message.
 * </ul>
 *
 * Immutable; {@link #run} may be called repeatedly.
 */
public final class ConformanceSuite {
  /** How many messages the seal checks seal at most. */
  public static final int SEAL_CHECKS = 4;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final VectorFolder vectors;
  private final PcccJson json = PcccJson.create();

  private ConformanceSuite(Path vectors) {
    this.vectors = new VectorFolder(Objects.requireNonNull(vectors, "vectors").toAbsolutePath().normalize());
  }

  /** Returns a suite over a vectors folder. */
  public static ConformanceSuite over(Path vectorsFolder) {
    return new ConformanceSuite(vectorsFolder);
  }

  /** Returns the vectors folder. */
  public VectorFolder vectors() {
    return vectors;
  }

  /** Runs every case against the adapter. */
  public ConformanceReport run(Adapter adapter) {
    List<VectorResult> results = new ArrayList<>();
    for (VectorCase c : cases()) {
      results.add(c.run(adapter));
    }
    return new ConformanceReport(adapter.describe(), vectors.root().toString(), results);
  }

  /** Returns every check, in the order {@link #run} runs them. */
  public List<VectorCase> cases() {
    List<VectorCase> cases = new ArrayList<>();
    List<Path> valid = VectorFolder.vectorFiles(vectors.validMessages());
    if (valid.isEmpty()) {
      cases.add(missing("messages/valid", "no valid message vectors in " + vectors.validMessages()));
    }
    for (Path file : valid) {
      cases.add(new VectorCase("messages/valid", name(file), a -> validMessage(a, file)));
    }
    for (Path file : VectorFolder.vectorFiles(vectors.invalidMessages())) {
      cases.add(new VectorCase("messages/invalid", name(file), a -> invalidMessage(a, file)));
    }
    boolean crypto = Files.isRegularFile(vectors.signedDirectory())
        && Files.isRegularFile(vectors.coordinatorCertificate()) && !vectors.centres().isEmpty();
    if (!crypto) {
      cases.add(missing("envelopes", "the vectors have no keys/ or directory/ folder, so no envelope can be checked"));
      return cases;
    }
    List<Path> envelopes = new ArrayList<>(VectorFolder.vectorFiles(vectors.validEnvelopes()));
    envelopes.addAll(VectorFolder.vectorFiles(vectors.invalidEnvelopes()));
    if (envelopes.isEmpty()) {
      cases.add(missing("envelopes", "no envelope vectors in " + vectors.root().resolve("envelopes")));
    }
    for (Path file : envelopes) {
      String group = "envelopes/" + file.getParent().getFileName();
      cases.add(new VectorCase(group, name(file), a -> envelope(a, file)));
    }
    List<Path> sealInputs = valid.stream().limit(64).toList();
    for (int i = 0; i < SEAL_CHECKS; i++) {
      final int index = i;
      cases.add(new VectorCase("seal", "seal-" + (i + 1), a -> seal(a, sealInputs, index)));
    }
    return cases;
  }

  private static VectorCase missing(String group, String reason) {
    return new VectorCase(group, "(missing)", a -> new VectorResult(group, "(missing)", VectorResult.Status.FAIL, reason, ""));
  }

  private static String name(Path file) {
    return file.getFileName().toString();
  }

  private VectorResult validMessage(Adapter adapter, Path file) {
    Adapter.Validation v = adapter.validate(file);
    if (!v.valid()) {
      return result("messages/valid", file, VectorResult.Status.FAIL,
          "a valid message was rejected" + (v.codes() == null ? "" : " with " + v.codes()), v.transcript());
    }
    return result("messages/valid", file, VectorResult.Status.PASS, "", v.transcript());
  }

  private VectorResult invalidMessage(Adapter adapter, Path file) {
    Set<String> expected = expectedCodes(file);
    boolean warningOnly = expected.stream().noneMatch(ConformanceSuite::isError);
    Adapter.Validation v = adapter.validate(file);
    String group = "messages/invalid";
    if (warningOnly && !v.valid()) {
      return result(group, file, VectorResult.Status.FAIL,
          "a message with only warnings " + expected + " must be accepted, but was rejected"
              + (v.codes() == null ? "" : " with " + v.codes()), v.transcript());
    }
    if (!warningOnly && v.valid()) {
      return result(group, file, VectorResult.Status.FAIL,
          "an invalid message (expected " + expected + ") was accepted", v.transcript());
    }
    if (v.codes() != null) {
      Set<String> actual = new TreeSet<>(v.codes());
      if (!actual.equals(new TreeSet<>(expected))) {
        return result(group, file, VectorResult.Status.WARN,
            "codes differ: expected " + new TreeSet<>(expected) + ", adapter reported " + actual, v.transcript());
      }
    }
    return result(group, file, VectorResult.Status.PASS, "", v.transcript());
  }

  private static boolean isError(String code) {
    try {
      return ValidationCode.fromCode(code).severity() == Severity.ERROR;
    } catch (IllegalArgumentException e) {
      return true;
    }
  }

  private static Set<String> expectedCodes(Path vector) {
    JsonNode expected = readJson(VectorFolder.expectedFile(vector));
    Set<String> codes = new LinkedHashSet<>();
    for (JsonNode c : expected.path("codes")) {
      codes.add(c.asText());
    }
    if (codes.isEmpty()) {
      throw new IllegalStateException("the vector's expected.json lists no codes");
    }
    return codes;
  }

  private VectorResult envelope(Adapter adapter, Path file) {
    String group = "envelopes/" + file.getParent().getFileName();
    JsonNode expected = readJson(VectorFolder.expectedFile(file));
    String recipient = expected.path("recipient").asText();
    Path keys = vectors.keysOf(recipient).orElse(null);
    if (keys == null) {
      return result(group, file, VectorResult.Status.FAIL, "broken vector: no keys for recipient " + recipient, "");
    }
    Instant at = Instant.parse(expected.path("openAt").asText());
    Adapter.Opening o = adapter.open(keys, vectors.signedDirectory(), vectors.coordinatorCertificate(), at, file);
    if ("ok".equals(expected.path("result").asText())) {
      if (!o.ok()) {
        return result(group, file, VectorResult.Status.FAIL,
            "a valid envelope was rejected" + (o.code() == null ? "" : " with " + o.code()), o.transcript());
      }
      Path messageFile = resolveMessage(expected.path("message").asText());
      if (!Files.isRegularFile(messageFile)) {
        return result(group, file, VectorResult.Status.FAIL, "broken vector: no message file " + messageFile, "");
      }
      if (!sameMessage(o.message(), messageFile)) {
        return result(group, file, VectorResult.Status.FAIL,
            "the opened message differs from " + messageFile.getFileName(), o.transcript());
      }
      return result(group, file, VectorResult.Status.PASS, "", o.transcript());
    }
    String code = expected.path("code").asText();
    if (o.ok()) {
      return result(group, file, VectorResult.Status.FAIL,
          "an envelope that must be rejected with " + code + " was accepted", o.transcript());
    }
    if (!code.equals(o.code())) {
      return result(group, file, VectorResult.Status.FAIL,
          "rejected with " + o.code() + ", expected " + code, o.transcript());
    }
    return result(group, file, VectorResult.Status.PASS, "", o.transcript());
  }

  private Path resolveMessage(String name) {
    Path inValid = vectors.validMessages().resolve(name);
    return Files.isRegularFile(inValid) ? inValid : vectors.root().resolve(name);
  }

  /** Whether an opened message equals the expected file: as JSON trees, or in canonical form. */
  boolean sameMessage(JsonNode actual, Path expectedFile) {
    if (actual == null || !actual.isObject()) {
      return false;
    }
    JsonNode expected = readJson(expectedFile);
    if (expected.equals(actual)) {
      return true;
    }
    try {
      ReadResult a = json.read(MAPPER.writeValueAsBytes(actual));
      ReadResult b = json.read(Files.readAllBytes(expectedFile));
      if (a instanceof ReadResult.Accepted x && b instanceof ReadResult.Accepted y) {
        return MAPPER.readTree(json.write(x.message())).equals(MAPPER.readTree(json.write(y.message())));
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private VectorResult seal(Adapter adapter, List<Path> inputs, int index) {
    String name = "seal-" + (index + 1);
    List<String> centres = new ArrayList<>(vectors.centres().keySet());
    if (centres.size() < 2) {
      return new VectorResult("seal", name, VectorResult.Status.FAIL, "the vectors need keys of at least 2 centres", "");
    }
    List<SealInput> candidates = sealCandidates(inputs, centres);
    if (index >= candidates.size()) {
      return new VectorResult("seal", name, VectorResult.Status.FAIL,
          "no valid message could be prepared for seal check " + (index + 1), "");
    }
    SealInput input = candidates.get(index);
    name = name + " (" + input.source + ")";
    Path work = null;
    try {
      work = Files.createTempDirectory("pccc-seal-");
      Path message = work.resolve("message.json");
      Files.write(message, input.bytes);
      Path out = work.resolve("envelope.json");
      Adapter.Sealing s = adapter.seal(vectors.keysOf(input.sender).orElseThrow(), vectors.signedDirectory(),
          vectors.coordinatorCertificate(), out, message);
      if (!s.ok()) {
        return new VectorResult("seal", name, VectorResult.Status.FAIL, "the adapter refused to seal a valid message", s.transcript());
      }
      if (!Files.isRegularFile(out) || Files.size(out) == 0) {
        return new VectorResult("seal", name, VectorResult.Status.FAIL, "the adapter wrote no envelope", s.transcript());
      }
      byte[] envelope = Files.readAllBytes(out);
      TrustedDirectory directory = VectorFolder.loadDirectory(vectors.signedDirectory(), vectors.coordinatorCertificate());
      for (String recipient : input.recipients) {
        EnvelopeOpener opener = EnvelopeOpener.builder(
            VectorFolder.loadKeys(vectors.keysOf(recipient).orElseThrow()), directory,
            org.pccc.crypto.ReplayGuard.inMemoryNotSurvivingRestart()).build();
        VerifiedMessage opened;
        try {
          opened = opener.open(envelope);
        } catch (CryptoException e) {
          return new VectorResult("seal", name, VectorResult.Status.FAIL,
              "the Java library rejected the envelope for " + recipient + " with " + e.errorCode().code() + ": " + e.getMessage(),
              s.transcript());
        }
        if (!sameMessage(MAPPER.readTree(json.write(opened.message())), message)) {
          return new VectorResult("seal", name, VectorResult.Status.FAIL,
              "the envelope opened by " + recipient + " holds another message", s.transcript());
        }
      }
      return new VectorResult("seal", name, VectorResult.Status.PASS,
          "opened by " + String.join(", ", input.recipients), s.transcript());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteTree(work);
    }
  }

  private record SealInput(String source, String sender, List<String> recipients, byte[] bytes) {}

  /**
   * Prepares messages to seal: valid messages with the sender set to a centre of {@code keys/},
   * recipients to other centres (the last candidate to two of them, when there are three centres),
   * createdAt to now and dueBy removed; only those that stay valid, one per body kind first.
   */
  private List<SealInput> sealCandidates(List<Path> inputs, List<String> centres) {
    List<SealInput> firstOfKind = new ArrayList<>();
    List<SealInput> others = new ArrayList<>();
    Set<String> kinds = new HashSet<>();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    int n = 0;
    for (Path file : inputs) {
      JsonNode tree = readJson(file);
      if (!tree.isObject() || !tree.path("header").isObject()) {
        continue;
      }
      String sender = centres.get(n % centres.size());
      List<String> recipients = new ArrayList<>();
      recipients.add(centres.get((n + 1) % centres.size()));
      if (centres.size() >= 3 && n % 2 == 1) {
        recipients.add(centres.get((n + 2) % centres.size()));
      }
      ObjectNode header = (ObjectNode) tree.get("header");
      ((ObjectNode) header.with("sender")).put("centreId", sender);
      JsonNode oldRecipients = header.path("recipients");
      ArrayNode list = MAPPER.createArrayNode();
      for (int i = 0; i < recipients.size(); i++) {
        ObjectNode party = oldRecipients.path(0).isObject()
            ? ((ObjectNode) oldRecipients.get(0)).deepCopy() : MAPPER.createObjectNode();
        party.put("centreId", recipients.get(i));
        list.add(party);
      }
      header.set("recipients", list);
      header.put("createdAt", now.toString());
      header.remove("dueBy");
      byte[] bytes;
      try {
        bytes = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (!(json.read(bytes) instanceof ReadResult.Accepted accepted)
          || !policyAllows(accepted.message(), sender, recipients)) {
        continue;
      }
      n++;
      SealInput input = new SealInput(file.getFileName().toString(), sender, List.copyOf(recipients), bytes);
      if (kinds.add(tree.path("body").path("type").asText())) {
        firstOfKind.add(input);
      } else {
        others.add(input);
      }
    }
    firstOfKind.addAll(others);
    return firstOfKind;
  }

  /**
   * True if the vectors' directory lets the sender send this message to every recipient (kind and
   * language of the bilateral policy): a conforming adapter refuses to seal anything else.
   */
  private boolean policyAllows(org.pccc.model.Message message, String sender, List<String> recipients) {
    org.pccc.model.directory.NetworkDirectory directory =
        VectorFolder.loadDirectory(vectors.signedDirectory(), vectors.coordinatorCertificate()).directory();
    for (String recipient : recipients) {
      var policy = directory.policy(sender, recipient);
      if (policy.isPresent() && (!policy.get().allows(message.body().kind())
          || (!policy.get().languages().isEmpty() && !policy.get().languages().contains(message.header().language())))) {
        return false;
      }
    }
    return true;
  }

  private static VectorResult result(String group, Path file, VectorResult.Status status, String reason, String transcript) {
    return new VectorResult(group, file.getFileName().toString(), status, reason, transcript);
  }

  static JsonNode readJson(Path file) {
    try {
      return MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path folder) {
    if (folder == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // Leftover temporary files are harmless.
    }
  }

  /** Returns the centres the vectors have keys for (for reports and tests). */
  public Map<String, Path> centres() {
    return vectors.centres();
  }
}
