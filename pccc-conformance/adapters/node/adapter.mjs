#!/usr/bin/env node
// PCCC reference adapter (Node.js): implements the conformance protocol of pccc-conformance.
//   validate --json FILE
//   open --json --keys DIR --directory FILE --coordinator CERT --at INSTANT ENVELOPE
//   seal --keys DIR --directory FILE --coordinator CERT --out FILE MESSAGE
// Exit 0 = success, 1 = the input was rejected, 2 = usage or configuration error.
import { readFileSync, writeFileSync } from 'node:fs';
import { openEnvelope, readDirectory, readKeys, sealMessage } from './envelope.mjs';
import { Problem, validateMessage } from './validate.mjs';

function parse(args) {
  const options = {}; const positional = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') options.json = true;
    else if (a.startsWith('--')) { options[a.slice(2)] = args[++i]; if (options[a.slice(2)] === undefined) usage(`${a} needs a value`); }
    else positional.push(a);
  }
  return { options, positional };
}

function usage(why) {
  process.stderr.write(`adapter: ${why}\nusage: adapter.mjs validate --json FILE | open --json --keys DIR --directory FILE --coordinator CERT --at INSTANT ENVELOPE | seal --keys DIR --directory FILE --coordinator CERT --out FILE MESSAGE\n`);
  process.exit(2);
}

const print = (value) => process.stdout.write(JSON.stringify(value) + '\n');
const need = (options, ...names) => { for (const n of names) if (!options[n]) usage(`--${n} is required`); };

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { options, positional } = parse(rest);
  if (positional.length !== 1) usage('exactly one input file is expected');
  const input = readFileSync(positional[0]);
  switch (command) {
    case 'validate': {
      const { valid, codes } = validateMessage(input);
      print(codes.length > 0 ? { valid, codes } : { valid });
      return valid ? 0 : 1;
    }
    case 'open': {
      need(options, 'keys', 'directory', 'coordinator', 'at');
      const at = new Date(options.at);
      if (Number.isNaN(at.getTime())) usage('--at must be an ISO-8601 instant');
      const keys = readKeys(options.keys);
      try {
        const directory = await readDirectory(options.directory, options.coordinator);
        const message = await openEnvelope(input, keys, directory, at);
        print({ ok: true, message });
        return 0;
      } catch (e) {
        if (!(e instanceof Problem)) throw e;
        print({ ok: false, code: e.code, reason: e.message });
        return 1;
      }
    }
    case 'seal': {
      need(options, 'keys', 'directory', 'coordinator', 'out');
      const keys = readKeys(options.keys);
      try {
        const directory = await readDirectory(options.directory, options.coordinator);
        writeFileSync(options.out, await sealMessage(input, keys, directory));
        return 0;
      } catch (e) {
        if (!(e instanceof Problem)) throw e;
        process.stderr.write(`adapter: ${e.code}: ${e.message}\n`);
        return 1;
      }
    }
    default:
      return usage(`unknown command ${command ?? ''}`);
  }
}

main().then((code) => process.exit(code), (e) => {
  process.stderr.write(`adapter: ${e.stack ?? e}\n`);
  process.exit(2);
});
