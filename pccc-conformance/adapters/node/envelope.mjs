// Open and seal PCCC envelopes with `jose`: a JWS (EdDSA or ES256, typ pccc-message, x5t#S256)
// inside a JWE in the general JSON serialization (ECDH-ES+A256KW per recipient, A256GCM, typ
// pccc-envelope, cty pccc-message). The checks and their codes follow
// org.pccc.crypto.EnvelopeOpener; the order matters, since a vector expects the FIRST failure.
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as jose from 'jose';
import { Problem, validateMessage } from './validate.mjs';

export const MAX_ENVELOPE_BYTES = 4 * 1024 * 1024;
const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
const MAX_AGE_MS = 8 * 24 * 60 * 60 * 1000;
const SIGNING_ALGS = ['EdDSA', 'ES256'];
const KEY_MANAGEMENT = 'ECDH-ES+A256KW';
const ENC = 'A256GCM';
const KEY_CARRYING = ['jwk', 'jku', 'x5u', 'x5c'];

const reject = (code, message) => { throw new Problem(code, message); };
const b64uJson = (text) => {
  try { return JSON.parse(Buffer.from(text, 'base64url').toString('utf8')); } catch { return reject('PCCC-2002', 'a header is not base64url JSON'); }
};
const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** x5t#S256 of a certificate: base64url SHA-256 of its DER. */
export const thumbprint = (der) => createHash('sha256').update(der).digest('base64url');
const pemToDer = (pem) => new X509Certificate(pem).raw;
const derToCert = (base64) => new X509Certificate(Buffer.from(base64, 'base64'));

function checkHeader(header, where) {
  for (const name of KEY_CARRYING) if (name in header) reject('PCCC-2004', `${where} carries '${name}'`);
  for (const name of ['crit', 'b64', 'zip']) if (name in header) reject('PCCC-2004', `${where} has '${name}'`);
  for (const name of ['alg', 'enc', 'kid', 'typ', 'cty', 'x5t#S256', 'apu', 'apv']) {
    if (name in header && typeof header[name] !== 'string') reject('PCCC-2002', `${where} has a non-string '${name}'`);
  }
}

/** Imports a key from a PEM (PKCS#8 private key or certificate) through JWK, so OKP curves work too. */
async function importPem(pem, alg, isPrivate) {
  const key = isPrivate ? createPrivateKey(pem) : new X509Certificate(pem).publicKey;
  return jose.importJWK(key.export({ format: 'jwk' }), alg);
}
const signingAlgFor = (jwk) => (jwk.crv === 'Ed25519' ? 'EdDSA' : jwk.crv === 'P-256' ? 'ES256' : null);

/** Reads a key folder: centre id, private keys (PKCS#8 PEM; a JWK for older folders) and the certificates. */
export function readKeys(dir) {
  const read = (name) => readFileSync(join(dir, name), 'utf8');
  const has = (name) => existsSync(join(dir, name));
  const centreId = has('centre-id') ? read('centre-id').trim() : dir.split(/[\\/]/).filter(Boolean).pop();
  const privateJwk = (pemName, jwkName) => (has(pemName)
    ? createPrivateKey(read(pemName)).export({ format: 'jwk' })
    : JSON.parse(read(jwkName)));
  return {
    centreId,
    signingJwk: privateJwk('signing-key.pem', 'signing-key.jwk'),
    encryptionJwk: privateJwk('encryption-key.pem', 'encryption-key.jwk'),
    signingCertDer: pemToDer(read('signing-cert.pem')),
    encryptionCertDer: pemToDer(read('encryption-cert.pem')),
  };
}

/**
 * Verifies the signed directory with the coordinator's certificate and returns
 * {signers: Map<x5t#S256, {centreId, cert}>, encryption: Map<centreId, [cert]>, policies: [...]}.
 */
export async function readDirectory(directoryFile, coordinatorFile) {
  const jws = readFileSync(directoryFile, 'utf8').trim();
  const coordinatorPem = readFileSync(coordinatorFile, 'utf8');
  let payload;
  try {
    const parts = jws.split('.');
    if (parts.length !== 3) reject('PCCC-2017', 'the directory is not a compact JWS');
    const header = b64uJson(parts[0]);
    if (header.typ !== 'pccc-directory') reject('PCCC-2017', 'the JWS is not a PCCC directory (typ)');
    if (!SIGNING_ALGS.includes(header.alg)) reject('PCCC-2017', 'the directory algorithm is not allowed');
    const key = await importPem(coordinatorPem, header.alg, false);
    ({ payload } = await jose.compactVerify(jws, key, { algorithms: SIGNING_ALGS }));
  } catch (e) {
    if (e instanceof Problem) throw e;
    reject('PCCC-2017', `the directory signature does not verify (${e.code ?? e.name})`);
  }
  const directory = JSON.parse(Buffer.from(payload).toString('utf8'));
  const signers = new Map();
  const encryption = new Map();
  for (const centre of directory.centres ?? []) {
    for (const der of centre.signingCertificates ?? []) {
      const cert = derToCert(der);
      signers.set(thumbprint(cert.raw), { centreId: centre.centreId, cert });
    }
    encryption.set(centre.centreId, (centre.encryptionCertificates ?? []).map(derToCert));
  }
  return { signers, encryption, policies: directory.policies ?? [] };
}

