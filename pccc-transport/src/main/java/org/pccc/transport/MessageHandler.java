package org.pccc.transport;

import org.pccc.crypto.VerifiedMessage;

/**
 * The application's code for inbound messages. Called once per message (the inbox deduplicates
 * by message id across restarts), after the message is committed, on a node worker thread. If it
 * throws, the message stays "unhandled" and is offered again after a restart.
 */
@FunctionalInterface
public interface MessageHandler {

  /**
   * Handles a verified message.
   *
   * @param message decrypted, signature-checked, addressed to this centre, not a replay
   */
  void onMessage(VerifiedMessage message);
}
