package org.pccc.benchmarks;

/** Placeholder entry point until the benchmarks land. */
public final class Main {
  private Main() {}

  /**
   * Entry point.
   *
   * @param args command line
   */
  public static void main(String[] args) {
    System.out.println("benchmarks not built yet");
  }
}
