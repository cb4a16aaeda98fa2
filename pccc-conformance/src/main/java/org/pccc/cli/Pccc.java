package org.pccc.cli;

/** Placeholder entry point until the commands land. */
public final class Pccc {
  private Pccc() {}

  /**
   * Entry point.
   *
   * @param args command line
   */
  public static void main(String[] args) {
    System.out.println("pccc: commands not built yet");
  }
}
