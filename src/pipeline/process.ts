/**
 * One document through the pipeline's stages, in one direction:
 *
 *   source --remark-parse--> mdast --encoding stage--> repaired mdast --extract--> Roadmap --validate
 *
 * The result keeps everything later stages need (rules, emitters, the fixer), so none of them
 * parses again.
 */
import { basename, extname } from 'node:path';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { extractRoadmap } from '../model/extract.js';
import type { Extraction } from '../model/extract.js';
import type { Roadmap } from '../model/types.js';
import { validateRoadmap, type SchemaError } from '../model/validate.js';
import { createClassifier } from '../policy/match.js';
import { getDefaultRegistry, type Registry } from '../policy/registry.js';
import { SourceIndex } from '../util/source.js';
import { plainText, walk, type TreeNode } from '../util/tree.js';
import { repairTree, type SourceRepair } from './encoding-stage.js';
import { neutraliseUnsafeLinks, type NeutralisedLink, type SourceEdit } from './safety-stage.js';
import { DEFAULT_LIMITS, LimitError, type Limits } from './limits.js';
import { parseMarkdown } from './parse.js';
import { EXIT_CONTENT, InputError } from './read.js';

export interface ProcessOptions {
  /** Path of the source, as reports should show it. */
  path: string;
  /** Whether the file started with a byte order mark (kept by fixes). */
  bom?: boolean;
  /** The configuration's word on the official-only promise. */
  officialOnly?: boolean;
  registry?: Registry;
  /** Size and nesting limits (defaults in pipeline/limits.ts). */
  limits?: Partial<Limits>;
}

export interface ProcessedDocument {
  path: string;
  /** The source text as read (without a byte order mark). */
  source: string;
  bom: boolean;
  index: SourceIndex;
  /** The parsed tree, with mojibake in its prose repaired; positions are those of `source`. */
  tree: Root;
  repairs: SourceRepair[];
  /** Unsafe link targets the safety stage neutralised to "#" in the tree, with their original URLs. */
  neutralised: NeutralisedLink[];
  /** The source edits that neutralise them in the cleaned Markdown (same length, same lines). */
  safetyEdits: SourceEdit[];
  extraction: Extraction;
  roadmap: Roadmap;
  /** Schema errors in the model; empty when it is valid. */
  schemaErrors: SchemaError[];
  /** The vfile that rules report to. */
  file: VFile;
  /** The official-source registry the document was classified with. */
  registry: Registry;
}

export { parseMarkdown } from './parse.js';

/** The document name used for dist/<name>.*: the file name without its Markdown extension. */
export function documentName(path: string): string {
  const base = basename(path);
  const ext = extname(base);
  return /^\.(md|markdown|mdown|mkd)$/iu.test(ext) ? base.slice(0, -ext.length) : base;
}

/**
 * Give a position to nodes a parser extension made without one (GFM's autolink literals found by
 * a text transform): the span of their text between their neighbours, or the gap they sit in.
 * Every link must have a place, for the model's line and column and for findings.
 */
/**
 * Where a node's text lies in the source between `from` and `to` when the parser changed it on the
 * way (indentation or a quote's ">" dropped at line starts, spaces dropped at line ends): its
 * characters in order, anything else skipped. The span ends at the last character, so nodes made
 * from one text (a literal URL cut out of it) get spans that follow each other, not one span each
 * over all of them.
 */
function spanOf(source: string, text: string, from: number, to: number): [number, number] | null {
  let j = 0;
  let start = -1;
  for (let i = from; i < to && j < text.length; ) {
    let end: number;
    let reference: RegExpExecArray | null = null;
    if (source[i] === text[j]) {
      end = i + 1;
      j++;
    } else if (source[i] === '&' && (reference = CHARACTER_REFERENCE.exec(source.slice(i, i + 40)))) {
      // A character reference stands for the character it decodes to.
      end = i + reference[0].length;
      j += (text.codePointAt(j) ?? 0) > 0xffff ? 2 : 1;
    } else {
      i++;
      continue;
    }
    if (start < 0) start = i;
    i = end;
    if (j >= text.length) return [start, end];
  }
  return null;
}

