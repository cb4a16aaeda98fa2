// Regenerates messages/valid and messages/invalid from the model's examples plus variations.
// Run from this folder: node generate.mjs <path to pccc-model/src/main/resources/org/pccc/model/examples>
// The expected codes written here are what the Java SDK reports; MessageVectorsTest checks them.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const examples = process.argv[2] ?? '../../../pccc-model/src/main/resources/org/pccc/model/examples';
const ex = (name) => JSON.parse(readFileSync(join(examples, name), 'utf8'));
const copy = (v) => structuredClone(v);
const pretty = (v) => JSON.stringify(v, null, 2) + '\n';
rmSync('valid', { recursive: true, force: true });
rmSync('invalid', { recursive: true, force: true });
mkdirSync('valid'); mkdirSync('invalid');

let n = 0;
const uuid = () => `5c0f${String(++n).padStart(4, '0')}-7e1a-4b2c-9d3e-0a1b2c3d4e5f`;
const valid = (name, msg) => writeFileSync(join('valid', name + '.json'), typeof msg === 'string' ? msg : pretty(msg));
const invalid = (name, msg, codes) => {
  writeFileSync(join('invalid', name + '.json'), typeof msg === 'string' ? msg : pretty(msg));
  writeFileSync(join('invalid', name + '.expected.json'), JSON.stringify({ codes }) + '\n');
};

// ---- valid: every example as shipped
for (const f of readdirSync(examples).filter((f) => f.endsWith('.json')).sort()) {
  writeFileSync(join('valid', f), readFileSync(join(examples, f)));
}

const header = (sender, recipients, language, extra = {}) => {
  const id = uuid();
  return { messageId: id, conversationId: id, sender, recipients, createdAt: '2026-11-30T09:00:00Z',
    urgency: 'NORMAL', handling: { code: 'H0' }, language, ...extra };
};
const MK = { centreId: 'MK-RS-TABANOVCE-MK', country: 'MK', agency: 'POLICE' };
const RS = { centreId: 'MK-RS-TABANOVCE', country: 'RS', agency: 'BORDER_POLICE' };
const GR = { centreId: 'MK-GR-BOGORODICA', country: 'GR', agency: 'POLICE' };
const BG = { centreId: 'BG-MK-GYUESHEVO', country: 'BG', agency: 'BORDER_POLICE' };
const AL = { centreId: 'AL-MK-QAFE-THANE', country: 'AL', agency: 'POLICE' };

const photo = Buffer.from('PCCC test attachment: not a real photograph.\n', 'utf8');
const attachment = { name: 'photo-note.txt', mediaType: 'text/plain', sizeBytes: photo.length,
  sha256: createHash('sha256').update(photo).digest('hex'), inlineBase64: photo.toString('base64') };

