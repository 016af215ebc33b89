/**
 * Inline configuration comments:
 *   <!-- roadmap-lint-disable [rule …] -->           off from here on (all rules, or the listed ones)
 *   <!-- roadmap-lint-enable [rule …] -->            on again
 *   <!-- roadmap-lint-disable-next-line [rule …] --> off for the next line only
 */
import type { Html, Root } from 'mdast';
import { visit } from 'unist-util-visit';

interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line';
  rules: string[] | null;
  line: number;
}

const COMMENT = /<!--\s*roadmap-lint-(disable-next-line|disable|enable)\b([^]*?)-->/gu;

export function readDirectives(tree: Root): Directive[] {
  const found: Directive[] = [];
  visit(tree, 'html', (node: Html) => {
    const start = node.position?.start.line ?? 1;
    for (const m of node.value.matchAll(COMMENT)) {
      const before = node.value.slice(0, m.index);
      const line = start + (before.match(/\n/gu)?.length ?? 0);
      const endLine = line + (m[0].match(/\n/gu)?.length ?? 0);
      const rules = m[2]!.split(/[\s,]+/u).filter(Boolean);
      const kind = m[1] as Directive['kind'];
      found.push({ kind, rules: rules.length > 0 ? rules : null, line: kind === 'disable-next-line' ? endLine : line });
    }
  });
  return found.sort((a, b) => a.line - b.line);
}

/** A predicate: is a finding of `rule` at `line` switched off by a comment? */
export function suppressor(directives: Directive[]): (rule: string, line: number) => boolean {
  if (directives.length === 0) return () => false;
  return (rule, line) => {
    let all = false;
    const off = new Set<string>();
    const on = new Set<string>();
    for (const d of directives) {
      if (d.kind === 'disable-next-line') {
        if (d.line + 1 === line && (d.rules === null || d.rules.includes(rule))) return true;
        continue;
      }
      if (d.line > line) break;
      if (d.kind === 'disable') {
        if (d.rules === null) {
          all = true;
          off.clear();
          on.clear();
        } else for (const r of d.rules) (on.delete(r), off.add(r));
      } else if (d.rules === null) {
        all = false;
        off.clear();
        on.clear();
      } else for (const r of d.rules) (off.delete(r), on.add(r));
    }
    return (all && !on.has(rule)) || off.has(rule);
  };
}
