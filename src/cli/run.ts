#!/usr/bin/env node
import { main } from './main.js';
import { WORKER_FLAG } from './worker-flag.js';

const readStdin = async (): Promise<Uint8Array> => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

// A reader that stops early (`roadmap lint --format json big.md | head -1`) is not an error: drop
// the rest of the output and finish the run quietly.
let stdoutClosed = false;
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    if (stream === process.stdout) stdoutClosed = true;
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
}).then((code) => {
  process.exitCode = code;
});

// A pool worker (src/cli/pool.ts) is a child process started with WORKER_FLAG and a channel to
// the process that started it. No top-level await: the bundle is a CommonJS script (see
// scripts/bundle.js).
if (process.argv[2] === WORKER_FLAG && typeof process.send === 'function') {
  void import('./pool.js').then(({ serveAsWorker }) => serveAsWorker());
} else runMain();
