/**
 * Faults while writing: a build or a --fix killed at any moment, a build left half done, locks
 * left by dead runs, and two builds at once. After each, dist/ must be the complete old set or the
 * complete new set, and every fixed file entirely old or entirely new.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputDir } from '../../src/emit/write.js';
import { BIN, ROADMAP, cli, tempDir } from '../helpers.js';

/** Every file under a directory (relative path → content). */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  const queue = [''];
  while (queue.length > 0) {
    const rel = queue.shift()!;
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = rel ? `${rel}/${name}` : name;
      if (lstatSync(join(dir, path)).isDirectory()) queue.push(path);
      else out[path] = readFileSync(join(dir, path), 'utf8');
    }
  }
  return out;
}

/** A document with a few sections; `version` changes its title and every link. */
function doc(n: number, version: number): string {
  const items = Array.from({ length: 12 }, (_, i) => `* [Resource ${n}.${i}](https://example.com/v${version}/${n}/${i}) \u2014 note ${version}`).join('\n');
  return `# List ${n}, version ${version}\n\n## 1. First\n\n${items}\n\n## 2. Second\n\n${items.replaceAll('Resource', 'Item').replaceAll('example.com/', 'example.org/')}\n`;
}

function writeDocs(dir: string, count: number, version: number): void {
  for (let n = 0; n < count; n++) {
    mkdirSync(join(dir, 'content', `part${n % 3}`), { recursive: true });
    writeFileSync(join(dir, 'content', `part${n % 3}`, `list${n}.md`), doc(n, version));
  }
}

/** A seeded generator, so a failing run can be repeated with its seed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = Number(process.env['ROADMAP_FAULT_SEED'] ?? 20261124);
const ROUNDS = Number(process.env['ROADMAP_FAULT_ROUNDS'] ?? 12);
const FIX_ROUNDS = Number(process.env['ROADMAP_FAULT_ROUNDS'] ?? 8);
/** The count: two builds at once lost outputs in 5 of 20 rounds before the lock. */
const CONCURRENT_ROUNDS = Number(process.env['ROADMAP_CONCURRENT_ROUNDS'] ?? 20);

/**
 * Run the CLI and SIGKILL it `delay` ms after it starts, or, with `after`, `delay` ms after that
 * path appears (to aim at the writing phase). Resolves with how it ended.
 */
function runKilled(args: string[], cwd: string, delay: number, after?: string): Promise<{ killed: boolean; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
    let killed = false;
    let done = false;
    let timer: NodeJS.Timeout | undefined;
    const kill = () => {
      if (!done) killed = child.kill('SIGKILL');
    };
    if (after === undefined) timer = setTimeout(kill, delay);
    else {
      const poll = () => {
        if (done) return;
        if (existsSync(after)) timer = setTimeout(kill, delay);
        else setImmediate(poll);
      };
      poll();
    }
    child.on('exit', (code) => {
      done = true;
      clearTimeout(timer);
      resolve({ killed: killed && code === null, code });
    });
  });
}

/** How long a whole run takes, and (with `watch`) how long until that path appears. */
async function timed(args: string[], cwd: string, watch?: string): Promise<{ total: number; until: number }> {
  const started = Date.now();
  let until = -1;
  const poll = () => {
    if (until >= 0 || !watch) return;
    if (existsSync(watch)) until = Date.now() - started;
    else setImmediate(poll);
  };
  poll();
  await runKilled(args, cwd, 600_000);
  const total = Date.now() - started;
  return { total, until: until < 0 ? total : until };
}

