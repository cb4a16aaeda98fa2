package org.pccc.transport.spi;

import java.net.URI;

/** A running receiver; closing it stops receiving. Thread-safe. */
public interface Listener extends AutoCloseable {

  /** Returns the endpoint actually served (for example with the port chosen by the system). */
  URI endpoint();

  /** Stops receiving; envelopes not yet committed stay where they are for the next listener. */
  @Override
  void close();
}
