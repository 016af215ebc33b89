/** File-system errors worded for people: one line, naming the file, never a stack trace. */

/** A failure to write or replace a file, already worded; the CLI prints it and exits 2. */
export class FileWriteError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    /** The errno code behind it, when there is one (ENOSPC, EACCES, …). */
    readonly code?: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'FileWriteError';
  }
}

/** The reason part of a message about a failed read or write. */
export function describeIoError(error: unknown, verb: 'read' | 'write' = 'read'): string {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'no space left on device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EROFS':
      return 'read-only file system';
    case 'EFBIG':
      return 'file too large for the file system';
    case 'ELOOP':
      return `cannot ${verb}: a loop of symbolic links`;
    case 'ENAMETOOLONG':
      return `cannot ${verb}: the name is too long`;
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default:
      return `cannot ${verb}: ${e.message ?? String(error)}`;
  }
}

/** Wrap a file-system error as a FileWriteError naming `file`; other errors pass through. */
export function asWriteError(error: unknown, file: string): unknown {
  if (error instanceof FileWriteError) return error;
  const e = error as NodeJS.ErrnoException;
  if (e && typeof e.code === 'string') return new FileWriteError(file, describeIoError(e, 'write'), e.code);
  return error;
}