describe('SIGKILL at random moments', () => {
  it(`build: dist/ is the complete old set or the complete new set (${ROUNDS} kills, seed ${SEED})`, async () => {
    const next = random(SEED);
    const base = tempDir();
    writeDocs(base, 12, 1);
    expect(cli(['build'], { cwd: base }).code).toBe(0);
    const oldSet = tree(join(base, 'dist'));
    const oldDist = join(tempDir(), 'dist');
    cpSync(join(base, 'dist'), oldDist, { recursive: true });
    writeDocs(base, 12, 2);
    const reference = tempDir();
    cpSync(join(base, 'content'), join(reference, 'content'), { recursive: true });
    cpSync(oldDist, join(reference, 'dist'), { recursive: true });
    const { total: duration, until: staging } = await timed(['build'], reference, join(reference, '.roadmap-pipeline/dist/staging'));
    const writing = Math.max(20, duration - staging);
    const newSet = tree(join(reference, 'dist'));
    expect(Object.keys(newSet)).toHaveLength(37);
    expect(newSet).not.toEqual(oldSet);

    const outcomes = { old: 0, new: 0, completedByRecovery: 0, finished: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      rmSync(join(base, 'dist'), { recursive: true, force: true });
      cpSync(oldDist, join(base, 'dist'), { recursive: true });
      // A third of the kills fall anywhere in the run, a third in its writing phase (once staging
      // begins), a third just after its commit point (once the journal exists).
      const mode = (['anywhere', 'staging began', 'journal written'] as const)[round % 3]!;
      const delay = mode === 'journal written' ? Math.floor(next() * 3) : Math.floor(next() * (mode === 'staging began' ? writing : duration) * 1.1);
      const watch = mode === 'anywhere' ? undefined : join(base, '.roadmap-pipeline/dist', mode === 'journal written' ? 'journal.json' : 'staging');
      const { killed } = await runKilled(['build'], base, delay, watch);
      if (!killed) outcomes.finished++;
      const journalled = existsSync(join(base, '.roadmap-pipeline/dist/journal.json'));
      // The next run recognises what was left and finishes or undoes it before anything else.
      const notes: string[] = [];
      const out = await OutputDir.open(join(base, 'dist'), { label: 'dist', onRecover: (n) => notes.push(n) });
      await out.close();
      const after = tree(join(base, 'dist'));
      const which = JSON.stringify(after) === JSON.stringify(oldSet) ? 'old' : JSON.stringify(after) === JSON.stringify(newSet) ? 'new' : 'mixed';
      expect(which, `round ${round}, killed ${delay} ms after ${mode === 'anywhere' ? 'start' : mode} (seed ${SEED}); notes: ${notes.join('; ')}`).not.toBe('mixed');
      if (journalled) {
        expect(which).toBe('new');
        outcomes.completedByRecovery++;
      }
      outcomes[which as 'old' | 'new']++;
      expect(existsSync(join(base, '.roadmap-pipeline')), `round ${round}: state left behind`).toBe(false);
      expect(lstatSync(join(base, 'dist')).isDirectory()).toBe(true);
    }
    console.log(`build kills (seed ${SEED}, run ${duration} ms, writing ${writing} ms): ${JSON.stringify(outcomes)}`);
    expect(outcomes.old + outcomes.new).toBe(ROUNDS);
  }, 300_000);

  it(`--fix: every file is entirely old or entirely new (${FIX_ROUNDS} kills, seed ${SEED})`, async () => {
    const next = random(SEED + 1);
    const dir = tempDir();
    const files = Array.from({ length: 5 }, (_, i) => `doc${i}.md`);
    const original = (i: number) => doc(i, 1).replaceAll('\u2014', '\u00e2\u20ac\u201d') + `\nfiller ${'x'.repeat(60)}\n`.repeat(100);
    const reset = () => files.forEach((f, i) => writeFileSync(join(dir, f), original(i)));
    reset();
    const args = ['lint', '--fix', '--no-config', ...files];
    const { total: duration } = await timed(args, dir);
    const fixed = files.map((f) => readFileSync(join(dir, f), 'utf8'));
    expect(fixed[0]).toBe(original(0).replaceAll('\u00e2\u20ac\u201d', '\u2014'));

    let mixedRounds = 0;
    for (let round = 0; round < FIX_ROUNDS; round++) {
      reset();
      const delay = Math.floor(next() * duration * 1.1);
      await runKilled(args, dir, delay);
      const states = files.map((f, i) => {
        const text = readFileSync(join(dir, f), 'utf8');
        return text === original(i) ? 'old' : text === fixed[i] ? 'new' : 'broken';
      });
      expect(states, `round ${round}, killed after ${delay} ms (seed ${SEED})`).not.toContain('broken');
      if (states.includes('old') && states.includes('new')) mixedRounds++;
      // The next run cleans what the killed one left (temporary files, its locks) and finishes the work.
      expect(cli(args, { cwd: dir }).code).toBe(0);
      expect(readdirSync(dir).sort()).toEqual([...files].sort());
      expect(files.map((f) => readFileSync(join(dir, f), 'utf8'))).toEqual(fixed);
    }
    console.log(`--fix kills (seed ${SEED}, run ${duration} ms): ${mixedRounds} of ${FIX_ROUNDS} rounds stopped between files`);
  }, 300_000);
});

