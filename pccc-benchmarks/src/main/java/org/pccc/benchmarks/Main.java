package org.pccc.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Entry point of {@code benchmarks.jar}.
 *
 * <ul>
 *   <li>{@code quick}: a subset of parameters with one fork and short iterations, designed to
 *       finish in under five minutes on two cores, allocation profiled ({@code -prof gc}) for
 *       parse, seal and open; then the summary table with the ratios.
 *   <li>{@code full}: every benchmark and parameter with release settings (two forks, five to
 *       eight warm-up and five measured iterations), then the same summary.
 *   <li>{@code smoke}: the quick plan with one 1-second warm-up and one 1-second measured
 *       iteration each, to check that everything runs and the summary renders (about two and a
 *       half minutes; the numbers mean nothing).
 *   <li>{@code sizes}: prints the actual byte sizes of the generated messages.
 *   <li>anything else: passed to JMH's own command line ({@code -h} lists its options).
 * </ul>
 */
public final class Main {
  private static final String[] HEAP = {"-Xms1g", "-Xmx1g"};

  private Main() {}

  /**
   * Runs a mode or hands the arguments to JMH.
   *
   * @param args {@code quick}, {@code full}, {@code smoke}, {@code sizes}, or JMH options
   * @throws Exception if JMH fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 1 && "quick".equals(args[0])) {
      runAndSummarise(quickPlan(false), "quick");
    } else if (args.length == 1 && "smoke".equals(args[0])) {
      runAndSummarise(quickPlan(true), "smoke");
    } else if (args.length == 1 && "full".equals(args[0])) {
      runAndSummarise(fullPlan(), "full");
    } else if (args.length == 1 && "sizes".equals(args[0])) {
      System.out.print(SizedMessages.describe());
    } else {
      org.openjdk.jmh.Main.main(args);
    }
  }

  private static void runAndSummarise(List<ChainedOptionsBuilder> plan, String mode) throws RunnerException {
    long started = System.nanoTime();
    List<RunResult> results = new ArrayList<>();
    for (ChainedOptionsBuilder stage : plan) {
      Collection<RunResult> stageResults = new Runner(stage.build()).run();
      results.addAll(stageResults);
    }
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
    System.out.println();
    System.out.println(Summary.render(results, mode, seconds));
  }

  /**
   * One fork, short iterations, a subset of parameters (2 KB, one recipient): numbers with an
   * order of magnitude, not results. About 4.5 minutes on an idle 2-core machine: 16 runs of 7 s
   * (model, envelope, nimbus with Tink, format), 14 of 3 s (primitives), 4 of 12 s (node), plus a
   * JVM start and the setup of each. The envelope's JIT needs about 5 s to settle, hence 5
   * warm-up iterations where one suffices for a primitive.
   *
   * @param smoke one 1-second iteration of each kind instead
   */
  static List<ChainedOptionsBuilder> quickPlan(boolean smoke) {
    int warmups = smoke ? 1 : 5;
    int iterations = smoke ? 1 : 2;
    List<ChainedOptionsBuilder> plan = new ArrayList<>();
    plan.add(quick(ModelBenchmark.class, warmups, 1, iterations, 1).addProfiler(GCProfiler.class)
        .param("size", "2k", "100k"));
    plan.add(quick(EnvelopeBenchmark.class, warmups, 1, iterations, 1).addProfiler(GCProfiler.class)
        .param("recipients", "1").param("size", "2k"));
    plan.add(quick(NimbusBaselineBenchmark.class, warmups, 1, iterations, 1).addProfiler(GCProfiler.class)
        .param("profile", nimbusProfiles()).param("recipients", "1").param("size", "2k"));
    plan.add(quick(JoseBenchmark.class, warmups, 1, iterations, 1));
    plan.add(quick(PrimitivesBenchmark.class, 1, 1, iterations, 1).param("size", "2k"));
    // The node runs much more code than a micro-benchmark: its JIT warm-up takes the longest.
    plan.add(quick(NodeBenchmark.class, 1, smoke ? 1 : 8, iterations, smoke ? 1 : 2));
    return plan;
  }

  /**
   * Every parameter, two forks, five measured iterations of 1 s after eight warm-up iterations for
   * the envelope, model and format benchmarks (whose JIT needs about 5 s to settle) and five for
   * the primitives; five and five of 5 s for the nodes (whose much larger code keeps the JIT busy
   * for half a minute). About 50 minutes on 2 cores with Tink on the classpath.
   */
  static List<ChainedOptionsBuilder> fullPlan() {
    List<ChainedOptionsBuilder> plan = new ArrayList<>();
    plan.add(full(ModelBenchmark.class, 8, 1).addProfiler(GCProfiler.class));
    plan.add(full(EnvelopeBenchmark.class, 8, 1).addProfiler(GCProfiler.class));
    plan.add(full(NimbusBaselineBenchmark.class, 8, 1).addProfiler(GCProfiler.class).param("profile", nimbusProfiles()));
    plan.add(full(JoseBenchmark.class, 8, 1));
    plan.add(full(PrimitivesBenchmark.class, 5, 1));
    plan.add(full(NodeBenchmark.class, 5, 5));
    return plan;
  }

  /** Nimbus runs EdDSA and X25519 only with Google Tink on the classpath; P-256 always. */
  static String[] nimbusProfiles() {
    try {
      Class.forName("com.google.crypto.tink.subtle.Ed25519Sign", false, Main.class.getClassLoader());
      return new String[] {"P256", "ED25519_X25519"};
    } catch (ClassNotFoundException e) {
      return new String[] {"P256"};
    }
  }

  private static ChainedOptionsBuilder quick(
      Class<?> benchmark, int warmups, int warmupSeconds, int iterations, int iterationSeconds) {
    return new OptionsBuilder()
        .include("\\." + benchmark.getSimpleName() + "\\.")
        .forks(1)
        .warmupIterations(warmups)
        .warmupTime(TimeValue.seconds(warmupSeconds))
        .measurementIterations(iterations)
        .measurementTime(TimeValue.seconds(iterationSeconds))
        .jvmArgsAppend(HEAP)
        .shouldFailOnError(true);
  }

  private static ChainedOptionsBuilder full(Class<?> benchmark, int warmups, int iterationSeconds) {
    return new OptionsBuilder()
        .include("\\." + benchmark.getSimpleName() + "\\.")
        .forks(2)
        .warmupIterations(warmups)
        .warmupTime(TimeValue.seconds(iterationSeconds))
        .measurementIterations(5)
        .measurementTime(TimeValue.seconds(iterationSeconds))
        .jvmArgsAppend(HEAP)
        .shouldFailOnError(true);
  }
}
