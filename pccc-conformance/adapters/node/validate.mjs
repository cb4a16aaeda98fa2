// Message validation for the reference adapter: a strict JSON scan (syntax, duplicate keys,
// limits), the published JSON Schema (ajv, draft 2020-12, strict mode), the field constraints the
// published schema does not carry (required fields, identifier formats) and the rules JSON Schema
// cannot express (ported from org.pccc.model.validation.MessageRules). Reports PCCC codes.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { checkContainerNumber, checkHsCode, checkMrn, checkMrz, checkTirCarnet, checkVin } from './ids.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
export const SCHEMA_DIR = process.env.PCCC_SCHEMA_DIR ?? join(HERE, '..', '..', 'schemas');

// The limits of org.pccc.model.json.PcccJson.
export const LIMITS = { documentBytes: 2 * 1024 * 1024, depth: 32, stringLength: 100_000, numberLength: 32 };
const WARNING_CODES = new Set(['PCCC-0006']);

export class Problem extends Error {
  constructor(code, message) { super(message); this.code = code; }
}

/**
 * Scans JSON text: well-formed (RFC 8259), no duplicate keys, within the limits. Throws a
 * Problem with PCCC-0001 (malformed), PCCC-0007 (duplicate key) or PCCC-0002 (limit).
 */
export function scanJson(text) {
  let i = 0;
  const ws = () => { while (i < text.length && ' \t\n\r'.includes(text[i])) i++; };
  const fail = (why) => { throw new Problem('PCCC-0001', `${why} at offset ${i}`); };
  const string = () => {
    const start = i++;
    while (true) {
      if (i >= text.length) fail('unterminated string');
      const c = text[i];
      if (c === '"') break;
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') { if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad \\u escape'); i += 6; continue; }
        if (!'"\\/bfnrt'.includes(e)) fail('bad escape');
        i += 2; continue;
      }
      if (c.charCodeAt(0) < 0x20) fail('control character in string');
      i++;
    }
    i++;
    const value = JSON.parse(text.slice(start, i));
    if (value.length > LIMITS.stringLength) throw new Problem('PCCC-0002', 'string too long');
    return value;
  };
  const value = (depth) => {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      if (depth + 1 > LIMITS.depth) throw new Problem('PCCC-0002', 'nesting too deep');
      i++; ws();
      const close = c === '{' ? '}' : ']';
      const keys = new Set();
      if (text[i] === close) { i++; return; }
      while (true) {
        if (c === '{') {
          ws(); if (text[i] !== '"') fail('expected a key');
          const key = string();
          if (keys.has(key)) throw new Problem('PCCC-0007', 'duplicate key');
          keys.add(key);
          ws(); if (text[i] !== ':') fail('expected :'); i++;
        }
        value(depth + 1); ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === close) { i++; return; }
        fail('expected , or ' + close);
      }
    }
    if (c === '"') { string(); return; }
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
    if (m && m[0].length > 0 && m[0] !== '-') {
      if (m[0].length > LIMITS.numberLength) throw new Problem('PCCC-0002', 'number too long');
      i += m[0].length; return;
    }
    for (const lit of ['true', 'false', 'null']) if (text.startsWith(lit, i)) { i += lit.length; return; }
    fail('unexpected token');
  };
  ws();
  if (i >= text.length) fail('empty input');
  value(0); ws();
  if (i < text.length) fail('trailing content');
}

