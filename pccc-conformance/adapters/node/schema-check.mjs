// Schema check for ci-check.sh: compiles both published schemas with ajv (draft 2020-12, strict
// mode, every strict check on), then
// checks every message vector against the message schema alone:
//   messages/valid/*.json   must pass the schema;
//   messages/invalid/*.json must fail it, unless every expected code is one JSON Schema cannot
//                           express (NOT_EXPRESSIBLE below, as in JsonSchemas.NOT_EXPRESSIBLE_IN_SCHEMA)
//                           or a warning (PCCC-0006), or the text is not a JSON object at all.
// Usage: node schema-check.mjs <schemas dir> <vectors dir>. Exit 0 when all is as expected.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const NOT_EXPRESSIBLE = new Set(['PCCC-0007', 'PCCC-0009', 'PCCC-0002', 'PCCC-0200', 'PCCC-0201', 'PCCC-0202',
  'PCCC-0203', 'PCCC-0208', 'PCCC-0204', 'PCCC-0205', 'PCCC-0206', 'PCCC-0207', 'PCCC-0300', 'PCCC-0302', 'PCCC-0314']);
const NOT_A_DOCUMENT = new Set(['PCCC-0001', 'PCCC-0010']);
const WARNINGS = new Set(['PCCC-0006']);
const [schemas, vectors] = process.argv.slice(2);
let failures = 0;
const fail = (why) => { failures++; console.log(`FAIL ${why}`); };

const load = (name) => JSON.parse(readFileSync(join(schemas, name), 'utf8'));
const full = new Ajv2020({ strict: true, allErrors: true });
addFormats(full);
try { full.compile(load('directory.schema.json')); console.log('ok   directory.schema.json compiles in strict mode'); } catch (e) { fail(`directory.schema.json: ${e.message}`); }
const strictAjv = new Ajv2020({ strict: true, allErrors: true });
addFormats(strictAjv);
let validate;
try { validate = strictAjv.compile(load('message.schema.json')); console.log('ok   message.schema.json compiles in strict mode'); } catch (e) { fail(`message.schema.json: ${e.message}`); process.exit(1); }

const files = (dir) => readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json')).sort();
for (const f of files(join(vectors, 'messages/valid'))) {
  const ok = validate(JSON.parse(readFileSync(join(vectors, 'messages/valid', f), 'utf8')));
  if (!ok) fail(`messages/valid/${f} fails the schema: ${JSON.stringify(validate.errors.slice(0, 3))}`);
}
let accepted = 0; let rejected = 0;
for (const f of files(join(vectors, 'messages/invalid'))) {
  const dir = join(vectors, 'messages/invalid');
  const codes = JSON.parse(readFileSync(join(dir, f.replace(/\.json$/, '.expected.json')), 'utf8')).codes;
  let doc;
  try { doc = JSON.parse(readFileSync(join(dir, f), 'utf8')); } catch { doc = undefined; }
  if (doc === undefined || codes.some((c) => NOT_A_DOCUMENT.has(c))) continue;
  const schemaMayAccept = codes.every((c) => NOT_EXPRESSIBLE.has(c) || WARNINGS.has(c));
  if (validate(doc)) {
    accepted++;
    if (!schemaMayAccept) fail(`messages/invalid/${f} (expected ${codes.join(', ')}) passes the schema`);
  } else {
    rejected++;
    if (codes.every((c) => WARNINGS.has(c))) fail(`messages/invalid/${f} has only warnings but fails the schema`);
  }
}
console.log(`schema: ${files(join(vectors, 'messages/valid')).length} valid vectors checked; invalid vectors: ${rejected} rejected by the schema, ${accepted} accepted (allowed only for codes the schema cannot express)`);
process.exit(failures === 0 ? 0 : 1);