/**
 * The directory's bilateral policy between two centres (either order) must allow the message's
 * kind and, if it names languages, its language; receipts and errors are always allowed
 * (PCCC-2020 otherwise), as org.pccc.crypto.BilateralPolicyCheck.
 */
export function checkPolicy(directory, sender, recipient, message) {
  const policy = (directory.policies ?? []).find((p) => (p.centreA === sender && p.centreB === recipient)
    || (p.centreA === recipient && p.centreB === sender));
  if (!policy) return;
  const kind = message.body?.type;
  if (kind === 'receipt' || kind === 'error') return;
  if (!(policy.allowedKinds ?? []).includes(kind)) {
    reject('PCCC-2020', `the bilateral policy between ${sender} and ${recipient} does not allow ${kind}`);
  }
  const languages = policy.languages ?? [];
  if (languages.length > 0 && !languages.includes(message.header?.language)) {
    reject('PCCC-2020', `the bilateral policy between ${sender} and ${recipient} does not allow language ${message.header?.language}`);
  }
}

/**
 * Opens an envelope as the centre whose keys are given; returns the message (parsed JSON) or
 * throws a Problem with the PCCC-20xx code of the first failed check.
 */
export async function openEnvelope(bytes, keys, directory, at) {
  if (bytes.length > MAX_ENVELOPE_BYTES) reject('PCCC-2001', 'envelope too large');
  let jwe;
  try { jwe = JSON.parse(bytes.toString('utf8')); } catch { reject('PCCC-2002', 'the envelope is not JSON'); }
  if (!isObj(jwe) || typeof jwe.protected !== 'string' || typeof jwe.ciphertext !== 'string'
      || typeof jwe.iv !== 'string' || typeof jwe.tag !== 'string' || !Array.isArray(jwe.recipients) || jwe.recipients.length === 0) {
    reject('PCCC-2002', 'the envelope is not a JWE in the general JSON serialization');
  }
  const protectedHeader = b64uJson(jwe.protected);
  if (!isObj(protectedHeader)) reject('PCCC-2002', 'the protected header is not an object');
  checkHeader(protectedHeader, 'JWE protected header');
  if (jwe.unprotected !== undefined) { if (!isObj(jwe.unprotected)) reject('PCCC-2002', 'bad unprotected header'); checkHeader(jwe.unprotected, 'JWE shared header'); }
  for (const r of jwe.recipients) {
    if (!isObj(r) || (r.header !== undefined && !isObj(r.header))) reject('PCCC-2002', 'bad recipient entry');
    if (r.header) checkHeader(r.header, 'JWE recipient header');
  }
  if (protectedHeader.typ !== 'pccc-envelope') reject('PCCC-2002', 'the JWE is not a PCCC envelope (typ)');
  const myKid = thumbprint(keys.encryptionCertDer);
  const mine = jwe.recipients.find((r) => r.header?.kid === myKid);
  if (!mine) reject('PCCC-2005', "no recipient entry for this centre's encryption key");
  const joint = { ...protectedHeader, ...(jwe.unprotected ?? {}), ...mine.header };
  if (joint.alg !== KEY_MANAGEMENT || joint.enc !== ENC) reject('PCCC-2003', 'the JWE algorithms are not allowed');
  let jwsBytes;
  try {
    const key = await jose.importJWK(keys.encryptionJwk, KEY_MANAGEMENT);
    const single = { ...jwe, recipients: [mine] };
    ({ plaintext: jwsBytes } = await jose.generalDecrypt(single, key, {
      keyManagementAlgorithms: [KEY_MANAGEMENT], contentEncryptionAlgorithms: [ENC] }));
  } catch (e) {
    reject('PCCC-2006', `the envelope could not be decrypted (${e.code ?? e.name})`);
  }

  const jws = Buffer.from(jwsBytes).toString('ascii');
  const parts = jws.split('.');
  if (parts.length !== 3) reject('PCCC-2002', 'the content is not a compact JWS');
  const header = b64uJson(parts[0]);
  if (!isObj(header)) reject('PCCC-2002', 'the JWS header is not an object');
  checkHeader(header, 'JWS protected header');
  if (typeof header.alg !== 'string' || header.alg.toLowerCase() === 'none') reject('PCCC-2003', "an unsecured JWS (alg 'none') is never accepted");
  if (header.typ !== 'pccc-message') reject('PCCC-2002', 'the signed content is not a PCCC message (typ)');
  const x5t = header['x5t#S256'] ?? header.kid;
  if (!x5t) reject('PCCC-2008', 'the signature names no certificate');
  const signer = directory.signers.get(x5t);
  if (!signer) reject('PCCC-2008', 'the signing certificate is not in the directory');
  const signerJwk = signer.cert.publicKey.export({ format: 'jwk' });
  const alg = signingAlgFor(signerJwk);
  if (header.alg !== alg) reject('PCCC-2003', "the JWS 'alg' does not fit the signer's key");
  let payload;
  try {
    ({ payload } = await jose.compactVerify(jws, await jose.importJWK(signerJwk, alg), { algorithms: [alg] }));
  } catch (e) {
    reject('PCCC-2007', `the signature is not valid (${e.code ?? e.name})`);
  }
  const checked = validateMessage(Buffer.from(payload));
  if (!checked.valid) reject('PCCC-2016', `the signed message is not valid: ${checked.codes.join(', ')}`);
  const message = JSON.parse(Buffer.from(payload).toString('utf8'));
  const created = Date.parse(message.header.createdAt);
  const now = at.getTime();
  // The certificate is judged at the time of opening, not at the createdAt the signer chose (a
  // backdated message must not revive an expired key); a createdAt before the certificate existed
  // is refused too.
  const from = Date.parse(signer.cert.validFrom); const to = Date.parse(signer.cert.validTo);
  if (now < from || now > to || created < from) reject('PCCC-2009', "the signer's certificate is not valid now");
  if (message.header.sender.centreId !== signer.centreId) reject('PCCC-2012', 'the signer is not the sender named in the header');
  if (!message.header.recipients.some((p) => p.centreId === keys.centreId)) reject('PCCC-2013', 'this centre is not among the recipients');
  if (created > now + MAX_CLOCK_SKEW_MS || created < now - MAX_AGE_MS) reject('PCCC-2015', 'createdAt is outside the accepted window');
  checkPolicy(directory, signer.centreId, keys.centreId, message);
  return message;
}

