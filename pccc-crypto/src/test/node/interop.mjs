// Interop driver for JoseNodeInteropTest: reads {"requests":[...]} as JSON on stdin and writes
// {"responses":[...]} to stdout, one response per request, using the `jose` npm package.
//
// Requests (binary values are base64url):
//   {"op":"sign", "alg":"EdDSA"|"ES256", "jwk":{private}, "kid":"...", "payload":"..."}  -> {"jws":"..."}
//   {"op":"verify", "alg":"...", "jwk":{public}, "jws":"..."}                            -> {"payload":"...", "protectedHeader":{...}}
//   {"op":"encrypt", "plaintext":"...", "cty":"...", "recipients":[{"kid":"...","jwk":{public}}]}
//                                                                      -> {"jwe":{general JSON serialization}}
//   {"op":"encryptCompact", "plaintext":"...", "kid":"...", "jwk":{public}}              -> {"jwe":"compact"}
//   {"op":"decrypt", "jwe":{general JSON}, "jwk":{private}}                             -> {"plaintext":"...", "protectedHeader":{...}}
// A request that fails gives {"error":"<name>: <message>"}.
import * as jose from 'jose';

const KEY_MANAGEMENT = 'ECDH-ES+A256KW';
const ENC = 'A256GCM';

const b64u = {
  encode: (bytes) => Buffer.from(bytes).toString('base64url'),
  decode: (text) => new Uint8Array(Buffer.from(text, 'base64url')),
};

async function handle(request) {
  switch (request.op) {
    case 'sign': {
      const key = await jose.importJWK(request.jwk, request.alg);
      const jws = await new jose.CompactSign(b64u.decode(request.payload))
        .setProtectedHeader({ alg: request.alg, kid: request.kid })
        .sign(key);
      return { jws };
    }
    case 'verify': {
      const key = await jose.importJWK(request.jwk, request.alg);
      const { payload, protectedHeader } = await jose.compactVerify(request.jws, key, {
        algorithms: [request.alg],
      });
      return { payload: b64u.encode(payload), protectedHeader };
    }
    case 'encrypt': {
      const encrypt = new jose.GeneralEncrypt(b64u.decode(request.plaintext)).setProtectedHeader({
        enc: ENC,
        ...(request.cty ? { cty: request.cty } : {}),
      });
      for (const recipient of request.recipients) {
        const key = await jose.importJWK(recipient.jwk, KEY_MANAGEMENT);
        encrypt.addRecipient(key).setUnprotectedHeader({ alg: KEY_MANAGEMENT, kid: recipient.kid });
      }
      return { jwe: await encrypt.encrypt() };
    }
    case 'encryptCompact': {
      const key = await jose.importJWK(request.jwk, KEY_MANAGEMENT);
      const jwe = await new jose.CompactEncrypt(b64u.decode(request.plaintext))
        .setProtectedHeader({ alg: KEY_MANAGEMENT, enc: ENC, kid: request.kid })
        .encrypt(key);
      return { jwe };
    }
    case 'decrypt': {
      const key = await jose.importJWK(request.jwk, KEY_MANAGEMENT);
      const { plaintext, protectedHeader } = await jose.generalDecrypt(request.jwe, key, {
        keyManagementAlgorithms: [KEY_MANAGEMENT],
        contentEncryptionAlgorithms: [ENC],
      });
      return { plaintext: b64u.encode(plaintext), protectedHeader };
    }
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
