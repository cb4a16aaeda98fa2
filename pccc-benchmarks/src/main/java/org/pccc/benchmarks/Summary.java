package org.pccc.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

/**
 * Turns JMH results into the Markdown summary that {@code quick} and {@code full} print: every
 * result with its allocation per operation, then the ratios (formulas in the module README), then
 * the node table. Ratios whose inputs were not measured in the run say so.
 */
final class Summary {
  private static final String ENVELOPE = "EnvelopeBenchmark";
  private static final String NIMBUS = "NimbusBaselineBenchmark";
  private static final String MODEL = "ModelBenchmark";
  private static final String PRIMITIVES = "PrimitivesBenchmark";
  private static final String JOSE = "JoseBenchmark";
  private static final String NODE = "NodeBenchmark";

  private final List<RunResult> results;

  private Summary(Collection<RunResult> results) {
    this.results = List.copyOf(results);
  }

  /**
   * Renders the summary.
   *
   * @param results all results of the run
   * @param mode {@code quick} or {@code full}
   * @param seconds how long the run took
   * @return Markdown text
   */
  static String render(Collection<RunResult> results, String mode, long seconds) {
    return new Summary(results).render(mode, seconds);
  }

  private String render(String mode, long seconds) {
    StringBuilder out = new StringBuilder();
    out.append("# PCCC benchmarks: ").append(mode).append(" run\n\n");
    out.append("- JDK: ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.runtime.version")).append('\n');
    out.append("- OS: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
        .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores visible\n");
    out.append("- node stores: ").append(NodeBenchmark.storesInMemory() ? "/dev/shm (memory)" : "temporary folder (disk)")
        .append('\n');
    out.append("- run took ").append(seconds / 60).append(" min ").append(seconds % 60).append(" s\n\n");
    allResults(out);
    oursVersusNimbus(out);
    envelopeVersusPrimitives(out);
    parseVersusOpen(out);
    nodes(out);
    if ("quick".equals(mode)) {
      out.append("\nQuick mode: one fork, two short iterations, a subset of parameters. The numbers show that "
          + "everything runs and give an order of magnitude; they are not results (see README).\n");
    }
    return out.toString();
  }

  private void allResults(StringBuilder out) {
    out.append("## All results\n\n");
    out.append("| benchmark | params | mode | threads | score | error | unit | alloc B/op |\n");
    out.append("|---|---|---|---:|---:|---:|---|---:|\n");
    for (RunResult r : results) {
      BenchmarkParams p = r.getParams();
      Result<?> primary = r.getPrimaryResult();
      out.append("| ").append(shortName(p.getBenchmark()))
          .append(" | ").append(params(p))
          .append(" | ").append(p.getMode().shortLabel())
          .append(" | ").append(p.getThreads())
          .append(" | ").append(number(primary.getScore()))
          .append(" | ").append(Double.isNaN(primary.getScoreError()) ? "" : number(primary.getScoreError()))
          .append(" | ").append(primary.getScoreUnit())
          .append(" | ").append(allocation(r).map(Summary::number).orElse(""))
          .append(" |\n");
    }
    out.append('\n');
  }

  /** ours/nimbus = nimbus time per (seal + open) / ours, i.e. our seal+open throughput over nimbus's. */
  private void oursVersusNimbus(StringBuilder out) {
    out.append("## Ours / nimbus (throughput ratio; > 1 means the SDK is faster)\n\n");
    out.append("Nimbus P256: ES256 + ECDH-ES+A256KW on P-256 + A256GCM, what it supports without Tink; "
        + "nimbus ED25519_X25519 only runs with Tink on the classpath. Both do the same model work as the SDK. "
        + "Rows with the same profile on both sides compare the same algorithms; ours ED25519_X25519 "
        + "against nimbus P256 compares the SDK's default with nimbus's native choice.\n\n");
    out.append("| ours | nimbus | recipients | size | seal | open | seal+open |\n|---|---|---:|---|---:|---:|---:|\n");
    boolean any = false;
    for (RunResult n : find(NIMBUS, "seal")) {
      String recipients = n.getParams().getParam("recipients");
      String size = n.getParams().getParam("size");
      String nimbusProfile = n.getParams().getParam("profile");
      Optional<Double> nSeal = seconds(NIMBUS, "seal", "profile", nimbusProfile, "recipients", recipients, "size", size);
      Optional<Double> nOpen = seconds(NIMBUS, "open", "profile", nimbusProfile, "recipients", recipients, "size", size);
      // Same algorithms first; against nimbus's P-256 also the SDK's default profile.
      List<String> ours = "P256".equals(nimbusProfile) ? List.of("P256", "ED25519_X25519") : List.of(nimbusProfile);
      for (String profile : ours) {
        Optional<Double> oSeal = seconds(ENVELOPE, "seal", "profile", profile, "recipients", recipients, "size", size);
        Optional<Double> oOpen = seconds(ENVELOPE, "open", "profile", profile, "recipients", recipients, "size", size);
        if (nSeal.isEmpty() || nOpen.isEmpty() || oSeal.isEmpty() || oOpen.isEmpty()) {
          continue;
        }
        any = true;
        out.append("| ").append(profile).append(" | ").append(nimbusProfile)
            .append(" | ").append(recipients).append(" | ").append(size)
            .append(" | ").append(ratio(nSeal.get() / oSeal.get()))
            .append(" | ").append(ratio(nOpen.get() / oOpen.get()))
            .append(" | ").append(ratio((nSeal.get() + nOpen.get()) / (oSeal.get() + oOpen.get())))
            .append(" |\n");
      }
    }
    if (!any) {
      out.append("| n/a: envelope and nimbus seal/open not both measured in this run | | | | | | |\n");
    }
    out.append('\n');
  }

