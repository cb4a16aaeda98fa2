// Identifier checks, ported from org.pccc.model.id (Mrz, Vin, ContainerNumber, Mrn, TirCarnet,
// HsCode). Each check returns null when valid, else the reason (never echoing the identifier).

const isDigit = (c) => c >= '0' && c <= '9';
const isUpper = (c) => c >= 'A' && c <= 'Z';
const anyLower = (s) => /[a-z]/.test(s);
const allDigits = (s, from, to) => { for (let i = from; i < to; i++) if (!isDigit(s[i])) return false; return true; };
const allUpper = (s, from, to) => { for (let i = from; i < to; i++) if (!isUpper(s[i])) return false; return true; };

// ---- VIN (ISO 3779; check digit mandatory for WMI starting 1-5 or L)
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
const VIN_LETTERS = [1, 2, 3, 4, 5, 6, 7, 8, 0, 1, 2, 3, 4, 5, 0, 7, 0, 9, 2, 3, 4, 5, 6, 7, 8, 9];
function vinValue(c) {
  if (isDigit(c)) return c.charCodeAt(0) - 48;
  if (isUpper(c)) { const v = VIN_LETTERS[c.charCodeAt(0) - 65]; return v === 0 ? -1 : v; }
  return -1;
}
export function vinCheckDigit(vin) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += vinValue(vin[i]) * VIN_WEIGHTS[i];
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}
export function checkVin(vin) {
  if (vin.length === 0) return 'VIN is empty';
  if (vin.length !== 17) return 'length must be 17';
  if (anyLower(vin)) return 'VIN must be upper case';
  for (const c of vin) {
    if (c === 'I' || c === 'O' || c === 'Q') return 'letters I, O and Q are not allowed in a VIN';
    if (vinValue(c) < 0) return 'VIN may contain only digits and letters A-Z';
  }
  const first = vin[0];
  const mandatory = (first >= '1' && first <= '5') || first === 'L';
  if (mandatory && vin[8] !== vinCheckDigit(vin)) return 'check digit in position 9 of the VIN does not match';
  return null;
}

// ---- ISO 6346 (containers) and the MRN check character, which uses the same weights
const ISO6346_LETTERS = (() => {
  const values = []; let v = 10;
  for (let i = 0; i < 26; i++) { if (v % 11 === 0) v++; values.push(v++); }
  return values;
})();
function iso6346Value(c) {
  if (isDigit(c)) return c.charCodeAt(0) - 48;
  return isUpper(c) ? ISO6346_LETTERS[c.charCodeAt(0) - 65] : -1;
}
function iso6346Remainder(s, length) {
  let sum = 0n;
  for (let i = 0; i < length; i++) {
    const v = iso6346Value(s[i]);
    if (v < 0) return -1;
    sum += BigInt(v) << BigInt(i);
  }
  return Number(sum % 11n);
}
export const iso6346Digit = (s, length) => String(iso6346Remainder(s, length) % 10);

export function checkContainerNumber(n) {
  if (n.length === 0) return 'container number is empty';
  if (n.length !== 11) return 'length must be 11 (owner code, category, 6-digit serial, check digit)';
  if (anyLower(n)) return 'container number must be upper case';
  if (!allUpper(n, 0, 3)) return 'owner code must be 3 letters A-Z';
  if (!'UJZ'.includes(n[3])) return 'equipment category identifier must be U, J or Z';
  if (!allDigits(n, 4, 10)) return 'serial number must be 6 digits';
  if (!isDigit(n[10])) return 'check digit must be a digit';
  if (n[10] !== iso6346Digit(n, 10)) return 'check digit of the container number does not match';
  return null;
}

export function checkMrn(m) {
  if (m.length === 0) return 'MRN is empty';
  if (m.length !== 18) return 'length must be 18';
  if (anyLower(m)) return 'MRN must be upper case';
  if (!allDigits(m, 0, 2)) return 'MRN must start with the 2 digits of the year';
  if (!allUpper(m, 2, 4)) return 'positions 3-4 of an MRN must be a country code of 2 letters';
  for (let i = 4; i < 17; i++) if (!isUpper(m[i]) && !isDigit(m[i])) return 'positions 5-17 of an MRN must be letters A-Z or digits';
  if (!isDigit(m[17])) return 'check character of an MRN must be a digit';
  if (m[17] !== iso6346Digit(m, 17)) return 'check character of the MRN does not match';
  return null;
}

