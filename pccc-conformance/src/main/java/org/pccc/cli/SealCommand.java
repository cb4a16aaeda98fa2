package org.pccc.cli;

import java.nio.file.Path;
import java.time.Clock;
import org.pccc.crypto.EnvelopeSealer;
import org.pccc.crypto.SealedEnvelope;
import org.pccc.crypto.TrustedDirectory;
import org.pccc.crypto.pki.CentreKeys;
import org.pccc.model.Message;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pccc seal --keys DIR --directory FILE --coordinator CERT.pem [--out FILE] MESSAGE}: signs
 * and encrypts a message for every recipient named in its header.
 *
 * <p>Without {@code --out} the envelope is printed on stdout. With {@code --out} (or {@code
 * --json}, which needs {@code --out}) one JSON object is printed: {@code {"ok":true,"messageId",
 * "sha256","signedSha256","createdAt","bytes","out"}} ({@code signedSha256} is what the receipt names); on failure {@code {"ok":false,"code","error"}}.
 */
@Command(name = "seal", mixinStandardHelpOptions = true, versionProvider = Pccc.Version.class,
    description = {"Seals a message (sign with the sender's key, encrypt to every recipient in the directory).",
        KeyFolder.LAYOUT_HELP,
        "Without --out the envelope goes to stdout; with --out prints {\"ok\":true,\"messageId\",\"sha256\",\"signedSha256\",\"createdAt\",\"bytes\",\"out\"}.",
        "Exit codes: 0 sealed, 1 the message is invalid, 2 usage/keys/directory problem."})
final class SealCommand extends CommandBase {
  @Option(names = "--keys", required = true, paramLabel = "DIR", description = "The sender's key folder.")
  Path keys;

  @Mixin KeyPasswordOptions keyPassword;

  @Mixin TrustOptions trust;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the envelope here.")
  Path outFile;

  @Option(names = "--json", description = "Print the JSON summary (needs --out; implied by --out).")
  boolean json;

  @Parameters(index = "0", paramLabel = "MESSAGE", description = "The message file; - reads stdin.")
  String message;

  @Override
  protected boolean jsonOutput() {
    return json || outFile != null;
  }

  @Override
  protected int run() {
    if (json && outFile == null) {
      throw CliException.config("--json needs --out FILE (the envelope itself is JSON)");
    }
    CentreKeys self = KeyFolder.read(keys, keyPassword.password());
    TrustedDirectory directory = trust.load(Clock.systemUTC(), err());
    Message m = Messages.readValid(message);
    SealedEnvelope envelope = EnvelopeSealer.builder(self, directory).build().seal(m);
    if (outFile == null) {
      out().println(envelope.text());
    } else {
      Inputs.write(outFile, envelope.bytes());
      out().println(Json.write(Json.object().put("ok", true)
          .put("messageId", envelope.messageId().toString())
          .put("sha256", envelope.sha256())
          .put("signedSha256", envelope.signedSha256())
          .put("createdAt", m.header().createdAt().toString())
          .put("bytes", envelope.size())
          .put("out", outFile.toString())));
    }
    out().flush();
    return ExitCodes.OK;
  }
}
