/**
 * Text from documents (titles, URLs, file names) shown on a terminal must not be able to drive
 * it: an ESC starts a control sequence that can recolour, move the cursor, rewrite earlier lines,
 * set the window title or, in some terminals, write files. Control characters (C0, DEL, C1) are
 * shown as visible escapes instead (`\x1b`), and bidirectional overrides, which reorder what a
 * line seems to say, as `\u202e`.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

export function neutralizeTerminal(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** The same for one line of output: tabs and line breaks are shown as escapes too. */
export function neutralizeTerminalLine(text: string): string {
  return neutralizeTerminal(text).replace(/[\t\n]/gu, (c) => (c === '\t' ? '\\t' : '\\n'));
}
