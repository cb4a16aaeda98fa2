package org.pccc.transport.https;

/** The numbers of an {@link HttpsTransport}, checked by its builder. */
record HttpsSettings(
    long maxEnvelopeBytes,
    long connectTimeoutMillis,
    long requestTimeoutMillis,
    long readTimeoutMillis,
    long handlerTimeoutMillis,
    int workerThreads,
    int queueCapacity,
    int connectionThreads,
    int retryAfterSeconds) {}
