/**
 * The unified diff of a fix (--fix-dry-run). Fixes replace text within lines, so the fixed text
 * nearly always has the lines of the source, changed or not, in the same places: then the hunks
 * are read off line by line, in linear time, and written by the diff library as it writes its
 * own. Otherwise (a fix that joined or split lines, a last line without a line end) the library's
 * diff, which is quadratic in the lines changed, makes them: 30,000 repaired lines took it about
 * five minutes.
 */
import type { StructuredPatchHunk } from 'diff';

const CONTEXT = 3;

/** The lines of a text that ends with a line end, or null. */
function linesOf(text: string): string[] | null {
  if (!text.endsWith('\n')) return null;
  return text.slice(0, -1).split('\n');
}

export function twoFilesPatch(diff: typeof import('diff'), oldName: string, newName: string, oldText: string, newText: string): string {
  const before = linesOf(oldText);
  const after = linesOf(newText);
  if (!before || !after || before.length !== after.length) {
    return diff.createTwoFilesPatch(oldName, newName, oldText, newText, '', '', { context: CONTEXT });
  }
  const changed: number[] = [];
  for (let i = 0; i < before.length; i++) if (before[i] !== after[i]) changed.push(i);
  const hunks: StructuredPatchHunk[] = [];
  for (let k = 0; k < changed.length; ) {
    // A hunk takes every change whose context touches the one before (the library merges those).
    let last = k;
    while (last + 1 < changed.length && changed[last + 1]! - changed[last]! - 1 <= 2 * CONTEXT) last++;
    const start = Math.max(0, changed[k]! - CONTEXT);
    const end = Math.min(before.length, changed[last]! + CONTEXT + 1);
    const lines: string[] = [];
    for (let i = start; i < end; ) {
      if (before[i] === after[i]) {
        lines.push(` ${before[i]!}`);
        i++;
        continue;
      }
      let j = i;
      while (j < end && before[j] !== after[j]) j++;
      for (let m = i; m < j; m++) lines.push(`-${before[m]!}`);
      for (let m = i; m < j; m++) lines.push(`+${after[m]!}`);
      i = j;
    }
    hunks.push({ oldStart: start + 1, oldLines: end - start, newStart: start + 1, newLines: end - start, lines });
    k = last + 1;
  }
  return diff.formatPatch({ oldFileName: oldName, newFileName: newName, oldHeader: '', newHeader: '', hunks });
}