describe('what an interrupted build left', () => {
  function builtProject(): { dir: string; oldSet: Record<string, string> } {
    const dir = tempDir();
    writeDocs(dir, 3, 1);
    expect(cli(['build'], { cwd: dir }).code).toBe(0);
    return { dir, oldSet: tree(join(dir, 'dist')) };
  }

  it('a journal: the next run completes the build before anything else', async () => {
    const { dir, oldSet } = builtProject();
    const state = join(dir, '.roadmap-pipeline/dist');
    // The staged new set, with the first file already moved into place when the run was killed.
    const names = Object.keys(oldSet);
    for (const name of names) {
      mkdirSync(join(state, 'staging', name, '..'), { recursive: true });
      writeFileSync(join(state, 'staging', name), `new ${name}\n`);
    }
    writeFileSync(join(state, 'journal.json'), JSON.stringify({ version: 1, files: names }));
    rmSync(join(state, 'staging', names[0]!));
    writeFileSync(join(dir, 'dist', names[0]!), `new ${names[0]}\n`);
    writeFileSync(join(state, 'lock'), JSON.stringify({ pid: 99999999, host: hostname(), nonce: 'dead', since: '', what: 'roadmap build' }));

    const notes: string[] = [];
    const out = await OutputDir.open(join(dir, 'dist'), { label: 'dist', onRecover: (n) => notes.push(n) });
    await out.close();
    expect(notes).toEqual([`dist/: completed an interrupted build (${names.length - 1} of ${names.length} files were still to move)`]);
    expect(tree(join(dir, 'dist'))).toEqual(Object.fromEntries(names.map((n) => [n, `new ${n}\n`])));
    expect(existsSync(join(dir, '.roadmap-pipeline'))).toBe(false);
  });

  it('staging without a journal: the next run removes it; dist/ was never touched', () => {
    const { dir, oldSet } = builtProject();
    const state = join(dir, '.roadmap-pipeline/dist');
    mkdirSync(join(state, 'staging/part0'), { recursive: true });
    writeFileSync(join(state, 'staging/part0/list0.json'), '{"half":');
    writeFileSync(join(state, 'journal.json.tmp'), '{"version":1,"fi');
    writeDocs(dir, 3, 2);
    const r = cli(['build'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('roadmap: dist/: removed the staged files of an interrupted build; dist/ was not changed by it');
    expect(tree(join(dir, 'dist'))['part0/list0.json']).toContain('version 2');
    expect(Object.keys(tree(join(dir, 'dist')))).toEqual(Object.keys(oldSet));
    expect(existsSync(join(dir, '.roadmap-pipeline'))).toBe(false);
  });

  it('a lock of a live build: the next one waits, then fails clearly', async () => {
    const { dir, oldSet } = builtProject();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      mkdirSync(join(dir, '.roadmap-pipeline/dist'), { recursive: true });
      writeFileSync(join(dir, '.roadmap-pipeline/dist/lock'), JSON.stringify({ pid: holder.pid, host: hostname(), nonce: 'live', since: 'then', what: 'roadmap build' }));
      writeDocs(dir, 3, 2);
      const r = cli(['build'], { cwd: dir, env: { ROADMAP_LOCK_TIMEOUT: '1' } });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`roadmap: dist/: waiting for roadmap build (process ${holder.pid}) to finish`);
      expect(r.stderr).toMatch(/^roadmap: dist: locked by roadmap build \(process \d+ on [^)]+, since then\); gave up waiting\. If no such run is active, delete .*lock$/mu);
      expect(tree(join(dir, 'dist'))).toEqual(oldSet);
    } finally {
      holder.kill('SIGKILL');
    }
  });
});

