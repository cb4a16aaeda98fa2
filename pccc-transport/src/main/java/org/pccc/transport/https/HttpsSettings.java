package org.pccc.transport.https;

import java.time.Duration;

/** The numbers of an {@link HttpsTransport}, checked by its builder. */
record HttpsSettings(
    long maxEnvelopeBytes,
    long connectTimeoutMillis,
    long requestTimeoutMillis,
    long readTimeoutMillis,
    Duration headersTimeout,
    Duration bodyTimeout,
    long handlerTimeoutMillis,
    int workerThreads,
    int queueCapacity,
    int connectionThreads,
    int acceptQueueSize,
    int clientThreads,
    int retryAfterSeconds) {}
