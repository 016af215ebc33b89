/**
 * Reading a Markdown source: bytes to text, with the checks that turn bad input into one clear
 * line naming the file (and the line or byte where there is one).
 */
import { firstInvalidUtf8 } from '../encoding/codecs.js';
import { detectUtf16 } from '../encoding/detect.js';
import { FileTooLargeError, NotAFileError, readFileChecked, snapshotOf, type FileSnapshot } from '../util/atomic.js';
import { describeIoError } from '../util/io-error.js';
import { neutralizeTerminalLine } from '../util/terminal.js';

export { describeIoError } from '../util/io-error.js';

/** Exit status families, shared by every command. */
export const EXIT_OK = 0;
export const EXIT_CONTENT = 1;
export const EXIT_FAILURE = 2;
/** An unexpected exception: a bug in roadmap-pipeline, to be reported. */
export const EXIT_INTERNAL = 3;

/** Why an input was refused: what reports name it by. */
export type RefusalKind = 'empty' | 'binary' | 'not-utf8' | 'not-a-file' | 'unreadable' | 'content' | 'internal';

/** An error about one input, already worded for the user. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly exitCode: typeof EXIT_CONTENT | typeof EXIT_FAILURE | typeof EXIT_INTERNAL,
    readonly line?: number,
    readonly kind: RefusalKind = 'content',
  ) {
    // The message is a line on a terminal: a file name's control characters are shown as escapes.
    super(`${neutralizeTerminalLine(file)}${line !== undefined ? `:${line}` : ''}: ${neutralizeTerminalLine(reason)}`);
    this.name = 'InputError';
  }
}

export interface SourceText {
  /** The text without a leading byte order mark. */
  text: string;
  /** Whether the file started with a UTF-8 byte order mark (kept when fixing). */
  bom: boolean;
  /** What the file was when read (size, modification time, hash); absent for standard input. */
  snapshot?: FileSnapshot;
}

/**
 * An unexpected exception while handling one document, caught at the document's boundary: a bug
 * in roadmap-pipeline. `where` names the stage or rule ("rule empty-section", "emit").
 */
export function internalError(file: string, where: string, error: unknown): InputError {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new InputError(file, `internal error in ${where}: ${what}. This is a bug in roadmap-pipeline; please report it`, EXIT_INTERNAL, undefined, 'internal');
}

/** Decode and check bytes that claim to be a UTF-8 Markdown document. */
export function decodeSource(file: string, bytes: Uint8Array): SourceText {
  if (bytes.length === 0) throw new InputError(file, 'empty file: a roadmap needs at least a "# Title"', EXIT_CONTENT, undefined, 'empty');
  const utf16 = detectUtf16(bytes);
  if (utf16) {
    throw new InputError(
      file,
      `${utf16.encoding} text${utf16.bom ? ' (with a byte order mark)' : ''}, not UTF-8: save it as UTF-8, or convert it with \`iconv -f ${utf16.bom ? 'UTF-16' : utf16.encoding} -t UTF-8\``,
      EXIT_CONTENT,
      undefined,
      'not-utf8',
    );
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new InputError(file, `binary file, not Markdown (NUL byte at offset ${nul})`, EXIT_CONTENT, undefined, 'binary');
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    let line = 1;
    for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line++;
    throw new InputError(
      file,
      `not valid UTF-8: byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} at offset ${bad} (save the file as UTF-8)`,
      EXIT_CONTENT,
      line,
      'not-utf8',
    );
  }
  let text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  if (text.trim() === '') throw new InputError(file, 'empty file: only white space', EXIT_CONTENT, undefined, 'empty');
  return { text, bom };
}

/**
 * Read a file; `label` is how errors name it (defaults to the path). A FIFO, socket or device is
 * refused at once, without waiting on it; a file over `maxFileSize` bytes is refused unread. With
 * `snapshot`, the result says what the file was when read (for a writer that must not overwrite an
 * edit made meanwhile).
 */
export async function readSource(path: string, label = path, maxFileSize = Infinity, snapshot = false): Promise<SourceText> {
  let read: ReturnType<typeof readFileChecked>;
  try {
    read = readFileChecked(path, maxFileSize);
  } catch (error) {
    if (error instanceof NotAFileError) throw new InputError(label, `is a ${error.kind}, not a file`, EXIT_FAILURE, undefined, 'not-a-file');
    if (error instanceof FileTooLargeError) {
      const fmt = (n: number) => n.toLocaleString('en-US');
      throw new InputError(label, `${fmt(error.size)} bytes is larger than maxFileSize (${fmt(error.limit)} bytes)`, EXIT_CONTENT);
    }
    throw new InputError(label, describeIoError(error), EXIT_FAILURE, undefined, 'unreadable');
  }
  const source = decodeSource(label, read.bytes);
  return snapshot ? { ...source, snapshot: snapshotOf(read.info, read.bytes) } : source;
}
