/**
 * The argument a pool worker process is started with (src/cli/pool.ts). The entry (src/cli/run.ts)
 * serves as a worker when it sees it and has a channel to its parent; bin/roadmap.js picks the
 * workers' own code cache by it.
 */
export const WORKER_FLAG = '--roadmap-pool-worker';
