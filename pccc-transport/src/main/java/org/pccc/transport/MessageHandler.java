package org.pccc.transport;

import java.util.Objects;
import java.util.function.Consumer;
import org.pccc.crypto.VerifiedMessage;

/**
 * The application's code for inbound messages. Called once per message (the inbox deduplicates
 * by message id across restarts), after the message is committed, on a node worker thread. If it
 * throws, the message stays "unhandled" and is offered again after a restart.
 *
 * <p>The {@link MessageContext} replies to the message, sends a delay notice or forwards it, so a
 * handler needs no reference to its node:
 *
 * <pre>{@code
 * .handler((message, context) -> {
 *   if (message.message().body() instanceof InformationRequest) {
 *     context.reply(new Reply(ReplyOutcome.NO_HIT, ...));
 *   }
 * })
 * }</pre>
 *
 * A handler that only takes messages in can adapt a {@link Consumer} with {@link #of}.
 */
@FunctionalInterface
public interface MessageHandler {

  /**
   * Handles a verified message.
   *
   * @param message decrypted, signature-checked, addressed to this centre, not a replay
   * @param context replies to, delays or forwards this message through the node that received it
   */
  void onMessage(VerifiedMessage message, MessageContext context);

  /**
   * Adapts a handler that does not need the context, for example {@code queue::add}.
   *
   * @param consumer takes each message
   * @return a handler that passes the message to the consumer
   */
  static MessageHandler of(Consumer<? super VerifiedMessage> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    return (message, context) -> consumer.accept(message);
  }
}
