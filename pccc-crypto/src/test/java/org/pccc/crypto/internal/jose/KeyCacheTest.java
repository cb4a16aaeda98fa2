package org.pccc.crypto.internal.jose;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
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

  @Test
  void keyCodecAnswersFromTheCacheOnlyForTheSameKeyObject() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    PrivateKeyMaterial first = KeyCodec.privateKey(pair.getPrivate());
    assertThat(KeyCodec.privateKey(pair.getPrivate())).isSameAs(first);
    assertThat(KeyCodec.publicKey(pair.getPublic())).isSameAs(KeyCodec.publicKey(pair.getPublic()));

    // the same key decoded again is another object: classified again, to the same bytes
    java.security.PrivateKey copy = KeyFactory.getInstance("Ed25519")
        .generatePrivate(new PKCS8EncodedKeySpec(pair.getPrivate().getEncoded()));
    PrivateKeyMaterial again = KeyCodec.privateKey(copy);
    assertThat(again).isNotSameAs(first);
    assertThat(again.raw()).isEqualTo(first.raw());
    // the kept BouncyCastle parameters are built once per material
    assertThat(first.lightweight()).isSameAs(first.lightweight());
  }
}
