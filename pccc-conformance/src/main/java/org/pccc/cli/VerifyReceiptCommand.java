package org.pccc.cli;

import java.time.Clock;
import java.util.UUID;
import org.pccc.crypto.EnvelopeRejectedException;
import org.pccc.crypto.ReceiptVerifier;
import org.pccc.crypto.Receipts;
import org.pccc.crypto.TrustedDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pccc verify-receipt --directory FILE --coordinator CERT.pem --message-id UUID --sha256
 * HEX --from CENTRE --sent-at INSTANT [--json] RECEIPT}: checks a signed receipt against the
 * message sent. {@code --sha256} is the digest of the signed message ({@code signedSha256} printed
 * by {@code pccc seal --out}); the receipt's signer is judged now and its time must lie between
 * {@code --sent-at} and now (each with the clock skew).
 *
 * <p>JSON: {@code {"ok":true,"messageId","from","receivedAt"}} or {@code {"ok":false,"code",
 * "error"}} (exit 1).
 */
@Command(name = "verify-receipt", mixinStandardHelpOptions = true, versionProvider = Pccc.Version.class,
    description = {"Verifies a signed receipt: signer listed in the directory, from the expected centre,",
        "naming the message id and the SHA-256 of the signed message sent (signedSha256 from 'pccc seal --out'),",
        "its signer's certificate valid now, its time between --sent-at and now.",
        "--json prints {\"ok\":true,\"messageId\",\"from\",\"receivedAt\"} or {\"ok\":false,\"code\",\"error\"}.",
        "Exit codes: 0 valid, 1 invalid receipt, 2 usage/directory problem."})
final class VerifyReceiptCommand extends CommandBase {
  @Mixin TrustOptions trust;

  @Option(names = "--message-id", required = true, paramLabel = "UUID", description = "The id of the message sent.")
  UUID messageId;

  @Option(names = "--sha256", required = true, paramLabel = "HEX",
      description = "The SHA-256 (hex) of the signed message sent: signedSha256 from 'pccc seal --out'.")
  String sha256;

  @Option(names = "--sent-at", required = true, paramLabel = "INSTANT",
      description = "When the message was sent (its createdAt, ISO-8601): an older receipt is refused.")
  java.time.Instant sentAt;

  @Option(names = "--from", required = true, paramLabel = "CENTRE", description = "The centre the envelope was sent to.")
  String from;

  @Option(names = "--json", description = "Print one JSON object on stdout.")
  boolean json;

  @Parameters(index = "0", paramLabel = "RECEIPT", description = "The receipt file (JWS); - reads stdin.")
  String receipt;

  @Override
  protected int run() {
    TrustedDirectory directory = trust.load(Clock.systemUTC(), err());
    byte[] bytes = Inputs.read(receipt, "receipt file");
    Receipts.VerifiedReceipt verified;
    try {
      verified = ReceiptVerifier.builder(directory).build().verify(bytes, new ReceiptVerifier.Delivery(
          messageId, sha256.toLowerCase(java.util.Locale.ROOT), from, sentAt));
    } catch (EnvelopeRejectedException e) {
      return fail(ExitCodes.REJECTED, e.code(), detail(e));
    }
    if (json) {
      out().println(Json.write(Json.object().put("ok", true)
          .put("messageId", verified.receipt().receivedMessageId().toString())
          .put("from", verified.receiverCentre())
          .put("receivedAt", String.valueOf(verified.receipt().receivedAt()))));
    } else {
      out().println("valid receipt from " + verified.receiverCentre() + " for message "
          + verified.receipt().receivedMessageId());
    }
    out().flush();
    return ExitCodes.OK;
  }
}