  /**
   * Envelope cost / sum of primitives, 2 KB, one recipient, two ways: the envelope format alone
   * (JoseBenchmark protect + unprotect: JWS in JWE over the canonical bytes) and the whole seal +
   * open (EnvelopeBenchmark: also validate, write, parse and the trust checks). The sum: sign +
   * verify + ephemeral key generation + 2 key agreements + 2 Concat KDF + key wrap + key unwrap +
   * AES-GCM encrypt + AES-GCM decrypt + 2 SHA-256 (the sealed envelope's digest and the opened
   * envelope's digest).
   */
  private void envelopeVersusPrimitives(StringBuilder out) {
    out.append("## Envelope / sum of primitives (2 KB, 1 recipient; 1.0 would be pure cryptography)\n\n");
    out.append("`format` is the JWS-in-JWE alone over the canonical bytes (JoseBenchmark protect + unprotect); "
        + "`seal+open` adds the model work (validate and write, parse and validate) and the trust checks "
        + "(EnvelopeBenchmark).\n\n");
    out.append("| profile | what | µs | primitives µs | ratio | other work µs |\n|---|---|---:|---:|---:|---:|\n");
    for (String profile : List.of("ED25519_X25519", "P256")) {
      boolean ed = profile.startsWith("ED");
      List<Optional<Double>> terms = new ArrayList<>();
      terms.add(seconds(PRIMITIVES, ed ? "ed25519Sign" : "es256Sign", "size", "2k"));
      terms.add(seconds(PRIMITIVES, ed ? "ed25519Verify" : "es256Verify", "size", "2k"));
      terms.add(seconds(PRIMITIVES, ed ? "x25519KeyGen" : "p256KeyGen"));
      Optional<Double> agree = seconds(PRIMITIVES, ed ? "x25519Agree" : "p256Ecdh");
      terms.add(agree);
      terms.add(agree);
      Optional<Double> kdf = seconds(PRIMITIVES, "concatKdf");
      terms.add(kdf);
      terms.add(kdf);
      terms.add(seconds(PRIMITIVES, "aesKeyWrap"));
      terms.add(seconds(PRIMITIVES, "aesKeyUnwrap"));
      terms.add(seconds(PRIMITIVES, "aesGcmEncrypt", "size", "2k"));
      terms.add(seconds(PRIMITIVES, "aesGcmDecrypt", "size", "2k"));
      Optional<Double> sha = seconds(PRIMITIVES, "sha256", "size", "2k");
      terms.add(sha);
      terms.add(sha);
      Optional<Double> primitives = terms.stream().anyMatch(Optional::isEmpty)
          ? Optional.empty()
          : Optional.of(terms.stream().mapToDouble(Optional::get).sum());
      envelopeRow(out, profile, "format", primitives,
          seconds(JOSE, "protect", "profile", profile), seconds(JOSE, "unprotect", "profile", profile));
      envelopeRow(out, profile, "seal+open", primitives,
          seconds(ENVELOPE, "seal", "profile", profile, "recipients", "1", "size", "2k"),
          seconds(ENVELOPE, "open", "profile", profile, "recipients", "1", "size", "2k"));
    }
    out.append('\n');
  }

  private static void envelopeRow(StringBuilder out, String profile, String what,
      Optional<Double> primitives, Optional<Double> seal, Optional<Double> open) {
    out.append("| ").append(profile).append(" | ").append(what);
    if (primitives.isEmpty() || seal.isEmpty() || open.isEmpty()) {
      out.append(" | n/a: not all terms measured in this run | | | |\n");
      return;
    }
    double envelope = seal.get() + open.get();
    out.append(" | ").append(number(envelope * 1e6))
        .append(" | ").append(number(primitives.get() * 1e6))
        .append(" | ").append(ratio(envelope / primitives.get()))
        .append(" | ").append(number((envelope - primitives.get()) * 1e6))
        .append(" |\n");
  }