let validators = null;
function compile() {
  if (validators) return validators;
  const published = JSON.parse(readFileSync(join(SCHEMA_DIR, 'message.schema.json'), 'utf8'));
  // The published schema picks a body or subject kind with oneOf; when a message fails, ajv then
  // reports the errors of every kind. To report codes for the kind the message names, this copy
  // dispatches on "type" with if/then instead. Unknown kinds are refused before (PCCC-0008), so
  // for the messages that reach the schema both forms accept the same documents.
  const schema = structuredClone(published);
  for (const def of Object.values(schema.$defs ?? {})) {
    if (!Array.isArray(def.oneOf) || !def.oneOf.every((b) => typeof b.$ref === 'string')) continue;
    const branches = def.oneOf.map((b) => [b.$ref, published.$defs[b.$ref.split('/').pop()]?.properties?.type?.const]);
    if (branches.some(([, kind]) => kind === undefined)) continue;
    delete def.oneOf;
    def.type = 'object';
    def.allOf = branches.map(([ref, kind]) => ({
      if: { type: 'object', properties: { type: { const: kind } }, required: ['type'] }, then: { $ref: ref } }));
  }
  // Full strict mode: the published schemas are generated to pass it.
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  // A second copy flags properties the schema does not know (unknown fields are a warning).
  const closed = structuredClone(schema);
  closed.$id = schema.$id.replace(/\.json$/, '.closed.json');
  // Close the record schemas only (the root and each $defs entry), never the sub-schemas of the
  // if/then rules: closing those would change what the rules match.
  const close = (node) => {
    if (node && node.type === 'object' && node.properties) node.unevaluatedProperties = false;
  };
  close(closed);
  Object.values(closed.$defs ?? {}).forEach(close);
  // One compiled schema (compiling is most of a call's time): the closed copy reports everything
  // the published one does, plus unevaluatedProperties for unknown fields.
  validators = { closed: ajv.compile(closed) };
  return validators;
}

const KEYWORD_CODES = {
  type: 'PCCC-0003', enum: 'PCCC-0009', required: 'PCCC-0100', maxLength: 'PCCC-0101', minItems: 'PCCC-0101',
  maxItems: 'PCCC-0101', format: 'PCCC-0102', minimum: 'PCCC-0103', maximum: 'PCCC-0103',
  exclusiveMinimum: 'PCCC-0103', exclusiveMaximum: 'PCCC-0103',
};
const BODY_TYPES = ['information-request', 'reply', 'alert', 'operational-notice', 'situation-report', 'receipt', 'error'];
const SUBJECT_TYPES = ['person', 'document', 'vehicle', 'organisation', 'phone', 'location', 'consignment'];

function schemaCodes(errors, doc) {
  const codes = [];
  for (const e of errors) {
    if (e.keyword === 'const' && e.instancePath.endsWith('/type')) continue; // unknown kinds: checked apart
    if (/\/(then|else)\/(?!\$ref)/.test(e.schemaPath) || e.schemaPath.includes('/anyOf/')) continue; // rules: below
    // Blank texts: the walk below reports them (PCCC-0104, or PCCC-0100 where the field is required).
    if (e.keyword === 'minLength' || (e.keyword === 'pattern' && (e.params.pattern === '\\S' || e.params.pattern.startsWith('[^\\t')))) continue;
    let code = KEYWORD_CODES[e.keyword];
    if (e.keyword === 'pattern') code = 'PCCC-0102';
    else if (e.keyword === 'const' && e.instancePath.endsWith('/type')) code = 'PCCC-0008';
    if (code) codes.push(code);
  }
  return codes;
}

