package org.pccc.transport.mem;

import org.pccc.transport.internal.HandlerGate;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import org.pccc.transport.spi.InboundHandler;
import org.pccc.transport.spi.Listener;

/** A handler bound to a mem endpoint. Thread-safe; closing is idempotent. */
final class MemoryListener implements Listener {
  private final MemoryTransport transport;
  private final Mailbox mailbox;
  private final InboundHandler handler;
  private final HandlerGate gate = new HandlerGate();
  private final AtomicBoolean closed = new AtomicBoolean();

  MemoryListener(MemoryTransport transport, Mailbox mailbox, InboundHandler handler) {
    this.transport = transport;
    this.mailbox = mailbox;
    this.handler = handler;
  }

  @Override
  public URI endpoint() {
    return mailbox.endpoint();
  }

  String name() {
    return mailbox.name;
  }

  InboundHandler handler() {
    return handler;
  }

  HandlerGate gate() {
    return gate;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      // Waits for hand-overs in progress, so that the handler is never called after close returns.
      gate.close();
      mailbox.unbind(this);
      transport.forget(this);
    }
  }

  @Override
  public String toString() {
    return "MemoryListener[" + endpoint() + "]";
  }
}