// ---- TIR carnet: 2-letter security code + serial above 25,000,000
export function tirSecurityCode(serial) {
  const m = serial % 23;
  const letter = String.fromCharCode(65 + ((3 * m + 17) % 26));
  return m < 12 ? letter + 'X' : 'X' + letter;
}
export function checkTirCarnet(t) {
  if (t.length === 0) return 'TIR carnet number is empty';
  if (t.length !== 10 && t.length !== 11) {
    if (t.length <= 9 && allDigits(t, 0, t.length)) return 'TIR carnet number lacks the 2-letter security code';
    return 'length must be 10 or 11 (2-letter security code and 8 or 9 digits)';
  }
  if (anyLower(t)) return 'TIR carnet number must be upper case';
  if (!allUpper(t, 0, 2)) return 'TIR carnet number must start with a 2-letter security code';
  if (!allDigits(t, 2, t.length)) return 'TIR carnet serial number must be 8 or 9 digits';
  if (t[2] === '0') return 'TIR carnet serial number must not start with 0';
  const serial = parseInt(t.slice(2), 10);
  if (serial <= 25_000_000) return 'TIR carnet serial number must be above 25,000,000';
  if (!t.startsWith(tirSecurityCode(serial))) return 'security code of the TIR carnet number does not match';
  return null;
}

// ---- HS / CN / TARIC commodity codes: an existing chapter (01-97, not 77)
export function checkHsCode(code) {
  if (code.length === 0) return 'commodity code is empty';
  if (![6, 8, 10].includes(code.length)) return 'length must be 6 (HS), 8 (CN) or 10 (TARIC) digits';
  if (!allDigits(code, 0, code.length)) return 'commodity code must contain digits only';
  const chapter = parseInt(code.slice(0, 2), 10);
  if (chapter < 1 || chapter > 97) return 'HS chapter must be 01 to 97';
  if (chapter === 77) return 'HS chapter 77 is reserved';
  return null;
}