// Field constraints of the Java records that the published schema does not carry.
const REQUIRED = {
  message: ['pccc', 'header', 'body'],
  header: ['messageId', 'conversationId', 'sender', 'recipients', 'createdAt', 'urgency', 'handling', 'language'],
  party: ['centreId', 'country'], handling: ['code'], evaluation: ['sourceReliability', 'informationAccuracy'],
  'information-request': ['requestingAuthority', 'offenceOrThreat', 'facts', 'dataAccess', 'questions'],
  reply: ['outcome'], alert: ['alertType', 'summary', 'subjects'],
  'operational-notice': ['noticeType', 'summary', 'startsAt', 'location'],
  'situation-report': ['periodStart', 'periodEnd'], receipt: ['receivedMessageId', 'envelopeSha256', 'receivedAt'],
  error: ['code'], delay: ['expectedBy', 'reasons'],
  attachment: ['name', 'mediaType', 'sizeBytes', 'sha256'],
  entry: ['location', 'irregularCrossings', 'personsApprehended', 'refusalsOfEntry', 'smugglingCases', 'seizures'],
  document: ['documentType', 'number', 'issuingCountry'], plate: ['number', 'country'], organisation: ['name'],
  phone: ['e164'], name: ['surname', 'script', 'form'], alias: ['aliasType', 'name'], address: ['country'],
  coordinates: ['latitude', 'longitude'],
};
const FORMATS = {
  centreId: /^[A-Z0-9](?:[A-Z0-9-]{0,62}[A-Z0-9])?$/, sha256: /^[0-9a-f]{64}$/, errorCode: /^PCCC-[0-9]{4}$/,
  version: /^[0-9]{1,3}\.[0-9]{1,3}$/, documentNumber: /^[A-Z0-9<-]{1,40}$/, base64: /^[A-Za-z0-9+/]*={0,2}$/,
  mediaType: /^[a-z0-9][a-z0-9!#$&^_.+-]{0,62}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,62}$/,
  crossingPoint: /^[A-Z]{2}-[A-Z0-9-]{2,40}$/, plate: /^[\p{Lu}0-9][\p{Lu}0-9 -]{0,14}$/u,
  e164: /^\+[1-9][0-9]{1,14}$/,
};

const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isBlank = (v) => typeof v === 'string' && v.trim() === '';
const instant = (v) => (typeof v === 'string' ? Date.parse(v) : NaN);
const nanos = (v) => { // Instants compared to the nanosecond, like java.time.Instant
  if (typeof v !== 'string') return null;
  const m = /^(.*T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z$/.exec(v);
  if (!m) return null;
  const ms = Date.parse(m[1] + 'Z');
  return Number.isNaN(ms) ? null : BigInt(ms) * 1_000_000n + BigInt((m[2] ?? '').padEnd(9, '0') || '0');
};
const after = (a, b) => { const x = nanos(a); const y = nanos(b); return x === null || y === null ? null : x > y; };

function fieldRules(m, add) {
  const need = (obj, kind, ptr) => {
    if (!isObj(obj)) return;
    for (const f of REQUIRED[kind] ?? []) {
      const v = obj[f];
      if (v === undefined || v === null || isBlank(v) || (Array.isArray(v) && v.length === 0)) {
        add('PCCC-0100', `${ptr}/${f}`);
      }
    }
  };
  const fmt = (v, re, ptr) => { if (typeof v === 'string' && v.trim() !== '' && !re.test(v)) add('PCCC-0102', ptr); };
  need(m, 'message', '');
  fmt(m.pccc, FORMATS.version, '/pccc');
  const h = m.header;
  if (isObj(h)) {
    need(h, 'header', '/header');
    for (const [p, ptr] of [[h.sender, '/header/sender'], ...(Array.isArray(h.recipients) ? h.recipients.map((r, i) => [r, `/header/recipients/${i}`]) : [])]) {
      need(p, 'party', ptr);
      if (isObj(p)) fmt(p.centreId, FORMATS.centreId, `${ptr}/centreId`);
    }
    need(h.handling, 'handling', '/header/handling');
    need(h.evaluation, 'evaluation', '/header/evaluation');
  }
  const b = m.body;
  if (isObj(b) && BODY_TYPES.includes(b.type)) {
    need(b, b.type, '/body');
    if (b.type === 'reply') need(b.delay, 'delay', '/body/delay');
    if (b.type === 'receipt') fmt(b.envelopeSha256, FORMATS.sha256, '/body/envelopeSha256');
    if (b.type === 'error') fmt(b.code, FORMATS.errorCode, '/body/code');
    if (b.type === 'situation-report' && Array.isArray(b.entries)) b.entries.forEach((e, i) => need(e, 'entry', `/body/entries/${i}`));
  }
  walk(m, '', (node, ptr) => {
    if (!isObj(node)) return;
    switch (node.type) {
      case 'document': need(node, 'document', ptr); fmt(node.number, FORMATS.documentNumber, `${ptr}/number`); break;
      case 'vehicle': need(node.plate, 'plate', `${ptr}/plate`); if (isObj(node.plate)) fmt(node.plate.number, FORMATS.plate, `${ptr}/plate/number`); break;
      case 'organisation': need(node, 'organisation', ptr); break;
      case 'phone': need(node, 'phone', ptr); fmt(node.e164, FORMATS.e164, `${ptr}/e164`); break;
      case 'location': fmt(node.crossingPoint, FORMATS.crossingPoint, `${ptr}/crossingPoint`); need(node.coordinates, 'coordinates', `${ptr}/coordinates`); need(node.address, 'address', `${ptr}/address`); break;
      case 'person':
        (Array.isArray(node.names) ? node.names : []).forEach((n, i) => need(n, 'name', `${ptr}/names/${i}`));
        (Array.isArray(node.aliases) ? node.aliases : []).forEach((a, i) => { need(a, 'alias', `${ptr}/aliases/${i}`); if (isObj(a)) need(a.name, 'name', `${ptr}/aliases/${i}/name`); });
        break;
      default:
    }
    if (Array.isArray(node.attachments)) {
      node.attachments.forEach((a, i) => {
        const p = `${ptr}/attachments/${i}`;
        need(a, 'attachment', p);
        if (isObj(a)) {
          fmt(a.sha256, FORMATS.sha256, `${p}/sha256`); fmt(a.mediaType, FORMATS.mediaType, `${p}/mediaType`);
          fmt(a.inlineBase64, FORMATS.base64, `${p}/inlineBase64`);
          if (typeof a.name === 'string' && /[\/\\\u0000-\u001f]/.test(a.name)) add('PCCC-0102', `${p}/name`);
          if (typeof a.sizeBytes === 'number' && a.sizeBytes < 0) add('PCCC-0103', `${p}/sizeBytes`);
        }
      });
    }
  });
}

function walk(node, ptr, visit) {
  visit(node, ptr);
  if (Array.isArray(node)) node.forEach((v, i) => walk(v, `${ptr}/${i}`, visit));
  else if (isObj(node)) for (const [k, v] of Object.entries(node)) walk(v, `${ptr}/${k}`, visit);
}

/** The rules across fields and the identifier checks (org.pccc.model.validation.MessageRules). */
function messageRules(m, add) {
  const h = isObj(m.header) ? m.header : null;
  const b = isObj(m.body) ? m.body : null;
  if (h) {
    const seen = new Set();
    (Array.isArray(h.recipients) ? h.recipients : []).forEach((p, i) => {
      if (!isObj(p)) return;
      if (isObj(h.sender) && p.centreId !== undefined && p.centreId === h.sender.centreId) add('PCCC-0300', `/header/recipients/${i}`);
      const key = JSON.stringify([p.centreId, p.country, p.agency ?? null]);
      if (seen.has(key)) add('PCCC-0301', `/header/recipients/${i}`);
      seen.add(key);
    });
    if (h.dueBy !== undefined && after(h.dueBy, h.createdAt) === false) add('PCCC-0302', '/header/dueBy');
    if (isObj(h.handling) && h.handling.code === 'H3' && (h.handling.conditions === undefined || h.handling.conditions === null)) add('PCCC-0303', '/header/handling/conditions');
  }
  if (h && b) {
    const present = (v) => v !== undefined && v !== null;
    if (b.type === 'information-request') {
      if (h.urgency === 'URGENT' && !present(h.urgencyReason)) add('PCCC-0304', '/header/urgencyReason');
      if (!present(h.purpose)) add('PCCC-0305', '/header/purpose');
      if (!present(h.legalBasis)) add('PCCC-0306', '/header/legalBasis');
    } else if (b.type === 'reply') {
      if (!present(h.inReplyTo)) add('PCCC-0307', '/header/inReplyTo');
      const o = b.outcome;
      const results = Array.isArray(b.results) ? b.results : [];
      const questions = Array.isArray(b.questions) ? b.questions : [];
      if (typeof o === 'string') {
        if (o === 'REFUSAL' && !present(b.refusalGround)) add('PCCC-0308', '/body/refusalGround');
        if (o !== 'REFUSAL' && present(b.refusalGround)) add('PCCC-0309', '/body/refusalGround');
        const carries = o === 'HIT' || o === 'PARTIAL';
        if (carries && results.length === 0) add('PCCC-0310', '/body/results');
        if (!carries && results.length > 0) add('PCCC-0311', '/body/results');
        if (o === 'CLARIFICATION_REQUEST' && questions.length === 0) add('PCCC-0312', '/body/questions');
        if (o === 'DELAY_NOTICE' && !present(b.delay)) add('PCCC-0313', '/body/delay');
      }
      if (isObj(b.delay) && present(b.delay.expectedBy) && after(b.delay.expectedBy, h.createdAt) === false) add('PCCC-0314', '/body/delay/expectedBy');
    } else if (b.type === 'alert') {
      const subjects = Array.isArray(b.subjects) ? b.subjects : [];
      if (typeof b.alertType === 'string' && subjects.length > 0) {
        const wanted = b.alertType === 'STOLEN_VEHICLE' ? 'vehicle' : b.alertType === 'STOLEN_LOST_DOCUMENT' ? 'document' : 'person';
        if (!subjects.some((s) => isObj(s) && s.type === wanted)) add('PCCC-0315', '/body/subjects');
      }
      if (present(b.validUntil) && after(b.validUntil, h.createdAt) === false) add('PCCC-0314', '/body/validUntil');
    } else if (b.type === 'operational-notice') {
      if (present(b.endsAt) && present(b.startsAt) && after(b.endsAt, b.startsAt) === false) add('PCCC-0314', '/body/endsAt');
    } else if (b.type === 'situation-report') {
      if (present(b.periodEnd) && present(b.periodStart) && after(b.periodEnd, b.periodStart) === false) add('PCCC-0314', '/body/periodEnd');
    }
  }
  const createdDay = h && typeof h.createdAt === 'string' ? h.createdAt.slice(0, 10) : null;
  walk(m, '', (node, p) => {
    if (!isObj(node)) return;
    for (const [k, v] of Object.entries(node)) {
      if (isBlank(v) && !(REQUIRED_BLANK_IS_REQUIRED.has(k))) add('PCCC-0104', `${p}/${k}`);
    }
    switch (node.type) {
      case 'person':
        if (typeof node.birthDate === 'string' && createdDay) {
          const earliest = node.birthDate.length === 4 ? `${node.birthDate}-01-01` : node.birthDate.length === 7 ? `${node.birthDate}-01` : node.birthDate;
          if (earliest > createdDay) add('PCCC-0207', `${p}/birthDate`);
        }
        break;
      case 'document':
        if (typeof node.issuedOn === 'string' && typeof node.expiresOn === 'string' && node.expiresOn < node.issuedOn) add('PCCC-0206', `${p}/expiresOn`);
        if (typeof node.mrz === 'string' && !isBlank(node.mrz) && checkMrz(node.mrz)) add('PCCC-0200', `${p}/mrz`);
        break;
      case 'vehicle':
        if (node.vin == null && node.plate == null) add('PCCC-0316', p);
        if (typeof node.vin === 'string' && checkVin(node.vin)) add('PCCC-0201', `${p}/vin`);
        break;
      case 'location':
        if (['crossingPoint', 'borderSection', 'coordinates', 'address', 'description'].every((f) => node[f] == null)) add('PCCC-0317', p);
        break;
      case 'consignment': {
        const hs = Array.isArray(node.hsCodes) ? node.hsCodes : [];
        if (['containerNumber', 'mrn', 'tirCarnet', 'description'].every((f) => node[f] == null) && hs.length === 0) add('PCCC-0318', p);
        if (typeof node.containerNumber === 'string' && checkContainerNumber(node.containerNumber)) add('PCCC-0202', `${p}/containerNumber`);
        if (typeof node.mrn === 'string' && checkMrn(node.mrn)) add('PCCC-0203', `${p}/mrn`);
        if (typeof node.tirCarnet === 'string' && checkTirCarnet(node.tirCarnet)) add('PCCC-0208', `${p}/tirCarnet`);
        hs.forEach((c, i) => { if (typeof c === 'string' && checkHsCode(c)) add('PCCC-0204', `${p}/hsCodes/${i}`); });
        break;
      }
      default:
    }
    if (Array.isArray(node.attachments)) node.attachments.forEach((a, i) => attachment(a, `${p}/attachments/${i}`, add));
  });
}
// Fields whose blank value is a missing required value (PCCC-0100), not a blank optional text.
const REQUIRED_BLANK_IS_REQUIRED = new Set(['requestingAuthority', 'offenceOrThreat', 'facts', 'summary', 'reasons', 'name', 'surname']);

function attachment(a, p, add) {
  if (!isObj(a) || typeof a.inlineBase64 !== 'string' || typeof a.sizeBytes !== 'number' || typeof a.sha256 !== 'string') return;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(a.inlineBase64) || a.inlineBase64.length % 4 !== 0) { add('PCCC-0205', `${p}/inlineBase64`); return; }
  const content = Buffer.from(a.inlineBase64, 'base64');
  if (content.length !== a.sizeBytes) add('PCCC-0205', `${p}/sizeBytes`);
  else if (createHash('sha256').update(content).digest('hex') !== a.sha256) add('PCCC-0205', `${p}/sha256`);
}

/**
 * Validates message bytes. Returns {valid, codes, issues}: codes are the distinct PCCC codes,
 * warnings (PCCC-0006 unknown field) included; valid is false when any code is an error.
 */
export function validateMessage(bytes) {
  const issues = [];
  const add = (code, pointer) => issues.push({ code, pointer });
  const done = () => {
    const codes = [...new Set(issues.map((x) => x.code))];
    return { valid: codes.every((c) => WARNING_CODES.has(c)), codes, issues };
  };
  if (bytes.length > LIMITS.documentBytes) { add('PCCC-0002', ''); return done(); }
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    scanJson(text);
  } catch (e) {
    add(e instanceof Problem ? e.code : 'PCCC-0001', ''); return done();
  }
  const m = JSON.parse(text);
  if (!isObj(m)) { add('PCCC-0010', ''); return done(); }
  if (m.pccc === undefined || m.pccc === null) { add('PCCC-0004', '/pccc'); return done(); }
  if (typeof m.pccc !== 'string') { add('PCCC-0003', '/pccc'); return done(); }
  if (!/^1\.[0-9]{1,3}$/.test(m.pccc)) { add(/^[0-9]{1,3}\.[0-9]{1,3}$/.test(m.pccc) ? 'PCCC-0005' : 'PCCC-0102', '/pccc'); if (issues[0].code === 'PCCC-0005') return done(); }
  const { closed } = compile();
  // Binding problems first, as in Java: a wrong type or an unknown discriminator stops here.
  const bodyType = isObj(m.body) ? m.body.type : undefined;
  if (isObj(m.body) && !BODY_TYPES.includes(bodyType)) { add('PCCC-0008', '/body/type'); return done(); }
  let unknownSubject = false;
  walk(m.body ?? null, '/body', (node, p) => {
    if (isObj(node) && /\/(subjects|results|documents)\/\d+$/.test(p) && !SUBJECT_TYPES.includes(node.type)) unknownSubject = true;
  });
  if (unknownSubject) { add('PCCC-0008', '/body'); return done(); }
  const errors = closed(m) ? [] : closed.errors;
  const schema = schemaCodes(errors.filter((e) => e.keyword !== 'unevaluatedProperties'), m);
  const binding = schema.filter((c) => ['PCCC-0003', 'PCCC-0008', 'PCCC-0009'].includes(c));
  for (const e of errors) if (e.keyword === 'unevaluatedProperties') add('PCCC-0006', e.instancePath);
  if (binding.length > 0) { binding.forEach((c) => add(c, '')); return done(); }
  schema.forEach((c) => add(c, ''));
  fieldRules(m, add);
  messageRules(m, add);
  return done();
}
