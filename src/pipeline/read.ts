/**
 * Reading a Markdown source: bytes to text, with the checks that turn bad input into one clear
 * line naming the file (and the line or byte where there is one).
 */
import { readFile } from 'node:fs/promises';
import { firstInvalidUtf8 } from '../encoding/codecs.js';
import { detectUtf16 } from '../encoding/detect.js';

/** Exit status families, shared by every command. */
export const EXIT_OK = 0;
export const EXIT_CONTENT = 1;
export const EXIT_FAILURE = 2;

/** An error about one input, already worded for the user. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly exitCode: typeof EXIT_CONTENT | typeof EXIT_FAILURE,
    readonly line?: number,
  ) {
    super(`${file}${line !== undefined ? `:${line}` : ''}: ${reason}`);
    this.name = 'InputError';
  }
}

export interface SourceText {
  /** The text without a leading byte order mark. */
  text: string;
  /** Whether the file started with a UTF-8 byte order mark (kept when fixing). */
  bom: boolean;
}

/** Decode and check bytes that claim to be a UTF-8 Markdown document. */
export function decodeSource(file: string, bytes: Uint8Array): SourceText {
  if (bytes.length === 0) throw new InputError(file, 'empty file: a roadmap needs at least a "# Title"', EXIT_CONTENT);
  const utf16 = detectUtf16(bytes);
  if (utf16) {
    throw new InputError(
      file,
      `${utf16.encoding} text${utf16.bom ? ' (with a byte order mark)' : ''}, not UTF-8: save it as UTF-8, or convert it with \`iconv -f ${utf16.bom ? 'UTF-16' : utf16.encoding} -t UTF-8\``,
      EXIT_CONTENT,
    );
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new InputError(file, `binary file, not Markdown (NUL byte at offset ${nul})`, EXIT_CONTENT);
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    let line = 1;
    for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line++;
    throw new InputError(
      file,
      `not valid UTF-8: byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} at offset ${bad} (save the file as UTF-8)`,
      EXIT_CONTENT,
      line,
    );
  }
  let text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  if (text.trim() === '') throw new InputError(file, 'empty file: only white space', EXIT_CONTENT);
  return { text, bom };
}

/** Read a file; `label` is how errors name it (defaults to the path). */
export async function readSource(path: string, label = path): Promise<SourceText> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new InputError(label, describeIoError(error), EXIT_FAILURE);
  }
  return decodeSource(label, bytes);
}

export function describeIoError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return `cannot read: ${e.message ?? String(error)}`;
  }
}
