package org.pccc.model.id;

/**
 * The layouts of a machine-readable zone defined by ICAO Doc 9303 (8th edition, 2021).
 *
 * <p>Immutable and thread-safe.
 */
public enum MrzFormat {
  /** Size-1 document such as an identity card: 3 lines of 30 characters (Doc 9303 Part 5). */
  TD1(3, 30),
  /** Size-2 document: 2 lines of 36 characters (Doc 9303 Part 6). */
  TD2(2, 36),
  /** Size-3 document, the passport book: 2 lines of 44 characters (Doc 9303 Part 4). */
  TD3(2, 44),
  /** Full-size machine-readable visa: 2 lines of 44 characters, no composite check (Part 7). */
  MRV_A(2, 44),
  /** Smaller machine-readable visa: 2 lines of 36 characters, no composite check digit (Part 7). */
  MRV_B(2, 36);

  private final int lines;
  private final int lineLength;

  MrzFormat(int lines, int lineLength) {
    this.lines = lines;
    this.lineLength = lineLength;
  }

  /** Returns the number of lines of this layout. */
  public int lines() {
    return lines;
  }

  /** Returns the number of characters in each line of this layout. */
  public int lineLength() {
    return lineLength;
  }
}