// ---- MRZ (ICAO 9303: TD1, TD2, TD3, MRV-A, MRV-B)
const MRZ_WEIGHTS = [7, 3, 1];
const MAX_DAY = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function mrzValue(c) {
  if (isDigit(c)) return c.charCodeAt(0) - 48;
  if (isUpper(c)) return c.charCodeAt(0) - 55;
  return c === '<' ? 0 : -1;
}
export function mrzCheckDigit(field) {
  let sum = 0;
  for (let i = 0; i < field.length; i++) sum = (sum + mrzValue(field[i]) * MRZ_WEIGHTS[i % 3]) % 10;
  return sum;
}
const matches = (check, field) => isDigit(check) && check.charCodeAt(0) - 48 === mrzCheckDigit(field);
function isStateCode(line, at) {
  if (!isUpper(line[at])) return false;
  for (let i = at + 1; i < at + 3; i++) if (!isUpper(line[i]) && line[i] !== '<') return false;
  return true;
}
function isDate(d) {
  if (!allDigits(d, 0, 6)) return false;
  const month = parseInt(d.slice(2, 4), 10); const day = parseInt(d.slice(4, 6), 10);
  return month >= 1 && month <= 12 && day >= 1 && day <= MAX_DAY[month - 1];
}
function isBirthDate(d) {
  for (let i = 0; i < 6; i += 2) {
    const digits = allDigits(d, i, i + 2); const unknown = d[i] === '<' && d[i + 1] === '<';
    if (!digits && !unknown) return false;
  }
  const month = d[2] === '<' ? 0 : parseInt(d.slice(2, 4), 10);
  const day = d[4] === '<' ? 0 : parseInt(d.slice(4, 6), 10);
  if (d[2] !== '<' && (month < 1 || month > 12)) return false;
  const maxDay = month === 0 ? 31 : MAX_DAY[month - 1];
  return d[4] === '<' || (day >= 1 && day <= maxDay);
}
function checkHeader(l1) {
  if (!isUpper(l1[0]) || !(isUpper(l1[1]) || l1[1] === '<')) return 'document code must be 1 or 2 letters';
  if (!isStateCode(l1, 2)) return 'issuing state must be a 3-letter code';
  return null;
}
function checkPersonal(line, birth, sex, expiry, nationality) {
  const b = line.slice(birth, birth + 6);
  if (!isBirthDate(b)) return 'date of birth is malformed';
  if (!matches(line[birth + 6], b)) return 'check digit of the date of birth does not match';
  if (!'FMX<'.includes(line[sex])) return 'sex must be F, M, X or <';
  const e = line.slice(expiry, expiry + 6);
  if (!isDate(e)) return 'date of expiry is malformed';
  if (!matches(line[expiry + 6], e)) return 'check digit of the date of expiry does not match';
  if (!isStateCode(line, nationality)) return 'nationality must be a 3-letter code';
  return null;
}
function documentNumber(line, from, to, overflowFrom, overflowTo) {
  const principal = line.slice(from, to); const check = line[to];
  if (check === '<' && overflowFrom >= 0) {
    if (principal.includes('<')) return 'document number is malformed';
    const overflow = line.slice(overflowFrom, overflowTo);
    let end = overflow.indexOf('<'); if (end < 0) end = overflow.length;
    if (end < 2) return 'check digit of the long document number is missing';
    if (!matches(overflow[end - 1], principal + overflow.slice(0, end - 1))) return 'check digit of the document number does not match';
    return null;
  }
  if (principal[0] === '<') return 'document number is missing';
  if (!matches(check, principal)) return 'check digit of the document number does not match';
  return null;
}
function checkName(field) {
  if (!isUpper(field[0])) return 'primary identifier (name) must start with a letter';
  for (const c of field) if (!isUpper(c) && c !== '<') return 'name field may contain only letters and <';
  return null;
}
export function checkMrz(mrz) {
  if (mrz.length === 0) return 'MRZ is empty';
  if (mrz.length > 100) return 'MRZ is too long';
  let text = mrz.split('\r\n').join('\n');
  if (text.endsWith('\n')) text = text.slice(0, -1);
  const lines = text.split('\n');
  const all = (n) => lines.every((l) => l.length === n);
  let format = null;
  if (lines.length === 3) format = all(30) ? 'TD1' : null;
  else if (lines.length === 2) {
    const visa = lines[0].startsWith('V');
    if (all(36)) format = visa ? 'MRV_B' : 'TD2';
    else if (all(44)) format = visa ? 'MRV_A' : 'TD3';
  }
  if (format === null) return 'MRZ must have 3 lines of 30, or 2 lines of 36 or 44 characters';
  for (const line of lines) {
    if (anyLower(line)) return 'MRZ must be upper case';
    for (const c of line) if (mrzValue(c) < 0) return 'MRZ may contain only A-Z, 0-9 and <';
  }
  if (format === 'TD1') {
    const [l1, l2, l3] = lines;
    return checkHeader(l1) ?? documentNumber(l1, 5, 14, 15, 30) ?? checkPersonal(l2, 0, 7, 8, 15)
      ?? (matches(l2[29], l1.slice(5, 30) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29)) ? null : 'composite check digit does not match')
      ?? checkName(l3);
  }
  const [l1, l2] = lines;
  const problem = checkHeader(l1)
    ?? (format === 'TD2' ? documentNumber(l2, 0, 9, 28, 35) : documentNumber(l2, 0, 9, -1, -1))
    ?? checkPersonal(l2, 13, 20, 21, 10);
  if (problem) return problem;
  if (format === 'TD3') {
    const optional = l2.slice(28, 42); const check = l2[42];
    const unused = /^<*$/.test(optional);
    if (!(matches(check, optional) || (unused && check === '<'))) return 'check digit of the optional data (personal number) does not match';
    if (!matches(l2[43], l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 43))) return 'composite check digit does not match';
  } else if (format === 'TD2') {
    if (!matches(l2[35], l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 35))) return 'composite check digit does not match';
  }
  return checkName(l1.slice(5));
}
