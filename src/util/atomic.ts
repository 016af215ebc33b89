/**
 * Atomic file replacement: write a temporary file in the same directory, give it the original's
 * mode, then rename it over the original. Readers see the old file or the new one, never half.
 */
import { chmod, open, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export async function writeFileAtomic(target: string, content: string | Uint8Array): Promise<void> {
  // Write through a symbolic link to the file it names, so the link stays a link.
  const path = await realpath(target).catch(() => target);
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(tmp, 'wx', info ? info.mode & 0o7777 : 0o644);
  try {
    await handle.writeFile(content);
    await handle.sync();
    await handle.close();
    if (info) await chmod(tmp, info.mode & 0o7777);
    await rename(tmp, path);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw error;
  }
}