valid('alert-wanted-person-mk', {
  pccc: '1.0',
  header: header(MK, [RS, GR], 'mk', { urgency: 'URGENT', urgencyReason: 'Лицето е во бегство, виден пред еден час.' }),
  body: { type: 'alert', alertType: 'WANTED_PERSON', summary: 'Се бара лице осомничено за разбојништво во Куманово.',
    subjects: [{ type: 'person', names: [
      { surname: 'Стојановски', givenNames: 'Дејан', script: 'Cyrl', form: 'ORIGINAL' },
      { surname: 'Stojanovski', givenNames: 'Dejan', script: 'Latn', form: 'NATIONAL_LATIN' }],
      birthDate: '1990-07', sex: 'M', nationalities: ['MK'] }],
    actionRequested: 'Detain and inform the sending centre.', validUntil: '2027-01-30T09:00:00Z', attachments: [attachment] },
});
valid('alert-missing-person-sq', {
  pccc: '1.0',
  header: header(AL, [MK], 'sq', { urgency: 'URGENT', urgencyReason: 'Fëmijë i humbur prej 12 orësh.' }),
  body: { type: 'alert', alertType: 'MISSING_PERSON', summary: 'Vajzë e zhdukur, e parë për herë të fundit në Pogradec.',
    subjects: [{ type: 'person', names: [{ surname: 'Hoxha', givenNames: 'Elira', script: 'Latn', form: 'ORIGINAL' }],
      birthDate: '2012-03-14', sex: 'F', nationalities: ['AL'], description: 'Xhaketë e kuqe, çantë shpine blu.' }] },
});
valid('alert-stolen-document-el', {
  pccc: '1.0',
  header: header(GR, [MK, BG], 'el'),
  body: { type: 'alert', alertType: 'STOLEN_LOST_DOCUMENT', summary: 'Κλεμμένο διαβατήριο, δηλώθηκε στη Θεσσαλονίκη.',
    subjects: [{ type: 'document', documentType: 'P', number: 'L898902C3', issuingCountry: 'GR', issuedOn: '2022-04-16', expiresOn: '2032-04-15' }] },
});
valid('notice-surveillance-bg', {
  pccc: '1.0',
  header: header(BG, [GR], 'bg', { handling: { code: 'H3', conditions: 'Само за служебно ползване от екипа за наблюдение.' } }),
  body: { type: 'operational-notice', noticeType: 'CROSS_BORDER_SURVEILLANCE',
    summary: 'Наблюдение на товарен автомобил, заподозрян в контрабанда на цигари.',
    startsAt: '2026-11-30T10:00:00Z', endsAt: '2026-11-30T18:00:00Z',
    location: { type: 'location', crossingPoint: 'BG-KULATA', coordinates: { latitude: 41.3906, longitude: 23.3644 } },
    subjects: [{ type: 'vehicle', vin: '1M8GDM9AXKP042788', plate: { number: 'CB 1234 AK', country: 'BG' }, make: 'Volvo', category: 'N3' }],
    officers: 3 },
});
valid('notice-joint-patrol-el', {
  pccc: '1.0',
  header: header(GR, [MK], 'el'),
  body: { type: 'operational-notice', noticeType: 'JOINT_PATROL', summary: 'Κοινή περιπολία στο τμήμα Δοϊράνης.',
    startsAt: '2026-12-01T06:00:00Z', endsAt: '2026-12-01T14:00:00Z',
    location: { type: 'location', borderSection: 'GR-MK Dojran lake section' }, officers: 4 },
});
valid('situation-report-weekly-sr', {
  pccc: '1.0',
  header: header(RS, [MK, BG], 'sr'),
  body: { type: 'situation-report', periodStart: '2026-11-23T00:00:00Z', periodEnd: '2026-11-30T00:00:00Z',
    entries: [{ location: { type: 'location', crossingPoint: 'RS-PRESEVO' }, irregularCrossings: 31, personsApprehended: 22,
      refusalsOfEntry: 5, smugglingCases: 2, seizures: 2 }],
    remarks: 'Повећан број покушаја илегалног преласка ноћу.' },
});
valid('situation-report-mk', {
  pccc: '1.0',
  header: header(MK, [GR], 'mk'),
  body: { type: 'situation-report', periodStart: '2026-11-29T00:00:00Z', periodEnd: '2026-11-30T00:00:00Z',
    entries: [
      { location: { type: 'location', crossingPoint: 'MK-BOGORODICA' }, irregularCrossings: 0, personsApprehended: 1, refusalsOfEntry: 4, smugglingCases: 0, seizures: 0 },
      { location: { type: 'location', description: 'Зелена граница кај Стар Дојран' }, irregularCrossings: 6, personsApprehended: 6, refusalsOfEntry: 0, smugglingCases: 1, seizures: 1 }] },
});
for (const [name, s, r, lang] of [['receipt-alert-mk', MK, RS, 'mk'], ['receipt-notice-el', GR, BG, 'el']]) {
  const h = header(s, [r], lang);
  h.inReplyTo = '4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f06';
  valid(name, { pccc: '1.0', header: h, body: { type: 'receipt', receivedMessageId: '4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f06',
    envelopeSha256: createHash('sha256').update(name).digest('hex'), receivedAt: '2026-11-30T08:59:58Z' } });
}
valid('error-signature-sq', { pccc: '1.0', header: header(AL, [MK], 'sq'),
  body: { type: 'error', code: 'PCCC-2007', description: 'Nënshkrimi i zarfit nuk është i vlefshëm.' } });
