package org.pccc.crypto;

import java.util.Optional;
import org.pccc.model.Message;
import org.pccc.model.code.MessageKind;
import org.pccc.model.directory.BilateralPolicy;

/**
 * Enforces the directory's bilateral policy for one pair of centres: the message kind must be
 * allowed and, where the policy names languages, the message's language must be one of them.
 * Receipts and error messages are always allowed (they carry no free text). A pair without a
 * policy may exchange every kind, as {@link org.pccc.model.directory.NetworkDirectory} documents.
 * The sealer calls it for every recipient, the opener for the signer and itself, so a message
 * the policy forbids is neither made nor accepted. Stateless.
 */
final class BilateralPolicyCheck {
  private BilateralPolicyCheck() {}

  /**
   * Checks a message between two centres against the policy of the pair.
   *
   * @throws EnvelopeRejectedException with {@link ErrorCode#POLICY_VIOLATION} if the policy
   *     forbids it; the message names the kind or language code and the centres, never content
   */
  static void require(TrustedDirectory directory, String sender, String recipient, Message message) {
    Optional<BilateralPolicy> policy = directory.directory().policy(sender, recipient);
    if (policy.isEmpty()) {
      return;
    }
    MessageKind kind = message.body().kind();
    if (!policy.get().allows(kind)) {
      throw new EnvelopeRejectedException(ErrorCode.POLICY_VIOLATION, "the bilateral policy between "
          + sender + " and " + recipient + " does not allow messages of kind " + kind.code());
    }
    if (kind == MessageKind.RECEIPT || kind == MessageKind.ERROR) {
      return;
    }
    if (!policy.get().languages().isEmpty() && !policy.get().languages().contains(message.header().language())) {
      throw new EnvelopeRejectedException(ErrorCode.POLICY_VIOLATION, "the bilateral policy between "
          + sender + " and " + recipient + " does not allow language " + message.header().language().code());
    }
  }
}