  /** parse+validate (ModelBenchmark, 2 KB) / open (EnvelopeBenchmark, 2 KB, 1 recipient). */
  private void parseVersusOpen(StringBuilder out) {
    out.append("## Parse+validate / open (2 KB, 1 recipient): the model's share of opening\n\n");
    out.append("| profile | parse+validate µs | open µs | ratio |\n|---|---:|---:|---:|\n");
    Optional<Double> parse = seconds(MODEL, "parseAndValidate", "size", "2k");
    for (String profile : List.of("ED25519_X25519", "P256")) {
      Optional<Double> open = seconds(ENVELOPE, "open", "profile", profile, "recipients", "1", "size", "2k");
      if (parse.isEmpty() || open.isEmpty()) {
        out.append("| ").append(profile).append(" | n/a: not measured in this run | | |\n");
        continue;
      }
      out.append("| ").append(profile)
          .append(" | ").append(number(parse.get() * 1e6))
          .append(" | ").append(number(open.get() * 1e6))
          .append(" | ").append(ratio(parse.get() / open.get()))
          .append(" |\n");
    }
    out.append('\n');
  }

  private void nodes(StringBuilder out) {
    out.append("## Node to node (2 KB message, send until verified receipt)\n\n");
    out.append("| transport | senders | messages/s | p50 ms | p99 ms | samples |\n|---|---:|---:|---:|---:|---:|\n");
    Map<String, String[]> rows = new LinkedHashMap<>();
    for (RunResult r : results) {
      BenchmarkParams p = r.getParams();
      if (!shortName(p.getBenchmark()).startsWith(NODE + ".")) {
        continue;
      }
      String key = p.getParam("transport") + " | " + p.getThreads();
      String[] row = rows.computeIfAbsent(key, k -> new String[] {"", "", "", ""});
      Result<?> primary = r.getPrimaryResult();
      switch (p.getMode()) {
        case Throughput:
          row[0] = number(primary.getScore() * perSecondFactor(primary.getScoreUnit()));
          break;
        case SampleTime:
          Statistics s = primary.getStatistics();
          double toSeconds = secondsFactor(primary.getScoreUnit());
          if (row[0].isEmpty()) {
            // a closed loop: each sender thread sends again as soon as its receipt is back
            row[0] = number(p.getThreads() / (s.getMean() * toSeconds));
          }
          row[1] = number(s.getPercentile(50.0) * toSeconds * 1e3);
          row[2] = number(s.getPercentile(99.0) * toSeconds * 1e3);
          row[3] = Long.toString(s.getN());
          break;
        default:
          break;
      }
    }
    if (rows.isEmpty()) {
      out.append("| n/a: not measured in this run | | | | | |\n");
    }
    rows.forEach((key, row) -> out.append("| ").append(key).append(" | ").append(String.join(" | ", row)).append(" |\n"));
  }

  private List<RunResult> find(String benchmarkClass, String method) {
    List<RunResult> found = new ArrayList<>();
    for (RunResult r : results) {
      if (shortName(r.getParams().getBenchmark()).equals(benchmarkClass + "." + method)) {
        found.add(r);
      }
    }
    return found;
  }

  /** Seconds per operation of one benchmark with the given parameter values, from any mode but SampleTime. */
  private Optional<Double> seconds(String benchmarkClass, String method, String... paramPairs) {
    outer:
    for (RunResult r : find(benchmarkClass, method)) {
      BenchmarkParams p = r.getParams();
      for (int i = 0; i < paramPairs.length; i += 2) {
        if (!paramPairs[i + 1].equals(p.getParam(paramPairs[i]))) {
          continue outer;
        }
      }
      Result<?> primary = r.getPrimaryResult();
      String unit = primary.getScoreUnit();
      if (unit.startsWith("ops/")) {
        return Optional.of(1.0 / (primary.getScore() * perSecondFactor(unit)) * p.getThreads());
      }
      return Optional.of(primary.getScore() * secondsFactor(unit));
    }
    return Optional.empty();
  }

  private static Optional<Double> allocation(RunResult r) {
    for (Map.Entry<String, Result> e : r.getSecondaryResults().entrySet()) {
      if (e.getKey().endsWith("gc.alloc.rate.norm")) {
        return Optional.of(e.getValue().getScore());
      }
    }
    return Optional.empty();
  }

  /** Factor from "ops/UNIT" to operations per second. */
  private static double perSecondFactor(String unit) {
    return 1.0 / secondsFactor(unit.substring(unit.indexOf('/') + 1));
  }

  /** Factor from "UNIT/op" or "UNIT" to seconds. */
  private static double secondsFactor(String unit) {
    String u = unit.contains("/op") ? unit.substring(0, unit.indexOf('/')) : unit;
    switch (u) {
      case "s":
        return 1;
      case "ms":
        return 1e-3;
      case "us":
      case "µs":
        return 1e-6;
      case "ns":
        return 1e-9;
      case "min":
        return 60;
      default:
        throw new IllegalArgumentException("unknown time unit " + unit);
    }
  }

  private static String shortName(String benchmark) {
    String[] parts = benchmark.split("\\.");
    return parts.length < 2 ? benchmark : parts[parts.length - 2] + "." + parts[parts.length - 1];
  }

  private static String params(BenchmarkParams p) {
    List<String> pairs = new ArrayList<>();
    for (String key : p.getParamsKeys()) {
      pairs.add(key + "=" + p.getParam(key));
    }
    return String.join(" ", pairs);
  }

  private static String number(double v) {
    if (Math.abs(v) >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    return String.format(Locale.ROOT, "%.3g", v);
  }

  private static String ratio(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