describe('two builds at once into one dist/', () => {
  it(`both finish, and no output or index entry is lost (${CONCURRENT_ROUNDS} rounds)`, async () => {
    for (let round = 0; round < CONCURRENT_ROUNDS; round++) {
      const dir = tempDir();
      mkdirSync(join(dir, 'a'));
      mkdirSync(join(dir, 'b'));
      writeFileSync(join(dir, 'a/first.md'), doc(1, round));
      writeFileSync(join(dir, 'b/second.md'), doc(2, round));
      const [one, two] = await Promise.all([runKilled(['build', 'a'], dir, 600_000), runKilled(['build', 'b'], dir, 600_000)]);
      expect([one.code, two.code]).toEqual([0, 0]);
      const out = tree(join(dir, 'dist'));
      expect(Object.keys(out).sort()).toEqual(['first.csv', 'first.json', 'first.md', 'index.json', 'second.csv', 'second.json', 'second.md']);
      expect(JSON.parse(out['index.json']!).documents.map((d: { source: string }) => d.source)).toEqual(['a/first.md', 'b/second.md']);
    }
  }, 600_000);
});

describe('two --fix runs at once on the same files', () => {
  it('take turns: every file is fixed once, entirely, and nothing is left behind (5 rounds)', async () => {
    const dir = tempDir();
    const files = ['a.md', 'b.md', 'c.md'];
    const broken = (i: number) => doc(i, 1).replaceAll('\u2014', '\u00e2\u20ac\u201d');
    for (let round = 0; round < 5; round++) {
      files.forEach((f, i) => writeFileSync(join(dir, f), broken(i)));
      const args = ['lint', '--fix', '--no-config', ...files];
      const [one, two] = await Promise.all([runKilled(args, dir, 600_000), runKilled(args, dir, 600_000)]);
      expect([one.code, two.code]).toEqual([0, 0]);
      expect(files.map((f) => readFileSync(join(dir, f), "utf8"))).toEqual(files.map((_, i) => doc(i, 1)));
      expect(readdirSync(dir).sort()).toEqual(files);
    }
  }, 240_000);
});

describe('text appended to a file while a real --fix process works on it', () => {
  it('is never overwritten: the run says the file changed and leaves it as it now is (exit 2)', async () => {
    const dir = tempDir();
    const roadmap = readFileSync(ROADMAP, 'utf8');
    const body = roadmap.split('\n').slice(1).join('\n');
    // About 600 KB of the mis-encoded roadmap: --fix takes seconds, reading it milliseconds.
    const text = roadmap + Array.from({ length: 150 }, (_, i) => body.replaceAll('https://', `https://v${i}.`)).join('\n');
    const file = join(dir, 'big.md');
    writeFileSync(file, text);
    const added = '\n* [Added meanwhile](https://example.com/new)\n';
    const child = spawn(process.execPath, [BIN, 'lint', '--fix', '--no-config', '--format', 'compact', 'big.md'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.resume();
    // The lock is taken just before the file is read; a second later the fixes are being worked out.
    const lock = join(dir, '.big.md.roadmap-lock');
    const appendedAt = new Promise<void>((resolve) => {
      const poll = () => (existsSync(lock) ? setTimeout(() => (appendFileSync(file, added), resolve()), 1000) : setTimeout(poll, 5));
      poll();
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    await appendedAt;
    expect(stderr).toContain('roadmap: big.md: changed since it was read; not overwritten (run again)');
    expect(code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe(text + added);
    expect(readdirSync(dir)).toEqual(['big.md']);
  }, 120_000);
});
