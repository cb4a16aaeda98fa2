package org.pccc.transport.internal;

/**
 * Lets handler calls through until closed, and makes {@link #close()} wait for calls already in
 * progress, so that once a listener's close returns its handler is never called again. A handler
 * that closes its own listener from inside a call does not wait for itself. Thread-safe.
 */
public final class HandlerGate {
  private final Object lock = new Object();
  private final ThreadLocal<int[]> depthOnThisThread = ThreadLocal.withInitial(() -> new int[1]);
  private boolean open = true;
  private int active;

  /** Returns true, counting the caller in, if the gate is open; the caller must then {@link #exit()}. */
  public boolean enter() {
    synchronized (lock) {
      if (!open) {
        return false;
      }
      active++;
    }
    depthOnThisThread.get()[0]++;
    return true;
  }

  /** Ends a call begun with a successful {@link #enter()}. */
  public void exit() {
    depthOnThisThread.get()[0]--;
    synchronized (lock) {
      active--;
      lock.notifyAll();
    }
  }

  /** Returns whether the gate still lets calls through. */
  public boolean isOpen() {
    synchronized (lock) {
      return open;
    }
  }

  /** Closes the gate and waits until no call other than the caller's own is in progress. */
  public void close() {
    int own = depthOnThisThread.get()[0];
    synchronized (lock) {
      open = false;
      while (active > own) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