valid('error-validation-bg', { pccc: '1.0', header: header(BG, [RS], 'bg'), body: { type: 'error', code: 'PCCC-0101' } });
const customs = ex('request-customs-consignment.json');
customs.header.language = 'bg';
customs.body.subjects[0] = { type: 'consignment', containerNumber: 'CSQU3054383', mrn: '24MK00000000000018', tirCarnet: 'XZ51234567',
  hsCodes: ['87032310', '2402200000'], exciseCategory: 'TOBACCO', description: 'Cigarettes hidden in a car transporter' };
customs.body.subjects.push({ type: 'vehicle', vin: '1M8GDM9AXKP042788', plate: { number: 'CB 1234 AK', country: 'BG' } });
valid('request-customs-mrn-tir-bg', customs);

// ---- invalid: at least one per validation code the model defines
const R = () => ex('request-person-document.json');
const P = () => ex('reply-refusal.json');
const HIT = () => ex('reply-hit-vehicle.json');
const A = () => ex('alert-stolen-vehicle.json');
const C = () => ex('request-customs-consignment.json');
const N = () => ex('notice-hot-pursuit.json');
const S = () => ex('situation-report.json');
const with_ = (m, f) => { f(m); return m; };
const doc = (m) => m.body.subjects[0].documents[0];

