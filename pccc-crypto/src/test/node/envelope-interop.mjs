// Envelope-level interop driver for EnvelopeNodeInteropTest: the whole PCCC secure envelope
// (a JWS of the message inside a general-JSON JWE) made and opened with the `jose` npm package
// only, as a partner in another language would. Reads {"requests":[...]} as JSON on stdin and
// writes {"responses":[...]} to stdout, one response per request.
//
// Requests (binary values are base64url):
//   {"op":"seal", "payload":"...", "alg":"EdDSA"|"ES256", "signingJwk":{private}, "x5t":"<x5t#S256 of the signing certificate>",
//    "recipients":[{"kid":"<x5t#S256 of the encryption certificate>", "jwk":{public}}]}
//       -> {"envelope":{general JSON JWE}}
//   {"op":"open", "envelope":{general JSON JWE}, "encryptionJwk":{private}, "alg":"EdDSA"|"ES256", "signerJwk":{public}}
//       -> {"payload":"...", "jwsHeader":{...}, "jweHeader":{...}}
// A request that fails gives {"error":"<name>: <message>"}.
import * as jose from 'jose';

const KEY_MANAGEMENT = 'ECDH-ES+A256KW';
const ENC = 'A256GCM';

const b64u = {
  encode: (bytes) => Buffer.from(bytes).toString('base64url'),
  decode: (text) => new Uint8Array(Buffer.from(text, 'base64url')),
};

async function seal(request) {
  const signingKey = await jose.importJWK(request.signingJwk, request.alg);
  const jws = await new jose.CompactSign(b64u.decode(request.payload))
    .setProtectedHeader({ alg: request.alg, kid: request.x5t, 'x5t#S256': request.x5t, typ: 'pccc-message' })
    .sign(signingKey);
  const encrypt = new jose.GeneralEncrypt(new TextEncoder().encode(jws)).setProtectedHeader({
    enc: ENC,
    typ: 'pccc-envelope',
    cty: 'pccc-message',
  });
  for (const recipient of request.recipients) {
    const key = await jose.importJWK(recipient.jwk, KEY_MANAGEMENT);
    encrypt.addRecipient(key).setUnprotectedHeader({ alg: KEY_MANAGEMENT, kid: recipient.kid });
  }
  return { envelope: await encrypt.encrypt() };
}

async function open(request) {
  const decryptionKey = await jose.importJWK(request.encryptionJwk, KEY_MANAGEMENT);
  const { plaintext, protectedHeader: jweHeader } = await jose.generalDecrypt(request.envelope, decryptionKey, {
    keyManagementAlgorithms: [KEY_MANAGEMENT],
    contentEncryptionAlgorithms: [ENC],
  });
  if (jweHeader.typ !== 'pccc-envelope') {
    throw new Error(`not a PCCC envelope: typ ${jweHeader.typ}`);
  }
  const signerKey = await jose.importJWK(request.signerJwk, request.alg);
  const { payload, protectedHeader: jwsHeader } = await jose.compactVerify(new TextDecoder().decode(plaintext), signerKey, {
    algorithms: [request.alg],
  });
  if (jwsHeader.typ !== 'pccc-message') {
    throw new Error(`not a PCCC message: typ ${jwsHeader.typ}`);
  }
  return { payload: b64u.encode(payload), jwsHeader, jweHeader };
}

async function handle(request) {
  switch (request.op) {
    case 'seal':
      return seal(request);
    case 'open':
      return open(request);
    default:
      throw new Error(`unknown op ${request.op}`);
  }
}

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }
  const { requests } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const responses = [];
  for (const request of requests) {
    try {
      responses.push(await handle(request));
    } catch (error) {
      responses.push({ error: `${error.name}: ${error.message}` });
    }
  }
  process.stdout.write(JSON.stringify({ responses }));
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
