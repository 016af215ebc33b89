// Runs regular expressions on adversarial input for test/redos.test.ts, in a process the test can
// kill: a catastrophic expression never returns, and nothing inside one process can stop it.
// stdin: JSON [{ source, flags }]; stdout: "start <i>" before and "done <i> <ms>" after each.
import { readFileSync, writeSync } from 'node:fs';

const SIZE = Number(process.env.REDOS_SIZE ?? 50_000);
const list = JSON.parse(readFileSync(0, 'utf8'));

/** Characters an input should be made of to stress this expression. */
function alphabet(source) {
  const chars = new Set([' ', 'a', 'A', '0', '-', '.', '/', ':', '\n', '\t', '#', '*', '_', '[', ']', '(', ')', '<', '>', '!', '\u00e9', '\u2014']);
  for (const c of source.replace(/\\[pPu]\{[^}]*\}|\\u[0-9a-fA-F]{4}/gu, '')) if (c.codePointAt(0) < 0x10000) chars.add(c);
  return [...chars];
}

function* adversarial(source) {
  const chars = alphabet(source);
  for (const c of chars) yield c.repeat(SIZE) + '\u0000';
  for (let i = 0; i < chars.length; i++) {
    for (let j = i + 1; j < chars.length; j += 3) yield (chars[i] + chars[j]).repeat(SIZE / 2) + '\u0000';
  }
  // Near matches: the literal characters of the pattern in order, repeated.
  const literal = source.replace(/\\.|[\^$()[\]{}|?*+]/gu, '');
  if (literal) yield literal.repeat(Math.ceil(SIZE / literal.length)) + '\u0000';
}

for (const [i, { source, flags }] of list.entries()) {
  writeSync(1, `start ${i}\n`);
  // Sticky expressions stay sticky: they are only ever tried at one place.
  const once = new RegExp(source, flags.replace(/g/gu, ''));
  const global = new RegExp(source, `${once.flags}g`);
  let worst = 0;
  for (const input of adversarial(source)) {
    const t0 = performance.now();
    once.exec(input);
    input.replace(global, '');
    worst = Math.max(worst, performance.now() - t0);
  }
  writeSync(1, `done ${i} ${Math.round(worst)}\n`);
}
