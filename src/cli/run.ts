#!/usr/bin/env node
import { fstatSync } from 'node:fs';
import { internalErrorLine, main } from './main.js';
import { WORKER_FLAG } from './worker-flag.js';

// Standard input up to one byte past `maxBytes`, and no further: `cat /dev/zero | roadmap lint -`
// is refused once it is too large, not read into memory without end.
const readStdin = async (maxBytes: number): Promise<Uint8Array> => {
  // `roadmap lint - < folder` would read as an empty document.
  if (fstatSync(0).isDirectory()) throw Object.assign(new Error('standard input is a directory'), { code: 'EISDIR', syscall: 'read' });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size > maxBytes) break;
  }
  process.stdin.destroy();
  return Buffer.concat(chunks).subarray(0, maxBytes + 1);
};

// A reader that stops early (`roadmap lint --format json big.md | head -1`) is not an error: drop
// the rest of the output and finish the run quietly. An output that cannot be written (a full
// disk, `> /dev/full`) is an I/O failure: one line on stderr, exit code 2, the rest dropped.
let stdoutClosed = false;
let outputFailed = false;
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (stream === process.stdout) stdoutClosed = true;
    if (error.code === 'EPIPE' || outputFailed) return;
    outputFailed = true;
    process.exitCode = 2;
    if (stream === process.stdout && !process.stderr.destroyed) {
      process.stderr.write(`roadmap: cannot write the report to standard output: ${error.code ?? error.message}\n`);
    }
  });
}

const runMain = (): void => void main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (t) => {
    if (!stdoutClosed) process.stdout.write(t);
  },
  stderr: (t) => {
    if (!process.stderr.destroyed) process.stderr.write(t);
  },
  readStdin,
  stdoutIsTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  env: process.env,
  ...(process.argv[1] ? { workerScript: process.argv[1] } : {}),
}).then(
  (code) => {
    if (!outputFailed) process.exitCode = code;
  },
  // main answers every failure it knows with one line and an exit code; anything else is a bug,
  // reported the same way in one line.
  (error: unknown) => {
    process.stderr.write(internalErrorLine(error, process.env));
    process.exitCode = 3;
  },
);

// A pool worker (src/cli/pool.ts) is a child process started with WORKER_FLAG and a channel to
// the process that started it. No top-level await: the bundle is a CommonJS script (see
// scripts/bundle.js).
if (process.argv[2] === WORKER_FLAG && typeof process.send === 'function') {
  void import('./pool.js').then(({ serveAsWorker }) => serveAsWorker());
} else runMain();
