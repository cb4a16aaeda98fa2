/**
 * The {@code pccc} command-line tool ({@link org.pccc.cli.Pccc}), built as
 * {@code pccc-conformance/target/pccc.jar}.
 *
 * <p>Every command: {@code --help}, {@code --version}; exit 0 success, 1 the input was rejected,
 * 2 usage or configuration error; {@code --json} prints exactly one JSON object on stdout (the
 * shape is in each command's help; {@code serve --json} prints one object per received message).
 * Error texts carry codes, file names, ids and JSON Pointers, never personal data; {@code open}
 * prints the opened message on stdout because that is what it is asked for.
 *
 * <p>Reusable pieces: {@link org.pccc.cli.KeyFolder} (the key folder layout), {@link
 * org.pccc.cli.NetworkWriter} (a development network on disk) and {@link
 * org.pccc.cli.VectorWriter} (the conformance vectors).
 */
package org.pccc.cli;
