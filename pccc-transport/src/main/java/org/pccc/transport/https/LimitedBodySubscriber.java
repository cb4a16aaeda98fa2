package org.pccc.transport.https;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Keeps at most a few kilobytes of an error response: enough for the JSON error code, without
 * letting a server make the client buffer an unbounded body. Never fails: a broken body is simply
 * shorter, the status code is what counts.
 */
final class LimitedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {
  private final int limit;
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private Flow.Subscription subscription;

  LimitedBodySubscriber(int limit) {
    this.limit = limit;
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer b : items) {
      int n = Math.min(b.remaining(), limit - kept.size());
      byte[] chunk = new byte[n];
      b.get(chunk);
      kept.write(chunk, 0, n);
    }
    if (kept.size() >= limit) {
      result.complete(kept.toByteArray());
      subscription.cancel();
    }
  }

  @Override
  public void onError(Throwable t) {
    result.complete(kept.toByteArray());
  }

  @Override
  public void onComplete() {
    result.complete(kept.toByteArray());
  }
}
