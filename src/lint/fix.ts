/**
 * Fixes are text edits on the original source. Applying them changes those spans and nothing else:
 * a byte order mark, CRLF line ends and a missing final newline all stay as they were.
 */
import type { Finding, TextEdit } from './finding.js';

export interface FixResult {
  output: string;
  /** Findings whose fix was applied. */
  applied: Finding[];
  /** Findings whose fix overlapped one applied before it; a later pass may apply them. */
  conflicts: Finding[];
}

/** Apply the fixes of `findings` to `source`. A fix is all its edits or none; overlapping fixes after the first wait. */
export function applyFixes(source: string, findings: readonly Finding[]): FixResult {
  const fixable = findings.filter((f) => f.fix && f.fix.edits.length > 0);
  const ordered = [...fixable].sort(
    (a, b) => Math.min(...a.fix!.edits.map((e) => e.offset)) - Math.min(...b.fix!.edits.map((e) => e.offset)),
  );
  const taken: TextEdit[] = [];
  const applied: Finding[] = [];
  const conflicts: Finding[] = [];
  // Fixes come in order of their first edit; one that starts before everything taken so far has
  // ended overlaps (or touches the same place as) an earlier fix and waits for the next pass.
  let takenEnd = -1;
  for (const f of ordered) {
    const edits = [...f.fix!.edits].sort((a, b) => a.offset - b.offset);
    const outOfRange = edits.some((e) => e.offset < 0 || e.offset + e.deleteCount > source.length);
    const selfOverlap = edits.some((e, i) => i > 0 && e.offset < edits[i - 1]!.offset + Math.max(edits[i - 1]!.deleteCount, 1));
    if (outOfRange || selfOverlap || edits[0]!.offset < takenEnd) {
      conflicts.push(f);
      continue;
    }
    taken.push(...edits);
    applied.push(f);
    for (const e of edits) takenEnd = Math.max(takenEnd, e.offset + Math.max(e.deleteCount, 1));
  }
  taken.sort((a, b) => a.offset - b.offset);
  let output = '';
  let pos = 0;
  for (const e of taken) {
    output += source.slice(pos, e.offset) + e.insert;
    pos = e.offset + e.deleteCount;
  }
  output += source.slice(pos);
  return { output, applied, conflicts };
}

export interface FixLoopResult {
  output: string;
  /** Number of fixes applied over all passes. */
  fixed: number;
  passes: number;
  /** True when a pass produced a text seen before: fixes that undo each other. */
  cycled: boolean;
}

export const MAX_FIX_PASSES = 10;

/**
 * Apply fixes, re-lint, and repeat until nothing changes (or a pass brings back an earlier text,
 * or MAX_FIX_PASSES is reached).
 */
export async function fixUntilStable(source: string, lint: (text: string) => Promise<readonly Finding[]>): Promise<FixLoopResult> {
  const seen = new Set<string>([source]);
  let text = source;
  let fixed = 0;
  let passes = 0;
  while (passes < MAX_FIX_PASSES) {
    const findings = await lint(text);
    const { output, applied } = applyFixes(text, findings);
    if (applied.length === 0 || output === text) break;
    passes++;
    fixed += applied.length;
    if (seen.has(output)) return { output, fixed, passes, cycled: true };
    seen.add(output);
    text = output;
  }
  return { output: text, fixed, passes, cycled: false };
}
