package org.pccc.crypto.internal.jose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeyCacheTest {
  @Test
  void computesOncePerKeyObjectAndMatchesByIdentity() {
    AtomicInteger computed = new AtomicInteger();
    KeyCache<String, Integer> cache = new KeyCache<>(k -> computed.incrementAndGet());
    String key = new String("key");
    String equalTwin = new String("key");

    int first = cache.get(key);
    assertThat(cache.get(key)).isEqualTo(first);
    assertThat(computed).hasValue(1);
    // an equal but distinct object is another key: nothing is looked up by equals
    assertThat(cache.get(equalTwin)).isNotEqualTo(first);
    assertThat(computed).hasValue(2);
  }

  @Test
  void staysBoundedAndStillAnswersRightForEveryKey() {
    KeyCache<Object, Object> cache = new KeyCache<>(k -> List.of(k));
    List<Object> keys = new ArrayList<>();
    for (int i = 0; i < KeyCache.SLOTS * 8; i++) {
      keys.add(new Object());
    }
    for (Object key : keys) {
      assertThat(cache.get(key)).isEqualTo(List.of(key));
    }
    // evicted keys are recomputed, never answered with another key's value
    for (Object key : keys) {
      assertThat(cache.get(key)).isEqualTo(List.of(key));
    }
  }

  @Test
  void aFailedComputationIsNotCached() {
    AtomicInteger calls = new AtomicInteger();
    KeyCache<Object, Object> cache = new KeyCache<>(k -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalArgumentException("refused");
      }
      return "ok";
    });
    Object key = new Object();
    try {
      cache.get(key);
    } catch (IllegalArgumentException expected) {
      // first call fails
    }
    assertThat(cache.get(key)).isEqualTo("ok");
    assertThat(calls).hasValue(2);
  }
}
