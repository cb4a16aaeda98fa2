package org.pccc.transport.https;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Read timeouts for the embedded server. The JDK server reads requests with blocking socket
 * channels and offers no per-server read timeout (only the JVM-wide
 * {@code sun.net.httpserver.maxReqTime}); a blocked channel read is interruptible, though, and an
 * interrupt closes the channel. So a guard interrupts a connection thread that has seen no bytes
 * for the timeout, and the JDK server then drops the connection as it does on any I/O error.
 * Thread-safe.
 */
final class ReadWatchdog implements AutoCloseable {
  private final ScheduledThreadPoolExecutor timer;

  ReadWatchdog(String threadName) {
    timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      return t;
    });
    timer.setRemoveOnCancelPolicy(true);
  }

  /** Starts guarding the calling thread; it must call {@link Guard#disarm()} itself. */
  Guard arm(long timeoutMillis) {
    Guard guard = new Guard(Thread.currentThread(), TimeUnit.MILLISECONDS.toNanos(timeoutMillis));
    guard.schedule(guard.timeoutNanos);
    return guard;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  /** Watches one thread until disarmed. */
  final class Guard {
    private final Thread thread;
    private final long timeoutNanos;
    private volatile long lastActivityNanos = System.nanoTime();
    private boolean done;
    private boolean fired;
    private ScheduledFuture<?> check;

    private Guard(Thread thread, long timeoutNanos) {
      this.thread = thread;
      this.timeoutNanos = timeoutNanos;
    }

    /** Records progress: the timeout counts from the last call. */
    void touch() {
      lastActivityNanos = System.nanoTime();
    }

    private synchronized void schedule(long delayNanos) {
      if (done) {
        return;
      }
      try {
        check = timer.schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException e) {
        // the server is stopping and closes the connections itself
      }
    }

    private synchronized void check() {
      if (done) {
        return;
      }
      long idle = System.nanoTime() - lastActivityNanos;
      if (idle >= timeoutNanos) {
        fired = true;
        thread.interrupt();
      } else {
        schedule(timeoutNanos - idle);
      }
    }

    /**
     * Stops guarding; must be called on the guarded thread, which it leaves without the
     * interrupt this guard may have caused.
     *
     * @return whether the timeout fired
     */
    boolean disarm() {
      boolean wasFired;
      synchronized (this) {
        wasFired = fired;
        if (!done) {
          done = true;
          if (check != null) {
            check.cancel(false);
          }
        }
      }
      if (wasFired) {
        Thread.interrupted();
      }
      return wasFired;
    }
  }
}
