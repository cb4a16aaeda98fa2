package org.pccc.crypto.internal.jose;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * A small cache from JCA key objects, by identity, to what was computed from them once: their
 * classification and decoded parameters.
 *
 * <p>A node signs with the same private key and verifies with the same few directory certificates'
 * public keys millions of times; decoding a PKCS#8 or SubjectPublicKeyInfo structure, and (for
 * Ed25519) deriving the public key or decompressing the point, each time cost more than the
 * signature itself. The cache keeps that work to once per key object.
 *
 * <p>Direct-mapped and bounded: {@value #SLOTS} slots chosen by identity hash, a later key simply
 * replaces an earlier one in its slot. Keys are held weakly, and the slot of a key the garbage
 * collector has cleared is emptied at the next access to the cache: it never keeps a key alive,
 * and keeps its material (for a private key, the raw bytes the key object itself held) only until
 * then. Identity, not {@code equals}, is the match: two equal
 * key objects are two entries, and no key's encoding is computed to look it up. Thread-safe
 * without locks: slots hold immutable entries; two threads that miss at once both compute the
 * same value.
 *
 * @param <K> the key object type
 * @param <V> the computed value, immutable
 */
final class KeyCache<K, V> {
  static final int SLOTS = 64;

  private final AtomicReferenceArray<Slot<K, V>> slots = new AtomicReferenceArray<>(SLOTS);
  private final ReferenceQueue<K> cleared = new ReferenceQueue<>();
  private final Function<K, V> compute;

  KeyCache(Function<K, V> compute) {
    this.compute = compute;
  }

  private static final class Slot<K, V> extends WeakReference<K> {
    private final V value;
    private final int index;

    Slot(K key, V value, int index, ReferenceQueue<K> queue) {
      super(key, queue);
      this.value = value;
      this.index = index;
    }
  }

  /** Returns the value for the key object, computing it if this object is not cached. */
  V get(K key) {
    purgeCleared();
    int index = index(key);
    Slot<K, V> slot = slots.get(index);
    if (slot != null && slot.get() == key) {
      return slot.value;
    }
    V value = compute.apply(key);
    slots.set(index, new Slot<>(key, value, index, cleared));
    return value;
  }

  private void purgeCleared() {
    Reference<? extends K> reference;
    while ((reference = cleared.poll()) != null) {
      Slot<?, ?> slot = (Slot<?, ?>) reference;
      slots.compareAndSet(slot.index, castSlot(slot), null);
    }
  }

  @SuppressWarnings("unchecked")
  private Slot<K, V> castSlot(Slot<?, ?> slot) {
    return (Slot<K, V>) slot;
  }

  private static int index(Object key) {
    int h = System.identityHashCode(key);
    return (h ^ (h >>> 16)) & (SLOTS - 1);
  }
}
