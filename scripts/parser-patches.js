// Source changes the bundler makes to the parser's packages (scripts/bundle.js): the command line
// runs them, and test/pipeline/parser-patches.test.ts holds the patched parser's trees equal to the
// packages' own, document after document in one process.
//
// Each change is an exact text replacement. A text must be found exactly once; when a new version
// of a package changes it, the build stops here, naming the file, and the change is to be reviewed
// against the new code.
//
// 1. mdast-util-from-markdown: one handler context per document. The compiler called each event's
//    handler with a fresh copy of its context object (eight fields) plus the event's
//    `sliceSerialize`. That copy, one per event, was a sixth of the CPU time of a lint over the
//    package documents of `npm run bench` (16.0 s against 13.4 s, one process, half the corpus).
//    The handlers only read `this` during the call (none assigns to it or keeps it), so one object,
//    made once per document and given each event's `sliceSerialize` before its handler runs, gives
//    them the same fields.
//
// 2. micromark: the combined constructs once per extension list. `parse` merged the default
//    constructs with the extensions (GFM, front matter) for every document, so each document's
//    tokenizers met new lookup maps, and the property accesses on them never settled: on the
//    tldr pages (thousands of tiny files) a lint took 3.90 s, and 3.46 s with the merge made once.
//    The merged maps are only read while parsing. They are kept per extension array and made again
//    when the array holds other extensions than when they were merged.
//
// 3. mdast-util-from-markdown: the compiler once per extension list. Likewise `compiler` built its
//    handler table (a hundred closures, merged with the extensions' handlers) for every document:
//    3.55 s against 3.40 s on the same pages. The table and the closures hold no document's state;
//    the one object that does, `data` (flags a handler sets while it compiles: in a table, in a
//    reference...), is now made for each document as before, in `compile` instead of `compiler`.
//
// 4-8. micromark's tokenizer, in the places a profile of a lint over the package documents put
//    first, each an allocation or a slow path taken for every attempt, character or event. Half
//    the package documents, one process: 8.13 s before, 7.42 s after (interleaved runs, medians
//    of five); all of them on both cores: 13.42 s before, 12.67 s after (medians of three). The
//    JSON reports are byte-identical.
//    4. An attempt at a map of constructs (at every line start and every special character)
//       spread the map's entry and its catch-all entry into a new list. With no catch-all entry
//       (text, where most attempts are) the list is the entry itself: handleListOfConstructs only
//       reads it.
//    5. The token stack an attempt may restore is copied with `slice`, not `Array.from`.
//    6. micromark-util-character tests an ASCII code by running a regular expression on a
//       one-character string. The answers for 0-127 are now read from a table that the same
//       expression fills once; other codes still ask the expression.
//    7. subtokenize kept its jumps over inserted events in objects keyed by event index: sparse,
//       so in dictionary mode, and merged with Object.assign once per embedded token. Maps.
//    8. Each subtokenize pass copied the document's events into its buffer and copied the result
//       back. The buffer now works in the array itself: it only ever changes its arrays in
//       place, and moving its cursor to the end leaves every event in that array, in order.
//
// The caches (2 and 3) hold while each extension list holds the same items (compared one by
// one, not inside nested lists) and the extension objects do not change once parsing has begun.
// remark-gfm and remark-frontmatter make them when the processor is configured; the one change
// made to them after (src/pipeline/autolink-transform.ts guards a tree transform of
// mdast-util-gfm-autolink-literal) is made when the pipeline's parser is built, before its first
// parse.
import { readFile } from 'node:fs/promises';

/** Whether two extension lists hold the same items: a cache entry holds while its list does. */
const SAME_ITEMS = `function sameItems(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
`;

/**
 * The edits, by package file, as micromark 4.0, micromark-util-character 2.1,
 * micromark-util-subtokenize 2.1 and mdast-util-from-markdown 2.1 write the code.
 */