invalid('0001-malformed-json', pretty(R()).slice(0, 200), ['PCCC-0001']);
invalid('0001-trailing-comma', '{"pccc": "1.0", "header": {},}\n', ['PCCC-0001']);
invalid('0002-number-too-long', pretty(N()).replace('"officers": 2', '"officers": 1234567890123456789012345678901234567890'), ['PCCC-0002']);
invalid('0003-wrong-type', with_(R(), (m) => { m.body.copyToSpoc = 'no'; }), ['PCCC-0003']);
invalid('0004-version-missing', with_(R(), (m) => { delete m.pccc; }), ['PCCC-0004']);
invalid('0005-version-unsupported', with_(R(), (m) => { m.pccc = '2.0'; }), ['PCCC-0005']);
invalid('0006-unknown-field-warning', with_(R(), (m) => { m.header.priorityScore = 7; }), ['PCCC-0006']);
invalid('0007-duplicate-key', pretty(R()).replace('"language": "el",', '"language": "el",\n    "language": "en",'), ['PCCC-0007']);
invalid('0008-unknown-body-type', with_(R(), (m) => { m.body.type = 'memo'; }), ['PCCC-0008']);
invalid('0009-invalid-country', with_(R(), (m) => { m.header.sender.country = 'XX'; }), ['PCCC-0009']);
invalid('0010-not-an-object', '[ "pccc", "1.0" ]\n', ['PCCC-0010']);
invalid('0100-required-facts', with_(R(), (m) => { delete m.body.facts; }), ['PCCC-0100']);
invalid('0101-size-offence', with_(R(), (m) => { m.body.offenceOrThreat = 'x'.repeat(501); }), ['PCCC-0101']);
invalid('0102-format-centre-id', with_(R(), (m) => { m.header.sender.centreId = 'mk-gr-bogorodica'; }), ['PCCC-0102']);
invalid('0103-range-negative-count', with_(S(), (m) => { m.body.entries[0].irregularCrossings = -1; }), ['PCCC-0103']);
invalid('0104-blank-text', with_(R(), (m) => { m.body.subjects[0].birthPlace = '   '; }), ['PCCC-0104']);
invalid('0200-mrz-check-digit', with_(R(), (m) => { doc(m).mrz = doc(m).mrz.replace('L898902C36', 'L898902C37'); }), ['PCCC-0200']);
invalid('0201-vin-check-digit', with_(C(), (m) => { m.body.subjects.push({ type: 'vehicle', vin: '1M8GDM9A1KP042788' }); }), ['PCCC-0201']);
invalid('0202-container-check-digit', with_(C(), (m) => { m.body.subjects[0].containerNumber = 'CSQU3054384'; }), ['PCCC-0202']);
invalid('0203-mrn-check-character', with_(C(), (m) => { m.body.subjects[0].mrn = '24MK00000000000019'; }), ['PCCC-0203']);
invalid('0204-hs-chapter', with_(C(), (m) => { m.body.subjects[0].hsCodes = ['990110']; }), ['PCCC-0204']);
invalid('0205-attachment-sha256', with_(A(), (m) => { m.body.attachments = [{ ...attachment, sha256: '0'.repeat(64) }]; }), ['PCCC-0205']);
invalid('0205-attachment-size', with_(A(), (m) => { m.body.attachments = [{ ...attachment, sizeBytes: attachment.sizeBytes + 1 }]; }), ['PCCC-0205']);
invalid('0206-document-dates', with_(R(), (m) => { doc(m).expiresOn = '2021-01-01'; }), ['PCCC-0206']);
invalid('0207-birth-date-future', with_(R(), (m) => { m.body.subjects[0].birthDate = '2030'; }), ['PCCC-0207']);
invalid('0208-tir-security-code', with_(C(), (m) => { m.body.subjects[0].tirCarnet = 'AX51234567'; }), ['PCCC-0208']);
invalid('0300-sender-among-recipients', with_(R(), (m) => { m.header.recipients.push({ ...m.header.sender }); }), ['PCCC-0300']);
invalid('0301-duplicate-recipient', with_(R(), (m) => { m.header.recipients.push({ ...m.header.recipients[0] }); }), ['PCCC-0301']);
invalid('0302-due-by-before-created', with_(R(), (m) => { m.header.dueBy = '2026-11-30T08:00:00Z'; }), ['PCCC-0302']);
invalid('0303-h3-without-conditions', with_(R(), (m) => { m.header.handling = { code: 'H3' }; }), ['PCCC-0303']);
invalid('0304-urgent-without-reason', with_(R(), (m) => { m.header.urgency = 'URGENT'; }), ['PCCC-0304']);
invalid('0305-request-without-purpose', with_(R(), (m) => { delete m.header.purpose; }), ['PCCC-0305']);
invalid('0306-request-without-legal-basis', with_(R(), (m) => { delete m.header.legalBasis; }), ['PCCC-0306']);
invalid('0307-reply-without-request', with_(P(), (m) => { delete m.header.inReplyTo; }), ['PCCC-0307']);
invalid('0308-refusal-without-ground', with_(P(), (m) => { delete m.body.refusalGround; }), ['PCCC-0308']);
invalid('0309-ground-without-refusal', with_(HIT(), (m) => { m.body.refusalGround = 'MINOR_OFFENCE'; }), ['PCCC-0309']);
invalid('0310-hit-without-results', with_(HIT(), (m) => { delete m.body.results; }), ['PCCC-0310']);
invalid('0311-results-without-hit', with_(HIT(), (m) => { m.body.outcome = 'NO_HIT'; }), ['PCCC-0311']);
invalid('0312-clarification-without-question', with_(ex('reply-clarification.json'), (m) => { delete m.body.questions; }), ['PCCC-0312']);
invalid('0313-delay-without-notice', with_(ex('reply-delay.json'), (m) => { delete m.body.delay; }), ['PCCC-0313']);
invalid('0314-notice-ends-before-start', with_(N(), (m) => { m.body.endsAt = '2026-11-30T13:00:00Z'; }), ['PCCC-0314']);
invalid('0314-delay-expected-before-created', with_(ex('reply-delay.json'), (m) => { m.body.delay.expectedBy = '2026-01-01T00:00:00Z'; }), ['PCCC-0314']);
invalid('0315-alert-subject-mismatch', with_(A(), (m) => { m.body.alertType = 'WANTED_PERSON'; }), ['PCCC-0315']);
invalid('0316-vehicle-unidentified', with_(N(), (m) => { delete m.body.subjects[0].plate; }), ['PCCC-0316']);
invalid('0317-location-empty', with_(N(), (m) => { m.body.location = { type: 'location' }; }), ['PCCC-0317']);
invalid('0318-consignment-unidentified', with_(C(), (m) => { m.body.subjects[0] = { type: 'consignment', exciseCategory: 'TOBACCO' }; }), ['PCCC-0318']);
invalid('multi-sender-recipient-and-due-by', with_(R(), (m) => {
  m.header.recipients.push({ ...m.header.sender }); m.header.dueBy = '2026-11-30T08:00:00Z'; }), ['PCCC-0300', 'PCCC-0302']);
invalid('multi-unknown-field-and-required', with_(R(), (m) => { m.body.notes = 'x'; delete m.body.questions; }), ['PCCC-0006', 'PCCC-0100']);