/** Seals a message as the centre whose keys are given, for every recipient centre it names. */
export async function sealMessage(bytes, keys, directory, now = new Date()) {
  const checked = validateMessage(bytes);
  if (!checked.valid) throw new Problem(checked.codes[0] ?? 'PCCC-2016', `the message is not valid: ${checked.codes.join(', ')}`);
  const message = JSON.parse(bytes.toString('utf8'));
  if (message.header.sender.centreId !== keys.centreId) throw new Problem('PCCC-2900', 'the sender is not the sealing centre');
  const alg = signingAlgFor(keys.signingJwk);
  const x5t = thumbprint(keys.signingCertDer);
  const payload = Buffer.from(JSON.stringify(message), 'utf8');
  const jws = await new jose.CompactSign(payload)
    .setProtectedHeader({ alg, kid: x5t, 'x5t#S256': x5t, typ: 'pccc-message' })
    .sign(await jose.importJWK(keys.signingJwk, alg));
  const encrypt = new jose.GeneralEncrypt(Buffer.from(jws, 'ascii'))
    .setProtectedHeader({ enc: ENC, typ: 'pccc-envelope', cty: 'pccc-message' });
  const centres = [...new Set(message.header.recipients.map((p) => p.centreId))];
  for (const centre of centres) checkPolicy(directory, keys.centreId, centre, message);
  for (const centre of centres) {
    const cert = (directory.encryption.get(centre) ?? []).find((c) => Date.parse(c.validFrom) <= now && now <= Date.parse(c.validTo));
    if (!cert) throw new Problem('PCCC-2900', `no valid encryption certificate in the directory for ${centre}`);
    const key = await jose.importJWK(cert.publicKey.export({ format: 'jwk' }), KEY_MANAGEMENT);
    encrypt.addRecipient(key).setUnprotectedHeader({ alg: KEY_MANAGEMENT, kid: thumbprint(cert.raw) });
  }
  return JSON.stringify(await encrypt.encrypt());
}