/** `&amp;`, `&#233;`, `&#xE9;`. */
const CHARACTER_REFERENCE = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/u;

function fillPositions(tree: Root, source: string, index: SourceIndex): void {
  walk(tree as TreeNode, (node, ancestors) => {
    const parent = ancestors[ancestors.length - 1] as (TreeNode & Partial<Pick<Root, 'position'>>) | undefined;
    const own = node as TreeNode & Partial<Pick<Root, 'position'>>;
    if (own.position || !parent?.position) return undefined;
    const siblings = (parent.children ?? []) as (TreeNode & Partial<Pick<Root, 'position'>>)[];
    const i = siblings.indexOf(own);
    let from = parent.position.start.offset ?? 0;
    let to = parent.position.end.offset ?? source.length;
    for (let j = i - 1; j >= 0; j--) {
      const end = siblings[j]!.position?.end.offset;
      if (end !== undefined) {
        from = end;
        break;
      }
    }
    for (let j = i + 1; j < siblings.length; j++) {
      const start = siblings[j]!.position?.start.offset;
      if (start !== undefined) {
        to = start;
        break;
      }
    }
    const text = plainText(own);
    const at = text ? source.indexOf(text, from) : -1;
    const [start, end] = at >= 0 && at + text.length <= to ? [at, at + text.length] : (spanOf(source, text, from, to) ?? [from, Math.max(from, to)]);
    own.position = { start: index.pointAt(start), end: index.pointAt(end) };
    return undefined;
  });
}

export function processSource(source: string, options: ProcessOptions): ProcessedDocument {
  const registry = options.registry ?? getDefaultRegistry();
  let tree: Root;
  try {
    tree = parseMarkdown(source, { limits: { ...DEFAULT_LIMITS, ...options.limits } });
  } catch (error) {
    if (error instanceof LimitError) throw new InputError(options.path, error.message, EXIT_CONTENT, error.line);
    // A parser extension walks the tree recursively: should a document get past the nesting limit
    // and still be too deep for the stack, it is refused with a message, not a crash.
    if (error instanceof RangeError) {
      throw new InputError(options.path, 'nested too deeply to parse (block quotes or lists thousands of levels deep)', EXIT_CONTENT);
    }
    throw error;
  }
  const index = new SourceIndex(source);
  fillPositions(tree, source, index);
  const repairs = repairTree(tree, source, index);
  const safety = neutraliseUnsafeLinks(tree, source);
  const repairsByLine = new Map<number, SourceRepair[]>();
  for (const r of repairs) {
    const list = repairsByLine.get(r.startPoint.line);
    if (list) list.push(r);
    else repairsByLine.set(r.startPoint.line, [r]);
  }
  const extraction: Extraction = extractRoadmap(tree, {
      document: documentName(options.path),
      source: options.path.split('\\').join('/'),
      classify: createClassifier(registry),
      repairedColumn: (line, column) => {
        let shift = 0;
        for (const r of repairsByLine.get(line) ?? []) {
          if (r.endPoint.column <= column) shift += r.original.length - r.replacement.length;
        }
        return column - shift;
      },
      ...(options.officialOnly !== undefined ? { officialOnly: options.officialOnly } : {}),
    });
  const file = new VFile({ path: options.path, value: source });
  file.data.findings = [];
  return {
    path: options.path,
    source,
    bom: options.bom ?? false,
    index,
    tree,
    repairs,
    neutralised: safety.neutralised,
    safetyEdits: safety.edits,
    extraction,
    roadmap: extraction.roadmap,
    schemaErrors: validateRoadmap(extraction.roadmap),
    file,
    registry,
  };
}
