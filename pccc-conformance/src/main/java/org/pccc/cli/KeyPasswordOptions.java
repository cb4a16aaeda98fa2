package org.pccc.cli;

import java.nio.file.Path;
import org.pccc.crypto.pki.KeyPassword;
import picocli.CommandLine.Option;

/**
 * Where the password of encrypted private keys comes from: a file or an environment variable,
 * never the command line (other users of the machine can read a process's arguments).
 */
final class KeyPasswordOptions {
  @Option(names = "--key-password-file", paramLabel = "FILE",
      description = "Read the password of encrypted private keys (PKCS#8 PEM or keys.p12) from the first line of FILE.")
  Path file;

  @Option(names = "--key-password-env", paramLabel = "VAR",
      description = "Read the password of encrypted private keys from the environment variable VAR.")
  String variable;

  /** Returns the password chosen, or none. */
  KeyPassword password() {
    if (file != null && variable != null) {
      throw CliException.config("give --key-password-file or --key-password-env, not both");
    }
    if (file != null) {
      return KeyPassword.fromFile(file);
    }
    if (variable != null) {
      return KeyPassword.fromEnvironment(variable);
    }
    return KeyPassword.none();
  }
}
