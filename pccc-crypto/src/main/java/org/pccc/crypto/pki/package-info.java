/**
 * Keys, X.509 certificates and trust for the PCCC secure envelope.
 *
 * <p>What lives here:
 *
 * <ul>
 *   <li>key handles: {@link org.pccc.crypto.pki.SigningKeyPair}, {@link
 *       org.pccc.crypto.pki.EncryptionKeyPair}, {@link org.pccc.crypto.pki.CentreKeys}; raw key
 *       bytes are not part of their API and {@code toString()} never prints key material;
 *   <li>loading and writing: {@link org.pccc.crypto.pki.Pem} (PKCS#8, encrypted PKCS#8, X.509,
 *       CRLs) and {@link org.pccc.crypto.pki.Pkcs12};
 *   <li>issuing certificates and CRLs: {@link org.pccc.crypto.pki.CertificateIssuer}, and for
 *       tests and demos only {@link org.pccc.crypto.pki.InsecureDevelopmentPki};
 *   <li>trust: {@link org.pccc.crypto.pki.CertificateValidator} (validity at the signing time, key
 *       usage, PKIX to national CA roots with CRLs) and {@link
 *       org.pccc.crypto.pki.CertificateSet} (key rotation: which certificate was valid when).
 * </ul>
 *
 * <p>Keys are plain JDK key objects (Ed25519 "EdDSA", X25519 "XDH", EC P-256), so any JCA provider
 * can use them. BouncyCastle is used through private provider instances only; this package never
 * calls {@code Security.addProvider}.
 */
package org.pccc.crypto.pki;