export const PARSER_PATCHES = {
  'mdast-util-from-markdown/lib/index.js': [
    // 1. One handler context per document.
    {
      find: `    events = prepared;
    index = -1;
`,
      replace: `    events = prepared;
    index = -1;
    const handlerThis = { ...context, sliceSerialize: undefined };
`,
    },
    {
      find: `        // Note: spread first, V8 has optimizations for object shape cloning.
        handler[events[index][1].type].call({
          ...context,
          sliceSerialize: events[index][2].sliceSerialize
        }, events[index][1]);
`,
      replace: `        handlerThis.sliceSerialize = events[index][2].sliceSerialize;
        handler[events[index][1].type].call(handlerThis, events[index][1]);
`,
    },
    // 3. The compiler once per extension list; its \`data\` once per document.
    {
      find: `function compiler(options) {
  /** @type {Config} */
  const config = {`,
      replace: `const compilers = new WeakMap();
${SAME_ITEMS}
function compiler(options) {
  const list = (options || {}).mdastExtensions;
  if (!list) return createCompiler(options);
  let entry = compilers.get(list);
  if (!entry || !sameItems(entry.items, list)) {
    entry = { items: [...list], compile: createCompiler(options) };
    compilers.set(list, entry);
  }
  return entry.compile;
}

function createCompiler(options) {
  /** @type {Config} */
  const config = {`,
    },
    {
      find: `  /** @type {CompileData} */
  const data = {};
  return compile;
`,
      replace: `  return compile;
`,
    },
    {
      find: `      buffer,
      resume,
      data
    };
`,
      replace: `      buffer,
      resume,
      data: {}
    };
`,
    },
  ],
  'micromark/lib/create-tokenizer.js': [
    // 4. No new list per attempt at a map of constructs when the map has no catch-all entry.
    {
      find: `          const left = code !== null && map[code];
          const all = code !== null && map.null;
          const list = [`,
      replace: `          const left = code !== null && map[code];
          const all = code !== null && map.null;
          if (!all && Array.isArray(left)) return handleListOfConstructs(left)(code);
          const list = [`,
    },
    // 5. The stack kept for a restore, copied without the iterator protocol.
    {
      find: `    const startStack = Array.from(stack);`,
      replace: `    const startStack = stack.slice();`,
    },
  ],
  'micromark-util-character/index.js': [
    // 6. ASCII answers from a table the expression itself fills.
    {
      find: `function regexCheck(regex) {
  return check;
`,
      replace: `function regexCheck(regex) {
  const ascii = new Uint8Array(128);
  for (let c = 0; c < 128; c++) ascii[c] = regex.test(String.fromCharCode(c)) ? 1 : 0;
  return check;
`,
    },
    {
      find: `    return code !== null && code > -1 && regex.test(String.fromCharCode(code));`,
      replace: `    return code !== null && code > -1 && (code < 128 ? ascii[code] === 1 : regex.test(String.fromCharCode(code)));`,
    },
  ],
  'micromark-util-subtokenize/index.js': [
    // 7. The jumps over inserted events kept in Maps: as objects with integer keys, sparse and
    //    dictionary-mode, merged by Object.assign, they took a tenth of a parse.
    {
      find: `  const jumps = {};
`,
      replace: `  const jumps = new Map();
`,
    },
    {
      find: `    while (index in jumps) {
      index = jumps[index];
    }
`,
      replace: `    while (jumps.has(index)) {
      index = jumps.get(index);
    }
`,
    },
    {
      find: `        Object.assign(jumps, subcontent(events, index));
        index = jumps[index];
`,
      replace: `        for (const [from, to] of subcontent(events, index)) jumps.set(from, to);
        index = jumps.get(index);
`,
    },
    {
      find: `  const gaps = {};
`,
      replace: `  const gaps = new Map();
`,
    },
    {
      find: `    gaps[adjust + jumps[index][0]] = adjust + jumps[index][1];
`,
      replace: `    gaps.set(adjust + jumps[index][0], adjust + jumps[index][1]);
`,
    },
    // 8. Each pass works in the events array itself, not in a copy copied back at its end.
    {
      find: `  const events = new SpliceBuffer(eventsArray);
`,
      replace: `  const events = new SpliceBuffer();
  events.left = eventsArray;
`,
    },
    {
      find: `  splice(eventsArray, 0, Number.POSITIVE_INFINITY, events.slice(0));
`,
      replace: `  events.setCursor(Number.POSITIVE_INFINITY);
`,
    },
  ],
  'micromark/lib/parse.js': [
    // 2. The combined constructs once per extension list.
    {
      find: `export function parse(options) {
  const settings = options || {};
  const constructs = /** @type {FullNormalizedExtension} */
  combineExtensions([defaultConstructs, ...(settings.extensions || [])]);
`,
      replace: `const combined = new WeakMap();
${SAME_ITEMS}
function combinedConstructs(list) {
  if (!list) return combineExtensions([defaultConstructs]);
  let entry = combined.get(list);
  if (!entry || !sameItems(entry.items, list)) {
    entry = { items: [...list], constructs: combineExtensions([defaultConstructs, ...list]) };
    combined.set(list, entry);
  }
  return entry.constructs;
}

export function parse(options) {
  const settings = options || {};
  const constructs = /** @type {FullNormalizedExtension} */
  combinedConstructs(settings.extensions);
`,
    },
  ],
};

/**
 * Apply the edits for `pkgFile` (a key of PARSER_PATCHES) to its source; throws, naming `file`,
 * when a text to replace is not found exactly once.
 */
export function patchSource(pkgFile, text, file) {
  const edits = PARSER_PATCHES[pkgFile];
  if (!edits) throw new Error(`parser-patches: no edits for ${pkgFile}`);
  for (const { find } of edits) {
    const count = text.split(find).length - 1;
    if (count !== 1) throw new Error(`parser-patches: expected one match in ${file}, found ${count}; review scripts/parser-patches.js against the new version`);
  }
  let out = text;
  for (const { find, replace } of edits) out = out.replace(find, () => replace);
  return out;
}

/** Paths ending in one of the patched package files, with either kind of slash. */
const PATCHED_FILES = new RegExp(
  `[\\\\/](?:${Object.keys(PARSER_PATCHES)
    .map((key) => key.replace(/[.]/gu, '\\.').split('/').join('[\\\\/]'))
    .join('|')})$`,
);

/** The package file a path is, when it is one of those patched. */
function patchedFileOf(path) {
  const slashed = path.split('\\').join('/');
  return Object.keys(PARSER_PATCHES).find((key) => slashed.endsWith(`/node_modules/${key}`));
}

/** @type {import('esbuild').Plugin} */
export const parserPatches = {
  name: 'parser-patches',
  setup(b) {
    const applied = new Set();
    b.onStart(() => applied.clear());
    b.onLoad({ filter: PATCHED_FILES }, async (args) => {
      const key = patchedFileOf(args.path);
      if (!key) return undefined;
      applied.add(key);
      return { contents: patchSource(key, await readFile(args.path, 'utf8'), args.path), loader: 'js' };
    });
    b.onEnd((result) => {
      // A package resolved from another file (another version, a development build) would go
      // unpatched: every build that uses the plugin bundles both files.
      if (result.errors.length > 0) return;
      const missing = Object.keys(PARSER_PATCHES).filter((key) => !applied.has(key));
      if (missing.length > 0) throw new Error(`parser-patches: ${missing.join(' and ')} not bundled from node_modules; review scripts/parser-patches.js`);
    });
  },
};
