package org.pccc.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.pccc.crypto.EnvelopeOpener;
import org.pccc.crypto.EnvelopeRejectedException;
import org.pccc.crypto.Receipts;
import org.pccc.crypto.TrustedDirectory;
import org.pccc.crypto.VerifiedMessage;
import org.pccc.crypto.pki.CentreKeys;
import org.pccc.model.json.PcccJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pccc open --keys DIR --directory FILE --coordinator CERT.pem [--at INSTANT] [--max-age
 * DURATION] [--receipt-out FILE] [--json] ENVELOPE}: decrypts and verifies an envelope addressed
 * to this centre and prints the message (canonical JSON) on stdout, by design.
 *
 * <p>JSON: {@code {"ok":true,"messageId","kind","sender","signer","sha256","signedSha256","message":{...},
 * "receipt"?:FILE}}; on rejection (exit 1) {@code {"ok":false,"code":"PCCC-20xx","error"}}.
 */
@Command(name = "open", mixinStandardHelpOptions = true, versionProvider = Pccc.Version.class,
    description = {"Opens an envelope: decrypts, verifies the signer against the directory, checks the bindings,",
        "and prints the message (canonical JSON) on stdout.",
        KeyFolder.LAYOUT_HELP,
        "--json prints {\"ok\":true,\"messageId\",\"kind\",\"sender\",\"signer\",\"sha256\",\"signedSha256\",\"message\":{...}}",
        "or, when refused, {\"ok\":false,\"code\":\"PCCC-20xx\",\"error\"}.",
        "Exit codes: 0 opened, 1 envelope refused, 2 usage/keys/directory problem."})
final class OpenCommand extends CommandBase {
  @Option(names = "--keys", required = true, paramLabel = "DIR", description = "The recipient's key folder.")
  Path keys;

  @Mixin KeyPasswordOptions keyPassword;

  @Mixin TrustOptions trust;

  @Option(names = "--at", paramLabel = "INSTANT",
      description = "Open as if now were this instant (ISO-8601, e.g. 2026-11-30T08:21:00Z), for published vectors.")
  Instant at;

  @Option(names = "--max-age", paramLabel = "DURATION",
      description = "Oldest createdAt accepted, ISO-8601 duration (default P8D).")
  Duration maxAge;

  @Option(names = "--receipt-out", paramLabel = "FILE", description = "Also write the signed receipt (JWS) here.")
  Path receiptOut;

  @Option(names = "--json", description = "Print one JSON object on stdout.")
  boolean json;

  @Parameters(index = "0", paramLabel = "ENVELOPE", description = "The envelope file; - reads stdin.")
  String envelope;

  @Override
  protected int run() {
    Clock clock = at == null ? Clock.systemUTC() : Clock.fixed(at, ZoneOffset.UTC);
    CentreKeys self = KeyFolder.read(keys, keyPassword.password());
    TrustedDirectory directory = trust.load(clock, err());
    // An oversized envelope is refused by the opener with its size code, like any bad envelope.
    byte[] bytes = Inputs.readDocument(envelope, "envelope file", EnvelopeOpener.DEFAULT_MAX_ENVELOPE_BYTES);
    // One envelope per run: there is no earlier id to compare with, so this tool does not judge
    // replays (a service that receives envelopes uses a node, whose inbox refuses them durably).
    EnvelopeOpener.Builder builder = EnvelopeOpener.builder(self, directory, (signer, id, createdAt) -> true).clock(clock);
    if (maxAge != null) {
      if (maxAge.isNegative() || maxAge.isZero()) {
        throw CliException.config("--max-age must be positive");
      }
      builder.maxAge(maxAge);
    }
    VerifiedMessage verified;
    try {
      verified = builder.build().open(bytes);
    } catch (EnvelopeRejectedException e) {
      return fail(ExitCodes.REJECTED, e.code(), detail(e));
    }
    if (receiptOut != null) {
      Inputs.write(receiptOut, Receipts.issue(verified, self, clock).jws());
    }
    byte[] canonical = PcccJson.create().write(verified.message());
    if (json) {
      var o = Json.object().put("ok", true)
          .put("messageId", verified.message().header().messageId().toString())
          .put("kind", verified.message().body().kind().code())
          .put("sender", verified.message().header().sender().centreId())
          .put("signer", verified.signerCentre())
          .put("sha256", verified.envelopeSha256())
          .put("signedSha256", verified.signedSha256());
      o.set("message", Json.parse(canonical));
      if (receiptOut != null) {
        o.put("receipt", receiptOut.toString());
      }
      out().println(Json.write(o));
    } else {
      out().println(new String(canonical, java.nio.charset.StandardCharsets.UTF_8));
    }
    out().flush();
    return ExitCodes.OK;
  }
}
