/**
 * Low-level JOSE for the PCCC envelope: JWS (RFC 7515) in compact serialization, JWE (RFC 7516) in
 * the general JSON serialization with one content key wrapped per recipient, JWK (RFC 7517, RFC
 * 8037) and JWK thumbprints (RFC 7638), restricted to the algorithms of RFC 7518 and RFC 8037 this
 * SDK supports: {@code EdDSA} (Ed25519), {@code ES256}, {@code ECDH-ES+A256KW} with X25519 or
 * P-256, and {@code A256GCM}.
 *
 * <p>Rules that hold everywhere in this package:
 *
 * <ul>
 *   <li>The algorithm used to verify or decrypt is chosen from the local key and the {@link
 *       org.pccc.crypto.jose.AlgorithmPolicy}; a header may only confirm it, never choose it.
 *   <li>Keys are never taken from a message: {@code jwk}, {@code jku}, {@code x5u} and {@code x5c}
 *       headers are rejected, and so are {@code crit}, {@code b64} and {@code zip}.
 *   <li>Every parser takes a size limit and reads JSON strictly (no duplicate member names) and
 *       base64url strictly (no padding, no stray characters, canonical trailing bits).
 *   <li>Refused input raises {@link org.pccc.crypto.EnvelopeRejectedException}; our own mistakes
 *       raise {@link org.pccc.crypto.CryptoConfigurationException}.
 *   <li>No provider is ever registered globally; see {@link org.pccc.crypto.jose.JcaProviders}.
 * </ul>
 */
package org.pccc.crypto.jose;
