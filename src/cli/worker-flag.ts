/**
 * The argument a pool worker is started with (src/cli/pool.ts). The entry (src/cli/run.ts) looks
 * for it before loading node:worker_threads, so a plain run never pays for that module.
 */
export const WORKER_FLAG = '--roadmap-pool-worker';
