/**
 * Inline configuration comments:
 *   <!-- roadmap-lint-disable [rule …] -->           off from here on (all rules, or the listed ones)
 *   <!-- roadmap-lint-enable [rule …] -->            on again
 *   <!-- roadmap-lint-disable-next-line [rule …] --> off for the next line only
 */
import type { Root } from 'mdast';
import { walkTree } from '../model/walk.js';

interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line';
  rules: string[] | null;
  line: number;
}

const KEYWORD = /\s*roadmap-lint-(disable-next-line|disable|enable)\b/uy;

const newlines = (text: string, from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 0x0a) n++;
  return n;
};

export function readDirectives(tree: Root): Directive[] {
  const found: Directive[] = [];
  walkTree(tree, (node) => {
    if (node.type !== 'html') return;
    const value = node.value;
    // One pass over the node: each "<!--" is looked at once, each "-->" found once.
    let line = node.position?.start.line ?? 1;
    let counted = 0;
    for (let open = value.indexOf('<!--'); open >= 0; ) {
      KEYWORD.lastIndex = open + 4;
      const m = KEYWORD.exec(value);
      if (!m) {
        open = value.indexOf('<!--', open + 4);
        continue;
      }
      const close = value.indexOf('-->', KEYWORD.lastIndex);
      if (close < 0) break;
      line += newlines(value, counted, open);
      counted = open;
      const endLine = line + newlines(value, open, close);
      const rules = value.slice(KEYWORD.lastIndex, close).split(/[\s,]+/u).filter(Boolean);
      const kind = m[1] as Directive['kind'];
      found.push({ kind, rules: rules.length > 0 ? rules : null, line: kind === 'disable-next-line' ? endLine : line });
      open = value.indexOf('<!--', close + 3);
    }
  });
  return found.sort((a, b) => a.line - b.line);
}

/**
 * A predicate: is a finding of `rule` at `line` switched off by a comment? Each rule's on/off
 * changes are worked out once, so a query is a binary search (40,000 comments no longer make
 * linting quadratic).
 */
export function suppressor(directives: Directive[]): (rule: string, line: number) => boolean {
  if (directives.length === 0) return () => false;
  const ranges = directives.filter((d) => d.kind !== 'disable-next-line');
  const nextLine = directives.filter((d) => d.kind === 'disable-next-line');
  const perRule = new Map<string, { lines: number[]; off: boolean[]; next: Set<number> }>();
  const forRule = (rule: string) => {
    let entry = perRule.get(rule);
    if (entry) return entry;
    // Replaying the comments in order: "disable" with no list turns every rule off and clears
    // earlier per-rule settings; a list changes only the rules it names.
    const lines: number[] = [];
    const off: boolean[] = [];
    for (const d of ranges) {
      if (d.rules !== null && !d.rules.includes(rule)) continue;
      lines.push(d.line);
      off.push(d.kind === 'disable');
    }
    const next = new Set<number>();
    for (const d of nextLine) if (d.rules === null || d.rules.includes(rule)) next.add(d.line + 1);
    entry = { lines, off, next };
    perRule.set(rule, entry);
    return entry;
  };
  return (rule, line) => {
    const { lines, off, next } = forRule(rule);
    if (next.has(line)) return true;
    // The last change at or before `line`.
    let lo = 0;
    let hi = lines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lines[mid]! <= line) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && off[lo - 1]!;
  };
}
