package org.pccc.transport.https;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Total deadlines per connection of the embedded server, where Jetty has only idle timeouts (which
 * a client sending one byte per interval never meets):
 *
 * <ul>
 *   <li>from the moment a connection is accepted, the TLS handshake and the first request's
 *       headers must be complete within {@code headersTimeout};
 *   <li>from the moment a request's headers are in, its whole body must be read within
 *       {@code bodyTimeout} (the time the node takes to commit it is the handler timeout's);
 *   <li>after a response, the next request's headers on the kept-alive connection must be complete
 *       within {@code idleTimeout + headersTimeout}.
 * </ul>
 *
 * A connection that misses its deadline is closed. Registered as a {@link Connection.Listener}
 * bean of the connector, which tells it about every connection, and in front of the servlet as
 * the {@link Handler} from {@link #handler()}, which tells it when requests start and their bodies
 * end. Thread-safe.
 */
final class ConnectionDeadlines implements Connection.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionDeadlines.class);

  private final Scheduler scheduler;
  private final long headersNanos;
  private final long bodyNanos;
  private final long keepAliveNanos;
  private final Map<EndPoint, Watch> watches = new ConcurrentHashMap<>();

  ConnectionDeadlines(Scheduler scheduler, Duration headersTimeout, Duration bodyTimeout, Duration idleTimeout) {
    this.scheduler = scheduler;
    this.headersNanos = headersTimeout.toNanos();
    this.bodyNanos = bodyTimeout.toNanos();
    this.keepAliveNanos = idleTimeout.plus(headersTimeout).toNanos();
  }

  @Override
  public void onOpened(Connection connection) {
    EndPoint network = connection.getEndPoint();
    if (network instanceof EndPoint.Wrapper) {
      return; // the HTTP connection inside TLS: the TLS connection on the socket is watched
    }
    Watch watch = new Watch(network);
    watches.put(network, watch);
    watch.arm(headersNanos, "handshake and request headers");
  }

  @Override
  public void onClosed(Connection connection) {
    Watch watch = watches.remove(connection.getEndPoint());
    if (watch != null) {
      watch.cancel();
    }
  }

  /** The handler that reports requests to this object; wraps the servlet context. */
  Handler.Wrapper handler() {
    return new Handler.Wrapper() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) throws Exception {
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        while (endPoint instanceof EndPoint.Wrapper wrapper) {
          endPoint = wrapper.unwrap();
        }
        Watch watch = watches.get(endPoint);
        if (watch == null) {
          return super.handle(request, response, callback);
        }
        watch.arm(bodyNanos, "request body");
        Request watched = new Request.Wrapper(request) {
          @Override
          public Content.Chunk read() {
            Content.Chunk chunk = super.read();
            if (chunk != null && chunk.isLast()) {
              watch.cancel();
            }
            return chunk;
          }
        };
        Callback rearm = new Callback.Nested(callback) {
          @Override
          public void succeeded() {
            watch.arm(keepAliveNanos, "next request headers");
            super.succeeded();
          }

          @Override
          public void failed(Throwable x) {
            watch.arm(keepAliveNanos, "next request headers");
            super.failed(x);
          }
        };
        boolean handled = super.handle(watched, response, rearm);
        if (!handled) {
          watch.arm(keepAliveNanos, "next request headers");
        }
        return handled;
      }
    };
  }

  /** The one pending deadline of a connection. */
  private final class Watch {
    private final EndPoint endPoint;
    private Scheduler.Task task;

    Watch(EndPoint endPoint) {
      this.endPoint = endPoint;
    }

    synchronized void arm(long nanos, String what) {
      cancel();
      task = scheduler.schedule(() -> expire(what), nanos, TimeUnit.NANOSECONDS);
    }

    synchronized void cancel() {
      if (task != null) {
        task.cancel();
        task = null;
      }
    }

    private void expire(String what) {
      LOG.debug("closing a connection from {}: {} not complete in time", endPoint.getRemoteSocketAddress(), what);
      endPoint.close(new TimeoutException(what + " not complete in time"));
    }
  }
}
